"""The reminders source: called with a moved `now`, it names what is due (confirmation, set-up, check)."""

import datetime as dt

import pytest

from helpdesk import reminders
from tickets.meetings.integration import meetings_due
from tickets.meetings.models import Booking
from tickets.meetings.services import booking_confirm, booking_hold, booking_setup

from .conftest import at


@pytest.fixture
def booking(requester_a, room, meeting_day, make_booking, clock):
    clock.set(at(meeting_day - dt.timedelta(days=2), 10))
    return make_booking(requester_a, starts_at=at(meeting_day, 13), ends_at=at(meeting_day, 15), room=room)


def due(now):
    """Keyed by stage and booking (the deadline that ends each key is checked in test_send_reminders)."""
    return {item.key.rsplit(":", 1)[0]: item for item in meetings_due(now)}


def test_it_is_registered_with_the_kernel():
    assert meetings_due in reminders._sources


def test_an_unconfirmed_booking_is_flagged_after_three_minutes(booking, technician, it_head):
    assert f"meetings.confirm_overdue:{booking.pk}" not in due(booking.created_at + dt.timedelta(minutes=2))
    item = due(booking.created_at + dt.timedelta(minutes=4))[f"meetings.confirm_overdue:{booking.pk}"]
    assert set(item.recipients) == {technician, it_head}
    assert item.url == f"/meetings/{booking.pk}/" and booking.reference in item.subject


def test_set_up_reminder_then_overdue_then_gone_once_done(booking, technician, it_head, clock, meeting_day):
    booking_confirm(booking=booking, by=technician, assigned_to=technician)
    key_due, key_over = f"meetings.setup_due:{booking.pk}", f"meetings.setup_overdue:{booking.pk}"
    assert not {key_due, key_over} & set(due(at(meeting_day, 11, 55)))  # more than an hour ahead
    soon = due(at(meeting_day, 12, 10))  # set-up due at 12:30
    assert key_due in soon and soon[key_due].recipients == (technician,) and key_over not in soon
    late = due(at(meeting_day, 12, 31))
    assert key_over in late and key_due not in late
    assert set(late[key_over].recipients) == {technician, it_head}  # escalated to the IT head
    clock.set(at(meeting_day, 12, 40))
    booking_setup(booking=booking, by=technician, note="พร้อม")
    assert not {key_due, key_over} & set(due(at(meeting_day, 12, 41)))


def test_after_meeting_check_due_then_overdue(booking, technician, it_head, clock, meeting_day):
    booking_confirm(booking=booking, by=technician, assigned_to=technician)
    clock.set(at(meeting_day, 12))
    booking_setup(booking=booking, by=technician, note="พร้อม")
    clock.set(at(meeting_day, 13))
    booking_hold(booking=booking, by=technician)
    key_due, key_over = f"meetings.check_due:{booking.pk}", f"meetings.check_overdue:{booking.pk}"
    assert not {key_due, key_over} & set(due(at(meeting_day, 14, 59)))
    assert key_due in due(at(meeting_day, 15, 5))
    late = due(at(meeting_day, 15, 11))  # due 10 minutes after the end
    assert key_over in late and set(late[key_over].recipients) == {technician, it_head}
    assert Booking.objects.get(pk=booking.pk).check_overdue(at(meeting_day, 15, 11))


def test_the_requester_is_reminded_the_day_before(booking, requester_a, technician, meeting_day):
    booking_confirm(booking=booking, by=technician, assigned_to=technician)
    key = f"meetings.upcoming:{booking.pk}"
    assert key not in due(at(meeting_day - dt.timedelta(days=2), 13))
    item = due(at(meeting_day - dt.timedelta(days=1), 14))[key]
    assert item.recipients == (requester_a,) and item.kind == "meeting_upcoming"


def test_cancelled_bookings_are_never_due(booking, technician, meeting_day):
    Booking.objects.filter(pk=booking.pk).update(status=Booking.Status.CANCELLED)
    assert not any(str(booking.pk) in key for key in due(at(meeting_day, 12, 31)))


def test_the_kernel_collects_the_notices(booking, meeting_day):
    keys = {item.key.rsplit(":", 1)[0] for item in reminders.collect(at(meeting_day, 12, 31))}
    assert f"meetings.setup_overdue:{booking.pk}" in keys
