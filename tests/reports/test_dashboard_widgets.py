"""Home-page dashboards by role, built from the report dataset (conftest.py) plus today's work."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from helpdesk.surveys.models import Invitation
from tests.reports.conftest import make_ticket, survey
from tickets.models import Channel, Status
from tickets.services.survey import ticket_survey_invite

pytestmark = pytest.mark.django_db


@pytest.fixture
def today_work(unit_a, unit_b, technician, requester_a):
    now = timezone.now()
    hour = dt.timedelta(hours=1)
    t = {
        "mine": make_ticket(unit_a, "hw-computer", now - 50 * hour, status=Status.IN_PROGRESS,
                            due=now - hour),  # overdue
        "new": make_ticket(unit_a, "sw-os", now - hour, due=now + 48 * hour),
        "parts": make_ticket(unit_a, "hw-printer", now - 100 * hour, status=Status.WAITING_PARTS,
                             due=now - 50 * hour, parts_due=now + 800 * hour),  # inside the parts clock
        "ready": make_ticket(unit_a, "hw-monitor", now - 30 * hour, status=Status.READY_FOR_PICKUP,
                             due=now + hour),
        "other_team": make_ticket(unit_b, "hw-computer", now - 80 * hour, status=Status.IN_PROGRESS,
                                  due=now - 2 * hour),  # overdue, team B
        "claim": make_ticket(unit_b, "sw-os", now - 2 * hour, due=now + 40 * hour),
        "rated": make_ticket(unit_a, "sw-os", now - 90 * hour, delivered=now - 20 * hour, due=now),
        "to_rate": make_ticket(unit_a, "sw-os", now - 90 * hour, delivered=now - 10 * hour, due=now),
    }
    t["mine"].technician = technician
    t["mine"].save()
    t["parts"].technician = technician
    t["parts"].save()
    phone = make_ticket(unit_a, "nw-connection", now - 3 * hour, channel=Channel.PHONE, due=now + 40 * hour)
    phone.callback_due_at = now - hour
    phone.save()
    t["phone"] = phone
    t["claim"].guarantee_of = t["rated"]
    t["claim"].save()
    survey(t["rated"], speed=5, quality=5, courtesy=5, overall=5, at=now)
    ticket_survey_invite(t["to_rate"])
    return t


def home(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response, {widget.key: context for widget, context in response.context["widgets"]}


def test_technician_sees_their_jobs_and_their_teams_queues(login, technician, today_work):
    response, widgets = home(login(technician))
    counts = widgets["tickets.technician"]["counts"]
    assert counts == {"my_open": 2, "team_new": 2, "waiting_parts": 1, "ready": 1, "overdue": 1, "callbacks": 1}
    assert [row["ticket"] for row in widgets["tickets.technician"]["my_jobs"]] == [today_work["mine"],
                                                                                 today_work["parts"]]
    body = response.content.decode()
    assert 'id="widget-technician"' in body and today_work["mine"].number in body
    assert "tickets.executive" not in widgets and "tickets.oversight" not in widgets


def test_it_head_sees_open_work_by_team_and_status(login, it_head, today_work, team_a, team_b):
    response, widgets = home(login(it_head))
    w = widgets["tickets.oversight"]
    assert w["open_total"] == 7
    teams = {row["name"]: row["total"] for row in w["teams"]}
    assert teams == {team_a.name: 5, team_b.name: 2}
    assert w["overdue_total"] == 2
    assert {level["label"]: (level["open"], level["overdue"]) for level in w["levels"]} == {
        "ฮาร์ดแวร์": (4, 2), "ซอฟต์แวร์": (2, 0), "เครือข่าย": (1, 0),
    }
    assert w["claims_this_month"] == (1 if today_work["claim"].created_at.astimezone(
        dt.timezone(dt.timedelta(hours=7))).month == timezone.localdate().month else 0)
    assert 'id="oversight-matrix"' in response.content.decode()


def test_supervisor_sees_only_their_units(login, supervisor_a, today_work, team_a):
    _response, widgets = home(login(supervisor_a))
    w = widgets["tickets.oversight"]
    assert w["open_total"] == 5
    assert [row["name"] for row in w["teams"]] == [team_a.name]
    assert w["overdue_total"] == 1


def test_requester_sees_their_units_open_tickets_and_surveys_to_answer(login, requester_a, requester_b, today_work):
    response, widgets = home(login(requester_a))
    w = widgets["tickets.requester"]
    assert w["open_total"] == 5
    assert w["ready"] == 1
    assert {row["ticket"].number for row in w["tickets"]} == {
        today_work[key].number for key in ("mine", "new", "parts", "ready", "phone")
    }
    assert [item["ticket"] for item in w["to_rate"]] == [today_work["to_rate"]]
    invitation = Invitation.objects.for_record(today_work["to_rate"]).get()
    assert w["to_rate"][0]["url"] == reverse("surveys:answer", args=[invitation.token])
    body = response.content.decode()
    assert today_work["other_team"].number not in body
    _response, other = home(login(requester_b))
    assert other["tickets.requester"]["open_total"] == 2


def test_executive_sees_this_fiscal_years_figures_with_a_chart(login, executive, today_work):
    response, widgets = home(login(executive))
    w = widgets["tickets.executive"]
    received_this_year = 9
    assert w["totals"]["received"] == received_this_year
    assert w["totals"]["delivered"] == 2
    assert w["satisfaction"]["responses"] == 1 and w["satisfaction"]["satisfied_percent"] == 100.0
    assert len(w["chart"]["labels"]) == 12
    body = response.content.decode()
    assert 'id="widget-executive"' in body and "<svg" in body
    assert reverse("reports:summary") in w["links"]["report"]


def test_widget_queries_do_not_grow_with_rows(login, it_head, technician, executive, requester_a, today_work,
                                              unit_a, django_assert_max_num_queries):
    for n in range(30):
        make_ticket(unit_a, "hw-computer", timezone.now() - dt.timedelta(hours=n), status=Status.IN_PROGRESS,
                    due=timezone.now() + dt.timedelta(hours=5))
    for user in (it_head, technician, executive, requester_a):
        client = login(user)
        # The home page of the IT head carries a widget per process (tickets, parts, network, publishing, meetings,
        # data requests, consultations, satisfaction): a fixed number each, whatever the row count.
        with django_assert_max_num_queries(30):
            client.get(reverse("home"))
