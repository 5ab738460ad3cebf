"""The executive report form asks for the kind of period first; its PDF is one click and named for its period
(issue 14): summary-2570-10.pdf (a month, B.E.), summary-2570-q1.pdf (a fiscal quarter), summary-2570.pdf (a fiscal
year), for the direct download and for the background export alike."""

import re

import pytest
from django.urls import reverse

from tickets.reports.models import ReportExport

pytestmark = pytest.mark.django_db

PERIODS = [
    ({"period": "month", "year": "2570", "month": "10"}, "summary-2570-10"),
    ({"period": "quarter", "fiscal_year": "2570", "quarter": "1"}, "summary-2570-q1"),
    ({"period": "fiscal_year", "fiscal_year": "2570"}, "summary-2570"),
    ({"period": "range", "start": "01/03/2569", "end": "15/03/2569"}, "summary-25690301-25690315"),
]


def _filename(response) -> str:
    match = re.search(r'filename="([^"]+)"', response["Content-Disposition"])
    return match.group(1)


@pytest.mark.parametrize(("params", "stem"), PERIODS)
def test_the_direct_pdf_downloads_under_the_periods_name(login, executive, params, stem):
    response = login(executive).get(reverse("reports:summary_pdf"), params)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("attachment")
    assert _filename(response) == f"{stem}.pdf"


@pytest.mark.parametrize(("params", "stem"), PERIODS[:3])
def test_the_background_export_downloads_under_the_periods_name(login, executive, params, stem):
    client = login(executive)
    client.post(reverse("reports:export_create"), params)
    export = ReportExport.objects.get()
    assert export.status == ReportExport.Status.DONE
    assert export.file.name.endswith(f"/{stem}.pdf")
    download = client.get(reverse("reports:export_download", args=[export.pk]))
    assert _filename(download) == f"{stem}.pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_the_csv_is_named_for_its_period_too(login, executive):
    response = login(executive).get(reverse("reports:summary_csv"), PERIODS[1][0])
    assert _filename(response) == "summary-2570-q1.csv"


def test_an_export_stored_before_the_names_keeps_a_safe_name(executive):
    export = ReportExport.objects.create(requested_by=executive, params={}, period_label="x",
                                         file="reports/0123abcd.pdf", status=ReportExport.Status.DONE)
    assert export.download_name == f"summary-report-{export.pk}.pdf"


def test_the_form_asks_for_the_kind_of_period_first_then_its_fields(login, executive):
    body = login(executive).get(reverse("reports:summary")).content.decode()
    kinds = re.findall(r'name="period" id="report-form-period-(\w+)"', body)
    assert kinds == ["month", "quarter", "fiscal_year", "range"]
    assert body.index('name="period"') < body.index('name="fiscal_year"') < body.index('name="unit"')
    assert re.search(r'data-period-kinds="month"><label class="form-label" for="id_year"', body)
    assert re.search(r'data-period-kinds="quarter fiscal_year"><label class="form-label" for="id_fiscal_year"', body)
    assert re.search(r'data-period-kinds="range"><label class="form-label" for="id_start"', body)
    assert 'js/report-period.js' in body
    # One click from the form: the second button sends the same fields to the PDF.
    assert f'formaction="{reverse("reports:summary_pdf")}"' in body


def test_a_missing_period_value_is_asked_for_in_thai(login, executive):
    response = login(executive).get(reverse("reports:summary_pdf"), {"period": "month", "year": "", "month": ""})
    assert response.status_code == 400
    assert "กรุณาระบุ" in response.content.decode()


def test_the_page_offers_the_one_click_pdf_of_what_it_shows(login, executive, dataset):
    body = login(executive).get(reverse("reports:summary"), PERIODS[0][0]).content.decode()
    link = re.search(r'id="report-pdf" href="([^"]+)"', body).group(1).replace("&amp;", "&")
    assert link.startswith(reverse("reports:summary_pdf") + "?") and "period=month" in link and "month=10" in link
