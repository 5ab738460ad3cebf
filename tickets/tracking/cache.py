"""The shared cached copy of a tracking page, for visitors without cookies (a phone that scanned the slip).

The copy is keyed on the ticket's tracking token, so a hit costs one cache read (together with the rate
limit's count: helpdesk.ratelimit.limit_and_fetch) and no database query for the ticket. Whatever changes the
page drops the copy: a saved ticket, a public ticket event, a part the ticket waits for (`forget`). The copy
is dropped at once and again when the transaction commits, so a reader that rendered the old page between the
two cannot keep it; what the page shows of other tickets (earlier repairs of the same asset) may lag by at
most TRACKING_PAGE_CACHE_SECONDS.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction


def page_key(token: str, language: str) -> str:
    return f"tracking:page:{token}:{language}"


def put(token: str, language: str, body: bytes) -> None:
    cache.set(page_key(token, language), body, settings.TRACKING_PAGE_CACHE_SECONDS)


def forget(token: str) -> None:
    if not token:
        return
    keys = [page_key(token, code) for code, _name in settings.LANGUAGES]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def forget_ticket_id(ticket_id: int) -> None:
    from tickets.models import Ticket

    forget(Ticket.objects.filter(pk=ticket_id).values_list("tracking_token", flat=True).first() or "")


# --- signal receivers (connected in TicketsConfig.ready) ------------------------------------------------------

def ticket_saved(sender, instance, **kwargs) -> None:
    forget(instance.tracking_token)


def event_changed(sender, instance, **kwargs) -> None:
    if instance.is_internal:
        return  # internal notes are never on the public page
    ticket = instance._state.fields_cache.get("ticket")
    if ticket is not None:
        forget(ticket.tracking_token)
    else:
        forget_ticket_id(instance.ticket_id)
