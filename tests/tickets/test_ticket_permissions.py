"""One access helper for every ticket view: other unit → 404, read-only → 403 for actions, GET changes nothing."""

import pytest
from django.urls import reverse

from tickets.models import Status, Ticket

pytestmark = pytest.mark.django_db

READ_VIEWS = ["tickets:detail", "tickets:slip"]
ACTION_VIEWS = ["tickets:transition", "tickets:take", "tickets:assign", "tickets:work", "tickets:note",
                "tickets:callback", "tickets:guarantee", "tickets:lend"]


@pytest.fixture
def ticket_a(make_ticket, unit_a, hw, requester_a):
    return make_ticket(unit_a, hw, requester=requester_a)


@pytest.mark.parametrize("name", READ_VIEWS)
def test_a_requester_of_another_unit_gets_404(login, requester_b, ticket_a, name):
    response = login(requester_b).get(reverse(name, args=[ticket_a.pk]) + "?preview=1")
    assert response.status_code == 404


@pytest.mark.parametrize("name", READ_VIEWS)
def test_own_unit_supervisor_and_technicians_of_any_team_can_read(login, requester_a, supervisor_a, technician_b,
                                                                   executive, ticket_a, name):
    for user in (requester_a, supervisor_a, technician_b, executive):
        assert login(user).get(reverse(name, args=[ticket_a.pk]) + "?preview=1").status_code == 200


def test_a_supervisor_reads_tickets_of_units_below_but_not_of_other_units(login, supervisor_a, supervisor_b,
                                                                          make_ticket, unit_a_child, hw):
    ticket = make_ticket(unit_a_child, hw, by=None)
    assert login(supervisor_a).get(reverse("tickets:detail", args=[ticket.pk])).status_code == 200
    assert login(supervisor_b).get(reverse("tickets:detail", args=[ticket.pk])).status_code == 404


@pytest.mark.parametrize("name", ACTION_VIEWS)
def test_actions_are_post_only(login, technician, ticket_a, name):
    assert login(technician).get(reverse(name, args=[ticket_a.pk])).status_code == 405


@pytest.mark.parametrize("name", ACTION_VIEWS)
def test_technicians_of_another_team_and_requesters_get_403_for_actions(login, technician_b, requester_a,
                                                                       executive, ticket_a, name):
    for user in (technician_b, requester_a, executive):
        response = login(user).post(reverse(name, args=[ticket_a.pk]), {"to": "received", "version": 1})
        assert response.status_code == 403
    ticket_a.refresh_from_db()
    assert ticket_a.status == Status.NEW and ticket_a.version == 1


@pytest.mark.parametrize("name", ACTION_VIEWS)
def test_actions_on_another_units_ticket_are_404_for_requesters(login, requester_b, ticket_a, name):
    assert login(requester_b).post(reverse(name, args=[ticket_a.pk]), {}).status_code == 404


def test_the_it_head_acts_on_every_team(login, it_head, technician_b, make_ticket, unit_b, hw):
    ticket = make_ticket(unit_b, hw, by=technician_b)
    response = login(it_head).post(reverse("tickets:transition", args=[ticket.pk]),
                                   {"to": "received", "version": ticket.version})
    assert response.status_code == 302
    assert Ticket.objects.get(pk=ticket.pk).status == Status.RECEIVED


def test_get_requests_change_nothing(login, technician, ticket_a):
    client = login(technician)
    for name in ["tickets:detail", "tickets:slip", "tickets:letter", "tickets:list"]:
        args = [] if name == "tickets:list" else [ticket_a.pk]
        client.get(reverse(name, args=args) + "?preview=1")
    client.get(ticket_a.get_tracking_url())
    ticket_a.refresh_from_db()
    assert ticket_a.version == 1 and ticket_a.events.count() == 1


def test_photos_are_served_only_through_the_access_check(login, requester_a, requester_b, make_ticket, unit_a, hw):
    from tests.tickets.conftest import image_bytes, upload

    ticket = make_ticket(unit_a, hw, requester=requester_a, photos=[(upload("p.png", image_bytes()), "image/png")])
    photo = ticket.photos.get()
    url = reverse("tickets:photo", args=[ticket.pk, photo.pk])
    assert login(requester_b).get(url).status_code == 404
    response = login(requester_a).get(url)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
