"""People and workload (003 §1.2): by technician and team — received, closed, within the service level, average
working days, time spent, re-repairs, satisfaction; team heads, the IT head and executives only; CSV and PDF."""

import pytest
from django.urls import reverse

from helpdesk.roles import Role
from tests.conftest import make_user
from tickets.models import Status, Ticket
from tickets.services import ticket_assign, ticket_transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def work(make_ticket, deliver, unit_a, unit_b, hw, technician, technician_b, it_head, team_a, asset_a):
    second = make_user("tech2", Role.TECHNICIAN, unit=unit_a, team=team_a, first_name="สมชาย", last_name="ขยัน")
    t1 = make_ticket(unit_a, hw, by=technician, asset=asset_a)
    ticket_assign(ticket=t1, technician=technician, by=it_head)
    deliver(t1, technician)
    Ticket.objects.filter(pk=t1.pk).update(time_spent_minutes=90)
    t2 = make_ticket(unit_a, hw, by=technician, device_description="เครื่องพิมพ์")
    ticket_assign(ticket=t2, technician=technician, by=it_head)
    ticket_transition(ticket=t2, to=Status.IN_PROGRESS, by=technician)
    t3 = make_ticket(unit_a, hw, by=second, device_description="จอภาพ")
    ticket_assign(ticket=t3, technician=second, by=it_head)
    deliver(t3, second)
    t4 = make_ticket(unit_b, hw, by=technician_b, device_description="สแกนเนอร์")
    ticket_assign(ticket=t4, technician=technician_b, by=it_head)
    deliver(t4, technician_b)
    claim = make_ticket(unit_a, hw, by=technician, asset=asset_a)  # back within 30 days: t1 is a re-repair
    assert claim.guarantee_of == t1
    return {"second": second, "t1": t1}


def row_of(data, user):
    for team in data["teams"]:
        for person in team["people"]:
            if person["user_id"] == user.pk:
                return team, person
    raise AssertionError(user)


def test_figures_per_technician_and_team_match_the_database(login, client, work, it_head, technician, technician_b,
                                                            team_a):
    login(it_head)
    response = client.get(reverse("reports:workload"))
    assert response.status_code == 200
    data = response.context["data"]
    team, person = row_of(data, technician)
    mine = Ticket.objects.filter(technician=technician)
    assert person["received"] == mine.count() == 3 - 1  # the claim is not assigned yet
    assert person["closed"] == mine.filter(status=Status.DELIVERED).count() == 1
    assert person["re_repairs"] == 1 and person["hours"] == 1.5
    assert person["on_time"] == 1 and person["avg_days"] == 0
    assert team["label"] == team_a.name
    assert team["received"] == Ticket.objects.filter(team=team_a, technician__isnull=False).count() == 3
    assert team["closed"] == 2
    _team_b, other = row_of(data, technician_b)
    assert (other["received"], other["closed"], other["re_repairs"]) == (1, 1, 0)
    page = response.content.decode()
    assert "วีระ ช่างซ่อม" in page and "กมล ศรีสุข" in page


def test_a_team_head_sees_only_their_team_and_other_technicians_are_refused(login, client, work, technician,
                                                                              technician_b, team_a):
    team_a.head = technician
    team_a.save()
    login(technician)
    data = client.get(reverse("reports:workload")).context["data"]
    assert [team["team_id"] for team in data["teams"]] == [team_a.pk]
    login(technician_b)
    assert client.get(reverse("reports:workload")).status_code == 403
    assert client.get(reverse("reports:workload_csv")).status_code == 403
    login(work["second"])
    assert client.get(reverse("reports:workload_pdf")).status_code == 403


def test_executive_downloads_csv_and_pdf(login, client, work, executive, requester_a):
    login(executive)
    csv = client.get(reverse("reports:workload_csv"))
    assert csv["Content-Type"].startswith("text/csv")
    text = csv.content.decode("utf-8-sig")
    assert "วีระ ช่างซ่อม" in text and "รวมทีม" in text
    pdf = client.get(reverse("reports:workload_pdf"))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert client.post(reverse("reports:workload")).status_code == 405
    login(requester_a)
    assert client.get(reverse("reports:workload")).status_code == 403


def test_bad_period_is_re_rendered(login, client, it_head):
    login(it_head)
    response = client.get(reverse("reports:workload"), {"period": "month", "month": "13"})
    assert response.status_code == 400 and 'id="workload-form"' in response.content.decode()


def test_satisfaction_is_the_mean_survey_score_of_each_technician(login, client, work, it_head, technician):
    from helpdesk.surveys.models import Invitation, Response

    invitation = Invitation.objects.get(object_id=work["t1"].pk, service__code="repair")
    assert invitation.provider == technician
    Response.objects.create(invitation=invitation, score=4, answered_by=work["t1"].requester)
    login(it_head)
    _team, person = row_of(client.get(reverse("reports:workload")).context["data"], technician)
    assert (person["responses"], person["satisfaction"]) == (1, 4.0)
