import datetime as dt

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

WEEKDAYS = (_("วันจันทร์"), _("วันอังคาร"), _("วันพุธ"), _("วันพฤหัสบดี"), _("วันศุกร์"), _("วันเสาร์"), _("วันอาทิตย์"))


@register.filter
def thai_weekday(value: dt.date) -> str:
    """'วันจันทร์' … (Monday first, as in the week calendar)."""
    if not isinstance(value, dt.date):
        return ""
    return str(WEEKDAYS[value.weekday()])
