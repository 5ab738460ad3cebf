"""Repair tickets (SPEC §1): categories and service levels, tickets, their events, photos, loans and surveys."""

from tickets.models.catalog import Category, FiscalYearCounter
from tickets.models.survey import SatisfactionSurvey
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
    "FiscalYearCounter",
    "SatisfactionSurvey",
    "ServiceMode",
    "Status",
    "Ticket",
    "TicketEvent",
    "TicketLoan",
    "TicketPhoto",
    "TicketQuerySet",
]
