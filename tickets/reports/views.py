"""The summary report for a period and scope: HTML page, PDF (with HTML preview) and CSV."""

from django.contrib.auth.decorators import login_required
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from helpdesk.pdf import pdf_response
from tickets.reports.access import build_scope, check_report_access, check_unit_param, report_units_for
from tickets.reports.csv_export import csv_lines
from tickets.reports.forms import ReportForm, default_data
from tickets.reports.report import report_context


def _report_form(request):
    """(form, scope, period); scope and period are None when the form has errors."""
    units = report_units_for(request.user)
    check_report_access(request.user, units)
    check_unit_param(request.GET.get("unit"), units)
    data = default_data()
    data.update({name: request.GET.get(name, "") for name in ReportForm.base_fields if name in request.GET})
    form = ReportForm(data, units=units, sees_all=units is None)
    if not form.is_valid() or form.cleaned_data["report_period"] is None:
        return form, None, None
    period = form.cleaned_data["report_period"]
    scope = build_scope(
        period=period, units=units, unit=form.cleaned_data.get("unit"), area=form.cleaned_data.get("area"),
        team=form.cleaned_data.get("team"),
    )
    return form, scope, period


def _filename(scope, extension: str) -> str:
    return f"summary-report-{scope.start:%Y%m%d}-{scope.end:%Y%m%d}.{extension}"


@require_GET
@login_required
def summary_view(request):
    form, scope, period = _report_form(request)
    context = {"form": form, "querystring": request.GET.urlencode()}
    status = 200
    if scope is None:
        status = 400 if request.GET else 200
    else:
        context.update(report_context(scope, period, request.user))
    return render(request, "reports/summary.html", context, status=status)


@require_GET
@login_required
def summary_pdf_view(request):
    form, scope, period = _report_form(request)
    if scope is None:
        return render(request, "reports/summary.html", {"form": form, "querystring": ""}, status=400)
    context = report_context(scope, period, request.user)
    context["for_pdf"] = True
    return pdf_response(request, "reports/summary_pdf.html", context, _filename(scope, "pdf"),
                        preview=request.GET.get("preview") == "1")


@require_GET
@login_required
def summary_csv_view(request):
    form, scope, _period = _report_form(request)
    if scope is None:
        return render(request, "reports/summary.html", {"form": form, "querystring": ""}, status=400)
    response = StreamingHttpResponse(
        csv_lines(scope, printed_at=timezone.now()), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(True, _filename(scope, "csv"))
    return response
