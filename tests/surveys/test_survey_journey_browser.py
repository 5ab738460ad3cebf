"""On a phone: a repair is delivered and its requester rates it from the inbox link; an account request is
rated from the link without signing in; the report shows the KPI against the target (desktop)."""

import os

import pytest

from helpdesk.roles import Role
from tests.conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("SCREENSHOT_DIR")


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def rate(page, stars: int):
    for group in page.query_selector_all(".survey-scale"):
        group.query_selector(f"label:text-is('{stars}')").click()


def test_rate_a_repair_from_the_inbox_and_an_account_request_from_the_link(
    browser, page, phone_page, live_server, unit_a, team_a, network_admin, supervisor_a, executive
):
    from django.core.cache import caches
    from django.urls import reverse

    from helpdesk.surveys.models import Invitation, Response
    from tests.tickets.conftest import FULL_PATH, category
    from tickets.network.models import AccountRequest, Service
    from tickets.network.services import account_request_approve, account_request_complete
    from tickets.services import ticket_create, ticket_transition

    for backend in caches.all():
        backend.clear()
    somsri = make_user("somsri", Role.REQUESTER, unit=unit_a, first_name="สมศรี", last_name="ใจดี")
    weera = make_user("weera", Role.TECHNICIAN, unit=unit_a, team=team_a, first_name="วีระ", last_name="ช่างซ่อม")
    ticket = ticket_create(unit=unit_a, category=category("hw-computer"), symptom="เปิดเครื่องไม่ติด", requester=somsri,
                           requester_name="สมศรี ใจดี", requester_phone="02 111 2222", by=somsri, asset=None,
                           device_description="คอมพิวเตอร์ตั้งโต๊ะ", channel="web")
    ticket_transition(ticket=ticket, to="received", by=weera)
    ticket_transition(ticket=ticket, to="in_progress", by=weera)
    ticket_transition(ticket=ticket, to="quality_check", by=weera, cause="แรมเสีย", fix="เปลี่ยนแรม")
    for status, fields in FULL_PATH[3:]:
        ticket_transition(ticket=ticket, to=status, by=weera, **fields)

    # The requester, on a phone: the bell counts the unread notices; the survey invitation opens the form.
    phone_page.goto(f"{live_server.url}/accounts/login/")
    phone_page.fill("input[name=username]", "somsri")
    phone_page.fill("input[name=password]", PASSWORD)
    phone_page.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    phone_page.wait_for_selector("#inbox-unread")
    assert int(phone_page.inner_text("#inbox-unread")) >= 1
    phone_page.goto(f"{live_server.url}{reverse('notifications:inbox')}")
    assert "โปรดประเมินความพึงพอใจ" in phone_page.inner_text("#inbox-list")
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    shot(phone_page, "inbox-phone")
    phone_page.click(".list-group-item:has-text('โปรดประเมินความพึงพอใจ') button:has-text('เปิดเรื่อง')")
    phone_page.wait_for_selector("#survey form")
    assert "งานซ่อมบำรุงคอมพิวเตอร์" in phone_page.inner_text("#survey-service")
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    shot(phone_page, "survey-phone")
    phone_page.click("#survey-submit")  # nothing chosen: the browser asks first, nothing is saved
    assert not Response.objects.exists()
    rate(phone_page, 5)
    phone_page.fill("textarea[name=comment]", "ซ่อมเร็วมาก ขอบคุณค่ะ")
    phone_page.click("#survey-submit")
    phone_page.wait_for_selector("text=ขอบคุณสำหรับการประเมินความพึงพอใจ")
    assert "ได้รับการประเมินแล้ว" in phone_page.inner_text("#survey-refusal")
    shot(phone_page, "survey-answered-phone")
    repair = Response.objects.get(invitation__object_id=ticket.pk, invitation__service__code="repair")
    assert (repair.score, repair.comment, repair.answered_by) == (5, "ซ่อมเร็วมาก ขอบคุณค่ะ", somsri)

    # An account request, completed by the network admin; rated from the link on a phone without signing in.
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.network.conftest import pdf_upload, png_upload
    from tickets.network.defaults import ensure_default_services
    from tickets.network.services import account_request_create

    ensure_default_services(Service)  # a transactional test: an earlier flush may have taken the migration's rows
    internet = Service.objects.get(code="internet")
    request = AccountRequest(unit=unit_a, requested_by=somsri, service=internet, kind="new",
                             person_name="นายสมชาย ขยันงาน", person_position="นิติกร", mobile="0812345678",
                             memo_number="กท 5001/77", memo_date="2026-11-10")
    request.id_card.save("card.png", png_upload(), save=False)
    request.memo_file.save("memo.pdf", pdf_upload(), save=False)
    assert isinstance(pdf_upload(), SimpleUploadedFile)
    request = account_request_create(request=request, by=somsri)
    account_request_approve(request=request, by=supervisor_a)
    account_request_complete(request=request, by=network_admin, user_id="somchai.k",
                             delivery_method="sealed_document")
    invitation = Invitation.objects.get(service__code="network_account")
    anonymous = browser.new_context(locale="th-TH", timezone_id="Asia/Bangkok", viewport={"width": 390, "height": 844},
                                    is_mobile=True, has_touch=True)
    stranger = anonymous.new_page()
    stranger.goto(f"{live_server.url}{reverse('surveys:answer', args=[invitation.token])}")
    assert "บัญชีผู้ใช้" in stranger.inner_text("#survey-service")
    rate(stranger, 4)
    stranger.click("#survey-submit")
    stranger.wait_for_selector("text=ขอบคุณสำหรับการประเมินความพึงพอใจ")
    anonymous.close()
    invitation.refresh_from_db()
    assert (invitation.response.score, invitation.response.answered_by) == (4, None)

    # Desktop: the executive's summary report shows the KPI against the target per service.
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", executive.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    from helpdesk.thai import fiscal_year

    page.goto(f"{live_server.url}{reverse('reports:summary')}?period=fiscal_year&fiscal_year="
              f"{fiscal_year(ticket.delivered_at)}")
    table = page.inner_text("#report-satisfaction-services")
    assert "งานซ่อมบำรุงคอมพิวเตอร์" in table and "บัญชีผู้ใช้" in table and "ผ่านเป้าหมาย" in table
    page.locator("#report-satisfaction-services").scroll_into_view_if_needed()
    if SHOTS:
        page.locator("#report-satisfaction-services").screenshot(path=os.path.join(SHOTS, "report-kpi-desktop.png"))
