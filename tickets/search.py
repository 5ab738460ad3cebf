"""The navbar search's ticket results (helpdesk.search): tickets the user may read, by TicketQuerySet.search
(the job board's search too, so "more" opens the board with the same matches)."""

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from helpdesk.search import SHOWN, RecordSearch
from tickets.models import Ticket

COLUMNS = ("number", "symptom", "status", "requester_name", "device_description", "device_serial", "created_at",
           "unit__name", "asset__asset_number", "asset__brand", "asset__model_name")

TICKET_SEARCH = RecordSearch(
    key="tickets", label=_("ใบแจ้งซ่อม"), order=10,
    rows=lambda user, term: (Ticket.objects.visible_to(user).newest_matches(term, SHOWN + 1)
                             .select_related("unit", "asset").only(*COLUMNS)),
    detail_url="tickets:detail", title="number",
    text=lambda ticket: Truncator(ticket.symptom.splitlines()[0] if ticket.symptom else "").chars(120),
    meta=lambda ticket: (ticket.unit.name, ticket.device_label, ticket.requester_name),
    list_url="tickets:list", more_params={"scope": "all"},
)


def register() -> None:
    TICKET_SEARCH.register()
