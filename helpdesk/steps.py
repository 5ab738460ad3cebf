"""Declarative step views: a process's POST-only steps as one line each instead of a copied view body.

A step posted from a record's page is always the same thin view: ``login_required`` + ``require_POST``, the
record through its access helper (``lookup``: 404 for other units), who may take the step (403), the posted
form (its errors flashed, or the page rendered again with them), one service call through
:func:`helpdesk.forms.run_step` (a refusal becomes a flash message), a success message, and a redirect back to
the record's page. :func:`step_view` builds that view from a declaration::

    request_accept = step_view(
        services.devrequest_accept, lookup=get_request_for_user, argument="dev_request",
        allowed=lambda user, obj: is_systems_staff(user), form=NoteForm,
        done=gettext_lazy("รับพิจารณาคำขอแล้ว"), redirect_to="systems:request_detail")

The service is called as ``service(<argument>=record, by=user, **form.cleaned_data)``, or with what
``arguments(posted)`` returns instead of the cleaned data when the form's fields are not the service's
arguments. :func:`action_view` sends one URL to several step views by a posted field (``action=return``).
:func:`save_posted_form` is the middle of a create/edit page whose model form feeds one service call.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from helpdesk.forms import add_service_errors, flash_form_errors, run_step


@dataclass
class Posted:
    """What a step's ``arguments``/``done`` callables may read: the request, the record, the bound form (or
    None) and the URL's other parts (``file_pk=…``)."""

    request: object
    obj: object
    form: forms.BaseForm | None = None
    parts: dict = field(default_factory=dict)


def step_view(
    service: Callable,
    *,
    lookup: Callable,
    redirect_to: str,
    argument: str = "request",
    allowed: Callable | None = None,
    gate: Callable | None = None,
    form: type[forms.BaseForm] | None = None,
    form_kwargs: Callable | None = None,
    invalid: Callable | None = None,
    arguments: Callable[[Posted], dict] | None = None,
    done="",
):
    """A POST-only step view ``view(request, pk, **parts)`` (see the module docstring).

    - ``lookup(user, pk, *parts)``: the access helper of the record (or of a part of it, ``file_pk`` …).
    - ``gate(user)``: a role check made before the lookup; ``allowed(user, obj)``: one made after it. False: 403.
    - ``form``: the form class, bound to ``request.POST`` and ``request.FILES`` (and ``form_kwargs(obj)``).
    - ``invalid(request, obj, form)``: the response for an invalid form; by default its errors are flashed and
      the view redirects back.
    - ``arguments(posted)``: the service's arguments besides the record and ``by`` (default: the cleaned data).
    - ``done``: the success message, or ``done(posted)`` for one that names what was done.
    - ``redirect_to``: the URL name of the record's page, reversed with ``pk``.
    """

    @login_required
    @require_POST
    def view(request, pk, **parts):
        if gate is not None and not gate(request.user):
            raise PermissionDenied
        obj = lookup(request.user, pk, *parts.values())
        if allowed is not None and not allowed(request.user, obj):
            raise PermissionDenied
        posted = Posted(request, obj, parts=parts)
        if form is not None:
            posted.form = form(request.POST, request.FILES, **(form_kwargs(obj) if form_kwargs else {}))
            if not posted.form.is_valid():
                if invalid is not None:
                    return invalid(request, obj, posted.form)
                flash_form_errors(request, posted.form)
                return redirect(redirect_to, pk)
        if arguments is not None:
            values = arguments(posted)
        else:
            values = posted.form.cleaned_data if posted.form is not None else {}
        if run_step(request, service, **{argument: obj}, by=request.user, **values) and done:
            messages.success(request, done(posted) if callable(done) else done)
        return redirect(redirect_to, pk)

    return view


def action_view(views: dict[str, Callable], *, default: Callable, field: str = "action"):
    """One POST URL for several steps: the step view named by the posted ``field``, else ``default``."""

    @login_required
    @require_POST
    def view(request, *args, **kwargs):
        return views.get(request.POST.get(field), default)(request, *args, **kwargs)

    return view


def save_posted_form(request, form: forms.ModelForm, service: Callable, argument: str, /, *, set_fields=None,
                     **kwargs):
    """The middle of a create/edit page: on a POST with a valid model form, the unsaved instance (with
    ``set_fields`` set on it) goes to ``service(<argument>=instance, **kwargs)``; a refusal lands on the form.
    The instance when the service went through (the view then flashes and redirects), else None."""
    if request.method != "POST" or not form.is_valid():
        return None
    obj = form.save(commit=False)
    for name, value in (set_fields or {}).items():
        setattr(obj, name, value)
    try:
        service(**{argument: obj}, **kwargs)
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    return obj


def form_page(request, form: forms.ModelForm, service: Callable, argument: str, /, *, template: str, done,
              redirect_to: str, context: dict | None = None, **kwargs):
    """A whole create/edit page: :func:`save_posted_form`, then `done` flashed (``done(obj)`` when it names the
    record) and a redirect to `redirect_to` with the record's pk; else `template` with the form (and `context`)."""
    obj = save_posted_form(request, form, service, argument, **kwargs)
    if obj is not None:
        messages.success(request, done(obj) if callable(done) else done)
        return redirect(redirect_to, obj.pk)
    return render(request, template, {"form": form, **(context or {})})
