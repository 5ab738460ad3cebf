"""A unit user books a room and/or an online platform; the form refuses clashes, over-capacity and bad input."""

import datetime as dt

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import make_user
from tickets.meetings.models import Booking

from .conftest import at, pdf_upload

URL = reverse("meetings:create")


def be(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"


def form_data(day, **overrides):
    data = {
        "title": "ประชุมคณะทำงานงบประมาณ", "date": be(day), "start_time": "09:00", "end_time": "12:00",
        "participants": "15", "room": "", "vc_account": "", "contact_name": "สมศรี ใจดี",
        "contact_phone": "0 2521 0522 ต่อ 12", "notes": "ขอไมโครโฟนเพิ่ม",
    }
    data.update(overrides)
    return data


def test_it_books_a_room_and_an_account_with_a_buddhist_era_date(login, requester_a, technician, room, zoom,
                                                                  meeting_day):
    client = login(requester_a)
    response = client.post(URL, {**form_data(meeting_day, room=room.pk, vc_account=zoom.pk),
                                 "agenda": pdf_upload()})
    booking = Booking.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("meetings:detail", args=[booking.pk])
    assert booking.status == Booking.Status.REQUESTED
    assert booking.unit == requester_a.profile.unit and booking.requested_by == requester_a
    assert booking.starts_at == at(meeting_day, 9) and booking.ends_at == at(meeting_day, 12)
    assert booking.room == room and booking.vc_account == zoom and booking.vc_exclusive is True
    assert booking.agenda.name.startswith("meetings/agendas/") and booking.agenda.name.endswith(".pdf")
    assert [(e.from_status, e.to_status) for e in booking.events.all()] == [("", "requested")]
    recipients = {address for message in mail.outbox for address in message.to}
    assert {technician.email, requester_a.email} <= recipients


def test_the_form_shows_b_e_dates_and_the_users_contact(login, requester_a, room):
    response = login(requester_a).get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "วว/ดด/ปปปป (พ.ศ.)" in body and 'value="สมศรี ใจดี"' in body


def test_a_room_already_taken_is_refused_with_a_clear_message(login, requester_a, requester_b, room, meeting_day,
                                                               make_booking):
    make_booking(requester_b, starts_at=at(meeting_day, 10), ends_at=at(meeting_day, 11), room=room)
    response = login(requester_a).post(URL, form_data(meeting_day, room=room.pk))
    assert response.status_code == 200
    assert "ห้อง ห้องประชุม 1 ไม่ว่างในช่วงเวลานี้ (มีการจองแล้ว 10:00–11:00 น.)" in response.content.decode()
    assert Booking.objects.count() == 1
    # Nothing typed is lost.
    assert "ประชุมคณะทำงานงบประมาณ" in response.content.decode()


def test_back_to_back_bookings_and_cancelled_ones_do_not_clash(login, requester_a, requester_b, room, meeting_day,
                                                               make_booking):
    make_booking(requester_b, starts_at=at(meeting_day, 8), ends_at=at(meeting_day, 9), room=room)
    cancelled = make_booking(requester_b, starts_at=at(meeting_day, 11), ends_at=at(meeting_day, 13), room=room)
    Booking.objects.filter(pk=cancelled.pk).update(status=Booking.Status.CANCELLED)
    response = login(requester_a).post(URL, form_data(meeting_day, room=room.pk))
    assert response.status_code == 302
    assert Booking.objects.live().filter(room=room).count() == 2


def test_over_capacity_is_refused_for_rooms_and_accounts(login, requester_a, small_room, zoom, meeting_day):
    client = login(requester_a)
    response = client.post(URL, form_data(meeting_day, room=small_room.pk, participants="7"))
    assert "ห้อง ห้องประชุมเล็ก รองรับได้ 6 คน แต่มีผู้เข้าร่วม 7 คน" in response.content.decode()
    response = client.post(URL, form_data(meeting_day, vc_account=zoom.pk, participants="101"))
    assert "รองรับผู้เข้าร่วมได้ 100 คน แต่มีผู้เข้าร่วม 101 คน" in response.content.decode()
    assert not Booking.objects.exists()


def test_the_service_refuses_over_capacity_too(requester_a, small_room, meeting_day, make_booking):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        make_booking(requester_a, starts_at=at(meeting_day, 9), ends_at=at(meeting_day, 10), room=small_room,
                     participants=30)
    assert "room" in refused.value.message_dict
    assert not Booking.objects.exists()


def test_an_account_allowing_two_meetings_takes_two_but_not_three(login, requester_a, requester_b, teams,
                                                                   meeting_day, make_booking):
    make_booking(requester_b, starts_at=at(meeting_day, 9), ends_at=at(meeting_day, 10), vc_account=teams)
    make_booking(requester_b, starts_at=at(meeting_day, 11), ends_at=at(meeting_day, 12), vc_account=teams)
    client = login(requester_a)
    # 09:00–12:00 meets each of them, but never two at once: allowed with a limit of 2.
    assert client.post(URL, form_data(meeting_day, vc_account=teams.pk)).status_code == 302
    response = client.post(URL, form_data(meeting_day, vc_account=teams.pk, start_time="09:30", end_time="10:30"))
    assert "ถูกใช้ครบ 2 การประชุมพร้อมกันแล้ว" in response.content.decode()
    assert Booking.objects.filter(vc_account=teams).count() == 3
    assert not Booking.objects.filter(vc_account=teams, vc_exclusive=True).exists()


@pytest.mark.parametrize(
    ("overrides", "field_message"),
    [
        ({"end_time": "08:00"}, "เวลาสิ้นสุดต้องหลังเวลาเริ่ม"),
        ({"date": "31/02/2570"}, "วันที่ไม่ถูกต้อง"),
        ({"start_time": "25:00"}, "เวลาไม่ถูกต้อง"),
        ({"participants": "0"}, "จำนวนผู้เข้าร่วมต้องมีอย่างน้อย 1 คน"),
        ({"room": ""}, "กรุณาเลือกห้องประชุมหรือระบบประชุมทางไกลอย่างน้อยหนึ่งอย่าง"),
        ({"contact_phone": "โทรหาฉัน"}, "หมายเลขโทรศัพท์ไม่ถูกต้อง"),
        ({"start_time": "05:00"}, "จองได้ระหว่างเวลา 06:00–22:00 น."),
    ],
)
def test_bad_input_re_renders_the_form_in_thai(login, requester_a, room, meeting_day, overrides, field_message):
    response = login(requester_a).post(URL, form_data(meeting_day, **{"room": room.pk, **overrides}))
    assert response.status_code == 200
    assert field_message in response.content.decode()
    assert not Booking.objects.exists()


def test_a_past_date_is_refused(login, requester_a, room):
    import django.utils.timezone as tz

    yesterday = tz.localdate() - dt.timedelta(days=1)
    response = login(requester_a).post(URL, form_data(yesterday, room=room.pk))
    assert "วันและเวลาเริ่มประชุมต้องเป็นเวลาในอนาคต" in response.content.decode()
    assert not Booking.objects.exists()


def test_an_agenda_that_is_not_a_pdf_is_refused(login, requester_a, room, meeting_day):
    fake = SimpleUploadedFile("agenda.pdf", b"MZ\x90\x00 an executable", content_type="application/pdf")
    response = login(requester_a).post(URL, {**form_data(meeting_day, room=room.pk), "agenda": fake})
    assert "ระเบียบวาระการประชุมต้องเป็นไฟล์ PDF" in response.content.decode()
    assert not Booking.objects.exists()


def test_a_user_without_a_unit_may_not_book(login, db, room, meeting_day):
    nobody = make_user("nounit", "technician")
    client = login(nobody)
    assert client.get(URL).status_code == 403
    assert client.post(URL, form_data(meeting_day, room=room.pk)).status_code == 403
    assert not Booking.objects.exists()


def test_anonymous_users_are_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_wrong_method_is_405(login, requester_a):
    assert login(requester_a).put(URL).status_code == 405
