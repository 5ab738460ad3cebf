"""An executive opens the dashboard, the fiscal-year summary report, and downloads its PDF (real Chromium)."""

import io

import pytest
from pypdf import PdfReader

from tests.conftest import PASSWORD
from tests.reports.conftest import *  # noqa: F403  (the report dataset fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_executive_reads_the_fiscal_year_report_and_downloads_the_pdf(sign_in, live_server, executive, dataset,
                                                                       tmp_path):
    page = sign_in(executive.username, PASSWORD)
    page.wait_for_selector("#widget-executive svg")
    assert "ผลการให้บริการ ปีงบประมาณ" in page.inner_text("#widget-executive")

    page.click("#nav-reports-menu")  # the "รายงาน" dropdown of the main menu
    page.click("#nav-reports")
    page.select_option("#id_period", "fiscal_year")
    page.fill("#id_fiscal_year", "2570")
    page.click("#report-form button[type=submit]")
    page.wait_for_selector("#report-period")
    assert page.inner_text("#report-period").startswith("ปีงบประมาณ 2570")
    assert page.inner_text("#fig-received") == "12"
    assert page.inner_text("#fig-delivered") == "6"
    assert page.locator("#report-monthly svg rect").count() >= 24

    page.click("#report-pdf")
    page.wait_for_selector("#export-download")
    with page.expect_download() as info:
        page.click("#export-download")
    path = tmp_path / "report.pdf"
    info.value.save_as(path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(data))
    fonts = {str(font.get_object().get("/BaseFont"))
             for p in reader.pages for font in (p.get("/Resources") or {}).get("/Font", {}).values()}
    assert any("Sarabun" in name for name in fonts)
    assert "ปีงบประมาณ 2570" in reader.pages[0].extract_text()
