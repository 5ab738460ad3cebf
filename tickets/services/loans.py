"""Replacement devices lent through the asset registry's loans while a unit's device is repaired."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from assets.services import loan_create, loan_extend, loan_return
from tickets.models import ACTIVE_STATUSES, Status, Ticket, TicketEvent, TicketLoan
from tickets.services.workflow import loan_out_message, ticket_transition, undecided_loans

# At delivery, a replacement device still out needs a decision: returned now, or kept on loan until a date.
LOAN_RETURN, LOAN_KEEP = "return", "keep"


def ticket_lend_replacement(*, ticket: Ticket, asset, due_date: dt.date, by, borrower_name: str = "") -> TicketLoan:
    if ticket.status not in ACTIVE_STATUSES:
        raise ValidationError(_("ใบแจ้งซ่อมนี้ปิดแล้ว ให้ยืมเครื่องทดแทนไม่ได้"), code="closed")
    if ticket.asset_id and asset.pk == ticket.asset_id:
        raise ValidationError(_("เครื่องทดแทนต้องไม่ใช่เครื่องที่ส่งซ่อม"), code="same_asset")
    with transaction.atomic():
        loan = loan_create(
            asset=asset,
            borrower_unit=ticket.unit,
            borrower_name=borrower_name.strip() or ticket.requester_name,
            purpose=_("เครื่องทดแทนระหว่างซ่อม ใบแจ้งซ่อม %(number)s") % {"number": ticket.number},
            due_date=due_date,
            by=by,
        )
        link = TicketLoan.objects.create(ticket=ticket, loan=loan)
        TicketEvent.objects.create(
            ticket=ticket, kind=TicketEvent.Kind.LOAN, actor=by,
            message="loan_lent", params={"asset": asset.asset_number, "due_date": due_date.isoformat()},
        )
    return link


def ticket_return_replacement(*, link: TicketLoan, condition: str, by, at_delivery: bool = False) -> TicketLoan:
    with transaction.atomic():
        loan_return(loan=link.loan, condition=condition, by=by)
        params = {"asset": link.loan.asset.asset_number}
        if at_delivery:
            params["condition"] = condition.strip()
        TicketEvent.objects.create(
            ticket=link.ticket, kind=TicketEvent.Kind.LOAN, actor=by,
            message="loan_returned_at_delivery" if at_delivery else "loan_returned", params=params,
        )
    link.loan.refresh_from_db()
    return link


def ticket_keep_replacement(*, link: TicketLoan, until: dt.date, by) -> TicketLoan:
    """The unit keeps the replacement device after the delivery, until `until` (the loan's new due date)."""
    if until is None:
        raise ValidationError(_("กรุณาระบุวันที่ต้องคืนเครื่องทดแทน"), code="until_required")
    with transaction.atomic():
        loan_extend(loan=link.loan, due_date=until, by=by)
        link.kept_until = until
        link.save(update_fields=["kept_until"])
        TicketEvent.objects.create(
            ticket=link.ticket, kind=TicketEvent.Kind.LOAN, actor=by, message="loan_kept",
            params={"asset": link.loan.asset.asset_number, "until_date": until.isoformat()},
        )
    return link


def ticket_deliver(
    *, ticket: Ticket, by, received_by_name: str, note: str = "", expected_version: int | None = None,
    loan_decision: str = "", loan_until: dt.date | None = None, loan_condition: str = "",
) -> Ticket:
    """Hand the repaired device over; a replacement device still out is returned now or kept until a date, in
    the same transaction (a refused delivery leaves the loans as they were)."""
    with transaction.atomic():
        for link in undecided_loans(ticket).select_related("loan", "loan__asset", "ticket"):
            if loan_decision == LOAN_RETURN:
                ticket_return_replacement(link=link, condition=loan_condition, by=by, at_delivery=True)
            elif loan_decision == LOAN_KEEP:
                ticket_keep_replacement(link=link, until=loan_until, by=by)
            else:
                raise ValidationError(loan_out_message(link), code="loan_out")
        return ticket_transition(ticket=ticket, to=Status.DELIVERED, by=by, note=note,
                                 expected_version=expected_version, received_by_name=received_by_name)
