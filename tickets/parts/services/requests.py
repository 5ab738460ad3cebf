"""Part requests on tickets: one transition function over PART_TRANSITIONS, and the ticket's parts wait.

Lock order everywhere: the ticket, then the part request, then stock items. A ticket is in
"waiting for parts" while any of its requests is outstanding; the first outstanding request moves an
in-progress ticket to waiting_parts (starting the parts clock of tickets.services.workflow) and the
last one to be installed, rejected or cancelled returns it to in_progress.
"""

import datetime as dt
import logging
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.roles import Role, has_role
from helpdesk.workflow import ensure_not_own_request
from tickets.models import Status, Ticket
from tickets.parts.models import (
    OUTSTANDING_STATUSES,
    PART_TRANSITIONS,
    Item,
    PartRequest,
    PartRequestEvent,
    PartRequestStatus,
)
from tickets.parts.services.stock import can_keep_stock, stock_issue, stock_receive, stock_return
from tickets.services import ticket_parts_clock_start, ticket_transition
from tickets.tracking import cache as tracking_cache

logger = logging.getLogger(__name__)
S = PartRequestStatus

# A ticket takes new part requests only while it is being worked on.
REQUESTABLE_TICKET_STATUSES = frozenset({Status.IN_PROGRESS, Status.WAITING_PARTS})

# Extra fields a transition takes, with the target that takes them.
TRANSITION_FIELDS: dict[str, str] = {
    "vendor": S.ORDERED,
    "order_reference": S.ORDERED,
    "order_date": S.ORDERED,
    "expected_date": S.ORDERED,
    "cost": S.RECEIVED,
}


def can_decide(user, ticket: Ticket) -> bool:
    """Approve or reject: the head of the ticket's team, the IT head or the stock officer."""
    if user.is_superuser or has_role(user, Role.IT_HEAD, Role.STOCK_OFFICER):
        return True
    return bool(ticket.team_id and ticket.team.head_id == user.pk)


def can_transition(user, part_request: PartRequest, to: str) -> bool:
    ticket = part_request.ticket
    if to == S.APPROVED:
        return can_decide(user, ticket) and part_request.requested_by_id != user.pk
    if to == S.REJECTED:
        return can_decide(user, ticket)
    if to in (S.ISSUED, S.PROCUREMENT, S.ORDERED, S.RECEIVED):
        return can_keep_stock(user)
    if to == S.INSTALLED:
        return ticket.can_act(user)
    if to == S.CANCELLED:
        return ticket.can_act(user) or can_keep_stock(user) or can_decide(user, ticket)
    return False


def outstanding_part_names(ticket: Ticket) -> list[str]:
    """What the ticket waits for, for the public tracking page: names only, no prices, no people."""
    rows = (
        PartRequest.objects.filter(ticket=ticket, status__in=OUTSTANDING_STATUSES)
        .select_related("item")
        .order_by("created_at", "pk")
    )
    return [request.part_name for request in rows]


# Manual status changes that would end the parts wait while a request is still open.
GUARDED_TARGETS = frozenset({Status.IN_PROGRESS, Status.QUALITY_CHECK})


def guard_ticket_transition(ticket: Ticket, to: str) -> None:
    """The parts app owns "waiting for parts": refuse to leave it (or to finish) while a part is outstanding.

    Registered with tickets.services.workflow; runs with the ticket locked. The parts app's own resume
    (after the last request is installed, rejected or cancelled) finds nothing outstanding and passes.
    """
    if to not in GUARDED_TARGETS:
        return
    if to == Status.IN_PROGRESS and ticket.status != Status.WAITING_PARTS:
        return
    names = outstanding_part_names(ticket)
    if names:
        raise ValidationError(
            _("ยังมีคำขออะไหล่ที่ค้างอยู่ (%(parts)s) กรุณาติดตั้ง ยกเลิก หรือให้พิจารณาไม่อนุมัติคำขออะไหล่ก่อน "
              "ระบบจะเปลี่ยนสถานะกลับเป็นดำเนินการซ่อมให้เอง") % {"parts": ", ".join(names)},
            code="parts_outstanding",
        )


def _lock_ticket(ticket: Ticket) -> Ticket:
    return Ticket.objects.select_for_update(of=("self",)).select_related("team").get(pk=ticket.pk)


def _sync_ticket(ticket: Ticket, by, note: str) -> None:
    """Put the ticket into / out of waiting_parts to match its outstanding requests (ticket row is locked)."""
    waiting = PartRequest.objects.filter(ticket=ticket, status__in=OUTSTANDING_STATUSES).exists()
    if waiting and ticket.status == Status.IN_PROGRESS:
        names = ", ".join(outstanding_part_names(ticket))
        ticket_transition(ticket=ticket, to=Status.WAITING_PARTS, by=by, note="",
                          event_message=("waiting_parts", {"parts": names}))
    elif not waiting and ticket.status == Status.WAITING_PARTS:
        ticket_transition(ticket=ticket, to=Status.IN_PROGRESS, by=by, note=note)
    elif waiting and ticket.status == Status.WAITING_PARTS and ticket.parts_waiting_since is None:
        # Moved to "waiting for parts" by hand (with a reason), now with a real request: the parts clock starts.
        ticket_parts_clock_start(ticket=ticket, by=by)
    else:
        # The parts a ticket waits for are on its tracking page: drop the page's cached copy.
        tracking_cache.forget(ticket.tracking_token)


def part_request_create(
    *, ticket: Ticket, by, quantity: int, reason: str, item: Item | None = None, description: str = "",
    estimated_cost: Decimal | None = None,
) -> PartRequest:
    """A technician asks for a part (catalogue item or free text) for a ticket of their team."""
    description = (description or "").strip()
    reason = (reason or "").strip()
    if item is None and not description:
        raise ValidationError(_("กรุณาเลือกรายการจากทะเบียนวัสดุหรือระบุชื่ออะไหล่"), code="no_part")
    if item is not None and not item.is_active:
        raise ValidationError(_("รายการนี้ยกเลิกการใช้งานแล้ว"), code="inactive_item")
    if not isinstance(quantity, int) or quantity < 1:
        raise ValidationError(_("จำนวนต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป"), code="quantity")
    if not reason:
        raise ValidationError(_("กรุณาระบุเหตุผลความจำเป็น"), code="reason_required")
    if estimated_cost is not None and estimated_cost < 0:
        raise ValidationError(_("ราคาประมาณการต้องไม่ติดลบ"), code="cost")
    with transaction.atomic():
        locked = _lock_ticket(ticket)
        if not locked.can_act(by):
            raise PermissionDenied(_("ขออะไหล่ได้เฉพาะช่างของทีมที่รับผิดชอบใบแจ้งซ่อมนี้"))
        if locked.status not in REQUESTABLE_TICKET_STATUSES:
            raise ValidationError(
                _("ขออะไหล่ได้เมื่อใบแจ้งซ่อมอยู่ระหว่างดำเนินการเท่านั้น (สถานะปัจจุบัน: %(status)s)")
                % {"status": Status(locked.status).label},
                code="ticket_status",
            )
        if estimated_cost is None and item is not None:
            estimated_cost = item.standard_cost * quantity
        part_request = PartRequest.objects.create(
            ticket=locked, item=item, description="" if item else description, quantity=quantity, reason=reason,
            estimated_cost=estimated_cost, requested_by=by,
        )
        PartRequestEvent.objects.create(request=part_request, actor=by, to_status=S.REQUESTED, note=reason)
        _sync_ticket(locked, by, note="")
    _refresh_ticket(ticket, locked)
    logger.info("part request %s on %s by %s", part_request.pk, locked.number, getattr(by, "pk", None))
    return part_request


def part_request_transition(
    *, part_request: PartRequest, to: str, by, note: str = "", **fields
) -> PartRequest:
    """Move a part request along PART_TRANSITIONS.

    Refused steps raise ValidationError (Thai message); the wrong person gets PermissionDenied.

    Fields: vendor, order_reference, order_date, expected_date (→ ordered); cost (→ received, total baht).
    """
    unknown = set(fields) - set(TRANSITION_FIELDS)
    if unknown:
        raise TypeError(f"part_request_transition() got unexpected fields: {sorted(unknown)}")
    if to not in S.values:
        raise ValidationError(_("ไม่รู้จักสถานะ “%(to)s”") % {"to": to}, code="unknown_status")
    for name in fields:
        if TRANSITION_FIELDS[name] != to:
            raise TypeError(f"{name} cannot be set when moving to {to}")
    note = (note or "").strip()
    now = timezone.now()
    with transaction.atomic():
        ticket = _lock_ticket(part_request.ticket)
        locked = PartRequest.objects.select_for_update().get(pk=part_request.pk)
        locked.ticket = ticket
        current = locked.status
        if to == S.APPROVED:
            ensure_not_own_request(requested_by=locked.requested_by, by=by, allowed=can_decide(by, ticket))
        elif not can_transition(by, locked, to):
            raise PermissionDenied(_("คุณไม่มีสิทธิ์ดำเนินการขั้นตอนนี้"))
        if to not in PART_TRANSITIONS[current]:
            raise ValidationError(
                _("ไม่สามารถเปลี่ยนสถานะคำขออะไหล่จาก “%(from)s” เป็น “%(to)s” ได้")
                % {"from": S(current).label, "to": S(to).label},
                code="illegal_transition",
            )
        _apply(locked, current, to, by, now, note, fields)
        locked.status = to
        locked.save()
        PartRequestEvent.objects.create(
            request=locked, actor=by, at=now, from_status=current, to_status=to, note=note
        )
        resume_note = _("ติดตั้งอะไหล่ครบแล้ว กลับมาดำเนินการซ่อม") if to == S.INSTALLED else _(
            "ไม่มีอะไหล่ที่รออยู่แล้ว กลับมาดำเนินการซ่อม"
        )
        _sync_ticket(ticket, by, note=resume_note)
    logger.info("part request %s: %s -> %s by %s", locked.pk, current, to, getattr(by, "pk", None))
    for field in PartRequest._meta.concrete_fields:
        setattr(part_request, field.attname, getattr(locked, field.attname))
    _refresh_ticket(part_request.ticket, ticket)
    return part_request


def _refresh_ticket(target: Ticket, source: Ticket) -> None:
    source.refresh_from_db()
    for field in Ticket._meta.concrete_fields:
        setattr(target, field.attname, getattr(source, field.attname))


def _apply(request: PartRequest, current: str, to: str, by, now: dt.datetime, note: str, fields: dict) -> None:
    if to == S.APPROVED:
        request.decided_by, request.decided_at = by, now
    elif to == S.REJECTED:
        if not note:
            raise ValidationError(_("กรุณาระบุเหตุผลที่ไม่อนุมัติ"), code="reason_required")
        request.decided_by, request.decided_at, request.closed_reason = by, now, note
    elif to == S.ISSUED:
        if request.item_id is None:
            raise ValidationError(
                _("อะไหล่นอกทะเบียนวัสดุจ่ายจากคลังไม่ได้ กรุณาส่งงานพัสดุจัดซื้อ"), code="not_stocked"
            )
        movement = stock_issue(item=request.item, quantity=request.quantity, by=by, part_request=request, at=now)
        request.cost = (movement.unit_cost or Decimal(0)) * request.quantity
        request.issued_at = now
    elif to == S.ORDERED:
        _apply_order(request, fields)
    elif to == S.RECEIVED:
        cost = fields.get("cost")
        if cost is None:
            cost = request.estimated_cost
        if cost is None or cost < 0:
            raise ValidationError(_("กรุณาระบุราคาจริงของอะไหล่ที่ได้รับ"), code="cost_required")
        request.cost = cost
        request.issued_at = now
        if request.item_id is not None:
            # A bought catalogue item passes through the ledger: in from the vendor, out to the ticket.
            unit_cost = (Decimal(cost) / request.quantity).quantize(Decimal("0.01"))
            stock_receive(item=request.item, quantity=request.quantity, vendor=request.vendor,
                          reference=request.order_reference, by=by, unit_cost=unit_cost, at=now, part_request=request)
            stock_issue(item=request.item, quantity=request.quantity, by=by, part_request=request, at=now,
                        unit_cost=unit_cost)
    elif to == S.INSTALLED:
        if request.ticket.status not in REQUESTABLE_TICKET_STATUSES:
            raise ValidationError(
                _("ใบแจ้งซ่อมไม่ได้อยู่ระหว่างดำเนินการ (สถานะ: %(status)s) ติดตั้งอะไหล่ไม่ได้")
                % {"status": Status(request.ticket.status).label},
                code="ticket_status",
            )
        request.installed_at = now
    elif to == S.CANCELLED:
        if not note:
            raise ValidationError(_("กรุณาระบุเหตุผลที่ยกเลิก"), code="reason_required")
        request.closed_reason = note
        if current in (S.ISSUED, S.RECEIVED) and request.item_id is not None:
            stock_return(item=request.item, quantity=request.quantity, by=by, part_request=request, at=now,
                         reason=_("ยกเลิกคำขออะไหล่ %(ticket)s: %(note)s") % {"ticket": request.ticket.number,
                                                                             "note": note})


def _apply_order(request: PartRequest, fields: dict) -> None:
    vendor = (fields.get("vendor") or "").strip()
    reference = (fields.get("order_reference") or "").strip()
    order_date, expected_date = fields.get("order_date"), fields.get("expected_date")
    missing = [
        label for label, value in (
            (_("ผู้ขาย"), vendor), (_("เลขที่ใบสั่งซื้อ"), reference), (_("วันที่สั่งซื้อ"), order_date),
            (_("กำหนดส่งของ"), expected_date),
        ) if not value
    ]
    if missing:
        raise ValidationError(_("กรุณาระบุ %(fields)s") % {"fields": ", ".join(missing)}, code="order_fields")
    if expected_date < order_date:
        raise ValidationError(_("กำหนดส่งของต้องไม่ก่อนวันที่สั่งซื้อ"), code="expected_before_order")
    request.vendor, request.order_reference = vendor, reference
    request.order_date, request.expected_date = order_date, expected_date
