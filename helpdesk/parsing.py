"""The one way to read dates and whole numbers typed by people or sent in query strings.

Every date field (forms), every date cell of a CSV import and every integer filter of a list page
goes through here, so hostile input — huge components (``1/1/99999999999999999999999``,
``?unit=99999999999999999999999``), Unicode digits (``²``), NUL bytes — becomes a Thai form
error or an ignored filter, never a 500, on SQLite and PostgreSQL alike.
"""

import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from helpdesk.thai import BE_OFFSET

# Years above this are Buddhist era (2400 B.E. = 1857 C.E.; no C.E. date in this product is that late).
BE_THRESHOLD = 2400
# The largest value a BigAutoField / BigIntegerField holds on PostgreSQL (and SQLite's INTEGER).
MAX_DB_INT = 2**63 - 1

_THAI_TO_ASCII = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_DMY = re.compile(r"([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})")
_WHOLE = re.compile(r"[0-9]{1,19}")


def parse_be_date(text) -> dt.date:
    """'15/03/2566' or '15/03/2023' (day/month/year, B.E. when the year is above 2400) or
    '2023-03-15' (ISO); Thai digits accepted. Raises ``ValueError`` for anything else — never
    ``OverflowError`` — so callers need to catch only that."""
    text = str(text or "").strip().translate(_THAI_TO_ASCII)
    if not text:
        raise ValueError("empty date")
    if match := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DMY.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise ValueError("not a date")
    if year > BE_THRESHOLD:
        year -= BE_OFFSET
    return dt.date(year, month, day)  # ValueError for 31/02, month 13, year 0


def format_be_date(value: dt.date | None) -> str:
    """'15/03/2569' — how a date is shown in a text input and in a CSV cell."""
    return f"{value.day:02d}/{value.month:02d}/{value.year + BE_OFFSET}" if value else ""


class BEDateInput(forms.TextInput):
    """A text input for ``วว/ดด/ปปปป`` (B.E.); static/js/be-date.js adds the calendar to every
    ``input[data-be-date]`` (no native Christian-era picker anywhere)."""

    def __init__(self, attrs=None):
        super().__init__(attrs={**BE_DATE_ATTRS, **(attrs or {})})


# The placeholder names the parts, so it cannot be mistaken for a value already filled in.
BE_DATE_PLACEHOLDER = _("วว/ดด/ปปปป (พ.ศ.)")
BE_DATE_ATTRS = {
    "placeholder": BE_DATE_PLACEHOLDER, "inputmode": "numeric", "autocomplete": "off", "data-be-date": "",
    "maxlength": "10",
}


class BEDateField(forms.DateField):
    """A form date field read by :func:`parse_be_date` (B.E. or C.E.); every date field uses it.

    Shown as ``วว/ดด/ปปปป`` (B.E.) in a text input with the B.E. calendar (:class:`BEDateInput`); whatever
    widget a form passes becomes that input, so no form can bring back a native Christian-era picker.
    """

    widget = BEDateInput
    default_error_messages = {"invalid": _("วันที่ไม่ถูกต้อง กรอกเป็น วว/ดด/ปปปป (พ.ศ.) เช่น 15/03/2569")}

    def __init__(self, *args, **kwargs):
        widget = kwargs.get("widget")
        if widget is not None and not isinstance(widget, BEDateInput):
            extra = getattr(widget, "attrs", {}) if not isinstance(widget, type) else {}
            kwargs["widget"] = BEDateInput({k: v for k, v in extra.items() if k not in ("type", "placeholder")})
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return parse_be_date(value)
        except ValueError as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error

    def prepare_value(self, value):
        if isinstance(value, dt.date):
            return format_be_date(value)
        return value


def int_param(value, *, minimum: int = 0, maximum: int = MAX_DB_INT) -> int | None:
    """A whole number from a query string or form value, or ``None`` when it is not one.

    Only ASCII digits, at most 19 of them, within ``minimum``…``maximum`` (by default what a
    database integer column holds): ``"²"``, ``"๕"``, ``"1e9"``, ``"99999999999999999999999"``,
    ``"4\\x00"`` all give ``None``, so the filter is ignored instead of reaching the database.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = str(value if value is not None else "").strip()
        if not _WHOLE.fullmatch(text):
            return None
        number = int(text)
    return number if minimum <= number <= maximum else None


def int_list(values, *, minimum: int = 1, maximum: int = MAX_DB_INT) -> list[int]:
    """The valid whole numbers of a ``getlist`` (ids ticked in a list); the rest are dropped."""
    numbers = (int_param(value, minimum=minimum, maximum=maximum) for value in values)
    return [number for number in numbers if number is not None]


def strip_nul(text: str) -> str:
    """Text without NUL characters (PostgreSQL refuses them in text values)."""
    return text.replace("\x00", "") if "\x00" in text else text
