"""Thin views a process builds instead of writing them: a POST step on a request's detail page, and the
create/edit page of a model form whose one service call may refuse.

- :func:`posted_step_view` — access helper → permission → optional form → one service call
  (:func:`helpdesk.forms.run_posted_step`) → back to the detail page.
- :func:`save_model_form` — the middle of a create/edit page: the posted model form's unsaved instance goes
  to one service call; its refusal lands on the form (:func:`helpdesk.forms.add_service_errors`).
- :func:`submit_form` — :func:`helpdesk.forms.run_form` that hands back what the service returned.
"""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from helpdesk.forms import add_service_errors, run_form, run_posted_step
from helpdesk.uploads import attachment


def posted_step_view(fetch: Callable, step: Callable, *, name: str, allowed: Callable, back: str, done: str = "",
                     form: type | None = None, form_kwargs: Callable | None = None):
    """A POST-only view ``view(request, pk)``: ``fetch(user, pk)`` (the access helper: 404 outside), 403 unless
    ``allowed(user, obj)``, then ``step(<name>=obj, by=user, **form.cleaned_data)``; redirects to ``back``.

    `form` is bound to the POST (with ``form_kwargs(request, obj)`` when given); its errors and the step's
    refusal are flashed, `done` when the step went through."""

    @login_required
    @require_POST
    def view(request, pk):
        obj = fetch(request.user, pk)
        if not allowed(request.user, obj):
            raise PermissionDenied
        bound = None
        if form is not None:
            bound = form(request.POST, **(form_kwargs(request, obj) if form_kwargs else {}))
        run_posted_step(request, step, form=bound, done=done, **{name: obj}, by=request.user)
        return redirect(back, pk)

    return view


def save_model_form(request, form, service: Callable, /, *, name: str, attrs: dict | None = None, **kwargs):
    """On a POST with a valid model `form`: ``service(<name>=instance, **kwargs)`` with the form's unsaved
    instance (`attrs` set on it first). The saved instance, or None when the form or the service refused."""
    if request.method != "POST" or not form.is_valid():
        return None
    instance = form.save(commit=False)
    for attr, value in (attrs or {}).items():
        setattr(instance, attr, value)
    try:
        service(**{name: instance}, **kwargs)
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    return instance


def submit_form(form, service: Callable, /, *, field: str | None = None) -> tuple[bool, object]:
    """:func:`helpdesk.forms.run_form` with the service's result: ``(True, result)`` when it went through,
    ``(False, None)`` when the form or the service refused (the refusal is on the form)."""
    results = []
    done = run_form(form, lambda data: results.append(service(data)), field=field)
    return done, (results[0] if done else None)


def form_page(template: str, name: str, form_name: str, blank_form: Callable):
    """The renderer of a detail page that carries one posted form: ``page(request, obj, form=None, status=200)``
    renders `template` with ``{name: obj, form_name: form or blank_form(obj)}`` (a refused form comes back with its
    errors and a 400)."""

    def page(request, obj, form=None, status=200):
        return render(request, template, {name: obj, form_name: form or blank_form(obj)}, status=status)

    return page


def detail_view(fetch: Callable, page: Callable):
    """A GET-only view ``view(request, pk)``: ``page(request, fetch(user, pk))`` (the access helper: 404 outside)."""

    @login_required
    @require_GET
    def view(request, pk):
        return page(request, fetch(request.user, pk))

    return view


def edit_view(fetch: Callable, service: Callable, *, name: str, allowed: Callable, form_class, template: str,
              done: str, back: str, context: Callable = lambda obj: {}):
    """The GET/POST edit page of a record: ``fetch(user, pk)`` (404 outside), 403 unless ``allowed(user, obj)``;
    a valid model form goes to ``service(<name>=instance, by=user)`` (:func:`save_model_form`), `done` is flashed
    and the browser goes to ``back``; else the form page (``form``, ``object`` and ``context(obj)``)."""

    @login_required
    @require_http_methods(["GET", "POST"])
    def view(request, pk):
        obj = fetch(request.user, pk)
        if not allowed(request.user, obj):
            raise PermissionDenied
        form = form_class(request.POST or None, request.FILES or None, instance=obj)
        if save_model_form(request, form, service, name=name, by=request.user) is not None:
            messages.success(request, done)
            return redirect(back, pk)
        return render(request, template, {"form": form, "object": obj, **context(obj)})

    return view


def download_view(fetch: Callable, file_of: Callable, *, get_only: bool = False):
    """A view ``view(request, pk)`` that serves a record's stored file as a download
    (:func:`helpdesk.uploads.attachment`): ``file_of(obj)`` gives the file and its download name. `get_only`:
    other methods are 405."""

    def view(request, pk):
        return attachment(*file_of(fetch(request.user, pk)))

    return login_required(require_GET(view) if get_only else view)
