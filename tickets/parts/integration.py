"""What the parts app plugs into elsewhere: parts lines and cost of tickets, the home dashboard, the report."""

from decimal import Decimal

from django.db.models import Count, DecimalField, ExpressionWrapper, F, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.dashboard import ReportSection, register_report_section, widget
from helpdesk.roles import Role, has_role, user_team
from tickets.plugins.parts import PartLine, register_parts_provider

WIDGET_ROWS = 8


def ticket_part_lines(ticket) -> list[PartLine]:
    """Installed parts of a ticket, for the ticket page, the asset page and the summary letter."""
    from tickets.parts.models import PartRequest

    rows = PartRequest.objects.installed().filter(ticket_id=ticket.pk).select_related("item").order_by("installed_at")
    return [
        PartLine(description=row.part_name, quantity=row.quantity, unit=str(row.unit_of_measure), cost=row.cost)
        for row in rows
    ]


def tickets_parts_cost(ticket_ids) -> dict[int, Decimal]:
    """Installed parts cost per ticket: one aggregate query for any number of tickets."""
    from tickets.parts.models import PartRequest

    rows = (
        PartRequest.objects.installed()
        .filter(ticket_id__in=list(ticket_ids))
        .values("ticket_id")
        .annotate(total=Sum("cost"))
        .values_list("ticket_id", "total")
    )
    return {ticket_id: total or Decimal(0) for ticket_id, total in rows}


def ticket_section_context(request, ticket) -> dict | None:
    """The "อะไหล่" section of the ticket page: the ticket's requests in one query, for staff who read parts."""
    from tickets.parts.access import can_read_parts
    from tickets.parts.models import PartRequest, PartRequestStatus
    from tickets.parts.services.requests import REQUESTABLE_TICKET_STATUSES

    user = request.user
    if not can_read_parts(user):
        return None
    rows = list(PartRequest.objects.filter(ticket_id=ticket.pk).select_related("item").order_by("created_at", "pk"))
    can_request = ticket.can_act(user) and ticket.status in REQUESTABLE_TICKET_STATUSES
    if not rows and not can_request:
        return None
    installed = [row.cost or Decimal(0) for row in rows if row.status == PartRequestStatus.INSTALLED]
    return {
        "ticket": ticket,
        "rows": rows,
        "can_request": can_request,
        "installed_cost": sum(installed, Decimal(0)),
        "outstanding": sum(1 for row in rows if row.is_outstanding),
    }


@widget("parts_stock", template="parts/includes/_widget_stock.html", roles={Role.STOCK_OFFICER}, order=40)
def stock_widget_context(request) -> dict | None:
    from tickets.parts.models import Item, PartRequest, PartRequestStatus

    user = request.user
    if not (user.is_superuser or has_role(user, Role.STOCK_OFFICER)):
        return None
    S = PartRequestStatus
    counts = PartRequest.objects.aggregate(
        to_approve=Count("pk", filter=Q(status=S.REQUESTED)),
        to_order=Count("pk", filter=Q(status__in=[S.APPROVED, S.PROCUREMENT])),
        overdue=Count("pk", filter=Q(status=S.ORDERED, expected_date__lt=_today())),
        to_install=Count("pk", filter=Q(status__in=[S.ISSUED, S.RECEIVED])),
    )
    low = list(Item.objects.at_or_below_reorder().order_by("balance", "code")[:WIDGET_ROWS])
    return {"counts": counts, "low_stock": low}


@widget("parts_mine", template="parts/includes/_widget_technician.html", roles={Role.TECHNICIAN}, order=45)
def technician_widget_context(request) -> dict | None:
    from tickets.parts.models import PartRequest

    user = request.user
    if not has_role(user, Role.TECHNICIAN):
        return None
    mine = PartRequest.objects.outstanding().filter(requested_by=user)
    team = user_team(user)
    to_decide = PartRequest.objects.none()
    if team is not None and team.head_id == user.pk:
        to_decide = PartRequest.objects.filter(status="requested", ticket__team=team)
    rows = list(mine.select_related("item", "ticket").order_by("created_at")[:WIDGET_ROWS])
    decide_count = to_decide.count()
    if not rows and not decide_count:
        return None
    return {"mine": rows, "mine_total": mine.count(), "to_decide": decide_count}


def _today():
    from django.utils import timezone

    return timezone.localdate()


def parts_report(scope) -> dict:
    """Parts used and their cost; consumables disbursed by unit (for the executive summary)."""
    from tickets.parts.models import DisbursementLine, PartRequest

    installed = PartRequest.objects.installed().filter(
        scope.unit_filter("ticket__unit"), scope.date_filter("installed_at")
    )
    if scope.team_id is not None:
        installed = installed.filter(ticket__team_id=scope.team_id)
    parts = list(
        installed.values("item__code", "item__name", "description")
        .annotate(requests=Count("pk"), quantity=Sum("quantity"), cost=Sum("cost"),
                  tickets=Count("ticket", distinct=True))
        .order_by("-cost", "item__code", "description")
    )
    for row in parts:
        row["name"] = row["item__name"] or row["description"]
    totals = installed.aggregate(cost=Sum("cost"), quantity=Sum("quantity"), tickets=Count("ticket", distinct=True))
    lines = DisbursementLine.objects.filter(
        scope.unit_filter("disbursement__unit"), scope.date_filter("disbursement__handed_over_at"),
        disbursement__status="handed_over",
    )
    amount = ExpressionWrapper(
        F("quantity") * F("unit_cost"), output_field=DecimalField(max_digits=14, decimal_places=2)
    )
    by_unit = list(
        lines.values("disbursement__unit__code", "disbursement__unit__name")
        .annotate(disbursements=Count("disbursement", distinct=True), qty=Sum("quantity"), value=Sum(amount))
        .order_by("-value", "disbursement__unit__code")
    )
    disbursed_total = lines.aggregate(value=Sum(amount), qty=Sum("quantity"))
    return {"parts": parts, "totals": totals, "by_unit": by_unit, "disbursed_total": disbursed_total}


def parts_report_csv(scope):
    data = parts_report(scope)
    header = [_("หมวด"), _("รหัส"), _("รายการ/หน่วยงาน"), _("จำนวน"), _("มูลค่า (บาท)")]
    rows = [
        [_("อะไหล่ที่ใช้"), row["item__code"] or "", row["name"], row["quantity"], row["cost"] or 0]
        for row in data["parts"]
    ]
    rows += [
        [_("วัสดุที่เบิกจ่าย"), row["disbursement__unit__code"], row["disbursement__unit__name"], row["qty"],
         row["value"] or 0]
        for row in data["by_unit"]
    ]
    return header, rows


def stock_items():
    """The catalogue items a unit may ask for (unit requests, through tickets.plugins.disbursements)."""
    from tickets.parts.models import Item

    return Item.objects.active().order_by("name")


def prepare_disbursement(*, unit, purpose: str, lines, by):
    from tickets.parts.services import disbursement_create

    return disbursement_create(unit=unit, purpose=purpose, lines=lines, by=by)


def register() -> None:
    from tickets.parts.services import outstanding_part_names
    from tickets.parts.services.requests import guard_ticket_transition
    from tickets.plugins.disbursements import register_disbursement_provider
    from tickets.plugins.guards import register_transition_guard
    from tickets.plugins.sections import register_detail_section

    register_detail_section("parts", template="parts/includes/_ticket_section.html", context=ticket_section_context,
                            order=20)
    register_transition_guard(guard_ticket_transition)
    register_disbursement_provider(items=stock_items, create=prepare_disbursement)
    register_parts_provider(lines=ticket_part_lines, costs=tickets_parts_cost, waiting_parts=outstanding_part_names)
    register_report_section(
        ReportSection(
            "parts", gettext_lazy("อะไหล่และวัสดุคอมพิวเตอร์"), "parts/includes/_report_section.html",
            build=parts_report, order=60, csv_rows=parts_report_csv,
        )
    )

