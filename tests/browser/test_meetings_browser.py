"""A unit user books a room in real Chromium (B.E. date), a clash is refused, staff confirm; the calendars on a
desktop show rooms as columns and on a phone a list."""

import datetime as dt

import pytest
from django.utils import timezone

from helpdesk.roles import Role
from tests.conftest import PASSWORD, make_user
from tickets.meetings.models import Booking, Room, VCAccount
from tickets.meetings.services import booking_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def be(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"


def at(day, hh, mm=0):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hh, mm)))


def test_a_unit_books_a_room_and_staff_confirm_it(sign_in, page, browser, live_server, unit_a, unit_b):
    somsri = make_user("somsri", Role.REQUESTER, unit=unit_a, first_name="สมศรี", last_name="ใจดี")
    other = make_user("prasert", Role.REQUESTER, unit=unit_b, first_name="ประเสริฐ", last_name="มั่นคง")
    make_user("weera", Role.TECHNICIAN, unit=unit_a, first_name="วีระ", last_name="ช่างซ่อม")
    room = Room.objects.create(name="ห้องประชุมศาลาว่าการ 1", location="อาคาร 1 ชั้น 2", capacity=20)
    VCAccount.objects.create(name="Zoom 1", platform="zoom", capacity=100)
    day = timezone.localdate() + dt.timedelta(days=3)
    booking_create(booking=Booking(unit=unit_b, title="ประชุมของอีกเขต", starts_at=at(day, 13), ends_at=at(day, 15),
                                   participants=5, room=room, contact_name="ป", contact_phone="0812345678"), by=other)

    sign_in("somsri", PASSWORD)
    page.goto(f"{live_server.url}/meetings/new/")
    page.fill("input[name=title]", "ประชุมคณะทำงานงบประมาณ")
    page.fill("input[name=date]", be(day))
    page.fill("input[name=start_time]", "14:00")
    page.fill("input[name=end_time]", "16:00")
    page.fill("input[name=participants]", "12")
    page.select_option("select[name=room]", str(room.pk))
    page.fill("input[name=contact_phone]", "0 2521 0522 ต่อ 12")
    page.click("button:has-text('ส่งคำขอจอง')")
    assert "ไม่ว่างในช่วงเวลานี้ (มีการจองแล้ว 13:00–15:00 น.)" in page.inner_text("#booking-form")
    assert page.input_value("input[name=title]") == "ประชุมคณะทำงานงบประมาณ"  # nothing lost
    page.fill("input[name=start_time]", "09:00")
    page.fill("input[name=end_time]", "11:30")
    page.click("button:has-text('ส่งคำขอจอง')")
    page.wait_for_selector("#events")
    booking = Booking.objects.get(title="ประชุมคณะทำงานงบประมาณ")
    assert booking.starts_at == at(day, 9) and booking.status == "requested" and booking.requested_by == somsri

    page.goto(f"{live_server.url}/meetings/calendar/?date={day.isoformat()}")
    grid = page.inner_text("#day-grid")
    assert "ประชุมคณะทำงานงบประมาณ" in grid and "ไม่ว่าง" in grid and "ประชุมของอีกเขต" not in grid
    assert page.is_visible("#day-grid") and not page.is_visible("#day-list")

    staff_context = browser.new_context(locale="th-TH", timezone_id="Asia/Bangkok")
    staff = staff_context.new_page()
    staff.goto(f"{live_server.url}/accounts/login/")
    staff.fill("input[name=username]", "weera")
    staff.fill("input[name=password]", PASSWORD)
    staff.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    staff.goto(f"{live_server.url}/meetings/{booking.pk}/")
    staff.click("button:has-text('ยืนยันการจองและมอบหมาย')")
    staff.wait_for_selector("#confirm-target")
    staff_context.close()
    assert Booking.objects.get(pk=booking.pk).status == "confirmed"


def test_the_calendar_is_a_list_on_a_phone(browser, live_server, unit_a):
    make_user("somsri", Role.REQUESTER, unit=unit_a)
    room = Room.objects.create(name="ห้องประชุมเล็ก", location="อาคาร 2", capacity=8)
    day = timezone.localdate() + dt.timedelta(days=2)
    user = make_user("malee", Role.REQUESTER, unit=unit_a)
    booking_create(booking=Booking(unit=unit_a, title="ประชุมทีมทะเบียน", starts_at=at(day, 10), ends_at=at(day, 11),
                                   participants=5, room=room, contact_name="ม", contact_phone="0812345678"), by=user)
    context = browser.new_context(locale="th-TH", timezone_id="Asia/Bangkok", viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.goto(f"{live_server.url}/accounts/login/")
    phone.fill("input[name=username]", "somsri")
    phone.fill("input[name=password]", PASSWORD)
    phone.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    for path, list_id, grid_id in (("/meetings/calendar/", "#day-list", "#day-grid"),
                                   ("/meetings/calendar/week/", "#week-list", "#week-grid")):
        phone.goto(f"{live_server.url}{path}?date={day.isoformat()}")
        assert phone.is_visible(list_id) and not phone.is_visible(grid_id)
        assert "ประชุมทีมทะเบียน" in phone.inner_text(list_id)
        # Nothing wider than the screen.
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
