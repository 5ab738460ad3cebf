"""A booking walked from request to checked with the clock moved; who may take each step; cancel; edit."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from tickets.meetings.models import Booking, BookingEvent

from .conftest import at

S = Booking.Status


def url(name, booking):
    return reverse(f"meetings:{name}", args=[booking.pk])


@pytest.fixture
def booking(requester_a, room, zoom, meeting_day, make_booking, clock):
    clock.set(at(meeting_day - dt.timedelta(days=2), 10, 0))
    return make_booking(requester_a, starts_at=at(meeting_day, 13), ends_at=at(meeting_day, 15), room=room,
                        vc_account=zoom, participants=12)


def test_a_full_booking_from_request_to_checked(booking, login, requester_a, technician, it_head, clock,
                                                meeting_day, django_capture_on_commit_callbacks):
    staff = login(technician)
    # Confirmed 2 minutes 30 seconds after the request: within the 3-minute target.
    clock.set(booking.created_at + dt.timedelta(minutes=2, seconds=30))
    response = staff.post(url("confirm", booking), {"assigned_to": it_head.pk, "join_url": "https://zoom.us/j/123",
                                                    "join_details": "Passcode 2569", "note": "เตรียมห้องให้แล้ว"})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == S.CONFIRMED and booking.assigned_to == it_head and booking.confirmed_by == technician
    assert booking.confirm_time == dt.timedelta(minutes=2, seconds=30) and booking.confirmed_within_target
    assert booking.join_url == "https://zoom.us/j/123"
    assert any(requester_a.email in m.to and "ยืนยันการจองแล้ว" in m.subject for m in mail.outbox)

    # The set-up test 40 minutes before the start: on time (due 30 minutes before).
    clock.set(at(meeting_day, 12, 20))
    page = staff.get(url("detail", booking)).content.decode()
    assert 'id="flag-setup"' not in page
    assert staff.post(url("setup", booking), {"note": "ทดสอบภาพและเสียงเรียบร้อย"}).status_code == 302
    booking.refresh_from_db()
    assert booking.status == S.READY and booking.setup_on_time and booking.setup_by == technician

    # Not yet started: "held" is refused with a Thai message, nothing changes.
    response = staff.post(url("hold", booking), follow=True)
    assert "ยังไม่ถึงเวลาเริ่มประชุม (13:00 น.)" in response.content.decode()
    assert Booking.objects.get(pk=booking.pk).status == S.READY
    clock.set(at(meeting_day, 13, 5))
    assert staff.post(url("hold", booking)).status_code == 302
    assert Booking.objects.get(pk=booking.pk).status == S.HELD

    # The check is due 10 minutes after the end; at 15:15 it is overdue and flagged.
    clock.set(at(meeting_day, 15, 15))
    assert 'id="flag-check"' in staff.get(url("detail", booking)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(url("check", booking), {"equipment_state": "issues",
                                                      "problems": "ไมโครโฟนตัวที่ 3 เสีย"})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == S.CHECKED and booking.equipment_state == "issues"
    assert booking.problems == "ไมโครโฟนตัวที่ 3 เสีย" and booking.checked_by == technician
    events = list(booking.events.values_list("from_status", "to_status"))
    assert events == [("", "requested"), ("requested", "confirmed"), ("confirmed", "ready"), ("ready", "held"),
                      ("held", "checked")]
    # booking_checked: the requester hears the service is closed (the survey invitation goes here).
    assert any(requester_a.email in m.to and "ปิดงานบริการการประชุมแล้ว" in m.subject for m in mail.outbox)
    page = login(requester_a).get(url("detail", booking)).content.decode()
    assert "ไมโครโฟนตัวที่ 3 เสีย" in page and 'id="events"' in page and "ตรวจสอบหลังการประชุมแล้ว" in page


def test_a_late_set_up_is_flagged_and_recorded_late(booking, login, technician, clock, meeting_day):
    from tickets.meetings.services import booking_confirm

    clock.set(booking.created_at + dt.timedelta(minutes=10))
    booking_confirm(booking=booking, by=technician, assigned_to=technician)
    assert Booking.objects.get(pk=booking.pk).confirmed_within_target is False
    clock.set(at(meeting_day, 12, 45))
    staff = login(technician)
    assert 'id="flag-setup"' in staff.get(url("detail", booking)).content.decode()
    staff.post(url("setup", booking), {"note": "ทดสอบแล้ว"})
    booking.refresh_from_db()
    assert booking.status == S.READY and booking.setup_on_time is False
    assert "ล่าช้า" in booking.events.last().note


def test_the_check_form_records_held_first_when_staff_skipped_it(booking, technician, clock, meeting_day):
    from tickets.meetings.services import booking_check, booking_confirm, booking_setup

    booking_confirm(booking=booking, by=technician, assigned_to=technician)
    clock.set(at(meeting_day, 12))
    booking_setup(booking=booking, by=technician, note="พร้อม")
    clock.set(at(meeting_day, 15, 5))
    booking_check(booking=booking, by=technician, equipment_state="ok")
    assert list(booking.events.values_list("to_status", flat=True))[-2:] == ["held", "checked"]


def test_the_check_is_refused_before_the_meeting_ends(booking, login, technician, clock, meeting_day):
    from tickets.meetings.services import booking_confirm, booking_hold, booking_setup

    booking_confirm(booking=booking, by=technician, assigned_to=technician)
    clock.set(at(meeting_day, 12))
    booking_setup(booking=booking, by=technician, note="พร้อม")
    clock.set(at(meeting_day, 13, 30))
    booking_hold(booking=booking, by=technician)
    response = login(technician).post(url("check", booking), {"equipment_state": "ok"}, follow=True)
    assert "ตรวจสอบหลังการประชุมได้เมื่อการประชุมสิ้นสุดแล้ว" in response.content.decode()
    assert Booking.objects.get(pk=booking.pk).status == S.HELD


def test_problems_must_be_described_when_equipment_has_issues(booking, login, technician, clock, meeting_day):
    Booking.objects.filter(pk=booking.pk).update(status=S.HELD)
    clock.set(at(meeting_day, 15, 5))
    response = login(technician).post(url("check", booking), {"equipment_state": "issues", "problems": " "},
                                      follow=True)
    assert "กรุณาระบุปัญหาที่พบ" in response.content.decode()
    assert Booking.objects.get(pk=booking.pk).status == S.HELD


def test_requesters_may_not_take_staff_steps(booking, login, requester_a, technician):
    client = login(requester_a)
    for name, data in (("confirm", {"assigned_to": technician.pk}), ("setup", {"note": "x"}), ("hold", {}),
                       ("check", {"equipment_state": "ok"})):
        assert client.post(url(name, booking), data).status_code == 403
    assert Booking.objects.get(pk=booking.pk).status == S.REQUESTED
    assert BookingEvent.objects.count() == 1


def test_staff_may_not_confirm_their_own_booking(login, technician, room, meeting_day, make_booking):
    own = make_booking(technician, starts_at=at(meeting_day, 9), ends_at=at(meeting_day, 10), room=room)
    client = login(technician)
    assert 'id="confirm-form"' not in client.get(url("detail", own)).content.decode()
    response = client.post(url("confirm", own), {"assigned_to": technician.pk})
    assert response.status_code == 403
    assert Booking.objects.get(pk=own.pk).status == S.REQUESTED


def test_other_units_get_404_on_view_edit_cancel_and_ics(booking, login, requester_b, supervisor_b):
    for user in (requester_b, supervisor_b):
        client = login(user)
        assert client.get(url("detail", booking)).status_code == 404
        assert client.get(url("edit", booking)).status_code == 404
        assert client.post(url("edit", booking), {"title": "ยึด"}).status_code == 404
        assert client.post(url("cancel", booking), {"reason": "ไม่ใช้แล้ว"}).status_code == 404
        assert client.get(url("ics", booking)).status_code == 404
    booking.refresh_from_db()
    assert booking.status == S.REQUESTED and booking.title == "ประชุมประจำเดือน"


def test_a_supervisor_of_the_unit_sees_it_but_a_read_only_executive_may_not_cancel(booking, login, supervisor_a,
                                                                                     executive):
    assert login(supervisor_a).get(url("detail", booking)).status_code == 200
    client = login(executive)
    assert client.get(url("detail", booking)).status_code == 200
    assert client.post(url("cancel", booking), {"reason": "x"}).status_code == 403
    assert Booking.objects.get(pk=booking.pk).status == S.REQUESTED


def test_the_unit_cancels_with_a_reason(booking, login, requester_a, technician):
    client = login(requester_a)
    response = client.post(url("cancel", booking), {"reason": ""}, follow=True)
    assert "กรุณาระบุเหตุผลที่ยกเลิก" in response.content.decode()
    assert Booking.objects.get(pk=booking.pk).status == S.REQUESTED
    assert client.post(url("cancel", booking), {"reason": "เลื่อนการประชุม"}).status_code == 302
    booking.refresh_from_db()
    assert booking.status == S.CANCELLED and booking.cancel_reason == "เลื่อนการประชุม" and booking.sequence == 1
    assert booking.events.last().note == "เลื่อนการประชุม"
    # A cancelled booking cannot be cancelled again (the transition table says so).
    response = client.post(url("cancel", booking), {"reason": "อีกครั้ง"}, follow=True)
    assert "ไม่สามารถเปลี่ยนสถานะ" in response.content.decode()


def test_staff_cancel_and_the_requester_is_told(booking, login, requester_a, technician):
    assert login(technician).post(url("cancel", booking), {"reason": "ห้องปิดซ่อมระบบไฟฟ้า"}).status_code == 302
    assert Booking.objects.get(pk=booking.pk).status == S.CANCELLED
    assert any(requester_a.email in m.to and "ยกเลิกการจอง" in m.subject for m in mail.outbox)


def test_the_unit_edits_a_booking_not_yet_confirmed(booking, login, requester_a, technician, meeting_day):
    from tickets.meetings.services import booking_confirm

    client = login(requester_a)
    response = client.post(url("edit", booking), {
        "title": "ประชุมประจำเดือน (เลื่อนเวลา)", "date": f"{meeting_day.day:02d}/{meeting_day.month:02d}/"
        f"{meeting_day.year + 543}", "start_time": "14:00", "end_time": "16:00", "participants": "12",
        "room": booking.room_id, "vc_account": booking.vc_account_id, "contact_name": "สมศรี ใจดี",
        "contact_phone": "0812345678", "notes": "",
    })
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.starts_at == at(meeting_day, 14) and booking.title.endswith("(เลื่อนเวลา)")
    assert booking.events.last().note == "แก้ไขรายละเอียดการจอง" and booking.sequence == 1
    booking_confirm(booking=booking, by=technician, assigned_to=technician)
    assert client.get(url("edit", booking)).status_code == 403


def test_steps_are_post_only(booking, login, technician):
    client = login(technician)
    for name in ("confirm", "setup", "hold", "check", "cancel"):
        assert client.get(url(name, booking)).status_code == 405
    assert Booking.objects.get(pk=booking.pk).status == S.REQUESTED


def test_the_booking_list_keeps_a_fixed_number_of_queries(login, requester_a, technician, room, meeting_day,
                                                          make_booking, django_assert_max_num_queries):
    for hour in range(8, 18):
        make_booking(requester_a, starts_at=at(meeting_day, hour), ends_at=at(meeting_day, hour, 45), room=room)
    client = login(technician)
    client.get(reverse("meetings:list"))
    with django_assert_max_num_queries(14):
        response = client.get(reverse("meetings:list"))
    assert response.content.decode().count('class="list-group-item list-group-item-action"') == 10
