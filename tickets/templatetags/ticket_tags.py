from django import template

register = template.Library()

STATUS_CLASSES = {
    "new": "text-bg-primary",
    "received": "text-bg-info",
    "in_progress": "text-bg-warning",
    "waiting_parts": "text-bg-danger",
    "at_vendor": "text-bg-dark",
    "quality_check": "text-bg-info",
    "ready_for_pickup": "text-bg-success",
    "delivered": "text-bg-secondary",
    "closed": "text-bg-secondary",
    "cancelled": "text-bg-light border",
    "unrepairable": "text-bg-danger",
}


@register.filter
def status_class(status: str) -> str:
    return STATUS_CLASSES.get(status, "text-bg-secondary")


@register.filter
def overdue_at(ticket, now) -> bool:
    return ticket.is_overdue(now)


@register.filter
def status_label(status: str) -> str:
    from tickets.models import Status

    return Status(status).label if status in Status.values else ""
