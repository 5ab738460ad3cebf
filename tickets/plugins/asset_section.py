"""The repairs section of an asset's page: open tickets, full repair history, guarantee claims, cost."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from tickets.models import ACTIVE_STATUSES, Ticket
from tickets.plugins.parts import tickets_parts_cost

TEMPLATE_NAME = "tickets/includes/_asset_repairs.html"
REPLACEMENT_REPAIRS = 3  # SPEC §2: three repairs in twelve months


def context(asset, user) -> dict:
    tickets = list(
        Ticket.objects.visible_to(user)
        .filter(asset=asset)
        .select_related("category", "category__parent", "technician", "guarantee_of")
        .order_by("-created_at")
    )
    costs = tickets_parts_cost(ticket.pk for ticket in tickets)
    since = timezone.now() - dt.timedelta(days=365)
    repairs_12_months = sum(1 for t in tickets if t.created_at >= since and t.status != "cancelled")
    for ticket in tickets:
        ticket.parts_cost = costs.get(ticket.pk, Decimal(0))
    return {
        "asset": asset,
        "open_tickets": [ticket for ticket in tickets if ticket.status in ACTIVE_STATUSES],
        "history": tickets,
        "guarantee_claims": sum(1 for ticket in tickets if ticket.guarantee_of_id),
        "total_repair_cost": sum(costs.values(), Decimal(0)),
        "repairs_12_months": repairs_12_months,
        "is_replacement_candidate": repairs_12_months >= REPLACEMENT_REPAIRS,
    }


def section_context(request, asset) -> dict:
    """Adapter for assets.sections.register_asset_section (context_func(request, asset))."""
    return context(asset, request.user)


def replacement_candidates(queryset=None, *, since=None):
    """Assets with at least three repair tickets in the last twelve months (SPEC §2)."""
    from assets.models import Asset

    ids = Ticket.objects.replacement_candidates(since=since, min_repairs=REPLACEMENT_REPAIRS)
    return (queryset if queryset is not None else Asset.objects.all()).filter(pk__in=ids)
