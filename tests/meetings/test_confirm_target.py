"""The 3-minute confirmation target counts office time on working days (the shared working-day calendar)."""

import datetime as dt

import pytest
from django.utils import timezone

from helpdesk.models import Holiday
from tickets.meetings.models import confirm_due


def bkk(*args):
    return timezone.make_aware(dt.datetime(*args))


@pytest.mark.parametrize(
    ("requested", "due"),
    [
        (bkk(2026, 12, 1, 10, 0), bkk(2026, 12, 1, 10, 3)),  # Tuesday in office hours
        (bkk(2026, 12, 1, 7, 0), bkk(2026, 12, 1, 8, 33)),  # before the office opens
        (bkk(2026, 12, 1, 16, 29), bkk(2026, 12, 1, 16, 32)),  # just before closing: the 3 minutes run on
        (bkk(2026, 12, 1, 18, 0), bkk(2026, 12, 2, 8, 33)),  # evening: from the next morning
        (bkk(2026, 11, 27, 17, 0), bkk(2026, 11, 30, 8, 33)),  # Friday evening: Monday
        (bkk(2026, 11, 28, 11, 0), bkk(2026, 11, 30, 8, 33)),  # Saturday: Monday
    ],
)
def test_confirmation_is_due_three_office_minutes_after_the_request(db, requested, due):
    assert confirm_due(requested) == due


def test_public_holidays_are_skipped(db):
    Holiday.objects.create(date=dt.date(2026, 12, 7), name="วันหยุดชดเชยวันพ่อแห่งชาติ")
    assert confirm_due(bkk(2026, 12, 4, 17, 0)) == bkk(2026, 12, 8, 8, 33)


def test_a_request_filed_at_night_is_measured_from_the_office_opening(requester_a, technician, room, clock,
                                                                       make_booking):
    from tickets.meetings.models import Booking
    from tickets.meetings.services import booking_confirm

    clock.set(bkk(2026, 11, 27, 20, 0))  # Friday evening
    booking = make_booking(requester_a, starts_at=bkk(2026, 12, 2, 9), ends_at=bkk(2026, 12, 2, 10), room=room)
    assert booking.confirm_due_at == bkk(2026, 11, 30, 8, 33)
    assert not booking.confirm_overdue(bkk(2026, 11, 28, 9, 0))
    assert booking.confirm_overdue(bkk(2026, 11, 30, 8, 34))
    clock.set(bkk(2026, 11, 30, 8, 32))
    booking_confirm(booking=booking, by=technician, assigned_to=technician)
    booking = Booking.objects.get(pk=booking.pk)
    assert booking.confirm_time == dt.timedelta(minutes=2) and booking.confirmed_within_target
