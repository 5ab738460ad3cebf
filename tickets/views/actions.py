"""Technicians' actions on a ticket. POST only; each goes through one service function."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

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
            return redirect(moved.ticket)

    return wrapped


def _ticket(request, pk):
    return get_ticket_for_user(request, pk, act=True, queryset=Ticket.objects.select_related(*DETAIL_RELATED))


def _rerender(request, ticket, **forms):
    ticket.refresh_from_db()
    messages.error(request, _("บันทึกไม่สำเร็จ กรุณาตรวจสอบข้อมูล"))
    return render(request, "tickets/ticket_detail.html", detail_context(request, ticket, **forms), status=400)


def _errors_to_form(form, error: ValidationError, field=None):
    for message in error.messages:
        form.add_error(field, message)


@require_POST
@login_required
@_moved_away_to_detail
def ticket_transition_view(request, pk: int):
    ticket = _ticket(request, pk)
    form = TransitionForm(request.POST)
    if form.is_valid():
        to = form.cleaned_data["to"]
        try:
            ticket_transition(
                ticket=ticket, to=to, by=request.user, note=form.cleaned_data["note"],
                expected_version=form.cleaned_data["version"], **form.transition_fields(),
            )
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("เปลี่ยนสถานะเป็น “%(status)s” แล้ว") % {"status": Status(to).label})
            return redirect(ticket)
    return _rerender(request, ticket, transition_form=form)


@require_POST
@login_required
@_moved_away_to_detail
def ticket_take_view(request, pk: int):
    ticket = _ticket(request, pk)
    try:
        ticket_assign(ticket=ticket, technician=request.user, by=request.user,
                      expected_version=_int(request.POST.get("version")))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("รับงานแล้ว"))
    return redirect(ticket)


def _int(value):
    return int_param(value)


@require_POST
@login_required
@_moved_away_to_detail
def ticket_assign_view(request, pk: int):
    ticket = _ticket(request, pk)
    form = AssignForm(request.POST)
    if form.is_valid():
        try:
            ticket_assign(ticket=ticket, technician=form.cleaned_data["technician"], by=request.user,
                          expected_version=form.cleaned_data["version"])
        except ValidationError as error:
            _errors_to_form(form, error, "technician")
        else:
            messages.success(request, _("มอบหมายงานแล้ว"))
            return redirect(ticket)
    return _rerender(request, ticket, assign_form=form)


@require_POST
@login_required
@_moved_away_to_detail
def ticket_work_view(request, pk: int):
    ticket = _ticket(request, pk)
    form = WorkForm(request.POST, instance=Ticket.objects.get(pk=ticket.pk))
    if form.is_valid():
        fields = {name: form.cleaned_data[name] for name in WorkForm.Meta.fields}
        try:
            ticket_record_work(ticket=ticket, by=request.user, expected_version=form.cleaned_data["version"],
                               **fields)
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("บันทึกผลการซ่อมแล้ว"))
            return redirect(ticket)
    return _rerender(request, ticket, work_form=form)


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
        return redirect(ticket)
    return _rerender(request, ticket, note_form=form)


@require_POST
@login_required
@_moved_away_to_detail
def ticket_callback_view(request, pk: int):
    ticket = _ticket(request, pk)
    try:
        ticket_callback_done(ticket=ticket, by=request.user, note=request.POST.get("note", "")[:2000])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("บันทึกการโทรกลับแล้ว"))
    if request.POST.get("next") == "callbacks":
        return redirect("tickets:callbacks")
    return redirect(ticket)


@require_POST
@login_required
@_moved_away_to_detail
def ticket_guarantee_view(request, pk: int):
    ticket = _ticket(request, pk)
    form = GuaranteeOverrideForm(request.POST, ticket=ticket)
    if form.is_valid():
        try:
            ticket_guarantee_override(ticket=ticket, by=request.user,
                                      guarantee_of=form.cleaned_data["guarantee_of_number"],
                                      reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("ปรับผลตรวจสอบการันตีแล้ว"))
            return redirect(ticket)
    return _rerender(request, ticket, guarantee_form=form)


@require_POST
@login_required
@_moved_away_to_detail
def ticket_lend_view(request, pk: int):
    ticket = _ticket(request, pk)
    form = LendForm(request.POST)
    if form.is_valid():
        try:
            ticket_lend_replacement(ticket=ticket, asset=form.cleaned_data["asset_number"],
                                    due_date=form.cleaned_data["due_date"], by=request.user,
                                    borrower_name=form.cleaned_data["borrower_name"])
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("บันทึกการให้ยืมเครื่องทดแทนแล้ว"))
            return redirect(ticket)
    return _rerender(request, ticket, lend_form=form)


@require_POST
@login_required
@_moved_away_to_detail
def ticket_return_view(request, pk: int, link_pk: int):
    ticket = _ticket(request, pk)
    link = get_object_or_404(ticket.loan_links.select_related("loan", "loan__asset"), pk=link_pk)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            ticket_return_replacement(link=link, condition=form.cleaned_data["condition"], by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("รับคืนเครื่องทดแทนแล้ว"))
    else:
        messages.error(request, _("กรุณาระบุสภาพครุภัณฑ์เมื่อรับคืน"))
    return redirect(ticket)


@require_POST
@login_required
@_moved_away_to_detail
def ticket_withdraw_view(request, pk: int):
    """The requester withdraws a request the desk has not received yet."""
    ticket = get_ticket_for_user(request, pk, withdraw=True, queryset=Ticket.objects.select_related(*DETAIL_RELATED))
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            ticket_withdraw(ticket=ticket, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            # Received meanwhile: the form is gone from the page, so the reason goes to the messages.
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("ยกเลิกคำขอแล้ว"))
        return redirect(ticket)
    return _rerender(request, ticket, withdraw_form=form)
