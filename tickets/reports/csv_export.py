"""The CSV of the report's underlying rows, streamed: one line per ticket received in the period,
then each registered section's rows under its title."""

from collections.abc import Iterator

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery

from helpdesk.csvexport import csv_lines as write_csv
from helpdesk.dashboard import ReportScope, report_sections
from helpdesk.surveys.models import Response
from helpdesk.thai import format_date
from helpdesk.workdays import WorkingCalendar
from tickets.models import Category, Channel, Status, Ticket
from tickets.reports.figures import scoped_tickets
from tickets.reports.periods import BANGKOK

HEADER = [
    "เลขที่ใบแจ้งซ่อม", "ปีงบประมาณ", "วันที่แจ้ง", "วันที่ซ่อมเสร็จ", "วันที่ส่งมอบ", "กำหนดแล้วเสร็จ",
    "รหัสหน่วยงาน", "หน่วยงาน", "ทีมที่รับผิดชอบ", "หมวดหลัก", "หมวดปัญหา", "ช่องทางการแจ้ง", "สถานะ",
    "งานการันตีของใบแจ้งซ่อม", "เลขครุภัณฑ์", "วันทำการถึงส่งมอบ", "ภายในกำหนด", "ความพึงพอใจโดยรวม",
]
CHUNK = 2000


def _moment(value) -> str:
    """'05/10/2569 14:30' (Bangkok time, B.E.)."""
    if not value:
        return ""
    local = value.astimezone(BANGKOK)
    return f"{local:%d/%m}/{local.year + 543} {local:%H:%M}"


def _score(score) -> str:
    """4.00 → "4", 4.25 → "4.25" (repairs are rated by their overall question, so whole numbers)."""
    if score is None:
        return ""
    return str(int(score)) if score == int(score) else str(score.normalize())


def ticket_rows(scope: ReportScope) -> Iterator[list]:
    begin, stop = scope.bounds()
    categories = {c.pk: c for c in Category.objects.select_related("parent")}
    statuses, channels = dict(Status.choices), dict(Channel.choices)
    calendar = WorkingCalendar(scope.start, None)
    ticket_type = ContentType.objects.get_for_model(Ticket)
    rows = (
        scoped_tickets(scope)
        .filter(created_at__gte=begin, created_at__lt=stop)
        .order_by("created_at", "pk")
        .annotate(survey_score=Subquery(
            Response.objects.filter(invitation__content_type=ticket_type, invitation__object_id=OuterRef("pk"))
            .values("score")[:1]
        ))
        .values_list(
            "number", "fiscal_year", "created_at", "resolved_at", "delivered_at", "due_at", "parts_due_at",
            "unit__code", "unit__name", "team__name", "category_id", "channel", "status", "guarantee_of__number",
            "asset__asset_number", "survey_score",
        )
    )
    for (number, year, created, resolved, delivered, due, parts_due, unit_code, unit_name, team, category_id,
         channel, status, guarantee_of, asset_number, overall) in rows.iterator(chunk_size=CHUNK):
        category = categories[category_id]
        root = category.parent or category
        finished = resolved or delivered
        deadline = max(d for d in (due, parts_due) if d) if (due or parts_due) else None
        on_time = ""
        if finished and due:
            on_time = "ใช่" if finished <= deadline else "ไม่ใช่"
        yield [
            number, year, _moment(created), _moment(resolved), _moment(delivered), _moment(due), unit_code,
            unit_name, team or "", root.name, category.name, channels.get(channel, channel),
            statuses.get(status, status), guarantee_of or "", asset_number or "",
            calendar.count(created, delivered) if delivered else "", on_time, _score(overall),
        ]


def csv_lines(scope: ReportScope, *, printed_at) -> Iterator[str]:
    return write_csv(_rows(scope, printed_at=printed_at))


def _rows(scope: ReportScope, *, printed_at) -> Iterator[list]:
    yield [f"รายงานสรุป {format_date(scope.start)} – {format_date(scope.end)}", scope.label,
           f"ออกรายงาน {format_date(printed_at, with_time=True)}"]
    yield HEADER
    yield from ticket_rows(scope)
    for section in report_sections():
        if section.csv_rows is None:
            continue
        header, rows = section.csv_rows(scope)
        yield []
        yield [section.title]
        yield header
        yield from rows
