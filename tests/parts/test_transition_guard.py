"""The parts app owns "waiting for parts": manual moves out of it, or to quality check, wait for the parts."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tickets.models import Status, Ticket, TicketEvent
from tickets.parts.services import part_request_create, part_request_transition
from tickets.plugins.guards import register_transition_guard, unregister_transition_guard
from tickets.services import ticket_record_work, ticket_transition

pytestmark = pytest.mark.django_db

REFUSAL = "ยังมีคำขออะไหล่ที่ค้างอยู่"


def _ask(ticket, technician, description="พาวเวอร์ซัพพลาย 450W"):
    return part_request_create(ticket=ticket, by=technician, quantity=1, reason="เสีย", description=description)


def _state(ticket):
    fresh = Ticket.objects.get(pk=ticket.pk)
    return fresh.status, fresh.version, TicketEvent.objects.filter(ticket=ticket).count()


def test_resuming_by_hand_while_a_part_is_outstanding_is_refused_in_thai(ticket, technician):
    _ask(ticket, technician)
    before = _state(ticket)
    assert before[0] == Status.WAITING_PARTS
    with pytest.raises(ValidationError) as error:
        ticket_transition(ticket=ticket, to=Status.IN_PROGRESS, by=technician)
    assert REFUSAL in error.value.messages[0] and "พาวเวอร์ซัพพลาย 450W" in error.value.messages[0]
    assert error.value.code == "parts_outstanding"
    assert _state(ticket) == before


def test_quality_check_while_a_part_is_outstanding_is_refused(make_ticket, unit_a, technician):
    ticket = make_ticket(unit_a, by=technician)
    ticket_record_work(ticket=ticket, by=technician, cause="ฝุ่น", fix="ทำความสะอาด")
    _ask(ticket, technician)
    # Even if the ticket were put back in progress behind the parts app's back (e.g. an old row).
    Ticket.objects.filter(pk=ticket.pk).update(status=Status.IN_PROGRESS)
    ticket.refresh_from_db()
    with pytest.raises(ValidationError, match=REFUSAL):
        ticket_transition(ticket=ticket, to=Status.QUALITY_CHECK, by=technician)
    assert Ticket.objects.get(pk=ticket.pk).status == Status.IN_PROGRESS


def test_the_parts_apps_own_resume_still_works_and_then_the_ticket_moves_on(ticket, technician, stock_officer):
    part_request = _ask(ticket, technician)
    part_request_transition(part_request=part_request, to="rejected", by=stock_officer, note="ซ่อมได้ไม่ต้องเปลี่ยน")
    assert Ticket.objects.get(pk=ticket.pk).status == Status.IN_PROGRESS
    ticket.refresh_from_db()
    ticket_record_work(ticket=ticket, by=technician, cause="สายหลวม", fix="เสียบสายใหม่")
    ticket_transition(ticket=ticket, to=Status.QUALITY_CHECK, by=technician)
    assert Ticket.objects.get(pk=ticket.pk).status == Status.QUALITY_CHECK


def test_installing_the_last_part_resumes_even_with_another_already_closed(ticket, technician, stock_officer, ram):
    first = _ask(ticket, technician)
    part_request_transition(part_request=first, to="cancelled", by=technician, note="ไม่ต้องใช้")
    second = part_request_create(ticket=ticket, by=technician, quantity=1, reason="เสีย", item=ram)
    for to in ("approved", "issued"):
        part_request_transition(part_request=second, to=to, by=stock_officer)
    assert Ticket.objects.get(pk=ticket.pk).status == Status.WAITING_PARTS
    part_request_transition(part_request=second, to="installed", by=technician)
    assert Ticket.objects.get(pk=ticket.pk).status == Status.IN_PROGRESS


def test_cancelling_the_ticket_is_not_blocked_by_outstanding_parts(ticket, technician):
    _ask(ticket, technician)
    ticket_transition(ticket=ticket, to=Status.CANCELLED, by=technician, note="ผู้แจ้งยกเลิก")
    assert Ticket.objects.get(pk=ticket.pk).status == Status.CANCELLED


def test_the_ticket_page_shows_the_refusal_and_changes_nothing(login, ticket, technician):
    _ask(ticket, technician)
    before = _state(ticket)
    response = login(technician).post(
        reverse("tickets:transition", args=[ticket.pk]), {"to": "in_progress", "note": "", "version": before[1]}
    )
    assert response.status_code == 400
    assert REFUSAL in response.content.decode()
    assert _state(ticket) == before


def test_a_registered_guard_runs_inside_the_transition(ticket, technician):
    seen = []

    def guard(locked, to):
        seen.append((locked.status, to))
        raise ValidationError("ห้าม", code="test")

    register_transition_guard(guard)
    try:
        with pytest.raises(ValidationError, match="ห้าม"):
            ticket_transition(ticket=ticket, to=Status.CANCELLED, by=technician, note="x")
    finally:
        unregister_transition_guard(guard)
    assert seen == [(Status.IN_PROGRESS, Status.CANCELLED)]
    assert Ticket.objects.get(pk=ticket.pk).status == Status.IN_PROGRESS
