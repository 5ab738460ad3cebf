"""Turning report parameters into a checked scope, and queueing a background PDF."""

from tickets.reports.access import build_scope, check_report_access, check_unit_param, report_units_for
from tickets.reports.forms import ReportForm, default_data
from tickets.reports.models import ReportExport


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


def report_export_request(*, user, params: dict, period_label: str, scope_label: str) -> ReportExport:
    """Record the request and queue the PDF (the immediate backend builds it before returning)."""
    from tickets.reports.tasks import build_report_pdf

    export = ReportExport.objects.create(requested_by=user, params=params, period_label=period_label[:255],
                                         scope_label=scope_label[:500])
    build_report_pdf.enqueue(export.pk)
    export.refresh_from_db()
    return export
