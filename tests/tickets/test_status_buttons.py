"""The status form preselects nothing: each allowed next step is its own button; "waiting for parts" by hand
asks for the part or a reason and keeps the due date."""

import re

import pytest
from django.urls import reverse

from tickets.models import Status, Ticket
from tickets.services import ticket_transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(make_ticket, unit_a, hw, requester_a, technician):
    ticket = make_ticket(unit_a, hw, requester=requester_a)
    ticket_transition(ticket=ticket, to=Status.IN_PROGRESS, by=technician)
    return ticket


def url(ticket):
    return reverse("tickets:transition", args=[ticket.pk])


def transition_form(html: str) -> str:
    return re.search(r'<form[^>]*id="transition-form".*?</form>', html, re.S).group(0)


def test_each_allowed_step_is_its_own_button_and_nothing_is_preselected(login, technician, ticket):
    form = transition_form(login(technician).get(ticket.get_absolute_url()).content.decode())
    assert "<select" not in form and "selected" not in form
    steps = re.findall(r'<button[^>]*name="to" value="([a-z_]+)"', form)
    assert steps[0] == Status.QUALITY_CHECK  # the usual next step comes first
    assert set(steps) == set(ticket.allowed_transitions) - {Status.AT_VENDOR}  # no vendor support: not offered
    assert "ส่งตรวจสอบคุณภาพ" in form and "ยกเลิกงานนี้" in form
    # Enter in a text field submits with the default (first) button: a disabled one, so no step is implied.
    first_button = re.search(r"<button[^>]*>", form).group(0)
    assert "disabled" in first_button and "name=" not in first_button


def test_a_post_without_a_step_is_refused_in_thai_and_changes_nothing(login, technician, ticket):
    response = login(technician).post(url(ticket), {"version": ticket.version, "note": "x"})
    assert response.status_code == 400
    assert "กรุณากดปุ่มขั้นตอนถัดไปที่ต้องการ" in response.content.decode()
    assert Ticket.objects.get(pk=ticket.pk).status == Status.IN_PROGRESS


def test_waiting_for_parts_by_hand_asks_for_the_part_or_a_reason(login, technician, ticket):
    client = login(technician)
    due = Ticket.objects.get(pk=ticket.pk).effective_due_at
    refused = client.post(url(ticket), {"to": "waiting_parts", "version": ticket.version, "note": " "})
    assert refused.status_code == 400
    assert "กรุณาระบุอะไหล่ที่รอ หรือเหตุผลที่ต้องรอ" in refused.content.decode()
    assert Ticket.objects.get(pk=ticket.pk).status == Status.IN_PROGRESS
    done = client.post(url(ticket), {"to": "waiting_parts", "version": ticket.version,
                                     "note": "รอหน่วยงานจัดซื้อแบตเตอรี่"})
    assert done.status_code == 302
    saved = Ticket.objects.get(pk=ticket.pk)
    assert saved.status == Status.WAITING_PARTS
    assert saved.effective_due_at == due and saved.parts_due_at is None  # the due date did not move
    assert saved.events.get(to_status="waiting_parts").note == "รอหน่วยงานจัดซื้อแบตเตอรี่"


def test_cancelling_and_delivering_name_what_is_missing_on_the_field(login, technician, ticket):
    client = login(technician)
    cancel = client.post(url(ticket), {"to": "cancelled", "version": ticket.version})
    assert cancel.status_code == 400
    assert cancel.context["transition_form"].errors["note"] == ["กรุณาระบุเหตุผล"]
    assert Ticket.objects.get(pk=ticket.pk).status == Status.IN_PROGRESS


def test_an_unknown_step_is_a_thai_message_not_a_500(login, technician, ticket):
    response = login(technician).post(url(ticket), {"to": "fixed", "version": ticket.version})
    assert response.status_code == 400 and "ไม่รู้จักสถานะที่เลือก" in response.content.decode()


def test_wrong_method_other_unit_and_no_permission(client, login, technician, requester_a, requester_b, ticket):
    assert login(technician).get(url(ticket)).status_code == 405
    assert login(requester_b).post(url(ticket), {"to": "cancelled", "version": ticket.version,
                                                 "note": "x"}).status_code == 404
    assert login(requester_a).post(url(ticket), {"to": "cancelled", "version": ticket.version,
                                                 "note": "x"}).status_code == 403
    assert Ticket.objects.get(pk=ticket.pk).status == Status.IN_PROGRESS
