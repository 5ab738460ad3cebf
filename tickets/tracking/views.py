"""The public tracking page reached from the QR code on the slip: no login, no personal data."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods

from helpdesk.forms import run_form
from helpdesk.ratelimit import limit_and_fetch, limit_per_address
from helpdesk.surveys.forms import SurveyAnswerForm
from tickets.models import Status, Ticket, TicketEvent
from tickets.models.ticket import DELIVERED_STATUSES
from tickets.plugins.parts import ticket_waiting_part_names
from tickets.repairs import earlier_repairs
from tickets.services import survey_submit
from tickets.services.survey import repair_questions, survey_deadline, survey_refusal, ticket_survey_url
from tickets.tracking import cache as tracking_cache

RESOLVED_STATUSES = {Status.QUALITY_CHECK, Status.READY_FOR_PICKUP, Status.DELIVERED, Status.CLOSED,
                     Status.UNREPAIRABLE}


def tracking_rate() -> str:
    return settings.TRACKING_RATE_LIMIT


def _too_many(request):
    return render(request, "tickets/tracking_429.html", status=429)


def _ticket_by_token(token: str) -> Ticket:
    if not token or len(token) > 64:
        raise Http404
    ticket = Ticket.objects.for_page().filter(tracking_token=token).first()
    if ticket is None:
        raise Http404
    return ticket


def _context(request, ticket: Ticket, survey_form=None) -> dict:
    events = (
        ticket.events.filter(is_internal=False)
        .exclude(kind=TicketEvent.Kind.SURVEY)
        .only("at", "kind", "from_status", "to_status", "note", "message", "params", "ticket_id")
        .order_by("at", "pk")
    )
    refusal = survey_refusal(ticket, request.user)
    return {
        "ticket": ticket,
        "events": events,
        "is_resolved": ticket.status in RESOLVED_STATUSES,
        "earlier_repairs": earlier_repairs(ticket),
        "survey_refusal": refusal,
        "survey_form": survey_form or (SurveyAnswerForm(questions=repair_questions()) if refusal is None else None),
        "survey_deadline": survey_deadline(ticket),
        "show_survey": ticket.status in DELIVERED_STATUSES,
        "technician_name": ticket.technician.get_full_name() if ticket.technician_id else "",
        # One query, and only while the ticket waits for parts: names only, never prices.
        "waiting_part_names": ticket_waiting_part_names(ticket) if ticket.status == Status.WAITING_PARTS else [],
    }


# Browsers and proxies keep no copy (a shared phone or office proxy must not show the page to the next
# person); the server-side shared cache below is unaffected.
@cache_control(private=True, no_store=True)
@require_http_methods(["GET", "HEAD"])
def tracking(request, token: str):
    if not token or len(token) > 64:
        raise Http404
    # A visitor with no cookies (a phone that scanned the slip) sees the same page as every other such
    # visitor: no messages, no session, no personal form state, so that page comes from the shared cache
    # (tickets/tracking/cache.py drops it when the ticket changes; pages with the survey form, which carry a
    # CSRF token, are never cached). The rate limit's count and the cached copy come in one round trip.
    shared = not request.COOKIES
    limited, body = limit_and_fetch(request, "tracking", tracking_rate(),
                                    tracking_cache.page_key(token, get_language()) if shared else None)
    if limited:
        return _too_many(request)
    if body is not None:
        return HttpResponse(body)
    ticket = _ticket_by_token(token)
    context = _context(request, ticket)
    response = render(request, "tickets/tracking.html", context)
    if shared and context["survey_form"] is None:
        tracking_cache.put(ticket.tracking_token, get_language(), response.content)
    return response


@cache_control(private=True, no_store=True)
@limit_per_address("tracking", tracking_rate)
@require_http_methods(["GET", "HEAD", "POST"])
def survey(request, token: str):
    """POST answers from the tracking page's form; GET (a link in an e-mail, a notice or the dashboard) opens
    the ticket's survey page, or the tracking page's survey section before an invitation exists."""
    if getattr(request, "limited", False):
        return _too_many(request)
    ticket = _ticket_by_token(token)
    if request.method != "POST":
        return redirect(ticket_survey_url(ticket) or reverse("tracking", args=[ticket.tracking_token]) + "#survey")
    form = SurveyAnswerForm(request.POST, questions=repair_questions())
    if run_form(form, lambda data: survey_submit(ticket=ticket, by=request.user, ratings=form.ratings(),
                                                 comment=data["comment"])):
        messages.success(request, _("ขอบคุณสำหรับการประเมินความพึงพอใจ"))
        return redirect("tracking", token=ticket.tracking_token)
    return render(request, "tickets/tracking.html", _context(request, ticket, survey_form=form), status=400)
