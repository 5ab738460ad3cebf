"""Sections other apps register (parts, publishing, network…) appear after the ticket sections, in the
page, the PDF and the CSV, with the scope of the report."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from helpdesk import dashboard
from tests.reports.conftest import bkk, make_ticket
from tickets.reports.figures import headline_figures, ticket_figures

pytestmark = pytest.mark.django_db

FY = {"period": "fiscal_year", "fiscal_year": "2570"}


@pytest.fixture
def parts_section(tmp_path, settings):
    seen = []
    (tmp_path / "parts_section.html").write_text(
        '<table class="bordered" id="parts-section"><tr><td>{{ s.cost }}</td><td>{{ scope.start|date:"Y-m-d" }}'
        '</td><td>{% if for_pdf %}pdf{% else %}html{% endif %}</td></tr></table>', encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}]

    def build(scope):
        seen.append(scope)
        return {"cost": "<b>1,250.00</b>"}

    dashboard.register_report_section(dashboard.ReportSection(
        "parts", "อะไหล่ที่ใช้และค่าใช้จ่าย", "parts_section.html", build=build, order=10,
        csv_rows=lambda scope: (["รายการ", "บาท"], [["=แรม 8GB", "1250.00"]]),
    ))
    yield seen
    dashboard._sections.pop("parts")


def test_registered_section_is_rendered_after_the_ticket_sections(login, executive, parts_section, dataset):
    body = login(executive).get(reverse("reports:summary"), FY).content.decode()
    assert "8. อะไหล่ที่ใช้และค่าใช้จ่าย" in body
    assert body.index('id="report-assets"') < body.index('id="parts-section"')
    assert "&lt;b&gt;1,250.00&lt;/b&gt;" in body  # escaped like any data
    assert "<td>2026-10-01</td><td>html</td>" in body
    assert parts_section[-1].start == dt.date(2026, 10, 1) and parts_section[-1].unit_ids is None


def test_registered_section_gets_the_users_scope_and_prints_in_the_pdf(login, requester_a, unit_a, parts_section,
                                                                      dataset):
    body = login(requester_a).get(reverse("reports:summary_pdf"), {**FY, "preview": "1"}).content.decode()
    assert "<td>pdf</td>" in body
    assert parts_section[-1].unit_ids == (unit_a.pk,)


def test_registered_section_rows_follow_the_tickets_in_the_csv(login, executive, parts_section, dataset):
    response = login(executive).get(reverse("reports:summary_csv"), FY)
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    title = rows.index(["อะไหล่ที่ใช้และค่าใช้จ่าย"])
    assert title == 2 + 12 + 1  # report line, header, 12 tickets, blank line
    assert rows[title + 1] == ["รายการ", "บาท"]
    assert rows[title + 2] == ["'=แรม 8GB", "1250.00"]  # formulas neutralised


def test_headline_figures_agree_with_the_full_report(dataset):
    scope = dashboard.ReportScope(start=dt.date(2026, 10, 1), end=dt.date(2027, 9, 30))
    full, headline = ticket_figures(scope), headline_figures(scope)
    assert headline["totals"] == full["totals"]
    assert headline["monthly"] == full["monthly"]


def test_summary_page_queries_do_not_grow_with_tickets(login, executive, unit_a, unit_b, dataset,
                                                       django_assert_max_num_queries):
    client = login(executive)
    # 27 for the report and the parts section, + 2 publishing (by section, returns) + 3 network (one per kind)
    # + 2 meetings (one grouped query, one aggregate) + 2 consultations (totals, by category)
    # + 8 knowledge (topics ×2, articles, answered, overdue, guides ×2, deflections) + 2 satisfaction KPI
    # + 2 data requests + 6 information systems (requests, projects, steps, change requests ×2, register)
    # + 2 meetings satisfaction + 3 maintenance (plan, done, findings) + 1 long repairs with a replacement.
    with django_assert_max_num_queries(60) as small:
        client.get(reverse("reports:summary"), FY)
    for n in range(40):
        make_ticket(unit_a if n % 2 else unit_b, "hw-computer" if n % 3 else "sw-os", bkk(2026, 12, 1 + n % 28),
                    delivered=bkk(2027, 1, 5), resolved=bkk(2027, 1, 4), due=bkk(2027, 1, 6))
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("reports:summary"), FY)
