"""Ticket slip (ใบรับแจ้งซ่อม) and summary result letter (หนังสือสรุปรายงานผล), PDF or HTML preview."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.views.decorators.http import require_GET

from helpdesk.correspondence.views import record_letter_response
from helpdesk.pdf import pdf_response
from helpdesk.roles import is_service_staff
from tickets.access import get_ticket_for_user
from tickets.letters import LETTER_STATUSES, SUMMARY
from tickets.models import Ticket
from tickets.views.detail import DETAIL_RELATED


def _preview(request) -> bool:
    return request.GET.get("preview") == "1"


@require_GET
@login_required
def ticket_slip_view(request, pk: int):
    ticket = get_ticket_for_user(request, pk, queryset=Ticket.objects.select_related(*DETAIL_RELATED))
    context = {"ticket": ticket, "tracking_url": ticket.tracking_absolute_url, "printed_at": timezone.now(),
               "organisation": settings.HELPDESK_ORGANISATION}
    return pdf_response(request, "tickets/pdf/slip.html", context, f"slip-{ticket.number}.pdf",
                        preview=_preview(request))


@require_GET
@login_required
def ticket_letter_view(request, pk: int):
    """The issued summary letter as stored (the register numbers and keeps it); staff see the draft before."""
    ticket = get_ticket_for_user(request, pk, queryset=Ticket.objects.select_related(*DETAIL_RELATED))
    if ticket.status not in LETTER_STATUSES and not is_service_staff(request.user):
        raise PermissionDenied
    return record_letter_response(request, kind=SUMMARY, record=ticket)
