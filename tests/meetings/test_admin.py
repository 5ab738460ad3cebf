"""Rooms and video-conference accounts are kept in the admin; bookings there are read-only."""

from django.urls import reverse

from tickets.meetings.models import Room, VCAccount

from .conftest import at


def test_the_admin_adds_a_room_and_an_account(login, admin_user, unit_a):
    client = login(admin_user)
    response = client.post(reverse("admin:meetings_room_add"), {
        "name": "ห้องประชุมชั้น 5", "location": "อาคาร 1 ชั้น 5", "capacity": "30",
        "equipment": "จอ LED, ไมโครโฟน 10 ตัว", "unit": unit_a.pk, "is_active": "on",
    })
    assert response.status_code == 302
    assert Room.objects.get().capacity == 30
    response = client.post(reverse("admin:meetings_vcaccount_add"), {
        "name": "Zoom 3", "platform": "zoom", "login": "zoom3@example.go.th", "capacity": "500",
        "concurrent_limit": "1", "is_active": "on",
    })
    assert response.status_code == 302
    assert VCAccount.objects.get().concurrent_limit == 1


def test_bookings_are_read_only_in_the_admin(login, admin_user, requester_a, room, meeting_day, make_booking):
    booking = make_booking(requester_a, starts_at=at(meeting_day, 9), ends_at=at(meeting_day, 10), room=room)
    client = login(admin_user)
    assert client.get(reverse("admin:meetings_booking_changelist")).status_code == 200
    page = client.get(reverse("admin:meetings_booking_change", args=[booking.pk]))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert client.get(reverse("admin:meetings_booking_add")).status_code == 403
    assert client.get(reverse("admin:meetings_room_changelist")).status_code == 200
    assert client.get(reverse("admin:meetings_vcaccount_changelist")).status_code == 200
