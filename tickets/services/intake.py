"""Opening a ticket: gap-free numbering per fiscal year, routing, guarantee, service level."""

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.counters import next_number
from helpdesk.roles import team_for_unit
from helpdesk.thai import fiscal_year
from helpdesk.workdays import add_working_days
from tickets.models import Channel, FiscalYearCounter, ServiceMode, Ticket, TicketEvent, TicketPhoto
from tickets.notifications import notify_new_ticket
from tickets.services.guarantee import guarantee_check

logger = logging.getLogger(__name__)


def format_number(year: int, sequence: int) -> str:
    return f"{year}-{sequence:05d}"


def next_ticket_number(year: int) -> int:
    """The next sequence number of fiscal `year`, from a row locked until the caller's transaction ends.

    Must run inside the transaction that creates the ticket: if that rolls back, so does the
    counter, so numbers stay gap-free; concurrent creators wait on the row lock.
    """
    return next_number(FiscalYearCounter, fiscal_year=year)


def ticket_create(
    *,
    unit,
    category,
    symptom: str,
    requester_name: str,
    requester_phone: str,
    by,
    channel: str = Channel.WEB,
    requester=None,
    requester_position: str = "",
    requester_email: str = "",
    asset=None,
    device_description: str = "",
    device_serial: str = "",
    memo_number: str = "",
    memo_date: dt.date | None = None,
    memo_scan=None,
    callback_due_at: dt.datetime | None = None,
    photos: list | tuple = (),
    allow_duplicate: bool = False,
    guarantee_waived_reason: str = "",
    now: dt.datetime | None = None,
) -> Ticket:
    """Record a repair request, numbered, routed to the unit's team, checked for the 30-day guarantee.

    `photos` are already validated uploads (see forms.validate_image). `guarantee_waived_reason`
    lets staff override a positive guarantee check (recorded on the ticket and in the timeline).
    An open ticket of the same asset and category is refused unless `allow_duplicate`.
    """
    now = now or timezone.now()
    if asset is not None and asset.unit_id != unit.pk:
        raise ValidationError(_("ครุภัณฑ์นี้ไม่ได้อยู่ในความดูแลของหน่วยงานที่แจ้ง"), code="asset_unit")
    if asset is None and not device_description.strip():
        raise ValidationError(_("กรุณาเลือกครุภัณฑ์ หรือระบุอุปกรณ์ที่ไม่มีในทะเบียน"), code="no_device")
    check = guarantee_check(asset, category, now)
    if check.open_ticket is not None and not allow_duplicate:
        raise ValidationError(
            _("ครุภัณฑ์นี้มีใบแจ้งซ่อมหมวดเดียวกันที่ยังดำเนินการอยู่แล้ว: %(number)s")
            % {"number": check.open_ticket.number},
            code="already_open",
        )
    guarantee_of = check.previous
    service_mode = check.service_mode
    override_reason = ""
    if guarantee_of is not None and guarantee_waived_reason.strip():
        override_reason = guarantee_waived_reason.strip()
        guarantee_of = None
        service_mode = ServiceMode.ONE_STOP
    year = fiscal_year(now)
    with transaction.atomic():
        sequence = next_ticket_number(year)
        ticket = Ticket.objects.create(
            number=format_number(year, sequence),
            fiscal_year=year,
            sequence=sequence,
            unit=unit,
            requester=requester,
            requester_name=requester_name,
            requester_position=requester_position,
            requester_phone=requester_phone,
            requester_email=requester_email or (requester.email if requester else ""),
            asset=asset,
            device_description=device_description,
            device_serial=device_serial or (asset.serial_number if asset else ""),
            category=category,
            symptom=symptom,
            channel=channel,
            memo_number=memo_number,
            memo_date=memo_date,
            callback_due_at=callback_due_at if channel == Channel.PHONE else None,
            created_by=by,
            team=team_for_unit(unit),
            service_mode=service_mode,
            guarantee_of=guarantee_of,
            guarantee_override_reason=override_reason,
            due_at=add_working_days(now, category.target_working_days),
            created_at=now,
        )
        if memo_scan is not None:
            ticket.memo_scan.save(memo_scan.name or "memo.pdf", memo_scan, save=True)
        for upload, content_type in photos:
            photo = TicketPhoto(ticket=ticket, content_type=content_type, size=upload.size, uploaded_by=by)
            photo.image.save(upload.name or "photo", upload, save=True)
        TicketEvent.objects.create(
            ticket=ticket, kind=TicketEvent.Kind.CREATED, actor=by, at=now, to_status=ticket.status,
            message="guarantee_of" if guarantee_of is not None else "",
            params={"number": guarantee_of.number} if guarantee_of is not None else {},
        )
        if override_reason:
            TicketEvent.objects.create(
                ticket=ticket, kind=TicketEvent.Kind.GUARANTEE, actor=by, at=now, is_internal=True,
                note=_("ไม่ถือเป็นงานการันตีของ %(number)s: %(reason)s")
                % {"number": check.previous.number, "reason": override_reason},
            )
        transaction.on_commit(lambda: notify_new_ticket(ticket))
    logger.info("ticket %s created for unit %s by %s", ticket.number, unit.code, getattr(by, "pk", None))
    return ticket
