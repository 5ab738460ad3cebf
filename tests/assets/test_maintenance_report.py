"""The maintenance report per period (002 §2 step ๓): planned, done, overdue, findings and tickets opened, as a
page, a PDF and a section of the executive summary — compared with counts taken from the database."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from assets.maintenance_report import maintenance_report
from assets.models import MaintenancePlanItem, MaintenanceRecord
from assets.services import maintenance_record_create
from helpdesk.dashboard import ReportScope
from helpdesk.thai import fiscal_year
from tests.assets.conftest import make_asset

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
YEAR = fiscal_year(TODAY)
FY = ReportScope(start=dt.date(YEAR - 544, 10, 1), end=dt.date(YEAR - 543, 9, 30))


@pytest.fixture
def plan(unit_a, technician):
    past = dt.date(YEAR - 544, 10, 15)  # October: the first month of the fiscal year, always past or current
    assets = [make_asset(unit_a, f"7440-001-00{n}/2566") for n in range(1, 4)]
    MaintenancePlanItem.objects.create(fiscal_year=YEAR, month=10, unit=unit_a, asset_type="computer")
    maintenance_record_create(asset=assets[0], performed_on=min(past, TODAY), checks="ทำความสะอาด", findings="",
                              result="ok", by=technician)
    maintenance_record_create(asset=assets[1], performed_on=min(past, TODAY), checks="ตรวจพัดลม",
                              findings="พัดลมไม่หมุน", result="needs_repair", by=technician)
    return assets


def test_figures_match_the_database(plan, technician):
    data = maintenance_report(FY, today=dt.date(YEAR - 543, 9, 30))
    totals = data["totals"]
    assert totals["planned"] == 3
    done = MaintenanceRecord.objects.filter(plan_item__isnull=False).values("asset").distinct().count()
    assert totals["done"] == done == 2
    assert totals["overdue"] == 1
    assert totals["needs_repair"] == MaintenanceRecord.objects.filter(result="needs_repair").count() == 1
    assert totals["tickets"] == MaintenanceRecord.objects.filter(repair_ticket__isnull=False).count() == 1
    assert [record.findings for record in data["findings"]] == ["พัดลมไม่หมุน"]


def test_page_pdf_and_executive_summary_section(login, client, plan, it_head, executive):
    login(it_head)
    page = client.get(reverse("assets:maintenance_report"), {"year": YEAR}).content.decode()
    assert 'id="mt-planned">3<' in page and 'id="mt-tickets">1<' in page and "พัดลมไม่หมุน" in page
    pdf = client.get(reverse("assets:maintenance_report_pdf"), {"year": YEAR})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    login(executive)
    summary = client.get(reverse("reports:summary"), {"period": "fiscal_year", "fiscal_year": str(YEAR)})
    assert 'id="mt-needs-repair">1<' in summary.content.decode()


def test_requesters_cannot_see_it(login, client, requester_a):
    login(requester_a)
    assert client.get(reverse("assets:maintenance_report")).status_code == 403
    assert client.get(reverse("assets:maintenance_report_pdf")).status_code == 403
    assert client.post(reverse("assets:maintenance_report")).status_code == 405


def test_the_summary_pdf_lists_findings_under_their_unit(login, client, plan, executive, unit_a):
    login(executive)
    params = {"period": "fiscal_year", "fiscal_year": str(YEAR)}
    ticket = MaintenanceRecord.objects.get(result="needs_repair").repair_ticket

    def findings_table(html: str) -> str:
        table = html[html.index('id="maintenance-findings"') :]
        return table[: table.index("</table>")]

    pdf_table = findings_table(client.get(reverse("reports:summary_pdf"), {**params, "preview": "1"}).content.decode())
    assert f'<tr class="group-row"><th colspan="5">{unit_a.code} {unit_a.name}</th></tr>' in pdf_table
    assert "พัดลมไม่หมุน" in pdf_table and f"<td>{ticket.number}</td>" in pdf_table and "<a " not in pdf_table
    page_table = findings_table(client.get(reverse("reports:summary"), params).content.decode())
    assert f"<td>{unit_a.name}</td>" in page_table and "group-row" not in page_table
    assert reverse("tickets:detail", args=[ticket.pk]) in page_table
