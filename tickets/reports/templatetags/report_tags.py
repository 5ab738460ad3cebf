from django import template
from django.contrib.humanize.templatetags.humanize import intcomma

register = template.Library()


@register.filter
def pct(value) -> str:
    """85.04 → '85.0%'; None (nothing to divide) → '–'."""
    if value is None or value == "":
        return "–"
    return f"{float(value):.1f}%"


@register.filter
def num(value, digits: int = 0) -> str:
    """Grouped thousands; floats with `digits` decimals; None → '–'."""
    if value is None or value == "":
        return "–"
    if digits:
        return intcomma(f"{float(value):.{int(digits)}f}")
    return intcomma(value)
