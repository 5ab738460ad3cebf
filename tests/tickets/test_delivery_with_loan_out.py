"""A job is not delivered while its replacement device is still out without a decision: returned now, or kept
on loan until a date; the decision is on the timeline (a message key plus parameters, in the reader's language)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from assets.models import Asset, AssetLoan
from tickets.models import Status, Ticket, TicketEvent
from tickets.services import ticket_deliver, ticket_lend_replacement, ticket_transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def lent(make_ticket, unit_a, hw, requester_a, asset_a, make_asset, technician):
    """A ticket ready for pickup whose unit still has a replacement device."""
    ticket = make_ticket(unit_a, hw, requester=requester_a, asset=asset_a)
    spare = make_asset(unit_a, status=Asset.Status.SPARE, asset_number="7440-001-0999/2566")
    ticket_transition(ticket=ticket, to=Status.IN_PROGRESS, by=technician)
    link = ticket_lend_replacement(ticket=ticket, asset=spare, due_date=timezone.localdate() + dt.timedelta(days=3),
                                   by=technician)
    for to, fields in [(Status.QUALITY_CHECK, {"cause": "ฝุ่น", "fix": "ทำความสะอาด"}),
                       (Status.READY_FOR_PICKUP, {})]:
        ticket_transition(ticket=ticket, to=to, by=technician, **fields)
    ticket.refresh_from_db()
    return ticket, link


def deliver(client, ticket, **data):
    return client.post(reverse("tickets:transition", args=[ticket.pk]), {
        "to": "delivered", "version": ticket.version, "received_by_name": "นางสาวรับ เครื่อง", **data})


def test_the_page_asks_for_the_decision_beside_the_delivery(login, technician, lent):
    ticket, _link = lent
    html = login(technician).get(ticket.get_absolute_url()).content.decode()
    assert 'id="delivery-loan-decision"' in html and "7440-001-0999/2566" in html
    assert 'name="loan_decision"' in html and "checked" not in html.split('id="delivery-loan-decision"')[1][:3000]


def test_delivering_without_a_decision_is_refused_and_nothing_changes(login, technician, lent):
    ticket, link = lent
    response = deliver(login(technician), ticket)
    assert response.status_code == 400
    assert "เครื่องทดแทนยังไม่คืน กรุณาเลือก" in response.content.decode()
    assert Ticket.objects.get(pk=ticket.pk).status == Status.READY_FOR_PICKUP
    assert AssetLoan.objects.get(pk=link.loan_id).returned_at is None


def test_every_entry_point_is_refused_without_a_decision(technician, lent):
    ticket, _link = lent
    with pytest.raises(ValidationError) as refused:
        ticket_transition(ticket=ticket, to=Status.DELIVERED, by=technician, received_by_name="สมชาย")
    assert refused.value.code == "loan_out" and "7440-001-0999/2566" in refused.value.messages[0]
    assert Ticket.objects.get(pk=ticket.pk).status == Status.READY_FOR_PICKUP


def test_return_now_needs_the_condition_then_returns_the_device_and_delivers(login, technician, lent):
    ticket, link = lent
    client = login(technician)
    missing = deliver(client, ticket, loan_decision="return")
    assert missing.status_code == 400 and missing.context["transition_form"].errors["loan_condition"]
    assert deliver(client, ticket, loan_decision="return", loan_condition="ปกติ ครบอุปกรณ์").status_code == 302
    saved = Ticket.objects.get(pk=ticket.pk)
    loan = AssetLoan.objects.get(pk=link.loan_id)
    assert saved.status == Status.DELIVERED and loan.returned_at is not None
    assert loan.return_condition == "ปกติ ครบอุปกรณ์" and loan.asset.status == Asset.Status.SPARE
    event = saved.events.get(message="loan_returned_at_delivery")
    assert event.kind == TicketEvent.Kind.LOAN and event.params["condition"] == "ปกติ ครบอุปกรณ์"
    with translation.override("en"):
        assert "7440-001-0999/2566" in event.text and "ปกติ" in event.text and "รับคืน" not in event.text


def test_keep_on_loan_until_a_date_moves_the_loans_due_date_and_says_so_in_be(login, technician, lent):
    ticket, link = lent
    client = login(technician)
    past = deliver(client, ticket, loan_decision="keep", loan_until="01/01/2560")
    assert past.status_code == 400 and past.context["transition_form"].errors["loan_until"]
    until = timezone.localdate() + dt.timedelta(days=14)
    be = f"{until.day:02d}/{until.month:02d}/{until.year + 543}"
    assert deliver(client, ticket, loan_decision="keep", loan_until=be).status_code == 302
    saved = Ticket.objects.get(pk=ticket.pk)
    loan = AssetLoan.objects.get(pk=link.loan_id)
    assert saved.status == Status.DELIVERED
    assert loan.returned_at is None and loan.due_date == until
    assert saved.loan_links.get().kept_until == until
    event = saved.events.get(message="loan_kept")
    assert event.params == {"asset": "7440-001-0999/2566", "until_date": until.isoformat()}
    assert str(until.year + 543) in event.text and until.isoformat() not in event.text
    page = client.get(ticket.get_absolute_url()).content.decode()
    assert f'id="loan-kept-{link.pk}"' in page


def test_a_refused_delivery_leaves_the_loan_as_it_was(technician, lent):
    ticket, link = lent
    with pytest.raises(ValidationError):  # the receiver is missing: the whole step rolls back
        ticket_deliver(ticket=ticket, by=technician, received_by_name="", loan_decision="return",
                       loan_condition="ปกติ")
    assert AssetLoan.objects.get(pk=link.loan_id).returned_at is None
    assert not TicketEvent.objects.filter(message="loan_returned_at_delivery").exists()


def test_delivery_without_a_loan_needs_no_decision(login, technician, make_ticket, unit_a, hw, requester_a):
    ticket = make_ticket(unit_a, hw, requester=requester_a)
    for to, fields in [(Status.IN_PROGRESS, {}), (Status.QUALITY_CHECK, {"cause": "a", "fix": "b"}),
                       (Status.READY_FOR_PICKUP, {})]:
        ticket_transition(ticket=ticket, to=to, by=technician, **fields)
    ticket.refresh_from_db()
    assert 'id="delivery-loan-decision"' not in login(technician).get(ticket.get_absolute_url()).content.decode()
    assert deliver(login(technician), ticket).status_code == 302
    assert Ticket.objects.get(pk=ticket.pk).status == Status.DELIVERED


def test_other_unit_and_no_permission_cannot_deliver(login, requester_a, requester_b, lent):
    ticket, _link = lent
    assert deliver(login(requester_b), ticket, loan_decision="return", loan_condition="x").status_code == 404
    assert deliver(login(requester_a), ticket, loan_decision="return", loan_condition="x").status_code == 403
    assert Ticket.objects.get(pk=ticket.pk).status == Status.READY_FOR_PICKUP
