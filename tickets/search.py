"""The navbar search's ticket results (helpdesk.search): tickets the user may read, by TicketQuerySet.search
(the job board's search too, so "more" opens the board with the same matches)."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from helpdesk.search import Hit, SearchProvider, register_search_provider
from tickets.models import Ticket

COLUMNS = ("number", "symptom", "status", "requester_name", "device_description", "device_serial", "created_at",
           "unit__name", "asset__asset_number", "asset__brand", "asset__model_name")


def search_tickets(user, term: str, limit: int) -> list[Hit]:
    tickets = (Ticket.objects.visible_to(user).search(term).select_related("unit", "asset").only(*COLUMNS)
               .order_by("-created_at", "-pk")[:limit])
    return [
        Hit(
            title=ticket.number,
            url=reverse("tickets:detail", args=[ticket.pk]),
            text=Truncator(ticket.symptom.splitlines()[0] if ticket.symptom else "").chars(120),
            meta=" · ".join(part for part in (ticket.unit.name, ticket.device_label, ticket.requester_name) if part),
            badge=ticket.get_status_display(),
        )
        for ticket in tickets
    ]


def more_tickets(term: str) -> str:
    return f"{reverse('tickets:list')}?{urlencode({'q': term, 'scope': 'all'})}"


def register() -> None:
    register_search_provider(SearchProvider(key="tickets", label=_("ใบแจ้งซ่อม"), search=search_tickets,
                                            more_url=more_tickets, order=10))
