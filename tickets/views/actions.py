"""Technicians' actions on a ticket. POST only; each goes through one service function."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from helpdesk.forms import is_htmx, run_form
from helpdesk.parsing import int_param
from tickets.access import TicketMovedAway, get_ticket_for_user
from tickets.forms import (
    AssignForm,
    GuaranteeOverrideForm,
    LendForm,
    NoteForm,
    ReturnForm,
    TransitionForm,
    WithdrawForm,
    WorkForm,
)
from tickets.models import Status, Ticket
from tickets.services import (
    ticket_add_note,
    ticket_assign,
    ticket_callback_done,
    ticket_deliver,
    ticket_guarantee_override,
    ticket_lend_replacement,
    ticket_record_work,
    ticket_return_replacement,
    ticket_transition,
    ticket_withdraw,
)
from tickets.views.detail import DETAIL_RELATED, detail_context


def _moved_away_to_detail(view):
    """A ticket moved to another team while the technician had it open: back to the ticket with the reason,
    not a bare 403."""

    @functools.wraps(view)
    def wrapped(request, pk, *args, **kwargs):
        try:
            return view(request, pk, *args, **kwargs)
        except TicketMovedAway as moved:
            messages.warning(request, moved.message)
            if is_htmx(request):  # the whole page changes: htmx loads it
                response = HttpResponse(status=204)
                response["HX-Redirect"] = moved.ticket.get_absolute_url()
                return response
            return redirect(moved.ticket)

    return wrapped


def _ticket(request, pk):
    return get_ticket_for_user(request, pk, act=True, queryset=Ticket.objects.select_related(*DETAIL_RELATED))


def _rerender(request, ticket, **forms):
    """The ticket page again with the refused form: its error summary (at the top) names each problem.

    An htmx request gets the page's body only, with status 200 (htmx swaps no 4xx answer)."""
    ticket.refresh_from_db()
    if is_htmx(request):
        return render(request, "tickets/ticket_detail.html", _partial(detail_context(request, ticket, **forms)))
    return render(request, "tickets/ticket_detail.html", detail_context(request, ticket, **forms), status=400)


def _partial(context: dict) -> dict:
    """The ticket page's body alone (its content block in a bare frame), for htmx to swap in place."""
    return {**context, "base_template": "tickets/ticket_detail_partial.html", "htmx_partial": True}


def _done(request, ticket):
    """After a step went through: back to the ticket page (plain POST: redirect; htmx: its body, in place)."""
    if is_htmx(request):
        fresh = Ticket.objects.select_related(*DETAIL_RELATED).get(pk=ticket.pk)
        return render(request, "tickets/ticket_detail.html", _partial(detail_context(request, fresh)))
    return redirect(ticket)


def _form_step(request, ticket, form, form_name: str, step, success, field=None):
    """The tail of a thin view: a valid form runs `step(cleaned_data)` (one service call) and redirects;
    invalid input or the service's refusal re-renders the ticket page with the form and its Thai errors."""
    if run_form(form, step, field=field):
        messages.success(request, success(form.cleaned_data) if callable(success) else success)
        return _done(request, ticket)
    return _rerender(request, ticket, **{form_name: form})


def _message_step(request, step, success: str) -> None:
    """Run `step()` (one service call); its refusal goes to the messages (the page has no form for it)."""
    try:
        step()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)


@require_POST
@login_required
@_moved_away_to_detail
def ticket_transition_view(request, pk: int):
    ticket = _ticket(request, pk)
    form = TransitionForm(request.POST, ticket=ticket)

    def step(data):
        if data["to"] == Status.DELIVERED:  # with the decision on a replacement device still out
            return ticket_deliver(ticket=ticket, by=request.user, note=data["note"], expected_version=data["version"],
                                  **form.delivery_fields())
        return ticket_transition(ticket=ticket, to=data["to"], by=request.user, note=data["note"],
                                 expected_version=data["version"], **form.transition_fields())

    return _form_step(
        request, ticket, form, "transition_form", step,
        lambda data: _("เปลี่ยนสถานะเป็น “%(status)s” แล้ว") % {"status": Status(data["to"]).label},
    )


@require_POST
@login_required
@_moved_away_to_detail
def ticket_take_view(request, pk: int):
    ticket = _ticket(request, pk)
    _message_step(request, lambda: ticket_assign(ticket=ticket, technician=request.user, by=request.user,
                                                 expected_version=_int(request.POST.get("version"))),
                  _("รับงานแล้ว"))
    return _done(request, ticket)


def _int(value):
    return int_param(value)


def _form_action(make_form, form_name: str, step, success, *, field=None):
    """A technician's form step as a view: `make_form(request, ticket)` builds the bound form, a valid one runs
    `step(request, ticket, data)` (one service call); see `_form_step`."""

    @require_POST
    @login_required
    @_moved_away_to_detail
    def view(request, pk: int):
        ticket = _ticket(request, pk)
        form = make_form(request, ticket)
        return _form_step(request, ticket, form, form_name, lambda data: step(request, ticket, data),
                          success, field=field)

    return view


ticket_assign_view = _form_action(
    lambda request, ticket: AssignForm(request.POST), "assign_form",
    lambda request, ticket, data: ticket_assign(ticket=ticket, technician=data["technician"], by=request.user,
                                                expected_version=data["version"]),
    _lazy("มอบหมายงานแล้ว"), field="technician",
)

ticket_work_view = _form_action(
    lambda request, ticket: WorkForm(request.POST, instance=Ticket.objects.get(pk=ticket.pk)), "work_form",
    lambda request, ticket, data: ticket_record_work(ticket=ticket, by=request.user, expected_version=data["version"],
                                                     **{name: data[name] for name in WorkForm.Meta.fields}),
    _lazy("บันทึกผลการซ่อมแล้ว"),
)


@require_POST
@login_required
@_moved_away_to_detail
def ticket_note_view(request, pk: int):
    ticket = _ticket(request, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        ticket_add_note(ticket=ticket, by=request.user, note=form.cleaned_data["note"],
                        is_internal=form.cleaned_data["is_internal"])
        messages.success(request, _("บันทึกแล้ว"))
        return _done(request, ticket)
    return _rerender(request, ticket, note_form=form)


@require_POST
@login_required
@_moved_away_to_detail
def ticket_callback_view(request, pk: int):
    ticket = _ticket(request, pk)
    _message_step(request, lambda: ticket_callback_done(ticket=ticket, by=request.user,
                                                        note=request.POST.get("note", "")[:2000]),
                  _("บันทึกการโทรกลับแล้ว"))
    if request.POST.get("next") == "callbacks":
        return redirect("tickets:callbacks")
    return redirect(ticket)


ticket_guarantee_view = _form_action(
    lambda request, ticket: GuaranteeOverrideForm(request.POST, ticket=ticket), "guarantee_form",
    lambda request, ticket, data: ticket_guarantee_override(ticket=ticket, by=request.user,
                                                            guarantee_of=data["guarantee_of_number"],
                                                            reason=data["reason"]),
    _lazy("ปรับผลตรวจสอบการันตีแล้ว"),
)

ticket_lend_view = _form_action(
    lambda request, ticket: LendForm(request.POST), "lend_form",
    lambda request, ticket, data: ticket_lend_replacement(ticket=ticket, asset=data["asset_number"],
                                                          due_date=data["due_date"], by=request.user,
                                                          borrower_name=data["borrower_name"]),
    _lazy("บันทึกการให้ยืมเครื่องทดแทนแล้ว"),
)


@require_POST
@login_required
@_moved_away_to_detail
def ticket_return_view(request, pk: int, link_pk: int):
    ticket = _ticket(request, pk)
    link = get_object_or_404(ticket.loan_links.select_related("loan", "loan__asset"), pk=link_pk)
    form = ReturnForm(request.POST)
    if form.is_valid():
        _message_step(request, lambda: ticket_return_replacement(link=link, condition=form.cleaned_data["condition"],
                                                                 by=request.user),
                      _("รับคืนเครื่องทดแทนแล้ว"))
    else:
        messages.error(request, _("กรุณาระบุสภาพครุภัณฑ์เมื่อรับคืน"))
    return _done(request, ticket)


@require_POST
@login_required
@_moved_away_to_detail
def ticket_withdraw_view(request, pk: int):
    """The requester withdraws a request the desk has not received yet."""
    ticket = get_ticket_for_user(request, pk, withdraw=True, queryset=Ticket.objects.select_related(*DETAIL_RELATED))
    form = WithdrawForm(request.POST)
    if form.is_valid():
        # Received meanwhile: the form is gone from the page, so a refusal goes to the messages.
        _message_step(request, lambda: ticket_withdraw(ticket=ticket, by=request.user,
                                                       reason=form.cleaned_data["reason"]),
                      _("ยกเลิกคำขอแล้ว"))
        return redirect(ticket)
    return _rerender(request, ticket, withdraw_form=form)
