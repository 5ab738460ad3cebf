"""Ticket workflows. Every entry point (views, admin, demo, other apps) goes through these functions."""

from tickets.services.guarantee import GUARANTEE_DAYS, GuaranteeResult, guarantee_check
from tickets.services.intake import next_ticket_number, ticket_create
from tickets.services.loans import (
    ticket_deliver,
    ticket_keep_replacement,
    ticket_lend_replacement,
    ticket_return_replacement,
)
from tickets.services.survey import survey_open_for, survey_submit
from tickets.services.workflow import (
    PARTS_CLOCK_DAYS,
    ticket_add_note,
    ticket_assign,
    ticket_callback_done,
    ticket_guarantee_override,
    ticket_parts_clock_start,
    ticket_record_work,
    ticket_transition,
    ticket_withdraw,
)

__all__ = [
    "GUARANTEE_DAYS",
    "PARTS_CLOCK_DAYS",
    "GuaranteeResult",
    "guarantee_check",
    "next_ticket_number",
    "survey_open_for",
    "survey_submit",
    "ticket_add_note",
    "ticket_assign",
    "ticket_callback_done",
    "ticket_create",
    "ticket_deliver",
    "ticket_guarantee_override",
    "ticket_keep_replacement",
    "ticket_lend_replacement",
    "ticket_parts_clock_start",
    "ticket_record_work",
    "ticket_return_replacement",
    "ticket_transition",
    "ticket_withdraw",
]
