"""Replacement devices lent through the asset registry's loans while a unit's device is repaired."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from assets.services import loan_create, loan_return
from tickets.models import ACTIVE_STATUSES, Ticket, TicketEvent, TicketLoan


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


def ticket_return_replacement(*, link: TicketLoan, condition: str, by) -> TicketLoan:
    with transaction.atomic():
        loan_return(loan=link.loan, condition=condition, by=by)
        TicketEvent.objects.create(
            ticket=link.ticket, kind=TicketEvent.Kind.LOAN, actor=by,
            message="loan_returned", params={"asset": link.loan.asset.asset_number},
        )
    link.loan.refresh_from_db()
    return link
