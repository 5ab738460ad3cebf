"""Hand-over at delivery (000 §1.1 step ๑๑): who received the device, when, and whether it works.

"Does not work" re-opens the job under the 30-day guarantee (tickets.services.guarantee): a new ticket for the
same device and category, linked to the delivered one as its guarantee claim, served on site.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.roles import Role, has_role
from tickets.models import Channel, HandOver, ServiceMode, Status, Ticket, TicketEvent
from tickets.services.guarantee import GUARANTEE_DAYS
from tickets.services.intake import ticket_create


def may_confirm_handover(user, ticket: Ticket) -> bool:
    """The person the job was filed for, a supervisor of the unit, or staff who work on the ticket."""
    return user.is_authenticated and (
        ticket.requester_id == user.pk or has_role(user, Role.SUPERVISOR) or ticket.can_act(user)
    )


def may_record_paper_receipt(user, ticket: Ticket) -> bool:
    return user.is_authenticated and ticket.can_act(user)


def ticket_confirm_handover(
    *,
    ticket: Ticket,
    by,
    method: str,
    receiver_name: str,
    receiver_position: str,
    works: bool,
    note: str = "",
    received_at: dt.datetime | None = None,
) -> HandOver:
    """Record the receipt of a delivered ticket; with works=False open the guarantee claim."""
    note = (note or "").strip()
    if not works and not note:
        raise ValidationError(_("กรุณาระบุอาการที่ยังใช้งานไม่ได้"), code="note_required")
    if method not in HandOver.Method.values:
        raise ValidationError(_("วิธียืนยันไม่ถูกต้อง"), code="method")
    now = timezone.now()
    received_at = received_at or now
    if received_at > now:
        raise ValidationError(_("เวลารับมอบต้องไม่เป็นเวลาในอนาคต"), code="future")
    with transaction.atomic():
        locked = Ticket.objects.select_for_update().get(pk=ticket.pk)
        if locked.status != Status.DELIVERED:
            raise ValidationError(_("ยืนยันการรับมอบได้เฉพาะงานที่ส่งมอบแล้ว"), code="not_delivered")
        if HandOver.objects.filter(ticket=locked).exists():
            raise ValidationError(_("งานนี้ยืนยันการรับมอบแล้ว"), code="already_confirmed")
        handover = HandOver.objects.create(
            ticket=locked, method=method, receiver_name=receiver_name.strip(),
            receiver_position=receiver_position.strip(), received_at=received_at, works=works, note=note,
            recorded_by=by,
        )
        summary = _("%(name)s (%(position)s) ยืนยันรับมอบเครื่อง: %(result)s") % {
            "name": handover.receiver_name, "position": handover.receiver_position,
            "result": _("ใช้งานได้ตามปกติ") if works else _("ยังใช้งานไม่ได้"),
        }
        TicketEvent.objects.create(ticket=locked, kind=TicketEvent.Kind.NOTE, actor=by,
                                   note=f"{summary} {note}".strip())
        if not works:
            handover.reopened_as = _reopen(locked, by=by, handover=handover)
            handover.save(update_fields=["reopened_as"])
    return handover


def _reopen(ticket: Ticket, *, by, handover: HandOver) -> Ticket | None:
    """Within the guarantee window the job comes back as a guarantee claim of the delivered ticket."""
    delivered_on = timezone.localdate(ticket.delivered_at) if ticket.delivered_at else timezone.localdate()
    if (timezone.localdate() - delivered_on).days > GUARANTEE_DAYS:
        return None
    claim = ticket_create(
        unit=ticket.unit, category=ticket.category, requester=ticket.requester,
        symptom=_("ส่งมอบแล้วยังใช้งานไม่ได้ (ใบแจ้งซ่อม %(number)s): %(note)s") % {
            "number": ticket.number, "note": handover.note},
        requester_name=handover.receiver_name, requester_position=handover.receiver_position,
        requester_phone=ticket.requester_phone, requester_email=ticket.requester_email, by=by,
        channel=Channel.WEB, asset=ticket.asset,
        device_description=ticket.device_description or (str(ticket.asset) if ticket.asset_id else ""),
        device_serial=ticket.device_serial,
    )
    if claim.guarantee_of_id is None:
        # A device outside the register: the guarantee link cannot be found by asset, so it is set here.
        Ticket.objects.filter(pk=claim.pk).update(guarantee_of=ticket, service_mode=ServiceMode.ON_SITE)
        claim.guarantee_of, claim.service_mode = ticket, ServiceMode.ON_SITE
    TicketEvent.objects.create(ticket=ticket, kind=TicketEvent.Kind.GUARANTEE, actor=by,
                               note=_("เปิดงานซ่อมซ้ำตามการันตี: %(number)s") % {"number": claim.number})
    return claim
