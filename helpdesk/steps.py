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

The other thin views of a process are built here too, one way each:

- :func:`save_posted_form` — the middle of a create/edit page: the posted model form's unsaved instance goes to
  one service call; its refusal lands on the form (:func:`helpdesk.forms.add_service_errors`).
- :func:`form_page` — a whole create/edit page around :func:`save_posted_form` (flash, redirect, or the form);
  :func:`edit_view` — the GET/POST edit page of a record built from a declaration.
- :func:`submit_form` — :func:`helpdesk.forms.run_form` that hands back what the service returned.
- :func:`detail_page` / :func:`detail_view` — a record's page that carries one posted form, and its GET view.
- :func:`download_view` — a record's stored file as a download (:func:`helpdesk.uploads.attachment`).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from helpdesk.forms import add_service_errors, flash_form_errors, run_form, run_step
from helpdesk.uploads import attachment


@dataclass
class Posted:
    """What a step's ``arguments``/``done`` callables may read: the request, the record, the bound form (or
    None), the URL's other parts (``file_pk=…``) and, for ``done``, what the service returned."""

    request: object
    obj: object
    form: forms.BaseForm | None = None
    parts: dict = field(default_factory=dict)
    result: object = None


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
    - ``form``: the form class, bound to ``request.POST`` and ``request.FILES`` (and ``form_kwargs(request, obj)``).
    - ``invalid(request, obj, form)``: the response for an invalid form; by default its errors are flashed and
      the view redirects back.
    - ``arguments(posted)``: the service's arguments besides the record and ``by`` (default: the cleaned data).
    - ``done``: the success message, or ``done(posted)`` for one that names what was done (``posted.result``).
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
            posted.form = form(request.POST, request.FILES, **(form_kwargs(request, obj) if form_kwargs else {}))
            if not posted.form.is_valid():
                if invalid is not None:
                    return invalid(request, obj, posted.form)
                flash_form_errors(request, posted.form)
                return redirect(redirect_to, pk)
        if arguments is not None:
            values = arguments(posted)
        else:
            values = posted.form.cleaned_data if posted.form is not None else {}

        def take(**kwargs):
            posted.result = service(**kwargs)

        if run_step(request, take, **{argument: obj}, by=request.user, **values) and done:
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


def edit_view(lookup: Callable, service: Callable, *, argument: str, allowed: Callable, form_class, template: str,
              done, redirect_to: str, context: Callable = lambda obj: {}):
    """The GET/POST edit page of a record: ``lookup(user, pk)`` (404 outside), 403 unless ``allowed(user, obj)``;
    then :func:`form_page` with the model form on the record, ``service(<argument>=instance, by=user)``, and the
    form page's context ``object`` and ``context(obj)``."""

    @login_required
    @require_http_methods(["GET", "POST"])
    def view(request, pk):
        obj = lookup(request.user, pk)
        if not allowed(request.user, obj):
            raise PermissionDenied
        form = form_class(request.POST or None, request.FILES or None, instance=obj)
        return form_page(request, form, service, argument, by=request.user, template=template, done=done,
                         redirect_to=redirect_to, context={"object": obj, **context(obj)})

    return view


def submit_form(form: forms.BaseForm, service: Callable, /, *, field: str | None = None) -> tuple[bool, object]:
    """:func:`helpdesk.forms.run_form` with the service's result: ``(True, result)`` when it went through,
    ``(False, None)`` when the form or the service refused (the refusal is on the form)."""
    results = []
    went_through = run_form(form, lambda data: results.append(service(data)), field=field)
    return went_through, (results[0] if went_through else None)


def detail_page(template: str, name: str, form_name: str, blank_form: Callable):
    """The renderer of a record's page that carries one posted form: ``page(request, obj, form=None, status=200)``
    renders `template` with ``{name: obj, form_name: form or blank_form(obj)}`` (a refused form comes back with
    its errors and a 400)."""

    def page(request, obj, form=None, status=200):
        return render(request, template, {name: obj, form_name: form or blank_form(obj)}, status=status)

    return page


def detail_view(lookup: Callable, page: Callable):
    """A GET-only view ``view(request, pk)``: ``page(request, lookup(user, pk))`` (the access helper: 404 outside)."""

    @login_required
    @require_GET
    def view(request, pk):
        return page(request, lookup(request.user, pk))

    return view


def download_view(lookup: Callable, file_of: Callable, *, get_only: bool = False):
    """A view ``view(request, pk)`` that serves a record's stored file as a download
    (:func:`helpdesk.uploads.attachment`): ``file_of(obj)`` gives the file and its download name. `get_only`:
    other methods are 405."""

    def view(request, pk):
        return attachment(*file_of(lookup(request.user, pk)))

    return login_required(require_GET(view) if get_only else view)
