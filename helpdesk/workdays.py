"""Working-day arithmetic: skip Saturdays, Sundays and the public-holiday table."""

import bisect
import datetime as dt

from django.utils import timezone

from helpdesk.thai import local_date


class WorkingCalendar:
    """Holidays loaded once for a span of dates, then pure arithmetic.

    Build one per request or report and reuse it: counting working days for
    thousands of tickets then costs one query.
    """

    def __init__(self, start: dt.date | None = None, end: dt.date | None = None, holidays=None):
        if holidays is None:
            from helpdesk.models import Holiday

            qs = Holiday.objects.all()
            if start is not None:
                qs = qs.filter(date__gte=start)
            if end is not None:
                qs = qs.filter(date__lte=end)
            holidays = qs.values_list("date", flat=True)
        self.holidays = sorted({day for day in holidays if day.weekday() < 5})
        self._holiday_set = set(self.holidays)

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self._holiday_set

    def _weekdays_between(self, start: dt.date, end: dt.date) -> int:
        """Weekdays d with start < d <= end."""
        if end <= start:
            return 0
        days = (end - start).days
        weeks, rest = divmod(days, 7)
        count = weeks * 5
        weekday = start.weekday()
        for offset in range(1, rest + 1):
            if (weekday + offset) % 7 < 5:
                count += 1
        return count

    def count(self, start, end) -> int:
        """Working days d with start's date < d <= end's date (same day → 0; Fri → Mon → 1)."""
        first, last = local_date(start), local_date(end)
        if last <= first:
            return 0
        holidays = bisect.bisect_right(self.holidays, last) - bisect.bisect_right(self.holidays, first)
        return self._weekdays_between(first, last) - holidays

    def add(self, moment, days: int):
        """The moment `days` working days later, keeping the time of day."""
        if days < 0:
            raise ValueError("days must not be negative")
        is_datetime = isinstance(moment, dt.datetime)
        local = timezone.localtime(moment) if is_datetime and timezone.is_aware(moment) else moment
        day = local.date() if is_datetime else local
        remaining = days
        while remaining:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        if not is_datetime:
            return day
        return local.replace(year=day.year, month=day.month, day=day.day)


def _calendar_for(start, end_hint: dt.date) -> WorkingCalendar:
    return WorkingCalendar(local_date(start) - dt.timedelta(days=1), end_hint)


def add_working_days(moment, days: int):
    """`moment` plus `days` working days (weekends and public holidays skipped)."""
    start = local_date(moment)
    # A generous window: holidays rarely exceed a few weeks per year.
    calendar = _calendar_for(moment, start + dt.timedelta(days=days * 2 + 60))
    return calendar.add(moment, days)


def working_days_between(start, end) -> int:
    """Working days from start to end (see WorkingCalendar.count)."""
    return _calendar_for(start, local_date(end)).count(start, end)
