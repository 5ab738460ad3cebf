"""Office-hour arithmetic: minute and hour targets run 08:30–16:30 on working days only."""

import datetime as dt

import pytest
from django.utils import timezone

from helpdesk.models import Holiday
from helpdesk.workdays import add_working_minutes, office_hours, working_minutes_between

# 2026-03-06 is a Friday; 2026-03-09 the Monday after.
FRI = dt.date(2026, 3, 6)
MON = dt.date(2026, 3, 9)
TUE = dt.date(2026, 3, 10)


def at(day, hh, mm=0):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hh, mm)))


@pytest.mark.django_db
class TestAddWorkingMinutes:
    def test_inside_office_hours(self):
        assert add_working_minutes(at(MON, 10, 0), 10) == at(MON, 10, 10)

    def test_before_opening_starts_at_opening(self):
        assert add_working_minutes(at(MON, 7, 0), 10) == at(MON, 8, 40)

    def test_after_closing_continues_next_working_day(self):
        assert add_working_minutes(at(MON, 17, 0), 10) == at(TUE, 8, 40)

    def test_span_crosses_closing_time(self):
        # 16:25 + 10 minutes: 5 before closing, 5 after the next opening.
        assert add_working_minutes(at(MON, 16, 25), 10) == at(TUE, 8, 35)

    def test_crosses_a_weekend(self):
        assert add_working_minutes(at(FRI, 16, 25), 10) == at(MON, 8, 35)
        assert add_working_minutes(at(dt.date(2026, 3, 7), 11, 0), 120) == at(MON, 10, 30)

    def test_skips_a_holiday(self):
        Holiday.objects.create(date=MON, name="วันหยุดชดเชย")
        assert add_working_minutes(at(FRI, 16, 25), 10) == at(TUE, 8, 35)

    def test_two_hours_over_a_day_boundary(self):
        assert add_working_minutes(at(MON, 15, 30), 120) == at(TUE, 9, 30)

    def test_whole_days_of_minutes(self):
        # 15 working days of 8 hours from Monday opening: three weeks later, closing time of the Friday.
        assert add_working_minutes(at(MON, 8, 30), 15 * 8 * 60) == at(dt.date(2026, 3, 27), 16, 30)

    def test_negative_refused(self):
        with pytest.raises(ValueError):
            add_working_minutes(at(MON, 10), -1)

    def test_office_hours_from_settings(self, settings):
        settings.HELPDESK_OFFICE_HOURS = ("09:00", "12:00")
        assert office_hours() == (dt.time(9), dt.time(12))
        assert add_working_minutes(at(MON, 11, 55), 10) == at(TUE, 9, 5)


@pytest.mark.django_db
class TestWorkingMinutesBetween:
    def test_same_morning(self):
        assert working_minutes_between(at(MON, 9, 0), at(MON, 9, 25)) == 25

    def test_outside_hours_count_nothing(self):
        assert working_minutes_between(at(MON, 17, 0), at(MON, 23, 0)) == 0
        assert working_minutes_between(at(MON, 12), at(MON, 11)) == 0

    def test_over_a_weekend(self):
        assert working_minutes_between(at(FRI, 16, 20), at(MON, 8, 40)) == 20

    def test_over_a_holiday(self):
        Holiday.objects.create(date=MON, name="วันหยุดชดเชย")
        assert working_minutes_between(at(FRI, 16, 20), at(TUE, 8, 40)) == 20

    def test_inverse_of_add(self):
        start = at(FRI, 15, 0)
        assert working_minutes_between(start, add_working_minutes(start, 600)) == 600


@pytest.mark.django_db
def test_run_past_closing_lets_a_started_clock_run_on():
    assert add_working_minutes(at(MON, 16, 29), 3, run_past_closing=True) == at(MON, 16, 32)
    assert add_working_minutes(at(MON, 16, 29), 3) == at(TUE, 8, 32)
    assert add_working_minutes(at(MON, 18, 0), 3, run_past_closing=True) == at(TUE, 8, 33)
