"""Forms and fields every app shares: the login form, the B.E. date field, the thin view's form step, and the
checks of an office phone, of a newly uploaded file and of a period's order."""

import re
from collections.abc import Callable

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext_lazy as _

from helpdesk.parsing import BEDateField


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง กรุณาลองใหม่อีกครั้ง"),
        "inactive": _("บัญชีผู้ใช้นี้ถูกระงับการใช้งาน"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("ชื่อผู้ใช้")
        self.fields["password"].label = _("รหัสผ่าน")


# The one date field (B.E. entry and display, the one parser): helpdesk.parsing.BEDateField, also by this name.
ThaiDateField = BEDateField

OFFICE_PHONE_RE = re.compile(r"^[0-9 +\-()]{6,40}( ต่อ [0-9]{1,6})?$")


def office_phone(value: str, message) -> str:
    """A form's ``clean_<phone>``: an office phone as typed (``0 2521 0522 ต่อ 12``), stripped; `message` (the
    form's Thai error) when it is not one."""
    phone = value.strip()
    if not OFFICE_PHONE_RE.match(phone):
        raise ValidationError(message)
    return phone


def end_not_before(form: forms.BaseForm, cleaned: dict, start: str, end: str, message) -> None:
    """A form's ``clean`` check of a period: `message` on the `end` field when both dates are given and the end
    comes before the start."""
    first, last = cleaned.get(start), cleaned.get(end)
    if first and last and last < first:
        form.add_error(end, message)


def checked_upload(value, check: Callable):
    """A form's ``clean_<file>``: a new upload goes through `check` (which raises ValidationError); the file
    already stored on the record (no content type) is kept as it is."""
    if value and hasattr(value, "content_type"):
        check(value)
    return value


def run_form(form: forms.BaseForm, service: Callable[[dict], object], *, field: str | None = None) -> bool:
    """The middle of a thin view: when `form` is valid, make its one service call, ``service(cleaned_data)``.

    A ``ValidationError`` the service raises (a refusal re-checked under the row lock) lands on the form —
    on `field`, else as a form error — with its Thai message, so the view re-renders the form. True when the
    service ran through (the view then redirects).
    """
    if not form.is_valid():
        return False
    try:
        service(form.cleaned_data)
    except ValidationError as error:
        for message in error.messages:
            form.add_error(field, message)
        return False
    return True


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's refusal on the form: per field when it names the form's fields, else as a form error."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def run_step(request, step: Callable, /, **kwargs) -> bool:
    """A thin view's one service call without a form (confirm, cancel, take …): a refusal becomes a flash
    message with its Thai text, and the view redirects back. True when the step went through."""
    from django.contrib import messages

    try:
        step(**kwargs)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False
    return True


def flash_form_errors(request, form: forms.BaseForm) -> None:
    """Every error of a posted form as a flash message (for forms posted from a detail page's cards)."""
    from django.contrib import messages

    for errors in form.errors.values():
        for message in errors:
            messages.error(request, message)


def is_htmx(request) -> bool:
    """Whether htmx sent the request (it then wants a part of the page back, not a redirect)."""
    return request.headers.get("HX-Request") == "true"


class LinesFormSet(forms.BaseFormSet):
    """A formset of request lines (items and quantities): once every form is valid, ``clean_lines()`` checks the
    lines together, and a formset without any line (``lines()`` empty) is refused with ``empty_message``."""

    empty_message = ""

    def clean(self):
        super().clean()
        if any(form.errors for form in self.forms):
            return
        self.clean_lines()
        if not self.lines():
            raise ValidationError(self.empty_message)

    def clean_lines(self) -> None:
        """Checks across the lines (raise ValidationError); none by default."""

    def lines(self) -> list:
        """The filled lines; each formset of lines defines it."""
        raise ImproperlyConfigured(f"{type(self).__name__} must define lines()")


class ReadOnceChoiceIterator(forms.models.ModelChoiceIterator):
    """A model choice field's choices from one plain query, kept for the form's life.

    Django's iterator opens a server-side cursor on PostgreSQL for every pass (DECLARE, FETCH, CLOSE) and a
    template's loop asks ``len()`` first (a COUNT): for a short list of technicians or guides on a busy page that
    is three statements where one will do. The empty choice is read from the field when the list is first read,
    so a form may change ``empty_label`` or ``label_from_instance`` after setting the queryset."""

    def __init__(self, field):
        super().__init__(field)
        self._choices = None

    def _read(self) -> list:
        if self._choices is None:
            empty = [("", self.field.empty_label)] if self.field.empty_label is not None else []
            self._choices = empty + [self.choice(obj) for obj in self.queryset]
        return self._choices

    def __iter__(self):
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())


class ReadOnceChoiceField(forms.ModelChoiceField):
    """A ``ModelChoiceField`` whose choices are read with one query (:class:`ReadOnceChoiceIterator`)."""

    iterator = ReadOnceChoiceIterator
