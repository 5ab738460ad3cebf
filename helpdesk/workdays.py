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


# Office hours --------------------------------------------------------------------------------------------
# Clock targets measured in working minutes ("analysed within 10 minutes", "within 2 hours", "confirmed within
# 3 minutes") run only while the office is open: HELPDESK_OFFICE_HOURS on working days (default 08:30–16:30).

DEFAULT_OFFICE_HOURS = ("08:30", "16:30")


def office_hours() -> tuple[dt.time, dt.time]:
    """(opens, closes) from settings.HELPDESK_OFFICE_HOURS, as ``("08:30", "16:30")`` or times."""
    from django.conf import settings

    opens, closes = getattr(settings, "HELPDESK_OFFICE_HOURS", DEFAULT_OFFICE_HOURS)
    opens = opens if isinstance(opens, dt.time) else dt.time.fromisoformat(opens)
    closes = closes if isinstance(closes, dt.time) else dt.time.fromisoformat(closes)
    if closes <= opens:
        raise ValueError("HELPDESK_OFFICE_HOURS: the office must close after it opens")
    return opens, closes


def _aware(day: dt.date, at: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, at))


def _office_minutes_per_day(opens: dt.time, closes: dt.time) -> float:
    return (dt.datetime.combine(dt.date.min, closes) - dt.datetime.combine(dt.date.min, opens)).total_seconds() / 60


def add_working_minutes(moment, minutes: float, *, run_past_closing: bool = False) -> dt.datetime:
    """The moment ``minutes`` of office time after ``moment``.

    Outside office hours, on a weekend or a public holiday the clock waits for the next opening; a span that
    reaches closing time continues at the next working day's opening — unless ``run_past_closing``: then a
    clock started in office hours simply runs on (a short target such as "confirmed within 3 minutes").
    """
    if minutes < 0:
        raise ValueError("minutes must not be negative")
    opens, closes = office_hours()
    local = timezone.localtime(moment)
    per_day = _office_minutes_per_day(opens, closes)
    calendar = WorkingCalendar(local.date() - dt.timedelta(days=1),
                               local.date() + dt.timedelta(days=int(minutes // per_day) * 2 + 60))
    day = local.date()
    if not calendar.is_working_day(day) or local.time() >= closes:
        day = calendar.add(day, 1)
        current = _aware(day, opens)
    elif local.time() < opens:
        current = _aware(day, opens)
    else:
        current = local
    remaining = dt.timedelta(minutes=minutes)
    while True:
        closing = _aware(day, closes)
        if current + remaining <= closing or run_past_closing:
            return current + remaining
        remaining -= closing - current
        day = calendar.add(day, 1)
        current = _aware(day, opens)


def working_minutes_between(start, end) -> float:
    """Minutes of office time from ``start`` to ``end`` (0 when end is not after start)."""
    if end <= start:
        return 0.0
    opens, closes = office_hours()
    first, last = local_date(start), local_date(end)
    calendar = WorkingCalendar(first, last)
    total = dt.timedelta(0)
    day = first
    while day <= last:
        if calendar.is_working_day(day):
            begin = max(_aware(day, opens), start)
            stop = min(_aware(day, closes), end)
            if stop > begin:
                total += stop - begin
        day += dt.timedelta(days=1)
    return total.total_seconds() / 60
