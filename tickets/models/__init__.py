"""Repair tickets (SPEC §1): categories and service levels, tickets, their events, photos and loans.

Satisfaction surveys live in helpdesk.surveys (service "repair")."""

from tickets.models.board import SavedBoardView
from tickets.models.catalog import Category, FiscalYearCounter
from tickets.models.disposal import DisposalProposal
from tickets.models.handover import HandOver
from tickets.models.ticket import (
    ACTIVE_STATUSES,
    CLOSED_STATUSES,
    TRANSITIONS,
    Channel,
    ServiceMode,
    Status,
    Ticket,
    TicketEvent,
    TicketLoan,
    TicketPhoto,
    TicketQuerySet,
)

__all__ = [
    "ACTIVE_STATUSES",
    "CLOSED_STATUSES",
    "TRANSITIONS",
    "Category",
    "Channel",
    "DisposalProposal",
    "FiscalYearCounter",
    "HandOver",
    "SavedBoardView",
    "ServiceMode",
    "Status",
    "Ticket",
    "TicketEvent",
    "TicketLoan",
    "TicketPhoto",
    "TicketQuerySet",
]
