"""The asset register follows the repair (002 §2 step ๑).

Receiving a device for repair sets the asset "in repair"; delivery (or cancelling the job) sets it back in use;
"unrepairable" opens a disposal proposal, and only the stock officer's acceptance makes the asset retired or
disposed. Every change is saved in the asset's history with the ticket number as the reason.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assets.models import Asset
from helpdesk.roles import Role, has_role
from helpdesk.workdays import working_days_between
from tickets.models import DisposalProposal, Status, Ticket, TicketEvent

# Ticket statuses in which the device is with the service desk.
IN_REPAIR_ON = {Status.RECEIVED, Status.IN_PROGRESS}
BACK_IN_USE_ON = {Status.DELIVERED, Status.CANCELLED}
# An asset in these states is not touched by a repair (it is lent out, or already out of service).
UNTOUCHED = {Asset.Status.ON_LOAN, Asset.Status.RETIRED, Asset.Status.DISPOSED}


def _set_status(asset_pk: int, *, status: str, by, reason: str, only_from: set[str] | None = None) -> bool:
    asset = Asset.objects.select_for_update().get(pk=asset_pk)
    if asset.status == status or asset.status in UNTOUCHED:
        return False
    if only_from is not None and asset.status not in only_from:
        return False
    asset.status = status
    asset._history_user = by
    asset._change_reason = reason[:100]
    asset.save(update_fields=["status", "updated_at"])
    return True


# Statuses that make a repair long whatever the category's target (parts to buy, the vendor's workshop).
LONG_ON = {Status.WAITING_PARTS, Status.AT_VENDOR}


def expects_long_repair(ticket: Ticket, *, now=None) -> bool:
    """A repair expected to take more than one working day from receipt (002 §2 step ๔)."""
    due = ticket.effective_due_at
    if due is None:
        return False
    return working_days_between(ticket.received_at or now or timezone.now(), due) > 1


def asset_follow_ticket(ticket: Ticket, *, to: str, by, note: str = "") -> None:
    """Called inside the ticket's status transition (same transaction, before the ticket is saved)."""
    if ticket.asset_id is None:
        return
    if not ticket.long_repair and (to in LONG_ON or (to in IN_REPAIR_ON and expects_long_repair(ticket))):
        ticket.long_repair = True
    if to in IN_REPAIR_ON:
        _set_status(ticket.asset_id, status=Asset.Status.IN_REPAIR, by=by,
                    reason=_("รับเครื่องซ่อม ใบแจ้งซ่อม %(number)s") % {"number": ticket.number},
                    only_from={Asset.Status.IN_USE, Asset.Status.SPARE})
    elif to in BACK_IN_USE_ON:
        reason = (_("ส่งมอบคืน ใบแจ้งซ่อม %(number)s") if to == Status.DELIVERED
                  else _("ยกเลิกงานซ่อม ใบแจ้งซ่อม %(number)s")) % {"number": ticket.number}
        _set_status(ticket.asset_id, status=Asset.Status.IN_USE, by=by, reason=reason,
                    only_from={Asset.Status.IN_REPAIR})
    elif to == Status.UNREPAIRABLE:
        DisposalProposal.objects.get_or_create(
            ticket=ticket, defaults={"asset_id": ticket.asset_id, "reason": note or ticket.cause, "proposed_by": by}
        )


def can_decide_disposal(user) -> bool:
    return user.is_superuser or has_role(user, Role.STOCK_OFFICER)


def disposal_decide(
    *, proposal: DisposalProposal, by, accept: bool, outcome: str = "", note: str = ""
) -> DisposalProposal:
    """The stock officer accepts (asset retired or disposed) or rejects (asset back in use) a proposal."""
    note = (note or "").strip()
    if accept and outcome not in DisposalProposal.Outcome.values:
        raise ValidationError(_("กรุณาเลือกผลการพิจารณา (เลิกใช้งาน หรือ จำหน่าย)"), code="outcome_required")
    if not accept and not note:
        raise ValidationError(_("กรุณาระบุเหตุผลที่ไม่รับจำหน่าย"), code="reason_required")
    with transaction.atomic():
        locked = DisposalProposal.objects.select_for_update().select_related("ticket").get(pk=proposal.pk)
        if locked.status != DisposalProposal.Status.PROPOSED:
            raise ValidationError(_("ข้อเสนอนี้พิจารณาไปแล้ว"), code="already_decided")
        number = locked.ticket.number
        asset = Asset.objects.select_for_update().get(pk=locked.asset_id)
        if accept:
            locked.status, locked.outcome = DisposalProposal.Status.ACCEPTED, outcome
            asset.status = outcome
            reason = _("รับเรื่องจำหน่าย ใบแจ้งซ่อม %(number)s") % {"number": number}
            event_note = _("เจ้าหน้าที่พัสดุรับเรื่องจำหน่ายครุภัณฑ์ %(asset)s (%(outcome)s)") % {
                "asset": asset.asset_number, "outcome": locked.get_outcome_display()}
        else:
            locked.status = DisposalProposal.Status.REJECTED
            if asset.status == Asset.Status.IN_REPAIR:
                asset.status = Asset.Status.IN_USE
            reason = _("ไม่รับจำหน่าย ใบแจ้งซ่อม %(number)s") % {"number": number}
            event_note = _("เจ้าหน้าที่พัสดุไม่รับจำหน่ายครุภัณฑ์ %(asset)s: %(note)s") % {
                "asset": asset.asset_number, "note": note}
        locked.decision_note, locked.decided_by, locked.decided_at = note, by, timezone.now()
        locked.save()
        asset._history_user = by
        asset._change_reason = reason[:100]
        asset.save(update_fields=["status", "updated_at"])
        TicketEvent.objects.create(ticket=locked.ticket, kind=TicketEvent.Kind.NOTE, actor=by, note=event_note)
    return locked
