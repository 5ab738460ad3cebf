"""Who may report on what: unit users their own unit, supervisors the units they oversee,
executives, the IT head and service staff the whole agency; and report parameters turned into a checked scope."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from helpdesk.dashboard import ReportScope
from helpdesk.models import Unit
from helpdesk.parsing import int_param
from helpdesk.roles import own_units, sees_all_units
from tickets.reports.forms import ReportForm, default_data
from tickets.reports.periods import Period


def report_units_for(user):
    """None when the user may report on every unit, else the queryset of units they may report on."""
    if sees_all_units(user):
        return None
    return own_units(user)


def check_report_access(user, units) -> None:
    """403 for users with no unit to report on (and no agency-wide role)."""
    if units is not None and not units.exists():
        raise PermissionDenied(_("คุณไม่มีสิทธิ์ดูรายงาน"))


def check_unit_param(raw: str | None, units) -> None:
    """A unit outside the user's reach is answered 404, like any record of another unit."""
    if units is None or not raw:
        return
    pk = int_param(raw, minimum=1)
    if pk is not None and units.filter(pk=pk).exists():
        return
    if pk is not None and Unit.objects.filter(pk=pk).exists():
        raise Http404
    # Non-numeric or unknown ids fall through to the form's "invalid choice" error.


def build_scope(*, period: Period, units, unit=None, area=None, team=None) -> ReportScope:
    """The ReportScope for the chosen filters, always limited to the user's units."""
    ids = None
    label_parts = []
    if units is not None:
        ids = set(units.values_list("pk", flat=True))
    if unit is not None:
        below = set(Unit.objects.below(unit).values_list("pk", flat=True))
        ids = below if ids is None else ids & below
        label_parts.append(unit.name + (_(" (รวมหน่วยงานในสังกัด)") if len(below) > 1 else ""))
    if area is not None:
        in_area = set(Unit.objects.filter(area=area).values_list("pk", flat=True))
        ids = in_area if ids is None else ids & in_area
        label_parts.append(_("พื้นที่ %(name)s") % {"name": area.name})
    if team is not None:
        label_parts.append(_("ทีม %(name)s") % {"name": team.name})
    if not label_parts:
        if units is None:
            label_parts.append(_("ทั้งหน่วยงาน"))
        else:
            names = list(units.order_by("path").values_list("name", flat=True)[:1])
            label_parts.append(names[0] + (_(" (รวมหน่วยงานในสังกัด)") if len(ids) > 1 else "") if names else "")
    return ReportScope(
        start=period.start,
        end=period.end,
        unit_ids=None if ids is None else tuple(sorted(ids)),
        team_id=team.pk if team is not None else None,
        label=" · ".join(part for part in label_parts if part),
    )


def report_params(query) -> dict[str, str]:
    """The known report parameters of a QueryDict or dict (anything else is dropped)."""
    return {name: str(query.get(name, "")) for name in ReportForm.base_fields if name in query}


def resolve_report(user, params: dict):
    """(form, scope, period) for `user`; scope and period are None when the form has errors.

    Raises PermissionDenied for users with nothing to report on and Http404 for another unit.
    """
    units = report_units_for(user)
    check_report_access(user, units)
    check_unit_param(params.get("unit"), units)
    data = default_data()
    data.update(params)
    form = ReportForm(data, units=units, sees_all=units is None)
    if not form.is_valid() or form.cleaned_data["report_period"] is None:
        return form, None, None
    period = form.cleaned_data["report_period"]
    scope = build_scope(
        period=period, units=units, unit=form.cleaned_data.get("unit"), area=form.cleaned_data.get("area"),
        team=form.cleaned_data.get("team"),
    )
    return form, scope, period
