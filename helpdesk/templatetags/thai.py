"""Template filters for Thai dates: {{ value|thdate }}, {{ value|thdate_short }}, {{ value|thdatetime }} …"""

from django import template

from helpdesk import thai

register = template.Library()


@register.filter
def thdate(value):
    """22 พฤศจิกายน 2569"""
    return thai.format_date(value)


@register.filter
def thdate_short(value):
    """22 พ.ย. 69"""
    return thai.format_date(value, short=True)


@register.filter
def thdatetime(value):
    """22 พฤศจิกายน 2569 14:05 น."""
    return thai.format_date(value, with_time=True)


@register.filter
def thdatetime_short(value):
    """22 พ.ย. 69 14:05 น."""
    return thai.format_date(value, short=True, with_time=True)


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
def thdate_official(value):
    """๒๒ พฤศจิกายน ๒๕๖๙ — for official letters."""
    return thai.format_date(value, digits=True)


@register.filter
def thai_digits(value):
    return thai.thai_digits(value) if value not in (None, "") else ""


@register.filter
def fiscal_year(value):
    return thai.fiscal_year(value) if value else ""


@register.filter
def be_year(value):
    return thai.be_year(value) if value else ""
