"""A requester withdraws a request the desk has not received yet; after that only the desk can cancel."""

import pytest
from django.urls import reverse

from helpdesk.roles import Role
from tests.conftest import make_user
from tickets.models import Status, Ticket, TicketEvent
from tickets.services import ticket_transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket_a(make_ticket, unit_a, hw, requester_a):
    return make_ticket(unit_a, hw, requester=requester_a)


def url(ticket):
    return reverse("tickets:withdraw", args=[ticket.pk])


def test_the_requester_withdraws_a_new_request_with_a_reason(login, requester_a, ticket_a):
    client = login(requester_a)
    page = client.get(ticket_a.get_absolute_url()).content.decode()
    assert 'id="withdraw-form"' in page
    response = client.post(url(ticket_a), {"reason": "เครื่องกลับมาใช้ได้แล้ว"})
    assert response.status_code == 302 and response.url == ticket_a.get_absolute_url()
    ticket_a.refresh_from_db()
    assert ticket_a.status == Status.CANCELLED and ticket_a.version == 2
    event = ticket_a.events.get(kind=TicketEvent.Kind.STATUS)
    assert event.actor == requester_a and event.from_status == Status.NEW and event.to_status == Status.CANCELLED
    assert "เครื่องกลับมาใช้ได้แล้ว" in event.note and not event.is_internal
    assert "ยกเลิกคำขอแล้ว" in client.get(ticket_a.get_absolute_url()).content.decode()


def test_a_supervisor_of_the_unit_may_withdraw_too(login, supervisor_a, ticket_a):
    assert login(supervisor_a).post(url(ticket_a), {"reason": "ส่งซ้ำ"}).status_code == 302
    assert Ticket.objects.get(pk=ticket_a.pk).status == Status.CANCELLED


def test_without_a_reason_the_form_says_so_and_nothing_changes(login, requester_a, ticket_a):
    response = login(requester_a).post(url(ticket_a), {"reason": "   "})
    assert response.status_code == 400
    assert "กรุณาระบุเหตุผลที่ยกเลิก" in response.content.decode()
    ticket_a.refresh_from_db()
    assert ticket_a.status == Status.NEW and ticket_a.version == 1 and not ticket_a.events.filter(
        kind=TicketEvent.Kind.STATUS).exists()


def test_once_the_desk_received_it_the_requester_cannot_withdraw(login, requester_a, technician, ticket_a):
    ticket_transition(ticket=ticket_a, to=Status.RECEIVED, by=technician)
    client = login(requester_a)
    assert 'id="withdraw-form"' not in client.get(ticket_a.get_absolute_url()).content.decode()
    response = client.post(url(ticket_a), {"reason": "ไม่ใช้แล้ว"}, follow=True)
    assert "ศูนย์ฯ รับเรื่องนี้แล้ว" in response.content.decode()
    ticket_a.refresh_from_db()
    assert ticket_a.status == Status.RECEIVED and ticket_a.version == 2


def test_get_is_refused(login, requester_a, ticket_a):
    assert login(requester_a).get(url(ticket_a)).status_code == 405
    assert Ticket.objects.get(pk=ticket_a.pk).status == Status.NEW


def test_another_requester_of_the_same_unit_gets_403(login, unit_a, ticket_a):
    colleague = make_user("req_a2", Role.REQUESTER, unit=unit_a)
    client = login(colleague)
    assert 'id="withdraw-form"' not in client.get(ticket_a.get_absolute_url()).content.decode()
    assert client.post(url(ticket_a), {"reason": "x"}).status_code == 403
    assert Ticket.objects.get(pk=ticket_a.pk).status == Status.NEW


def test_another_units_requester_and_supervisor_get_404(login, requester_b, supervisor_b, ticket_a):
    for user in (requester_b, supervisor_b):
        assert login(user).post(url(ticket_a), {"reason": "x"}).status_code == 404
    assert Ticket.objects.get(pk=ticket_a.pk).status == Status.NEW


def test_technicians_cancel_through_their_actions_not_this_form(login, technician, ticket_a):
    client = login(technician)
    assert 'id="withdraw-form"' not in client.get(ticket_a.get_absolute_url()).content.decode()
    assert client.post(url(ticket_a), {"reason": "x"}).status_code == 403
