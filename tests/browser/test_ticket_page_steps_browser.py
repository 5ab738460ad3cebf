"""The ticket page at desk and phone sizes: step buttons, the error summary taking the focus, the sticky action
bar on a phone, and the tracking page's large survey choices."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from helpdesk.roles import Role
from tests.conftest import PASSWORD, make_user
from tests.tickets.conftest import category

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots-b"))


def _log_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    page.wait_for_load_state()


def _ticket(unit_a, team_a):
    from django.core.cache import caches

    from tickets.services import ticket_create

    for backend in caches.all():
        backend.clear()
    weera = make_user("weera", Role.TECHNICIAN, unit=unit_a, team=team_a, first_name="วีระ", last_name="ช่างซ่อม")
    ticket = ticket_create(unit=unit_a, category=category("hw-computer"), symptom="เปิดเครื่องไม่ติด",
                           requester=None, requester_name="สมศรี ใจดี", requester_phone="081 234 5678", by=weera,
                           asset=None, device_description="คอมพิวเตอร์ตั้งโต๊ะ", channel="web")
    return weera, ticket


def _status(ticket):
    from tickets.models import Ticket

    return Ticket.objects.get(pk=ticket.pk).status


def _focus_settles_on(page, element_id: str) -> bool:
    """Whether the focus reaches `element_id` within 5 s: after an htmx answer it moves once htmx has settled the
    new content, a moment after the content is in the page (under load that moment grows)."""
    try:
        page.wait_for_function("id => document.activeElement && document.activeElement.id === id", arg=element_id,
                               timeout=5000)
    except PlaywrightTimeoutError:
        return False
    return True


def test_desk_status_buttons_and_the_error_summary_focus(page, live_server, unit_a, team_a):
    _weera, ticket = _ticket(unit_a, team_a)
    _log_in(page, live_server, "weera")
    page.goto(f"{live_server.url}/tickets/{ticket.pk}/")
    assert not page.is_visible("#action-bar")  # the desk has the actions card beside the ticket
    assert page.locator("#transition-form select").count() == 0
    page.evaluate("window.stayedOnPage = true")  # gone if the browser loads a new page
    page.click("#transition-form button[name=to][value=received]")
    page.wait_for_selector("#ticket-status [data-status=received]")
    page.click("#transition-form button[name=to][value=in_progress]")
    page.wait_for_selector("#ticket-status [data-status=in_progress]")
    assert page.evaluate("window.stayedOnPage === true")  # updated in place (htmx)
    assert "กำลังดำเนินการ" in page.inner_text("#timeline")
    page.screenshot(path=str(SHOTS / "ticket-desk.png"), full_page=True)

    # "Waiting for parts" without the part or a reason: refused, summary on top and focused; its link
    # moves the focus to the field.
    page.fill("#transition-note", "")
    page.click("#transition-form button[name=to][value=waiting_parts]")
    page.wait_for_selector("#error-summary")
    assert _focus_settles_on(page, "error-summary")
    assert page.locator("#error-summary").bounding_box()["y"] < 900
    assert "กรุณาระบุอะไหล่ที่รอ" in page.inner_text("#error-summary")
    page.click("#error-summary a[data-error-field=transition-note]")
    assert _focus_settles_on(page, "transition-note")
    page.screenshot(path=str(SHOTS / "ticket-desk-error.png"))
    page.fill("#transition-note", "รอหน่วยงานจัดซื้อแบตเตอรี่")
    page.click("#transition-form button[name=to][value=waiting_parts]")
    page.wait_for_selector("#ticket-status [data-status=waiting_parts]")
    assert _status(ticket) == "waiting_parts"

    # A refused work record: the summary's link opens the folded section that holds the field.
    page.click("summary:has-text('บันทึกผลการซ่อม')")
    page.fill("#work-time_spent_minutes", "999999")
    page.click("#work-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    page.evaluate("document.getElementById('work-time_spent_minutes').closest('details').open = false")
    page.click("#error-summary a[data-error-field=work-time_spent_minutes]")
    assert _focus_settles_on(page, "work-time_spent_minutes")
    assert page.evaluate("document.getElementById('work-time_spent_minutes').closest('details').open")


def test_phone_sticky_bar_steps_and_the_reason_on_the_first_screen(phone_page, live_server, unit_a, team_a):
    page = phone_page
    weera, ticket = _ticket(unit_a, team_a)
    _log_in(page, live_server, "weera")
    page.goto(f"{live_server.url}/tickets/{ticket.pk}/")
    bar = page.locator("#action-bar")
    assert bar.is_visible()
    box = bar.bounding_box()
    assert box["y"] + box["height"] <= 844 + 1 and box["y"] > 600  # at the bottom of the first screen
    assert page.locator("#bar-take").bounding_box()["height"] >= 44
    assert page.get_attribute("#requester-phone", "href") == "tel:0812345678"
    page.screenshot(path=str(SHOTS / "ticket-phone.png"))
    page.screenshot(path=str(SHOTS / "ticket-phone-full.png"), full_page=True)

    page.evaluate("window.stayedOnPage = true")
    page.click("#bar-take")
    page.wait_for_selector("text=รับงานแล้ว")
    assert page.locator("#bar-take").count() == 0
    page.click("#bar-step")  # the usual next step: received
    page.wait_for_selector("#ticket-status [data-status=received]")
    assert page.inner_text("#bar-step") == "ดำเนินการซ่อม"
    page.click("#bar-step")
    page.wait_for_selector("#ticket-status [data-status=in_progress]")
    assert page.locator("#action-bar").is_visible()

    # The note from the bar: the folded section opens with the cursor in it.
    page.click("#bar-note")
    assert _focus_settles_on(page, "note-note")
    page.fill("#note-note", "โทรนัดผู้ใช้แล้ว")
    page.click("#note-form button[type=submit]")
    page.wait_for_selector("#timeline :text('โทรนัดผู้ใช้แล้ว')")
    assert page.evaluate("window.stayedOnPage === true")  # take, steps and the note: all in place

    # Cancelling without a reason: the reason is on the first screen, focused.
    page.click("#bar-more-steps")
    page.click("#transition-form button[name=to][value=cancelled]")
    page.wait_for_selector("#error-summary")
    assert _focus_settles_on(page, "error-summary")
    summary = page.locator("#error-summary").bounding_box()
    assert summary["y"] >= 0 and summary["y"] + summary["height"] <= 844
    assert page.evaluate("window.scrollY") < 844
    page.screenshot(path=str(SHOTS / "ticket-phone-error.png"))
    assert _status(ticket) == "in_progress"


def test_without_javascript_the_step_buttons_still_work(browser, live_server, unit_a, team_a):
    _weera, ticket = _ticket(unit_a, team_a)
    context = browser.new_context(locale="th-TH", timezone_id="Asia/Bangkok", java_script_enabled=False)
    page = context.new_page()
    try:
        _log_in(page, live_server, "weera")
        page.goto(f"{live_server.url}/tickets/{ticket.pk}/")
        page.click("#transition-form button[name=to][value=received]")
        page.wait_for_selector("#ticket-status [data-status=received]")
        page.click("#transition-form button[name=to][value=cancelled]")  # no reason: the summary, no script
        page.wait_for_selector("#error-summary a[href='#transition-note']")
        assert _status(ticket) == "received"
    finally:
        context.close()


def test_tracking_page_newest_first_and_large_survey_choices(page, phone_page, live_server, unit_a, team_a):
    from tickets.models import Status
    from tickets.services import ticket_transition

    weera, ticket = _ticket(unit_a, team_a)
    for to, fields in [(Status.IN_PROGRESS, {}), (Status.QUALITY_CHECK, {"cause": "ฝุ่น", "fix": "ทำความสะอาด"}),
                       (Status.READY_FOR_PICKUP, {}), (Status.DELIVERED, {"received_by_name": "สมศรี"})]:
        ticket_transition(ticket=ticket, to=to, by=weera, **fields)
    for view, name in ((phone_page, "phone"), (page, "desk")):
        view.goto(f"{live_server.url}/t/{ticket.tracking_token}/")
        assert "ส่งมอบแล้ว" in view.inner_text("#tracking-latest")
        labels = view.locator("#survey .survey-scale label")
        assert labels.count() >= 5
        for index in range(labels.count()):
            assert labels.nth(index).bounding_box()["height"] >= 44
        view.screenshot(path=str(SHOTS / f"tracking-{name}.png"), full_page=True)
