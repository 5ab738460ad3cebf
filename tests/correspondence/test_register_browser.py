"""In Chromium: staff issue a repair letter from the ticket page and find it in the register; the unit sees it on a
phone. Screenshots go to $SCREENSHOT_DIR when set (for looking at the pages), else to the test's tmp folder."""

import os
from pathlib import Path

import pytest

from helpdesk.correspondence.models import IssuedDocument
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_staff_issue_the_letter_and_find_it_in_the_register(page, sign_in, live_server, done_ticket, technician,
                                                            make_done_ticket, tmp_path):
    from helpdesk.correspondence.services import document_issue

    document_issue(kind="ticket_summary", target=make_done_ticket(), by=technician)  # an earlier letter
    page.set_viewport_size({"width": 1366, "height": 900})
    sign_in("tech", PASSWORD)
    page.goto(f"{live_server.url}/tickets/{done_ticket.pk}/")
    panel = '[data-letters="ticket_summary"]'
    assert "ยังไม่ได้ออกเลขหนังสือ" in page.inner_text(panel)
    page.click(f"{panel} button[type=submit]")
    page.wait_for_selector(f'{panel} a[href$="/pdf/"]')
    document = IssuedDocument.objects.get(record_label__contains=done_ticket.number)
    assert document.number in page.inner_text(panel) and document.sequence == 2
    page.screenshot(path=str(shots(tmp_path) / "ticket-letters-panel-desktop.png"), full_page=True)

    page.click("#nav-reports-menu")
    page.click("#nav-register")
    page.wait_for_selector("#register-table")
    assert page.locator("#register-table tbody tr").count() == 2
    page.fill("#id_q", "0405.1/2")  # Arabic digits find the Thai-digit number
    page.click("#register-filter button[type=submit]")
    page.wait_for_selector("#register-table")
    rows = page.locator("#register-table tbody tr")
    assert rows.count() == 1 and document.number in rows.first.inner_text()
    page.goto(f"{live_server.url}/documents/")
    page.screenshot(path=str(shots(tmp_path) / "register-desktop.png"), full_page=True)

    page.click(f"text={document.number}")
    page.wait_for_selector("#cancel-form")
    page.click("#cancel-form button[type=submit]")
    page.wait_for_selector("#cancel-form .invalid-feedback")
    assert "กรุณาระบุเหตุผล" in page.inner_text("#cancel-form")
    page.fill("#id_reissue-reason", "แก้ไขชื่อผู้รับหนังสือ")
    page.click("#reissue-form button[type=submit]")
    page.wait_for_selector(".alert-success")
    new = IssuedDocument.objects.get(replaces=document)
    assert new.number in page.inner_text("h1") and document.number in page.inner_text("main")
    page.screenshot(path=str(shots(tmp_path) / "document-detail-desktop.png"), full_page=True)


def test_the_unit_sees_its_letter_on_a_phone(phone_page, live_server, done_ticket, technician, requester_a,
                                             tmp_path):
    from helpdesk.correspondence.services import document_issue

    document = document_issue(kind="ticket_summary", target=done_ticket, by=technician)
    page = phone_page
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "req_a")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    page.goto(f"{live_server.url}/tickets/{done_ticket.pk}/")
    panel = page.locator('[data-letters="ticket_summary"]')
    assert document.number in panel.inner_text()
    assert panel.locator("button[type=submit]").count() == 0  # units do not issue letters
    href = panel.locator('a[href$="/pdf/"]').get_attribute("href")
    response = page.request.get(live_server.url + href)
    assert response.status == 200 and response.body() == document.pdf.read()
    panel.scroll_into_view_if_needed()
    page.screenshot(path=str(shots(tmp_path) / "ticket-letters-panel-phone.png"), full_page=True)
    assert page.goto(f"{live_server.url}/documents/").status == 403


def test_staff_use_the_register_on_a_phone(phone_page, live_server, done_ticket, technician, tmp_path):
    from helpdesk.correspondence.services import document_issue

    document = document_issue(kind="ticket_summary", target=done_ticket, by=technician)
    page = phone_page
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "tech")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    page.goto(f"{live_server.url}/documents/")
    assert document.number in page.inner_text("#register-table")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # no sideways scrolling of the whole page
    page.screenshot(path=str(shots(tmp_path) / "register-phone.png"), full_page=True)
