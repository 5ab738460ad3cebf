"""An asset's repair history: for the ticket page, the public tracking page and the asset page."""

from tickets.models import Status, Ticket


def earlier_repairs(ticket: Ticket, limit: int = 20) -> list[Ticket]:
    """The asset's other tickets, newest first (dates, categories, outcomes)."""
    if not ticket.asset_id:
        return []
    return list(
        Ticket.objects.filter(asset_id=ticket.asset_id)
        .exclude(pk=ticket.pk)
        .exclude(status=Status.CANCELLED)
        .select_related("category", "category__parent")
        .only("pk", "number", "status", "created_at", "delivered_at", "resolved_at", "guarantee_of_id",
              "category__name", "category__parent__name", "category__parent_id", "fix", "cause")
        .order_by("-created_at")[:limit]
    )
