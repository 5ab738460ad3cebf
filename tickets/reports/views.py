"""The summary report for a period and scope: HTML page, PDF (background or direct, with HTML preview), CSV."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_POST

from helpdesk.pdf import pdf_response
from tickets.reports.access import report_params, resolve_report
from tickets.reports.csv_export import csv_lines
from tickets.reports.models import ReportExport
from tickets.reports.report import report_context
from tickets.reports.services import report_export_request


def _filename(period, extension: str) -> str:
    """``summary-2570-10.pdf`` (month), ``summary-2570-q1.pdf`` (fiscal quarter), ``summary-2570.pdf`` (fiscal
    year): the period, in Buddhist-era years (tickets.reports.periods.Period.slug)."""
    return period.filename("summary", extension)


def _form_errors(request, form):
    return render(request, "reports/summary.html", {"form": form, "querystring": ""}, status=400)


@require_GET
@login_required
def summary_view(request):
    params = report_params(request.GET)
    form, scope, period = resolve_report(request.user, params)
    context = {"form": form, "querystring": request.GET.urlencode(), "params": params}
    if scope is None:
        return render(request, "reports/summary.html", context, status=400 if request.GET else 200)
    context.update(report_context(scope, period, request.user))
    return render(request, "reports/summary.html", context)


@require_GET
@login_required
def summary_pdf_view(request):
    """The PDF in one click, downloaded under the period's name; with ?preview=1 the same template as HTML."""
    form, scope, period = resolve_report(request.user, report_params(request.GET))
    if scope is None:
        return _form_errors(request, form)
    context = report_context(scope, period, request.user)
    context["for_pdf"] = True
    preview = request.GET.get("preview") == "1"
    response = pdf_response(request, "reports/summary_pdf.html", context, _filename(period, "pdf"), preview=preview)
    if not preview:
        response["Content-Disposition"] = content_disposition_header(True, _filename(period, "pdf"))
    return response


@require_GET
@login_required
def summary_csv_view(request):
    form, scope, period = resolve_report(request.user, report_params(request.GET))
    if scope is None:
        return _form_errors(request, form)
    response = StreamingHttpResponse(
        csv_lines(scope, printed_at=timezone.now()), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(True, _filename(period, "csv"))
    return response


@require_POST
@login_required
def export_create_view(request):
    """Queue the PDF in the background; the export page shows progress and offers the file."""
    params = report_params(request.POST)
    form, scope, period = resolve_report(request.user, params)
    if scope is None:
        return _form_errors(request, form)
    export = report_export_request(user=request.user, params=params, period_label=period.label,
                                   scope_label=scope.label)
    return redirect("reports:export_detail", pk=export.pk)


def get_export_for_user(request, pk: int) -> ReportExport:
    """An export is its requester's own: anyone else gets 404."""
    return get_object_or_404(ReportExport, pk=pk, requested_by=request.user)


@require_GET
@login_required
def export_detail_view(request, pk: int):
    export = get_export_for_user(request, pk)
    return render(request, "reports/export_detail.html", {"export": export})


@require_GET
@login_required
def export_download_view(request, pk: int):
    export = get_export_for_user(request, pk)
    if export.status != ReportExport.Status.DONE or not export.file:
        raise Http404
    return FileResponse(export.file.open("rb"), as_attachment=True, content_type="application/pdf",
                        filename=export.download_name)


def _workload(request):
    from tickets.reports.workload import workload, workload_teams_for

    team_ids = workload_teams_for(request.user)
    form, scope, period = resolve_report(request.user, report_params(request.GET))
    if scope is None:
        return form, None, None
    if scope.team_id is not None:
        team_ids = [scope.team_id] if team_ids is None or scope.team_id in team_ids else []
    return form, scope, workload(scope, team_ids=team_ids)


@require_GET
@login_required
def workload_view(request):
    """People and workload by technician and team (003 §1.2): team heads, the IT head and executives."""
    form, scope, data = _workload(request)
    context = {"form": form, "scope": scope, "data": data, "querystring": request.GET.urlencode()}
    return render(request, "reports/workload.html", context, status=400 if scope is None and request.GET else 200)


@require_GET
@login_required
def workload_pdf_view(request):
    form, scope, data = _workload(request)
    if scope is None:
        return render(request, "reports/workload.html", {"form": form}, status=400)
    return pdf_response(request, "reports/workload_pdf.html", {"scope": scope, "data": data, "for_pdf": True},
                        f"workload-{scope.start:%Y%m%d}-{scope.end:%Y%m%d}.pdf",
                        preview=request.GET.get("preview") == "1")


@require_GET
@login_required
def workload_csv_view(request):
    from helpdesk.csvexport import csv_response
    from tickets.reports.workload import workload_csv_rows

    form, scope, data = _workload(request)
    if scope is None:
        return render(request, "reports/workload.html", {"form": form}, status=400)
    return csv_response(f"workload-{scope.start:%Y%m%d}-{scope.end:%Y%m%d}.csv", workload_csv_rows(data),
                        stream=False)
