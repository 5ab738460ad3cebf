"""A technician whose ticket was taken over while they were editing is told what happened (changed by
someone else / moved to team X), not given a bare 403."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from helpdesk.roles import Role
from tests.conftest import make_user
from tickets.models import Ticket

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(make_ticket, unit_a, hw, requester_a, asset_a):
    return make_ticket(unit_a, hw, requester=requester_a, asset=asset_a)


WORK = {"cause": "พาวเวอร์ซัพพลายเสีย", "fix": "เปลี่ยนพาวเวอร์ซัพพลาย", "time_spent_minutes": 30}


def test_a_ticket_moved_to_another_team_while_editing_says_where_it_went(
    login, client, technician, technician_b, it_head, ticket, team_b
):
    login(technician)
    assert client.post(reverse("tickets:take", args=[ticket.pk]), {"version": 1}).status_code == 302
    version = Ticket.objects.get(pk=ticket.pk).version
    # Meanwhile the IT head moves the job to team B.
    login(it_head).post(reverse("tickets:assign", args=[ticket.pk]), {"technician": technician_b.pk,
                                                                       "version": version})
    assert Ticket.objects.get(pk=ticket.pk).team == team_b
    login(technician)
    response = client.post(reverse("tickets:work", args=[ticket.pk]), {**WORK, "version": version})
    assert response.status_code == 302 and response["Location"] == ticket.get_absolute_url()
    message = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "ถูกเปลี่ยนแปลงโดยผู้อื่น" in message and team_b.name in message
    assert technician_b.get_full_name() in message
    assert Ticket.objects.get(pk=ticket.pk).cause == ""  # nothing written
    # The page they land on shows it.
    page = client.get(response["Location"]).content.decode()
    assert team_b.name in page and "ถูกเปลี่ยนแปลงโดยผู้อื่น" in page


def test_a_ticket_taken_by_a_teammate_says_who_has_it_now(login, client, technician, ticket, unit_a, team_a):
    mate = make_user("mate", Role.TECHNICIAN, unit=unit_a, team=team_a, first_name="สมชาย", last_name="ช่างใหม่")
    login(technician)
    client.post(reverse("tickets:take", args=[ticket.pk]), {"version": 1})
    version = Ticket.objects.get(pk=ticket.pk).version
    login(mate).post(reverse("tickets:take", args=[ticket.pk]), {"version": version})
    login(technician)
    response = client.post(reverse("tickets:work", args=[ticket.pk]), {**WORK, "version": version})
    assert response.status_code == 400
    body = response.content.decode()
    assert "ถูกแก้ไขโดยผู้อื่นแล้ว" in body and "สมชาย ช่างใหม่" in body
    assert Ticket.objects.get(pk=ticket.pk).technician == mate


def test_people_who_never_work_on_tickets_still_get_403(login, requester_a, ticket):
    response = login(requester_a).post(reverse("tickets:work", args=[ticket.pk]), {**WORK, "version": 1})
    assert response.status_code == 403
