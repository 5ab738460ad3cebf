"""In Chromium: after the after-meeting check the requester, on a phone, opens the booking, follows the survey
link and rates the service; on a desktop the summary report shows the satisfaction against the target."""

import datetime as dt
import os
from unittest import mock

import pytest
from django.utils import timezone

from helpdesk.roles import Role
from tests.conftest import PASSWORD, make_user
from tickets.meetings.models import Booking, Room
from tickets.meetings.services import booking_check, booking_confirm, booking_create, booking_setup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("SCREENSHOT_DIR")


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def at(day, hh, mm=0):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hh, mm)))


def test_the_requester_rates_the_meeting_on_a_phone(browser, page, phone_page, sign_in, live_server, unit_a,
                                                    executive):
    from django.core.cache import caches

    from helpdesk.surveys.models import Response

    for backend in caches.all():
        backend.clear()
    somsri = make_user("somsri", Role.REQUESTER, unit=unit_a, first_name="สมศรี", last_name="ใจดี")
    weera = make_user("weera", Role.TECHNICIAN, unit=unit_a, first_name="วีระ", last_name="ช่างซ่อม")
    room = Room.objects.create(name="ห้องประชุมศาลาว่าการ 1", location="อาคาร 1 ชั้น 2", capacity=20)
    day = timezone.localdate() - dt.timedelta(days=1)
    with mock.patch("django.utils.timezone.now", return_value=at(day, 8)):
        booking = booking_create(booking=Booking(
            unit=unit_a, title="ประชุมคณะทำงานงบประมาณ", starts_at=at(day, 9), ends_at=at(day, 11), participants=12,
            room=room, contact_name="สมศรี ใจดี", contact_phone="0812345678"), by=somsri)
    with mock.patch("django.utils.timezone.now", return_value=at(day, 8, 2)):
        booking_confirm(booking=booking, by=weera, assigned_to=weera)
    with mock.patch("django.utils.timezone.now", return_value=at(day, 8, 20)):
        booking_setup(booking=booking, by=weera, note="ทดสอบภาพและเสียงแล้ว")
    with mock.patch("django.utils.timezone.now", return_value=at(day, 11, 5)):
        booking_check(booking=booking, by=weera, equipment_state="ok")

    phone_page.goto(f"{live_server.url}/accounts/login/")
    phone_page.fill("input[name=username]", "somsri")
    phone_page.fill("input[name=password]", PASSWORD)
    phone_page.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    phone_page.wait_for_selector("#inbox-unread")
    phone_page.goto(f"{live_server.url}/meetings/{booking.pk}/")
    assert "ประเมินความพึงพอใจ" in phone_page.inner_text("#survey-step")
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    shot(phone_page, "meeting-survey-step-phone")
    phone_page.click("#survey-link")
    phone_page.wait_for_selector("#survey form")
    assert "การประชุมผ่านระบบการประชุมทางไกล" in phone_page.inner_text("#survey-service")
    for group in phone_page.query_selector_all(".survey-scale"):
        group.query_selector("label:text-is('5')").click()
    phone_page.fill("textarea[name=comment]", "ภาพและเสียงชัดเจน")
    shot(phone_page, "meeting-survey-phone")
    phone_page.click("#survey-submit")
    phone_page.wait_for_selector("text=ขอบคุณสำหรับการประเมินความพึงพอใจ")
    saved = Response.objects.get(invitation__object_id=booking.pk, invitation__service__code="meetings")
    assert (saved.score, saved.answered_by, saved.comment) == (5, somsri, "ภาพและเสียงชัดเจน")

    sign_in(executive.username, PASSWORD)
    be = f"{day.day:02d}/{day.month:02d}/{day.year + 543}"
    page.goto(f"{live_server.url}/reports/?period=range&start={be}&end={be}")
    row = page.inner_text("#report-meetings-satisfaction")
    assert "100.0%" in row and "ผ่านเป้าหมาย" in row
    shot(page, "meeting-report-desktop")
    if SHOTS:
        page.locator("#report-meetings-targets").screenshot(path=os.path.join(SHOTS, "meeting-report-targets.png"))
