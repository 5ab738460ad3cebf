import datetime as dt
import zoneinfo

import pytest

from helpdesk.models import Holiday
from helpdesk.workdays import WorkingCalendar, add_working_days, working_days_between

BKK = zoneinfo.ZoneInfo("Asia/Bangkok")

pytestmark = pytest.mark.django_db


def test_it_skips_weekends():
    friday = dt.datetime(2026, 11, 20, 10, 0, tzinfo=BKK)
    assert add_working_days(friday, 1) == dt.datetime(2026, 11, 23, 10, 0, tzinfo=BKK)
    assert add_working_days(friday, 3) == dt.datetime(2026, 11, 25, 10, 0, tzinfo=BKK)
    assert add_working_days(friday, 0) == friday


def test_it_skips_public_holidays():
    Holiday.objects.create(date=dt.date(2026, 12, 7), name="ชดเชยวันพ่อแห่งชาติ")
    friday = dt.datetime(2026, 12, 4, 9, 0, tzinfo=BKK)
    # Sat 5, Sun 6, Mon 7 (holiday) are skipped.
    assert add_working_days(friday, 1) == dt.datetime(2026, 12, 8, 9, 0, tzinfo=BKK)
    assert working_days_between(friday, dt.datetime(2026, 12, 8, 9, 0, tzinfo=BKK)) == 1


def test_a_holiday_on_a_weekend_is_not_counted_twice():
    Holiday.objects.create(date=dt.date(2026, 12, 5), name="วันพ่อแห่งชาติ")  # a Saturday
    friday = dt.date(2026, 12, 4)
    assert working_days_between(friday, dt.date(2026, 12, 7)) == 1


def test_counting_working_days():
    monday = dt.date(2026, 11, 23)
    assert working_days_between(monday, monday) == 0
    assert working_days_between(monday, dt.date(2026, 11, 24)) == 1
    assert working_days_between(monday, dt.date(2026, 11, 30)) == 5
    assert working_days_between(monday, dt.date(2026, 12, 21)) == 20
    assert working_days_between(dt.date(2026, 11, 30), monday) == 0


def test_counting_uses_bangkok_dates():
    # 23:30 Friday UTC is Saturday in Bangkok: Saturday → Monday is one working day.
    start = dt.datetime(2026, 11, 20, 17, 30, tzinfo=dt.UTC)
    assert working_days_between(start, dt.datetime(2026, 11, 23, 9, 0, tzinfo=BKK)) == 1


def test_calendar_agrees_with_day_by_day_counting():
    holidays = [dt.date(2027, 1, 1), dt.date(2027, 4, 13), dt.date(2027, 4, 14), dt.date(2027, 4, 15)]
    calendar = WorkingCalendar(holidays=holidays)
    start = dt.date(2026, 12, 1)
    for span in range(0, 200, 7):
        end = start + dt.timedelta(days=span)
        expected = sum(
            1
            for offset in range(1, span + 1)
            if (day := start + dt.timedelta(days=offset)).weekday() < 5 and day not in holidays
        )
        assert calendar.count(start, end) == expected
        assert calendar.count(start, calendar.add(start, expected)) == expected


def test_negative_days_are_refused():
    with pytest.raises(ValueError):
        add_working_days(dt.date(2026, 1, 1), -1)
