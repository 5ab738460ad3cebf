"""Day and week calendars: rooms and accounts as columns, each user seeing what they may see, fixed queries."""

import datetime as dt

from django.urls import reverse

from tickets.meetings.calendar import day_calendar
from tickets.meetings.models import Booking

from .conftest import at

DAY = reverse("meetings:calendar_day")
WEEK = reverse("meetings:calendar_week")


def be(day):
    return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"


def test_the_day_grid_places_bookings_in_their_room_column(login, requester_a, requester_b, room, small_room, zoom,
                                                           meeting_day, make_booking):
    mine = make_booking(requester_a, starts_at=at(meeting_day, 9), ends_at=at(meeting_day, 10, 30), room=room,
                        title="ประชุมของเขตบางเขน")
    theirs = make_booking(requester_b, starts_at=at(meeting_day, 13), ends_at=at(meeting_day, 14), room=small_room,
                          title="ประชุมลับของเขตบางขุนเทียน", participants=5)
    online = make_booking(requester_a, starts_at=at(meeting_day, 9), ends_at=at(meeting_day, 10), vc_account=zoom,
                          title="ประชุมออนไลน์")
    response = login(requester_a).get(DAY, {"date": be(meeting_day)})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="day-grid"' in body and 'id="day-list"' in body
    assert "ประชุมของเขตบางเขน" in body and "ประชุมออนไลน์" in body
    # Another unit's booking shows as busy, without its title or a link.
    assert "ประชุมลับของเขตบางขุนเทียน" not in body and "ไม่ว่าง" in body
    assert reverse("meetings:detail", args=[theirs.pk]) not in body
    assert reverse("meetings:detail", args=[mine.pk]) in body

    cal = day_calendar(requester_a, meeting_day)
    keys = [c.key for c in cal["columns"]]
    assert keys == [f"room-{room.pk}", f"room-{small_room.pk}", f"vc-{zoom.pk}"]
    first = next(r for r in cal["rows"] if r["cells"][0][0] == "start")
    assert first["time"] == at(meeting_day, 9)
    assert first["cells"][0][2] == 3  # 09:00–10:30 spans three half-hour rows
    assert first["cells"][0][1].booking == mine
    assert any(cell[0] == "start" and cell[1].booking == online for cell in first["cells"])
    # Every row has one cell per lane except where a booking spans it.
    assert all(len(r["cells"]) <= 3 for r in cal["rows"])


def test_staff_see_every_title(login, technician, requester_b, small_room, meeting_day, make_booking):
    make_booking(requester_b, starts_at=at(meeting_day, 13), ends_at=at(meeting_day, 14), room=small_room,
                 title="ประชุมของเขตบางขุนเทียน", participants=5)
    body = login(technician).get(DAY, {"date": meeting_day.isoformat()}).content.decode()
    assert "ประชุมของเขตบางขุนเทียน" in body


def test_overlapping_meetings_of_a_shared_account_get_side_by_side_lanes(requester_a, teams, meeting_day,
                                                                         make_booking):
    make_booking(requester_a, starts_at=at(meeting_day, 9), ends_at=at(meeting_day, 11), vc_account=teams)
    make_booking(requester_a, starts_at=at(meeting_day, 10), ends_at=at(meeting_day, 12), vc_account=teams)
    cal = day_calendar(requester_a, meeting_day)
    column = next(c for c in cal["columns"] if c.key == f"vc-{teams.pk}")
    assert len(column.lanes) == 2


def test_cancelled_bookings_leave_the_calendar(login, requester_a, room, meeting_day, make_booking):
    booking = make_booking(requester_a, starts_at=at(meeting_day, 9), ends_at=at(meeting_day, 10), room=room,
                           title="ประชุมที่ยกเลิก")
    Booking.objects.filter(pk=booking.pk).update(status=Booking.Status.CANCELLED)
    assert "ประชุมที่ยกเลิก" not in login(requester_a).get(DAY, {"date": be(meeting_day)}).content.decode()


def test_the_week_shows_monday_to_sunday(login, requester_a, room, meeting_day, make_booking):
    make_booking(requester_a, starts_at=at(meeting_day, 9), ends_at=at(meeting_day, 10), room=room,
                 title="ประชุมในสัปดาห์")
    response = login(requester_a).get(WEEK, {"date": be(meeting_day)})
    body = response.content.decode()
    assert response.status_code == 200 and 'id="week-grid"' in body and 'id="week-list"' in body
    assert body.count("ประชุมในสัปดาห์") == 2  # once in the desktop grid, once in the phone list
    monday = meeting_day - dt.timedelta(days=meeting_day.weekday())
    assert response.context["cal"]["monday"] == monday
    assert "วันจันทร์" in body and "วันอาทิตย์" in body


def test_a_bad_date_falls_back_to_today(login, requester_a):
    from django.utils import timezone

    response = login(requester_a).get(DAY, {"date": "not-a-date"})
    assert response.status_code == 200 and response.context["cal"]["day"] == timezone.localdate()


def test_calendars_keep_a_fixed_number_of_queries(login, requester_a, requester_b, room, small_room, zoom,
                                                  meeting_day, make_booking, django_assert_max_num_queries):
    for hour in range(7, 19):
        make_booking(requester_a if hour % 2 else requester_b, starts_at=at(meeting_day, hour),
                     ends_at=at(meeting_day, hour, 50), room=room if hour % 3 else small_room, participants=5)
    client = login(requester_a)
    client.get(DAY)
    for url in (DAY, WEEK):
        with django_assert_max_num_queries(10):
            client.get(url, {"date": be(meeting_day)})


def test_anonymous_users_sign_in_first(client, db):
    assert client.get(DAY).status_code == 302
