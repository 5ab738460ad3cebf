"""An executive opens the dashboard, the fiscal-year summary report, and downloads its PDF (real Chromium)."""

import io

import pytest
from django.urls import reverse
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
    # The kind of period first: only its fields show.
    page.click("label[for=report-form-period-month]")
    assert page.is_visible("#id_month") and page.is_visible("#id_year")
    assert not page.is_visible("#id_fiscal_year") and not page.is_visible("#id_start")
    page.click("label[for=report-form-period-fiscal_year]")
    assert page.is_visible("#id_fiscal_year") and not page.is_visible("#id_month")
    page.fill("#id_fiscal_year", "2570")
    page.screenshot(path="/tmp/shots-c/report-form-desktop.png")
    page.click("#report-form-show")
    page.wait_for_selector("#report-period")
    assert page.inner_text("#report-period").startswith("ปีงบประมาณ 2570")
    assert page.inner_text("#fig-received") == "12"
    assert page.inner_text("#fig-delivered") == "6"
    assert page.locator("#report-monthly svg rect").count() >= 24

    # One click: the PDF downloads under the period's name.
    with page.expect_download() as info:
        page.click("#report-pdf")
    assert info.value.suggested_filename == "summary-2570.pdf"
    path = tmp_path / "report.pdf"
    info.value.save_as(path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(data))
    fonts = {str(font.get_object().get("/BaseFont"))
             for p in reader.pages for font in (p.get("/Resources") or {}).get("/Font", {}).values()}
    assert any("Sarabun" in name for name in fonts)
    assert "ปีงบประมาณ 2570" in reader.pages[0].extract_text()

    # The background export (large reports) names the file the same way.
    page.click("#report-pdf-background")
    page.wait_for_selector("#export-download")
    with page.expect_download() as info:
        page.click("#export-download")
    assert info.value.suggested_filename == "summary-2570.pdf"


def test_a_quarter_pdf_is_one_click_from_the_form_on_a_phone(phone_page, live_server, executive, dataset):
    page = phone_page
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", executive.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    page.goto(f"{live_server.url}{reverse('reports:summary')}")
    page.click("label[for=report-form-period-quarter]")
    assert page.is_visible("#id_quarter") and not page.is_visible("#id_month")
    page.fill("#id_fiscal_year", "2570")
    page.select_option("#id_quarter", "1")
    page.screenshot(path="/tmp/shots-c/report-form-phone.png")
    with page.expect_download() as info:
        page.click("#report-form-pdf")
    assert info.value.suggested_filename == "summary-2570-q1.pdf"
