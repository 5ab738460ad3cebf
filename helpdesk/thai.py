"""Thai calendar: Buddhist-era dates, Thai digits, the government fiscal year."""

import datetime as dt

from django.utils import timezone

BE_OFFSET = 543

MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)
_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def thai_digits(value) -> str:
    """'2569' → '๒๕๖๙' (official letters use Thai digits)."""
    return str(value).translate(_THAI_DIGITS)


def local_date(value: dt.date | dt.datetime) -> dt.date:
    """The calendar date in Asia/Bangkok of a date or an (aware) datetime."""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def be_year(value: dt.date | dt.datetime) -> int:
    return local_date(value).year + BE_OFFSET


def _local_moment(value) -> tuple:
    """`value` in local time (when it is an aware datetime) and its local date."""
    moment = timezone.localtime(value) if isinstance(value, dt.datetime) and timezone.is_aware(value) else value
    return moment, local_date(moment)


def format_date(value, *, short: bool = False, with_time: bool = False, digits: bool = False) -> str:
    """'22 พฤศจิกายน 2569', short '22 พ.ย. 69', with time '… 14:05 น.'."""
    if value in (None, ""):
        return ""
    moment, day = _local_moment(value)
    if short:
        text = f"{day.day} {MONTHS_SHORT[day.month - 1]} {str(day.year + BE_OFFSET)[-2:]}"
    else:
        text = f"{day.day} {MONTHS[day.month - 1]} {day.year + BE_OFFSET}"
    if with_time and isinstance(moment, dt.datetime):
        text += f" {moment:%H:%M} น."
    return thai_digits(text) if digits else text


def format_baht(value) -> str:
    """'12,345.50 บาท'; empty for None or a value that is not a number."""
    from decimal import Decimal, InvalidOperation

    from django.utils.translation import gettext

    if value in (None, ""):
        return ""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return ""
    return f"{amount:,.2f} {gettext('บาท')}"


def format_event_time(value) -> str:
    """Timeline and event lists: '1 ธ.ค. 2569 14:05' (short month, full B.E. year, 24-hour time)."""
    if value in (None, ""):
        return ""
    moment, day = _local_moment(value)
    text = f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year + BE_OFFSET}"
    if isinstance(moment, dt.datetime):
        text += f" {moment:%H:%M}"
    return text


def fiscal_year(value: dt.date | dt.datetime) -> int:
    """The Thai fiscal year (B.E.) a date falls in: 1 Oct 2026 opens fiscal year 2570."""
    day = local_date(value)
    year = day.year + 1 if day.month >= 10 else day.year
    return year + BE_OFFSET


def fiscal_year_bounds(year_be: int) -> tuple[dt.date, dt.date]:
    """First and last day of a fiscal year given in B.E. (2570 → 2026-10-01 … 2027-09-30)."""
    ce = year_be - BE_OFFSET
    return dt.date(ce - 1, 10, 1), dt.date(ce, 9, 30)
