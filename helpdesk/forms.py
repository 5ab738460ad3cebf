"""Forms and fields every app shares: the login form, the B.E. date field, and the thin view's form step."""

import datetime as dt
from collections.abc import Callable

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from helpdesk.thai import parse_be_date


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง กรุณาลองใหม่อีกครั้ง"),
        "inactive": _("บัญชีผู้ใช้นี้ถูกระงับการใช้งาน"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("ชื่อผู้ใช้")
        self.fields["password"].label = _("รหัสผ่าน")


class ThaiDateField(forms.DateField):
    """A date typed in B.E. (15/03/2569) or picked as an ISO date (2026-03-15); shown in B.E.

    An app with its own wording of the error sets ``default_error_messages = {"invalid": …}`` in a subclass.
    """

    widget = forms.TextInput(attrs={"placeholder": "วว/ดด/ปปปป (พ.ศ.)", "inputmode": "numeric"})
    default_error_messages = {"invalid": _("วันที่ไม่ถูกต้อง กรอกเป็น วว/ดด/ปปปป (พ.ศ.) เช่น 15/03/2569")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.date):
            return value
        try:
            return parse_be_date(str(value))
        except ValueError as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error

    def prepare_value(self, value):
        if isinstance(value, dt.date):
            return f"{value.day:02d}/{value.month:02d}/{value.year + 543}"
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
