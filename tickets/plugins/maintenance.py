"""Maintenance findings that need a repair open a ticket for the asset, linked both ways (002 §2 step ๓)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from helpdesk.thai import format_date
from tickets.models import CLOSED_STATUSES, Category, Channel, Ticket, TicketEvent

# The repair category of each asset type.
CATEGORY_FOR_TYPE = {
    "computer": "hw-computer", "notebook": "hw-computer", "monitor": "hw-monitor", "printer": "hw-printer",
    "scanner": "hw-scanner", "ups": "hw-ups", "network": "nw-connection", "software": "sw-install",
}


def _category(asset) -> Category | None:
    code = CATEGORY_FOR_TYPE.get(asset.asset_type, "hw-other")
    return (Category.objects.filter(code=code, is_active=True).first()
            or Category.objects.filter(code="hw-other").first())


def open_repair_from_maintenance(record, by) -> Ticket | None:
    """Open a repair ticket for the record's asset; when one is already open for it, link that one."""
    from tickets.services.intake import ticket_create

    asset = record.asset
    category = _category(asset)
    if category is None:
        return None
    symptom = _("พบจากการบำรุงรักษาตามแผนเมื่อ %(day)s: %(findings)s") % {
        "day": format_date(record.performed_on),
        "findings": record.findings or _("ต้องส่งซ่อม"),
    }
    try:
        ticket = ticket_create(
            unit=asset.unit, category=category, symptom=symptom,
            requester_name=by.get_full_name() or by.username, requester_phone=asset.unit.phone or "-",
            by=by, asset=asset, channel=Channel.PAPER,
        )
    except ValidationError as error:
        if getattr(error, "code", "") != "already_open":
            raise
        ticket = Ticket.objects.filter(asset=asset, category=category, maintenance_record__isnull=True).exclude(
            status__in=CLOSED_STATUSES).order_by("-created_at").first()
        if ticket is None:
            raise
        TicketEvent.objects.create(ticket=ticket, kind=TicketEvent.Kind.NOTE, actor=by, note=symptom)
    Ticket.objects.filter(pk=ticket.pk).update(maintenance_record=record)
    ticket.maintenance_record = record
    return ticket
