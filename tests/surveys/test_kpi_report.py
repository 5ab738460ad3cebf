"""The KPI against the target by service, unit and team, with answers and response rate; both methods."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from helpdesk.dashboard import ReportScope, report_sections
from helpdesk.surveys.models import Invitation, Response, SurveyService
from helpdesk.surveys.reports import satisfaction_report, satisfaction_report_csv
from helpdesk.surveys.services import kpi_percent, survey_invite
from tickets.models import Ticket

pytestmark = pytest.mark.django_db


@pytest.fixture
def rated(make_ticket, hw, unit_a, unit_b, team_a, team_b):
    """Unit A (team A): 4 repairs, 3 answered 5, 4, 2.  Unit B (team B): 2 repairs, 1 answered 3."""
    scores = {unit_a: [5, 4, 2, None], unit_b: [3, None]}
    for unit, answers in scores.items():
        for score in answers:
            ticket = make_ticket(unit, hw, allow_duplicate=True)
            invitation = survey_invite(record=ticket, service_code="repair", label=ticket.number, unit=unit,
                                       team=unit.team)
            if score is not None:
                Response.objects.create(invitation=invitation, score=score)
    return scores


def scope(**extra):
    today = dt.date.today()
    return ReportScope(start=today - dt.timedelta(days=1), end=today + dt.timedelta(days=1), **extra)


def test_share_of_4_and_5_against_the_default_80_percent(rated, unit_a, unit_b, team_a):
    data = satisfaction_report(scope())
    [repair] = data["services"]
    assert (repair["invited"], repair["responses"], repair["rate"]) == (6, 4, 66.7)
    assert (repair["kpi"], repair["target"], repair["met"]) == (50.0, 80, False)  # 2 of 4 gave 4–5
    units = {row["unit__name"]: (row["responses"], row["invited"], row["kpi"]) for row in data["units"]}
    assert units == {unit_a.name: (3, 4, 66.7), unit_b.name: (1, 2, 0.0)}
    teams = {row["team__name"]: row["kpi"] for row in data["teams"]}
    assert teams == {team_a.name: 66.7, unit_b.team.name: 0.0}


def test_mean_percent_method_and_an_edited_target(rated):
    SurveyService.objects.filter(code="repair").update(method="mean_percent", target_percent=70)
    [repair] = satisfaction_report(scope())["services"]
    assert repair["kpi"] == 70.0  # mean (5+4+2+3)/4 = 3.5 → 70 %
    assert repair["met"] is True


def test_scope_by_unit_and_team(rated, unit_a, team_b):
    [only_a] = satisfaction_report(scope(unit_ids=(unit_a.pk,)))["services"]
    assert (only_a["invited"], only_a["responses"]) == (4, 3)
    [only_b] = satisfaction_report(scope(team_id=team_b.pk))["services"]
    assert (only_b["invited"], only_b["responses"]) == (2, 1)


def test_invitations_outside_the_period_are_left_out(rated):
    Invitation.objects.update(created_at=Invitation.objects.first().created_at - dt.timedelta(days=40))
    assert satisfaction_report(scope())["services"] == []


def test_kpi_method_arithmetic():
    assert kpi_percent("share_4_5", responses=0, satisfied=0, mean=None) is None
    assert kpi_percent("share_4_5", responses=3, satisfied=2, mean=Decimal("4")) == 66.7
    assert kpi_percent("mean_percent", responses=3, satisfied=2, mean=Decimal("4.2")) == 84.0


def test_the_section_is_registered_and_exported(rated):
    assert "satisfaction_kpi" in {section.key for section in report_sections()}
    header, rows = satisfaction_report_csv(scope())
    assert header[0] == "บริการ"
    assert rows[0][:6] == ["งานซ่อมบำรุงคอมพิวเตอร์และอุปกรณ์", "ทั้งหมด", 6, 4, 66.7, 50.0]


def test_the_summary_report_page_shows_it(login, executive, rated):
    from helpdesk.thai import fiscal_year

    response = login(executive).get(reverse("reports:summary"), {
        "period": "fiscal_year", "fiscal_year": str(fiscal_year(dt.date.today()))})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="report-satisfaction-services"' in body
    assert "ต่ำกว่าเป้าหมาย" in body
    assert Ticket.objects.count() == 6
