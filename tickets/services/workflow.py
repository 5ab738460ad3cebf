"""Status changes and technicians' updates: one locked, versioned, evented write each."""

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.roles import Role, has_role, user_team
from helpdesk.workflow import transition
from tickets.models import ACTIVE_STATUSES, TRANSITIONS, ServiceMode, Status, Ticket, TicketEvent, TicketLoan
from tickets.notifications import notify_status_change
from tickets.plugins.guards import transition_guards
from tickets.plugins.parts import ticket_waiting_part_names

logger = logging.getLogger(__name__)

PARTS_CLOCK_DAYS = 90  # 000 step 12: with parts to buy, up to about three months

# Extra fields a transition may set, with the statuses that take them.
TRANSITION_FIELDS = {
    "received_by_name": {Status.DELIVERED},
    "vendor_claim_ref": {Status.AT_VENDOR},
    "cause": {Status.QUALITY_CHECK, Status.UNREPAIRABLE},
    "fix": {Status.QUALITY_CHECK},
}
WORK_FIELDS = (
    "diagnosis", "cause", "fix", "guide_followed", "reinstalled", "time_spent_minutes", "internal_notes",
    "vendor_claim_ref",
)
STALE_MESSAGE = gettext_lazy("ใบแจ้งซ่อมนี้ถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดหน้าใหม่แล้วบันทึกอีกครั้ง")


def _lock(ticket: Ticket, expected_version: int | None) -> Ticket:
    locked = Ticket.objects.select_for_update().get(pk=ticket.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ValidationError(stale_message(locked), code="stale")
    return locked


def stale_message(ticket: Ticket) -> str:
    """'Changed by someone else', saying who has the ticket now (another technician may have taken it)."""
    from tickets.access import holder_text

    return _("%(stale)s (ขณะนี้อยู่กับ%(holder)s)") % {"stale": STALE_MESSAGE, "holder": holder_text(ticket)}


def _sync(target: Ticket, source: Ticket) -> None:
    """Give the caller's instance the saved values."""
    for field in Ticket._meta.concrete_fields:
        setattr(target, field.attname, getattr(source, field.attname))


def ticket_transition(
    *, ticket: Ticket, to: str, by, note: str = "", expected_version: int | None = None,
    event_message: tuple[str, dict] | None = None, **fields
) -> Ticket:
    """Move `ticket` to status `to` if the transition table allows it; write the timeline event.

    Extra keyword fields: received_by_name (delivered), vendor_claim_ref (at_vendor), cause and fix
    (quality_check / unrepairable). Raises ValidationError with a Thai message when refused.
    """
    unknown = set(fields) - set(TRANSITION_FIELDS)
    if unknown:
        raise TypeError(f"ticket_transition() got unexpected fields: {sorted(unknown)}")
    if to not in Status.values:
        raise ValidationError(_("ไม่รู้จักสถานะ “%(to)s”") % {"to": to}, code="unknown_status")
    note = (note or "").strip()
    now = timezone.now()

    def apply(locked: Ticket) -> None:
        for name, value in fields.items():
            if to not in TRANSITION_FIELDS[name]:
                raise TypeError(f"{name} cannot be set when moving to {to}")
            setattr(locked, name, value.strip() if isinstance(value, str) else value)
        _apply_side_effects(locked, locked.transition_from, to, now, note, by)
        from tickets.services.asset_register import asset_follow_ticket

        asset_follow_ticket(locked, to=to, by=by, note=note)
        if to == Status.DELIVERED:
            from tickets.services.survey import ticket_survey_invite

            ticket_survey_invite(locked, at=now)

    locked = transition(
        Ticket, ticket.pk, to=to, by=by, note=note, table=TRANSITIONS, guards=transition_guards(), apply=apply,
        expected_version=expected_version, bump_version=True, stale_message=STALE_MESSAGE,
        event_fields={"kind": TicketEvent.Kind.STATUS, "at": now,
                      **({"message": event_message[0], "params": event_message[1]} if event_message else {})},
        on_commit=lambda saved: notify_status_change(saved, saved.transition_from, note),
    )
    logger.info("ticket %s: %s -> %s by %s", locked.number, locked.transition_from, to, getattr(by, "pk", None))
    _sync(ticket, locked)
    return ticket


def _apply_side_effects(ticket: Ticket, current: str, to: str, now: dt.datetime, note: str, by) -> None:
    if to == Status.RECEIVED:
        ticket.received_at = now
    elif to == Status.IN_PROGRESS:
        ticket.received_at = ticket.received_at or now
        if ticket.technician_id is None and by is not None and ticket.can_act(by) and has_role(by, Role.TECHNICIAN):
            ticket.technician = by
    elif to == Status.WAITING_PARTS:
        # The 90-day parts clock moves the due date: only an outstanding part request starts it (here, or
        # later through ticket_parts_clock_start); waiting without one keeps the due date and needs a reason.
        if ticket_waiting_part_names(ticket):
            _start_parts_clock(ticket, now)
        elif not note:
            raise ValidationError(_("กรุณาระบุอะไหล่ที่รอ หรือเหตุผลที่ต้องรอ"), code="parts_reason_required")
    elif to == Status.AT_VENDOR:
        if not ticket.vendor_claim_ref:
            raise ValidationError(_("กรุณาระบุเลขที่เคลมกับผู้ขาย/ผู้ให้เช่า"), code="claim_ref_required")
    elif to == Status.QUALITY_CHECK:
        if not (ticket.cause.strip() and ticket.fix.strip()):
            raise ValidationError(
                _("กรุณาบันทึกสาเหตุและวิธีแก้ไขก่อนส่งตรวจสอบคุณภาพ"), code="work_required"
            )
        ticket.resolved_at = now
    elif to == Status.READY_FOR_PICKUP:
        ticket.resolved_at = ticket.resolved_at or now
    elif to == Status.DELIVERED:
        if not ticket.received_by_name:
            raise ValidationError(_("กรุณาระบุชื่อผู้รับมอบเครื่อง"), code="receiver_required")
        out = undecided_loans(ticket).select_related("loan__asset").first()
        if out is not None:  # every entry point: a replacement device still out needs ticket_deliver's decision
            raise ValidationError(loan_out_message(out), code="loan_out")
        ticket.delivered_at = now
    elif to == Status.CLOSED:
        ticket.closed_at = now
    elif to in (Status.CANCELLED, Status.UNREPAIRABLE):
        if not note:
            raise ValidationError(_("กรุณาระบุเหตุผล"), code="reason_required")
        ticket.closed_at = now
        if to == Status.UNREPAIRABLE:
            ticket.resolved_at = now


def _start_parts_clock(ticket: Ticket, now: dt.datetime) -> bool:
    if ticket.parts_waiting_since is not None:
        return False
    ticket.parts_waiting_since = now
    ticket.parts_due_at = now + dt.timedelta(days=PARTS_CLOCK_DAYS)
    return True


def ticket_parts_clock_start(*, ticket: Ticket, by) -> Ticket:
    """A part request made while the ticket already waits (moved there by hand, with a reason) starts the
    parts clock now, said on the timeline with the new due date."""
    with transaction.atomic():
        locked = _lock(ticket, None)
        names = ticket_waiting_part_names(locked)
        if locked.status != Status.WAITING_PARTS or not names or not _start_parts_clock(locked, timezone.now()):
            _sync(ticket, locked)
            return ticket
        locked.version += 1
        locked.save()
        TicketEvent.objects.create(
            ticket=locked, kind=TicketEvent.Kind.PARTS, actor=by, message="parts_clock",
            params={"due_date": timezone.localdate(locked.parts_due_at).isoformat(), "parts": ", ".join(names)},
        )
    _sync(ticket, locked)
    return ticket


def undecided_loans(ticket: Ticket):
    """Replacement devices still out with no decision for after the delivery (tickets.services.loans)."""
    return TicketLoan.objects.filter(ticket_id=ticket.pk, loan__returned_at__isnull=True, kept_until__isnull=True)


def loan_out_message(link) -> str:
    return _("เครื่องทดแทน %(asset)s ยังไม่คืน กรุณาเลือก: รับคืนตอนส่งมอบ หรือให้ยืมต่อถึงวันที่กำหนด") % {
        "asset": link.loan.asset.asset_number}


def ticket_record_work(*, ticket: Ticket, by, expected_version: int | None = None, **fields) -> Ticket:
    """Record the technician's diagnosis, cause, fix, guide, reinstall, time spent and internal notes."""
    unknown = set(fields) - set(WORK_FIELDS)
    if unknown:
        raise TypeError(f"ticket_record_work() got unexpected fields: {sorted(unknown)}")
    with transaction.atomic():
        locked = _lock(ticket, expected_version)
        if locked.status in (Status.CLOSED, Status.CANCELLED):
            raise ValidationError(_("ใบแจ้งซ่อมนี้ปิดแล้ว แก้ไขไม่ได้"), code="closed")
        changed = []
        for name, value in fields.items():
            value = value.strip() if isinstance(value, str) else value
            if getattr(locked, name) != value:
                setattr(locked, name, value)
                changed.append(str(Ticket._meta.get_field(name).verbose_name))
        if not changed:
            _sync(ticket, locked)
            return ticket
        locked.version += 1
        locked.save()
        TicketEvent.objects.create(
            ticket=locked, kind=TicketEvent.Kind.WORK, actor=by, is_internal=True,
            message="updated", params={"fields": ", ".join(changed)},
        )
    _sync(ticket, locked)
    return ticket


def ticket_assign(*, ticket: Ticket, technician, by, expected_version: int | None = None) -> Ticket:
    """Give the job to `technician` (taking it = assigning to oneself). Moving it to another team is the IT head's."""
    if technician is None or not has_role(technician, Role.TECHNICIAN):
        raise ValidationError(_("ผู้ที่เลือกไม่ใช่เจ้าหน้าที่ผู้ให้บริการ"), code="not_technician")
    with transaction.atomic():
        locked = _lock(ticket, expected_version)
        if locked.status not in ACTIVE_STATUSES:
            raise ValidationError(_("ใบแจ้งซ่อมนี้ปิดแล้ว มอบหมายงานไม่ได้"), code="closed")
        tech_team = user_team(technician)
        if tech_team is None or tech_team.pk != locked.team_id:
            if not (by.is_superuser or has_role(by, Role.IT_HEAD)):
                raise ValidationError(
                    _("มอบหมายได้เฉพาะเจ้าหน้าที่ในทีมที่รับผิดชอบ (หัวหน้าศูนย์ฯ โอนงานข้ามทีมได้)"), code="other_team"
                )
            locked.team = tech_team
        previous = locked.technician
        locked.technician = technician
        locked.version += 1
        locked.save()
        name = technician.get_full_name() or technician.get_username()
        TicketEvent.objects.create(
            ticket=locked, kind=TicketEvent.Kind.ASSIGNED, actor=by,
            message="assigned" if previous is None else "reassigned", params={"name": name},
        )
    _sync(ticket, locked)
    return ticket


def ticket_withdraw(*, ticket: Ticket, by, reason: str) -> Ticket:
    """The requester (or their supervisor) withdraws a request the desk has not received yet: status new to
    cancelled, the reason on the timeline. Once received, only the desk can cancel (a phone call away)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("กรุณาระบุเหตุผลที่ยกเลิก"), code="empty")
    with transaction.atomic():
        locked = _lock(ticket, None)
        if locked.status != Status.NEW:
            raise ValidationError(
                _("ศูนย์ฯ รับเรื่องนี้แล้ว จึงยกเลิกเองไม่ได้ กรุณาติดต่อเจ้าหน้าที่ผู้ให้บริการ"), code="received"
            )
        ticket_transition(ticket=ticket, to=Status.CANCELLED, by=by,
                          note=_("ผู้แจ้งยกเลิกคำขอ: %(reason)s") % {"reason": reason})
    return ticket


def ticket_add_note(*, ticket: Ticket, by, note: str, is_internal: bool = True) -> TicketEvent:
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("กรุณาพิมพ์ข้อความ"), code="empty")
    # A public note drops the tracking page's cached copy (tickets/tracking/cache.py, on the event's save).
    return TicketEvent.objects.create(
        ticket=ticket, kind=TicketEvent.Kind.NOTE, actor=by, note=note, is_internal=is_internal
    )


def ticket_callback_done(*, ticket: Ticket, by, note: str = "") -> Ticket:
    with transaction.atomic():
        locked = _lock(ticket, None)
        if locked.callback_due_at is None or locked.callback_done_at is not None:
            raise ValidationError(_("ไม่มีนัดโทรกลับที่ค้างอยู่"), code="no_callback")
        locked.callback_done_at = timezone.now()
        locked.version += 1
        locked.save()
        TicketEvent.objects.create(
            ticket=locked, kind=TicketEvent.Kind.CALLBACK, actor=by, is_internal=True,
            note=note.strip(), message="" if note.strip() else "callback_done",
        )
    _sync(ticket, locked)
    return ticket


def ticket_guarantee_override(*, ticket: Ticket, by, guarantee_of: Ticket | None, reason: str) -> Ticket:
    """Staff override of the 30-day guarantee result, with a recorded reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("กรุณาระบุเหตุผลการปรับผลตรวจสอบการันตี"), code="reason_required")
    if guarantee_of is not None and (guarantee_of.pk == ticket.pk or guarantee_of.asset_id != ticket.asset_id):
        raise ValidationError(_("ใบแจ้งซ่อมเดิมต้องเป็นของครุภัณฑ์เดียวกัน"), code="other_asset")
    with transaction.atomic():
        locked = _lock(ticket, None)
        before = locked.guarantee_of.number if locked.guarantee_of_id else "-"
        locked.guarantee_of = guarantee_of
        locked.service_mode = ServiceMode.ON_SITE if guarantee_of else ServiceMode.ONE_STOP
        locked.guarantee_override_reason = reason
        locked.version += 1
        locked.save()
        after = guarantee_of.number if guarantee_of else "-"
        TicketEvent.objects.create(
            ticket=locked, kind=TicketEvent.Kind.GUARANTEE, actor=by, is_internal=True,
            note=_("การันตีของ: %(before)s → %(after)s เหตุผล: %(reason)s")
            % {"before": before, "after": after, "reason": reason},
        )
    _sync(ticket, locked)
    return ticket
