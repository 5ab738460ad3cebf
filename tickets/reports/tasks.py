"""Background work of the reports: the summary PDF of a large scope takes longer than a request should."""

import logging

from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import task

from helpdesk.pdf import render_pdf
from tickets.reports.access import resolve_report
from tickets.reports.models import ReportExport

logger = logging.getLogger(__name__)


@task()
def build_report_pdf(export_id: int) -> str:
    """Render the export's report as PDF with the requesting user's rights as they are now."""
    export = ReportExport.objects.select_related("requested_by").get(pk=export_id)
    ReportExport.objects.filter(pk=export.pk).update(status=ReportExport.Status.RUNNING, started_at=timezone.now())
    try:
        form, scope, period = resolve_report(export.requested_by, export.params)
        if scope is None:
            raise ValueError("; ".join(str(e) for errors in form.errors.values() for e in errors))
        from tickets.reports.report import report_context

        context = report_context(scope, period, export.requested_by)
        context["for_pdf"] = True
        pdf = render_pdf("reports/summary_pdf.html", context)
    except Exception as exc:  # the page must show the failure instead of waiting forever
        logger.exception("report export %s failed", export_id)
        ReportExport.objects.filter(pk=export.pk).update(
            status=ReportExport.Status.FAILED, error=str(exc)[:500], finished_at=timezone.now()
        )
        raise
    export.file.save(period.filename("summary", "pdf"), ContentFile(pdf), save=False)
    ReportExport.objects.filter(pk=export.pk).update(
        status=ReportExport.Status.DONE, file=export.file.name, finished_at=timezone.now()
    )
    return export.file.name
