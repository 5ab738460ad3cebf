"""A ticket's status badge and the first line of a typed text, for the template tags (``{% status_badge %}``,
``|first_line`` …) and for the markup written in Python (tickets.boardrow)."""

import functools

from django.utils.html import format_html

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



def status_class(status: str) -> str:
    return STATUS_CLASSES.get(status, "text-bg-secondary")


def first_line(text: str) -> str:
    """The first non-empty line of a typed text (a symptom on the board's rows and phone cards)."""
    return next((line.strip() for line in str(text or "").splitlines() if line.strip()), "")


@functools.cache
def _status_labels() -> dict:
    from tickets.models import Status

    return dict(Status.choices)  # lazy labels: translated when rendered, in the request's language


def status_label(status: str) -> str:
    return _status_labels().get(status, "")


def status_badge(status: str):
    """The coloured status badge; one call instead of an include per row on long lists."""
    return format_html('<span class="badge {}" data-status="{}">{}</span>', status_class(status), status,
                       _status_labels().get(status, ""))
