"""Meeting bookings through the API: the pages' visibility, BookingForm (double booking, capacity), the
services and the kernel's transition table."""

import datetime as dt

import pytest

from tests.conftest import make_user
from tests.meetings.conftest import at, make_booking, meeting_day, room, small_room, zoom  # noqa: F401
from tickets.meetings.models import Booking, Room

BASE = "/api/v1/meeting-bookings/"


@pytest.fixture
def booking(make_booking, requester_a, room, meeting_day):  # noqa: F811
    return make_booking(requester_a, starts_at=at(meeting_day, 9), ends_at=at(meeting_day, 12), room=room)


def payload(day: dt.date, room_pk=None, **extra) -> dict:
    return {"title": "ประชุมคณะกรรมการ", "date": day.isoformat(), "start_time": "13:00", "end_time": "15:00",
            "participants": 12, "room": room_pk, "vc_account": None, "contact_name": "สมศรี ใจดี",
            "contact_phone": "0 2521 0522 ต่อ 12", "notes": "", **extra}


def test_list_and_detail_follow_the_pages_visibility(api_as, anonymous_api, requester_a, requester_b, technician,
                                                      booking):
    assert anonymous_api.get(BASE).status_code == 401
    assert anonymous_api.get(f"{BASE}{booking.pk}/").status_code == 401
    rows = api_as(requester_a).get(BASE).json()["results"]
    assert [row["reference"] for row in rows] == [booking.reference]
    assert rows[0]["room"]["name"] == "ห้องประชุม 1" and rows[0]["status"] == "requested"
    assert api_as(requester_b).get(BASE).json()["results"] == []
    assert api_as(requester_b).get(f"{BASE}{booking.pk}/").status_code == 404
    detail = api_as(technician).get(f"{BASE}{booking.pk}/")
    assert detail.status_code == 200 and detail["ETag"]
    body = detail.json()
    assert [e["to_status"] for e in body["events"]] == ["requested"]
    assert body["requested_by"] == "สมศรี ใจดี" and body["has_agenda"] is False
    assert api_as(technician).get(BASE, {"show": "cancelled"}).json()["results"] == []
    assert api_as(technician).put(f"{BASE}{booking.pk}/", {}, format="json").status_code == 405
    assert api_as(technician).delete(f"{BASE}{booking.pk}/").status_code == 405


def test_a_unit_books_through_the_pages_form_and_service(api_as, requester_a, unit_a, room, meeting_day):  # noqa: F811
    response = api_as(requester_a).post(BASE, payload(meeting_day, room.pk), format="json")
    assert response.status_code == 201, response.json()
    booking = Booking.objects.get(pk=response.json()["id"])
    assert (booking.unit, booking.requested_by, booking.room, booking.status, booking.participants) == (
        unit_a, requester_a, room, "requested", 12)
    assert booking.starts_at == at(meeting_day, 13) and booking.ends_at == at(meeting_day, 15)
    assert booking.confirm_due_at is not None
    assert [(e.to_status, e.by) for e in booking.events.all()] == [("requested", requester_a)]
    assert response.json()["events"][0]["to_status"] == "requested"


def test_double_booking_and_capacity_are_refused_with_the_forms_thai_messages(
        api_as, requester_a, requester_b, room, small_room, booking, meeting_day):  # noqa: F811
    before = Booking.objects.count()
    overlap = api_as(requester_b).post(BASE, payload(meeting_day, room.pk, start_time="11:00", end_time="13:00"),
                                       format="json")
    assert overlap.status_code == 400
    assert overlap.json()["errors"]["room"] and "ห้อง" in overlap.json()["errors"]["room"][0]
    crowded = api_as(requester_a).post(BASE, payload(meeting_day, small_room.pk, participants=30), format="json")
    assert crowded.status_code == 400
    assert crowded.json()["errors"]["room"] == ["ห้อง ห้องประชุมเล็ก รองรับได้ 6 คน แต่มีผู้เข้าร่วม 30 คน"]
    nothing = api_as(requester_a).post(BASE, payload(meeting_day, None), format="json")
    assert nothing.status_code == 400 and nothing.json()["errors"]["room"] == [
        "กรุณาเลือกห้องประชุมหรือระบบประชุมทางไกลอย่างน้อยหนึ่งอย่าง"]
    backwards = api_as(requester_a).post(BASE, payload(meeting_day, room.pk, start_time="16:00", end_time="15:00"),
                                         format="json")
    assert backwards.status_code == 400 and backwards.json()["errors"]["end_time"] == ["เวลาสิ้นสุดต้องหลังเวลาเริ่ม"]
    assert api_as(requester_a).post(BASE, [1, 2], format="json").status_code == 400
    assert api_as(requester_a).post(BASE, "{not json", content_type="application/json").status_code == 400
    assert Booking.objects.count() == before


def test_a_user_without_a_unit_may_not_book(api_as, db, room, meeting_day):  # noqa: F811
    nobody = make_user("nounit")
    assert api_as(nobody).post(BASE, payload(meeting_day, room.pk), format="json").status_code == 403
    assert Booking.objects.count() == 0


def test_staff_confirm_through_the_service_and_the_kernel_refuses_a_second_step(
        api_as, requester_a, requester_b, technician, technician_b, booking):
    url = f"{BASE}{booking.pk}/confirm/"
    assert api_as(requester_a).post(url, {}, format="json").status_code == 403
    assert api_as(requester_b).post(url, {}, format="json").status_code == 404
    assert api_as(technician).get(url).status_code == 405
    bad = api_as(technician).post(url, {"assigned_to": requester_a.pk}, format="json")
    assert bad.status_code == 400 and bad.json()["errors"]["assigned_to"]
    booking.refresh_from_db()
    assert booking.status == "requested"
    done = api_as(technician).post(url, {"note": "เตรียมห้องให้แล้ว"}, format="json")
    assert done.status_code == 200, done.json()
    booking.refresh_from_db()
    assert (booking.status, booking.confirmed_by, booking.assigned_to) == ("confirmed", technician, technician)
    assert [e.to_status for e in booking.events.all()] == ["requested", "confirmed"]
    again = api_as(technician_b).post(url, {}, format="json")
    assert again.status_code == 400 and again.json()["detail"]
    assert booking.events.count() == 2


def test_staff_may_not_confirm_their_own_booking(api_as, make_booking, technician, room, meeting_day):  # noqa: F811
    own = make_booking(technician, starts_at=at(meeting_day, 9), ends_at=at(meeting_day, 10), room=room)
    response = api_as(technician).post(f"{BASE}{own.pk}/confirm/", {}, format="json")
    assert response.status_code == 403
    own.refresh_from_db()
    assert own.status == "requested"


def test_cancel_needs_a_reason_and_goes_through_the_service(api_as, requester_a, requester_b, booking):
    url = f"{BASE}{booking.pk}/cancel/"
    assert api_as(requester_b).post(url, {"reason": "x"}, format="json").status_code == 404
    missing = api_as(requester_a).post(url, {"reason": " "}, format="json")
    assert missing.status_code == 400 and missing.json()["errors"]["reason"] == ["กรุณาระบุเหตุผลที่ยกเลิก"]
    done = api_as(requester_a).post(url, {"reason": "เลื่อนการประชุม"}, format="json")
    assert done.status_code == 200 and done.json()["status"] == "cancelled"
    booking.refresh_from_db()
    assert (booking.status, booking.cancel_reason) == ("cancelled", "เลื่อนการประชุม")
    again = api_as(requester_a).post(url, {"reason": "ซ้ำ"}, format="json")
    assert again.status_code == 400
    assert booking.events.count() == 2


def test_another_requester_of_the_unit_who_is_not_a_booker_role_may_not_cancel(api_as, unit_a, booking):
    from helpdesk.roles import Role

    stock = make_user("stock_a", Role.STOCK_OFFICER, unit=unit_a)
    assert api_as(stock).post(f"{BASE}{booking.pk}/cancel/", {"reason": "x"}, format="json").status_code == 403
    booking.refresh_from_db()
    assert booking.status == "requested"


def test_rooms_and_accounts_are_read_only_and_only_open_ones(api_as, anonymous_api, requester_a, room, zoom):  # noqa: F811
    Room.objects.create(name="ห้องปิดปรับปรุง", location="อาคาร 3", capacity=10, is_active=False)
    client = api_as(requester_a)
    assert anonymous_api.get("/api/v1/meeting-rooms/").status_code == 401
    assert [r["name"] for r in client.get("/api/v1/meeting-rooms/").json()["results"]] == ["ห้องประชุม 1"]
    accounts = client.get("/api/v1/vc-accounts/").json()["results"]
    assert accounts == [{"id": zoom.pk, "name": "Zoom 1", "platform": "zoom", "platform_label": "Zoom",
                         "capacity": 100, "concurrent_limit": 1}]
    closed = Room.objects.get(is_active=False)
    assert client.get(f"/api/v1/meeting-rooms/{closed.pk}/").status_code == 404
    assert client.post("/api/v1/meeting-rooms/", {"name": "x"}, format="json").status_code == 405


def test_the_list_keeps_a_fixed_query_budget(api_as, technician, requester_a, make_booking, room, zoom,  # noqa: F811
                                             meeting_day, django_assert_max_num_queries):  # noqa: F811
    client = api_as(technician)
    make_booking(requester_a, starts_at=at(meeting_day, 7), ends_at=at(meeting_day, 8), room=room, vc_account=zoom)
    client.get(BASE)
    with django_assert_max_num_queries(6):
        assert len(client.get(BASE).json()["results"]) == 1
    for hour in range(8, 20):
        make_booking(requester_a, starts_at=at(meeting_day, hour), ends_at=at(meeting_day, hour + 1), room=room,
                     vc_account=zoom)
    with django_assert_max_num_queries(6):
        assert len(client.get(BASE).json()["results"]) == 13
