"""Queueing a background PDF of a report (the parameters are checked in tickets.reports.access)."""

from tickets.reports.models import ReportExport
from tickets.reports.tasks import build_report_pdf


def report_export_request(*, user, params: dict, period_label: str, scope_label: str) -> ReportExport:
    """Record the request and queue the PDF (the immediate backend builds it before returning)."""
    export = ReportExport.objects.create(requested_by=user, params=params, period_label=period_label[:255],
                                         scope_label=scope_label[:500])
    build_report_pdf.enqueue(export.pk)
    export.refresh_from_db()
    return export
