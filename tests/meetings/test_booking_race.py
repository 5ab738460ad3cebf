"""Two users book the same room (or a one-meeting account) for overlapping times at the same moment.

Exactly one wins; the other gets the clear Thai message; and PostgreSQL's exclusion constraint refuses a
double booking that bypasses the service entirely.
"""

import os
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from tickets.meetings.models import Booking
from tickets.meetings.services import booking_create

from .conftest import at

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql" and os.environ.get("CI") != "true",
        reason="parallel transactions and the exclusion constraint need PostgreSQL "
               "(DATABASE_URL=postgres://…; CI runs it)",
    ),
]


def _race(users, build) -> list[str]:
    barrier = threading.Barrier(len(users))
    outcomes: list[str] = []

    def attempt(user, index):
        try:
            booking = build(user, index)
            barrier.wait(timeout=10)
            try:
                booking_create(booking=booking, by=user)
                outcomes.append("won")
            except ValidationError as error:
                outcomes.append(" ".join(error.messages))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(user, i)) for i, user in enumerate(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def _booking(user, *, room=None, vc_account=None, starts_at, ends_at):
    return Booking(unit=user.profile.unit, title="ประชุมด่วน", starts_at=starts_at, ends_at=ends_at, participants=10,
                   room=room, vc_account=vc_account, contact_name="ผู้ประสานงาน", contact_phone="0812345678")


def test_two_users_booking_one_room_at_once_only_one_wins(requester_a, requester_b, room, meeting_day):
    outcomes = _race([requester_a, requester_b], lambda user, i: _booking(
        user, room=room, starts_at=at(meeting_day, 9, 30 * i), ends_at=at(meeting_day, 11)))
    assert outcomes.count("won") == 1, outcomes
    loser = next(o for o in outcomes if o != "won")
    assert "ห้อง ห้องประชุม 1 ไม่ว่างในช่วงเวลานี้" in loser or "เพิ่งถูกจองโดยผู้อื่น" in loser
    assert Booking.objects.filter(room=room).count() == 1


def test_five_parallel_bookings_of_a_one_meeting_account_leave_one(requester_a, requester_b, supervisor_a,
                                                                    supervisor_b, technician, zoom, meeting_day):
    users = [requester_a, requester_b, supervisor_a, supervisor_b, technician]
    outcomes = _race(users, lambda user, i: _booking(
        user, vc_account=zoom, starts_at=at(meeting_day, 13, 5 * i), ends_at=at(meeting_day, 14, 5 * i)))
    assert outcomes.count("won") == 1, outcomes
    assert all("ถูกใช้ครบ 1 การประชุมพร้อมกันแล้ว" in o or "เพิ่งถูกจอง" in o for o in outcomes if o != "won")
    assert Booking.objects.filter(vc_account=zoom).count() == 1


def test_an_account_allowing_two_takes_exactly_two_of_four_parallel_bookings(requester_a, requester_b,
                                                                              supervisor_a, supervisor_b, teams,
                                                                              meeting_day):
    users = [requester_a, requester_b, supervisor_a, supervisor_b]
    outcomes = _race(users, lambda user, i: _booking(
        user, vc_account=teams, starts_at=at(meeting_day, 9), ends_at=at(meeting_day, 10)))
    assert outcomes.count("won") == 2, outcomes
    assert Booking.objects.filter(vc_account=teams).count() == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the exclusion constraint exists on PostgreSQL only")
def test_the_database_refuses_overlaps_that_bypass_the_service(requester_a, room, zoom, meeting_day):
    common = {"unit": requester_a.profile.unit, "requested_by": requester_a, "title": "ตรง", "participants": 5,
              "contact_name": "ก", "contact_phone": "0812345678"}
    Booking.objects.create(**common, room=room, starts_at=at(meeting_day, 9), ends_at=at(meeting_day, 10))
    with pytest.raises(IntegrityError, match="meetings_no_overlap_room"), transaction.atomic():
        Booking.objects.create(**common, room=room, starts_at=at(meeting_day, 9, 30), ends_at=at(meeting_day, 11))
    # Back to back is fine ('[)' ranges); a cancelled booking frees the time.
    Booking.objects.create(**common, room=room, starts_at=at(meeting_day, 10), ends_at=at(meeting_day, 11))
    Booking.objects.create(**common, room=room, starts_at=at(meeting_day, 9, 15), ends_at=at(meeting_day, 9, 45),
                           status=Booking.Status.CANCELLED)
    Booking.objects.create(**common, vc_account=zoom, vc_exclusive=True, starts_at=at(meeting_day, 13),
                           ends_at=at(meeting_day, 14))
    with pytest.raises(IntegrityError, match="meetings_no_overlap_vc"), transaction.atomic():
        Booking.objects.create(**common, vc_account=zoom, vc_exclusive=True, starts_at=at(meeting_day, 13, 30),
                               ends_at=at(meeting_day, 15))
