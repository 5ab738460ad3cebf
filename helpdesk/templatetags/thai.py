"""Template filters for Thai dates: {{ value|thdate }}, {{ value|thdate_short }}, {{ value|thdatetime }} …"""

import functools

from django import template

from helpdesk import thai

register = template.Library()

# The date filters: each is helpdesk.thai.format_date with these options.
DATE_FILTERS = {
    "thdate": {},  # 22 พฤศจิกายน 2569
    "thdate_short": {"short": True},  # 22 พ.ย. 69
    "thdatetime": {"with_time": True},  # 22 พฤศจิกายน 2569 14:05 น.
    "thdatetime_short": {"short": True, "with_time": True},  # 22 พ.ย. 69 14:05 น.
    "thdate_official": {"digits": True},  # ๒๒ พฤศจิกายน ๒๕๖๙ — for official letters
}
for _name, _options in DATE_FILTERS.items():
    register.filter(_name, functools.partial(thai.format_date, **_options))


@register.filter
def thevent(value):
    """1 ธ.ค. 2569 14:05 — every timeline and event list."""
    return thai.format_event_time(value)


@register.filter
def baht(value):
    """Money: 12,345.50 บาท (thousands separators, two decimals, the currency word in the reader's language).

    The one money filter for pages, e-mails and PDFs; official letters add ``|thai_digits``."""
    return thai.format_baht(value)


@register.filter
def thai_digits(value):
    return thai.thai_digits(value) if value not in (None, "") else ""


@register.filter
def fiscal_year(value):
    return thai.fiscal_year(value) if value else ""


@register.filter
def be_year(value):
    return thai.be_year(value) if value else ""
