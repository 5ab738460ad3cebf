"""The job board's tools for staff: saved views (a name for a set of filters) and bulk actions on the tickets
ticked on the board (assign, print their slips, export them as CSV)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from helpdesk.csvexport import csv_response
from helpdesk.forms import is_htmx
from helpdesk.parsing import int_param
from helpdesk.pdf import pdf_response
from helpdesk.roles import is_service_staff
from tickets.access import TicketMovedAway, get_ticket_for_user
from tickets.board_forms import BoardBulkForm, SavedViewForm, clean_board_query
from tickets.models import SavedBoardView, Ticket
from tickets.services import ticket_assign
from tickets.views.board import BOARD_COLUMNS, board_context, prepare_board_rows, ticket_csv_rows
from tickets.views.detail import DETAIL_RELATED


def _require_staff(request) -> None:
    if not is_service_staff(request.user):
        raise PermissionDenied


def _board_url(query: str) -> str:
    return reverse("tickets:list") + (f"?{query}" if query else "")


def _board_with_errors(request, query: str, **forms):
    """The board again, filtered as it was, with the refused form and its Thai errors (nothing typed is lost)."""
    request.GET = QueryDict(query)
    return render(request, "tickets/ticket_list.html", board_context(request, **forms), status=400)


@require_POST
@login_required
def saved_view_create_view(request):
    _require_staff(request)
    form = SavedViewForm(request.POST, user=request.user)
    if not form.is_valid():
        query = clean_board_query(QueryDict(request.POST.get("query", "")))
        return _board_with_errors(request, query, saved_view_form=form)
    view = form.save()
    messages.success(request, _("บันทึกมุมมอง “%(name)s” แล้ว") % {"name": view.name})
    return redirect(_board_url(view.query))


@require_POST
@login_required
def saved_view_delete_view(request, pk: int):
    _require_staff(request)
    view = get_object_or_404(SavedBoardView, pk=pk, user=request.user)  # someone else's view: 404
    view.delete()
    messages.success(request, _("ลบมุมมอง “%(name)s” แล้ว") % {"name": view.name})
    return redirect("tickets:list")


@require_POST
@login_required
def ticket_bulk_view(request):
    """The action of the button pressed on the board, on the ticked tickets. The board's filters ride in the
    query string, so the user comes back to the board as it was."""
    _require_staff(request)
    query = clean_board_query(request.GET)
    form = BoardBulkForm(request.POST)
    if not form.is_valid():
        return _board_with_errors(request, query, bulk_form=form, selected_ids=form.selected_ids())
    ids, action = form.cleaned_data["ids"], form.cleaned_data["action"]
    if action == BoardBulkForm.ASSIGN:
        _bulk_assign(request, ids, form.cleaned_data["technician"])
        return redirect(_board_url(query))
    tickets = _visible_tickets(request.user, ids)
    if action == BoardBulkForm.SLIPS:
        context = {"tickets": tickets, "printed_at": timezone.now(), "organisation": settings.HELPDESK_ORGANISATION}
        return pdf_response(request, "tickets/pdf/slips.html", context,
                            f"slips-{timezone.localdate():%Y%m%d}.pdf", preview=request.GET.get("preview") == "1")
    return csv_response(f"tickets-selected-{timezone.localdate():%Y%m%d}.csv",
                        ticket_csv_rows(Ticket.objects.filter(pk__in=[t.pk for t in tickets]).order_by("number")),
                        stream=False)


def _visible_tickets(user, ids: list[int]) -> list[Ticket]:
    """The picked tickets, by number; one the user may not read (another unit's, or gone) makes it a 404."""
    tickets = list(Ticket.objects.visible_to(user).filter(pk__in=ids).select_related(*DETAIL_RELATED)
                   .order_by("number"))
    if len(tickets) != len(ids):
        raise Http404
    return tickets


def _bulk_assign(request, ids: list[int], technician) -> None:
    """Each ticket through the access helper first (one the user may not read: 404 before anything changes), then
    through the ticket's assignment service; those the user may not act on, or the service refuses, are named in
    the messages and left as they were."""
    user = request.user
    allowed, not_permitted = [], []
    for pk in ids:
        try:
            allowed.append(get_ticket_for_user(user, pk, act=True, queryset=Ticket.objects.select_related("team")))
        except PermissionDenied:
            not_permitted.append(Ticket.objects.visible_to(user).values_list("number", flat=True).get(pk=pk))
    if not_permitted:
        messages.error(request, _("คุณไม่มีสิทธิ์มอบหมายใบแจ้งซ่อม %(numbers)s (อยู่ในความรับผิดชอบของทีมอื่น) "
                                  "รายการเหล่านี้ไม่ได้เปลี่ยนแปลง") % {"numbers": ", ".join(not_permitted)})
    done = 0
    for ticket in sorted(allowed, key=lambda t: t.number):
        try:
            ticket_assign(ticket=ticket, technician=technician, by=user)
        except ValidationError as error:
            messages.error(request, _("%(number)s: %(reason)s") % {"number": ticket.number,
                                                                   "reason": " ".join(error.messages)})
        else:
            done += 1
    if done:
        name = technician.get_full_name() or technician.get_username()
        messages.success(request, _("มอบหมายงาน %(n)d รายการให้ %(name)s แล้ว") % {"n": done, "name": name})


@require_POST
@login_required
def board_take_view(request, pk: int):
    """A technician takes a job from the board. With htmx the row comes back in place (with the outcome in it);
    without JavaScript the board comes back, filtered as it was, with the outcome in the messages."""
    try:
        ticket = get_ticket_for_user(request, pk, act=True, queryset=Ticket.objects.select_related("team"))
    except TicketMovedAway as moved:  # another team's now, since the board was loaded
        return _take_answer(request, moved.ticket, moved.message, failed=True)
    try:
        ticket_assign(ticket=ticket, technician=request.user, by=request.user,
                      expected_version=int_param(request.POST.get("version")))
    except ValidationError as error:
        return _take_answer(request, ticket, " ".join(error.messages), failed=True)
    return _take_answer(request, ticket, _("รับงาน %(number)s แล้ว") % {"number": ticket.number}, failed=False)


def _take_answer(request, ticket: Ticket, outcome: str, *, failed: bool):
    query = clean_board_query(request.GET)
    if not is_htmx(request):
        (messages.error if failed else messages.success)(request, outcome)
        return redirect(_board_url(query))
    row = (Ticket.objects.select_related("technician", "asset", "unit", "category", "category__parent")
           .only(*BOARD_COLUMNS, "unit__name", "category__name", "category__parent", "category__parent__name")
           .get(pk=ticket.pk))
    now = timezone.now()
    return render(request, "tickets/includes/_board_row.html", {
        "ticket": row, "now": now, "can_bulk": is_service_staff(request.user), "querystring": query,
        "row_message": outcome, "row_error": failed, "row_text": prepare_board_rows([row], request.user, now),
    })
