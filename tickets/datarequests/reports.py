"""Figures of the data-request service: received, granted, refused, answered on time, average working days.

A request counts as *received* in the period of its letter's receipt and as *granted*/*refused*/*on time*
in the period its reply was sent; the working days are those from receipt to reply (002 §3: at most 3).
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.dashboard import ReportScope
from helpdesk.thai import MONTHS, fiscal_year, fiscal_year_bounds, local_date
from helpdesk.workdays import WorkingCalendar

from .models import DataRequest


@dataclass
class Figures:
    label: str
    received: int = 0
    granted: int = 0
    refused: int = 0
    answered: int = 0
    on_time: int = 0
    working_days_total: int = 0

    @property
    def average_working_days(self) -> float | None:
        return round(self.working_days_total / self.answered, 1) if self.answered else None

    @property
    def on_time_percent(self) -> float | None:
        return round(100 * self.on_time / self.answered, 1) if self.answered else None


def _rows(start: dt.date, end: dt.date, extra: Q | None = None) -> list[dict]:
    scope = ReportScope(start, end)
    return list(
        DataRequest.objects.filter(extra or Q())
        .filter(scope.date_filter("received_at") | scope.date_filter("sent_at"))
        .values("received_at", "sent_at", "due_at", "outcome")
    )


def _add(figures: Figures, row: dict, start: dt.date, end: dt.date, calendar: WorkingCalendar) -> None:
    if start <= local_date(row["received_at"]) <= end:
        figures.received += 1
    sent = row["sent_at"]
    if sent is not None and start <= local_date(sent) <= end:
        figures.answered += 1
        if row["outcome"] == DataRequest.Outcome.GRANTED:
            figures.granted += 1
        elif row["outcome"] == DataRequest.Outcome.REFUSED:
            figures.refused += 1
        if sent <= row["due_at"]:
            figures.on_time += 1
        figures.working_days_total += calendar.count(row["received_at"], sent)


def period_figures(start: dt.date, end: dt.date, *, extra: Q | None = None, label: str = "") -> Figures:
    """One period: two queries (the requests, the holidays) whatever the number of requests."""
    rows = _rows(start, end, extra)
    calendar = WorkingCalendar(start - dt.timedelta(days=60), end + dt.timedelta(days=1))
    figures = Figures(label)
    for row in rows:
        _add(figures, row, start, end, calendar)
    return figures


def report_months(year_param: str | None) -> tuple[list[tuple[str, dt.date, dt.date]], int]:
    """The twelve months (Oct–Sep) of a fiscal year in B.E. (the current one when not given or invalid)."""
    current = fiscal_year(timezone.localdate())
    try:
        year = int(year_param) if year_param else current
    except ValueError:
        year = current
    if not 2400 < year < 2800:
        year = current
    first, _last = fiscal_year_bounds(year)
    months = []
    for offset in range(12):
        month_index = (first.month - 1 + offset) % 12
        start = dt.date(first.year + (first.month - 1 + offset) // 12, month_index + 1, 1)
        following = dt.date(start.year + (start.month // 12), start.month % 12 + 1, 1)
        months.append((f"{MONTHS[start.month - 1]} {start.year + 543}", start, following - dt.timedelta(days=1)))
    return months, year


def monthly_rows(months) -> list[Figures]:
    """A row per month and a total row; two queries for the whole year."""
    start, end = months[0][1], months[-1][2]
    rows = _rows(start, end)
    calendar = WorkingCalendar(start - dt.timedelta(days=60), end + dt.timedelta(days=1))
    result = []
    total = Figures(_("รวมทั้งปีงบประมาณ"))
    for label, month_start, month_end in months:
        figures = Figures(label)
        for row in rows:
            _add(figures, row, month_start, month_end, calendar)
        result.append(figures)
    for row in rows:
        _add(total, row, start, end, calendar)
    result.append(total)
    return result


def report_section(scope: ReportScope) -> dict:
    """The section of the executive summary report: the period's figures and the open requests now overdue."""
    figures = period_figures(scope.start, scope.end, extra=scope.unit_filter("unit"))
    overdue = DataRequest.objects.open().filter(scope.unit_filter("unit"), due_at__lt=timezone.now()).count()
    return {"figures": figures, "overdue_now": overdue}


def report_section_csv(scope: ReportScope):
    data = report_section(scope)
    f = data["figures"]
    header = [_("รายการ"), _("จำนวน")]
    rows = [
        [_("รับหนังสือขอข้อมูล"), f.received], [_("ให้ข้อมูล"), f.granted], [_("ไม่ให้ข้อมูล"), f.refused],
        [_("ตอบภายใน 3 วันทำการ"), f.on_time], [_("ตอบแล้วทั้งหมด"), f.answered],
        [_("เฉลี่ยวันทำการ"), f.average_working_days if f.average_working_days is not None else "-"],
        [_("ค้างเกินกำหนดขณะนี้"), data["overdue_now"]],
    ]
    return header, rows
