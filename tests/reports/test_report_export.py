"""The background PDF of the summary report: queue, progress page, download, access."""

import pytest
from django.urls import reverse

from tickets.reports.models import ReportExport

pytestmark = pytest.mark.django_db

FY = {"period": "fiscal_year", "fiscal_year": "2570"}


def test_executive_queues_the_pdf_and_downloads_it(login, executive, dataset):
    client = login(executive)
    response = client.post(reverse("reports:export_create"), FY)
    export = ReportExport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:export_detail", args=[export.pk])
    assert export.status == ReportExport.Status.DONE  # the immediate backend ran the task
    assert export.requested_by == executive and export.params == FY
    assert export.period_label.startswith("ปีงบประมาณ 2570")
    page = client.get(response["Location"])
    assert 'id="export-download"' in page.content.decode()
    assert 'http-equiv="refresh"' not in page.content.decode()
    download = client.get(reverse("reports:export_download", args=[export.pk]))
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_pending_export_page_refreshes_itself(login, executive):
    export = ReportExport.objects.create(requested_by=executive, params=FY, period_label="ปีงบประมาณ 2570")
    client = login(executive)
    body = client.get(reverse("reports:export_detail", args=[export.pk])).content.decode()
    assert 'http-equiv="refresh"' in body and "รอคิว" in body
    assert client.get(reverse("reports:export_download", args=[export.pk])).status_code == 404


def test_someone_elses_export_is_not_found(login, executive, requester_a, dataset):
    login(executive).post(reverse("reports:export_create"), FY)
    export = ReportExport.objects.get()
    client = login(requester_a)
    assert client.get(reverse("reports:export_detail", args=[export.pk])).status_code == 404
    assert client.get(reverse("reports:export_download", args=[export.pk])).status_code == 404


def test_export_checks_the_unit_and_the_input(login, requester_a, unit_b):
    client = login(requester_a)
    assert client.post(reverse("reports:export_create"), {**FY, "unit": unit_b.pk}).status_code == 404
    bad = client.post(reverse("reports:export_create"), {"period": "range", "start": "x", "end": ""})
    assert bad.status_code == 400 and "วันที่ไม่ถูกต้อง" in bad.content.decode()
    assert not ReportExport.objects.exists()


def test_export_needs_post(login, executive):
    assert login(executive).get(reverse("reports:export_create"), FY).status_code == 405
    assert not ReportExport.objects.exists()


def test_failed_export_is_shown_as_failed(login, executive, monkeypatch):
    from tickets.reports import report

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(report, "report_context", boom)
    client = login(executive)
    response = client.post(reverse("reports:export_create"), FY)
    assert response.status_code == 302  # the task failed; the request did not
    export = ReportExport.objects.get()
    assert export.status == ReportExport.Status.FAILED and export.error == "disk full"
    assert "สร้างไฟล์ไม่สำเร็จ" in client.get(reverse("reports:export_detail", args=[export.pk])).content.decode()
