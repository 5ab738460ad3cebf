"""The scheduled job delivers the meetings' reminders: the clock moves, `manage.py send_reminders` runs, and each
notice lands once in the right inboxes and by the channel each person chose for its kind."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from helpdesk.notifications.kinds import all_kinds
from helpdesk.notifications.models import ChannelPreference, Notification, SentReminder
from tickets.meetings.integration import KINDS
from tickets.meetings.services import booking_confirm, booking_update

from .conftest import at


def run():
    call_command("send_reminders", verbosity=0)


def inbox(user) -> list[str]:
    return list(Notification.objects.filter(user=user).order_by("pk").values_list("kind", flat=True))


def mailed(user) -> list[str]:
    return [m.subject for m in mail.outbox if user.email in m.to]


@pytest.fixture
def booking(requester_a, technician, room, meeting_day, make_booking, clock):
    clock.set(at(meeting_day - dt.timedelta(days=2), 10))
    booking = make_booking(requester_a, starts_at=at(meeting_day, 13), ends_at=at(meeting_day, 15), room=room)
    clock.set(at(meeting_day - dt.timedelta(days=2), 10, 2))
    booking_confirm(booking=booking, by=technician, assigned_to=technician)
    Notification.objects.all().delete()
    mail.outbox.clear()
    return booking


def test_the_meetings_kinds_are_offered_in_the_channel_settings(login, technician):
    registered = dict(all_kinds())
    for code, label in KINDS:
        assert registered[code] == label
    body = login(technician).get(reverse("notifications:settings")).content.decode()
    assert 'name="kind_meeting_setup_due"' in body and "ถึงเวลาติดตั้ง/ทดสอบระบบก่อนประชุม" in body
    assert 'name="kind_meeting"' in body


def test_each_reminder_is_delivered_once_by_the_chosen_channel(booking, requester_a, technician, it_head, clock,
                                                               meeting_day):
    ChannelPreference.objects.create(user=technician, kind="meeting_setup_due", channel="inbox")

    clock.set(at(meeting_day - dt.timedelta(days=3), 9))  # nothing due yet
    run()
    assert not Notification.objects.exists() and not mail.outbox

    clock.set(at(meeting_day - dt.timedelta(days=1), 14))  # the requester's reminder, the day before
    run()
    run()
    assert inbox(requester_a) == ["meeting_upcoming"] and inbox(technician) == []
    assert mailed(requester_a) == [f"เตือนการประชุม {booking.reference}: ประชุมประจำเดือน"]
    notice = Notification.objects.get(user=requester_a)
    assert notice.url == reverse("meetings:detail", args=[booking.pk])
    assert "13:00–15:00 น." in notice.message and "ห้องประชุม 1" in notice.message

    clock.set(at(meeting_day, 12, 10))  # set-up due at 12:30: the assigned staff, inbox only by their choice
    run()
    run()
    assert inbox(technician) == ["meeting_setup_due"] and mailed(technician) == []
    assert inbox(it_head) == []

    clock.set(at(meeting_day, 12, 31))  # overdue: the staff and the IT head, by e-mail (their default)
    run()
    run()
    assert inbox(technician) == ["meeting_setup_due", "meeting_setup_overdue"]
    assert inbox(it_head) == ["meeting_setup_overdue"]
    assert len(mailed(technician)) == 1 and len(mailed(it_head)) == 1
    assert "เลยกำหนดติดตั้ง/ทดสอบระบบ" in mailed(it_head)[0]
    assert inbox(requester_a) == ["meeting_upcoming"]  # nothing more for the requester
    assert SentReminder.objects.filter(key__startswith="meetings.").count() == 3


def test_a_booking_moved_to_another_time_is_reminded_again(requester_a, technician, it_head, room, meeting_day,
                                                           make_booking, clock):
    clock.set(at(meeting_day - dt.timedelta(days=2), 10))
    booking = make_booking(requester_a, starts_at=at(meeting_day, 13), ends_at=at(meeting_day, 15), room=room)
    Notification.objects.all().delete()
    clock.set(at(meeting_day - dt.timedelta(days=2), 10, 5))  # not confirmed within 3 minutes
    run()
    run()
    assert inbox(technician) == ["meeting_confirm_overdue"] and inbox(it_head) == ["meeting_confirm_overdue"]

    clock.set(at(meeting_day, 12, 35))  # still not confirmed: the set-up is overdue too
    run()
    assert inbox(it_head).count("meeting_setup_overdue") == 1
    booking.starts_at, booking.ends_at = at(meeting_day, 12, 50), at(meeting_day, 14)
    booking_update(booking=booking, by=requester_a)  # the new set-up deadline is a new notice
    run()
    run()
    assert inbox(it_head).count("meeting_setup_overdue") == 2
    assert inbox(it_head).count("meeting_confirm_overdue") == 1
