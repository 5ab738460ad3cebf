"""Report periods: a month, a fiscal quarter, a fiscal year (Oct–Sep, B.E.) or any range of dates.

Dates are Asia/Bangkok calendar dates; `bounds()` turns them into an aware half-open datetime
range so the database compares plain timestamps (index-friendly on every backend).
"""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings

from helpdesk.thai import BE_OFFSET, MONTHS, MONTHS_SHORT, fiscal_year_bounds, format_date

BANGKOK = ZoneInfo(settings.TIME_ZONE)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive
    label: str
    # What files of the period are named after: "2570-10" (a month, B.E. year), "2570-q1" (a fiscal quarter),
    # "2570" (a fiscal year), "25700101-25700315" (any other range, B.E. dates).
    slug: str = ""

    def filename(self, stem: str, extension: str) -> str:
        """``summary-2570-q1.pdf``: `stem`, the period, `extension`."""
        return f"{stem}-{self.slug or _be_compact(self.start) + '-' + _be_compact(self.end)}.{extension}"

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        return day_bounds(self.start, self.end)

    def months(self) -> list[tuple[dt.date, dt.date]]:
        return months_between(self.start, self.end)


def _be_compact(day: dt.date) -> str:
    return f"{day.year + BE_OFFSET}{day.month:02d}{day.day:02d}"


def day_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start 00:00, the day after end 00:00) in Bangkok time."""
    begin = dt.datetime.combine(start, dt.time.min, tzinfo=BANGKOK)
    stop = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=BANGKOK)
    return begin, stop


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + 1, 1, 1) if day.month == 12 else dt.date(day.year, day.month + 1, 1)


def months_between(start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Each calendar month touching [start, end] as (first day inside, last day inside)."""
    months = []
    first = start
    while first <= end:
        following = _next_month(first.replace(day=1))
        months.append((first, min(end, following - dt.timedelta(days=1))))
        first = following
    return months


def month_label(day: dt.date, *, short: bool = False) -> str:
    if short:
        return f"{MONTHS_SHORT[day.month - 1]} {str(day.year + BE_OFFSET)[-2:]}"
    return f"{MONTHS[day.month - 1]} {day.year + BE_OFFSET}"


def month_period(year_be: int, month: int) -> Period:
    first = dt.date(year_be - BE_OFFSET, month, 1)
    return Period(first, _next_month(first) - dt.timedelta(days=1), f"เดือน{month_label(first)}",
                  slug=f"{year_be}-{month:02d}")


def fiscal_year_period(year_be: int) -> Period:
    start, end = fiscal_year_bounds(year_be)
    return Period(start, end, f"ปีงบประมาณ {year_be} ({format_date(start)} – {format_date(end)})", slug=str(year_be))


def quarter_period(year_be: int, quarter: int) -> Period:
    """Fiscal quarter 1 = October–December of the previous calendar year."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError("quarter must be 1–4")
    fy_start, _ = fiscal_year_bounds(year_be)
    first = fy_start
    for _step in range(quarter - 1):
        for _month in range(3):
            first = _next_month(first)
    last = first
    for _month in range(3):
        last = _next_month(last)
    last -= dt.timedelta(days=1)
    return Period(first, last, f"ไตรมาสที่ {quarter} ปีงบประมาณ {year_be} ({format_date(first)} – {format_date(last)})",
                  slug=f"{year_be}-q{quarter}")


def range_period(start: dt.date, end: dt.date) -> Period:
    return Period(start, end, f"{format_date(start)} – {format_date(end)}",
                  slug=f"{_be_compact(start)}-{_be_compact(end)}")
