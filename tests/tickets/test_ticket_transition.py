import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from tickets.models import TRANSITIONS, Status, Ticket, TicketEvent
from tickets.services import ticket_transition

pytestmark = pytest.mark.django_db


def test_every_status_has_a_row_in_the_transition_table():
    assert set(TRANSITIONS) == set(Status.values)
    for targets in TRANSITIONS.values():
        assert targets <= set(Status.values)


def test_it_walks_the_full_lifecycle_and_records_every_step(make_ticket, unit_a, hw, technician, deliver):
    ticket = make_ticket(unit_a, hw, by=technician)
    deliver(ticket, technician)
    ticket.refresh_from_db()
    assert ticket.status == Status.DELIVERED
    assert ticket.received_by_name == "นายรับ เครื่อง"
    assert ticket.received_at and ticket.resolved_at and ticket.delivered_at
    assert ticket.technician == technician  # taken when work started
    steps = list(ticket.events.filter(kind=TicketEvent.Kind.STATUS).values_list("from_status", "to_status"))
    assert steps == [
        ("new", "received"), ("received", "in_progress"), ("in_progress", "quality_check"),
        ("quality_check", "ready_for_pickup"), ("ready_for_pickup", "delivered"),
    ]
    assert all(event.actor == technician for event in ticket.events.filter(kind=TicketEvent.Kind.STATUS))


def test_an_illegal_transition_is_refused_in_thai_and_changes_nothing(make_ticket, unit_a, hw, technician):
    ticket = make_ticket(unit_a, hw, by=technician)
    with pytest.raises(ValidationError) as error:
        ticket_transition(ticket=ticket, to=Status.DELIVERED, by=technician, received_by_name="x")
    assert "ไม่สามารถเปลี่ยนสถานะจาก “รับแจ้ง” เป็น “ส่งมอบแล้ว” ได้" in error.value.messages[0]
    ticket.refresh_from_db()
    assert ticket.status == Status.NEW
    assert ticket.version == 1
    assert not ticket.events.filter(kind=TicketEvent.Kind.STATUS).exists()


def test_waiting_for_parts_by_hand_needs_a_reason_and_keeps_the_due_date(make_ticket, unit_a, hw, technician):
    ticket = make_ticket(unit_a, hw, by=technician)
    ticket_transition(ticket=ticket, to="in_progress", by=technician)
    due = ticket.effective_due_at
    with pytest.raises(ValidationError) as refused:
        ticket_transition(ticket=ticket, to="waiting_parts", by=technician, note="  ")
    assert refused.value.code == "parts_reason_required"
    assert Ticket.objects.get(pk=ticket.pk).status == Status.IN_PROGRESS
    ticket_transition(ticket=ticket, to="waiting_parts", by=technician, note="รอแรม DDR4 ที่หน่วยงานจัดซื้อ")
    ticket.refresh_from_db()
    assert ticket.status == Status.WAITING_PARTS
    assert ticket.parts_waiting_since is None and ticket.parts_due_at is None and ticket.effective_due_at == due
    assert ticket.events.get(to_status="waiting_parts").note == "รอแรม DDR4 ที่หน่วยงานจัดซื้อ"
    ticket_transition(ticket=ticket, to="in_progress", by=technician, note="ติดตั้งแรมแล้ว")
    ticket.refresh_from_db()
    assert ticket.status == Status.IN_PROGRESS


def test_a_part_request_starts_the_90_day_parts_clock_and_it_stays(make_ticket, unit_a, hw, technician):
    from tickets.parts.services import part_request_create

    ticket = make_ticket(unit_a, hw, by=technician)
    ticket_transition(ticket=ticket, to="in_progress", by=technician)
    part_request_create(ticket=ticket, by=technician, quantity=1, reason="แรมเสีย", description="แรม DDR4")
    ticket.refresh_from_db()
    assert ticket.status == Status.WAITING_PARTS
    assert (ticket.parts_due_at - ticket.parts_waiting_since).days == 90


def test_at_vendor_needs_a_claim_reference(make_ticket, unit_a, hw, technician):
    ticket = make_ticket(unit_a, hw, by=technician)
    ticket_transition(ticket=ticket, to="in_progress", by=technician)
    with pytest.raises(ValidationError):
        ticket_transition(ticket=ticket, to="at_vendor", by=technician)
    ticket_transition(ticket=ticket, to="at_vendor", by=technician, vendor_claim_ref="CLM-001")
    assert Ticket.objects.get(pk=ticket.pk).vendor_claim_ref == "CLM-001"


def test_quality_check_needs_cause_and_fix(make_ticket, unit_a, hw, technician):
    ticket = make_ticket(unit_a, hw, by=technician)
    ticket_transition(ticket=ticket, to="in_progress", by=technician)
    with pytest.raises(ValidationError):
        ticket_transition(ticket=ticket, to="quality_check", by=technician)
    assert Ticket.objects.get(pk=ticket.pk).status == Status.IN_PROGRESS


def test_cancel_and_unrepairable_need_a_reason(make_ticket, unit_a, hw, technician):
    ticket = make_ticket(unit_a, hw, by=technician)
    with pytest.raises(ValidationError):
        ticket_transition(ticket=ticket, to="cancelled", by=technician)
    ticket_transition(ticket=ticket, to="cancelled", by=technician, note="แจ้งซ้ำ")
    assert Ticket.objects.get(pk=ticket.pk).closed_at is not None


def test_a_stale_version_is_refused(make_ticket, unit_a, hw, technician):
    ticket = make_ticket(unit_a, hw, by=technician)
    ticket_transition(ticket=ticket, to="received", by=technician)
    with pytest.raises(ValidationError) as error:
        ticket_transition(ticket=ticket, to="in_progress", by=technician, expected_version=1)
    assert error.value.code == "stale"


def test_status_changes_mail_the_requester_and_ready_for_pickup_mails_the_unit(
    make_ticket, unit_a, hw, technician, requester_a, django_capture_on_commit_callbacks
):
    unit_a.email = "unit@example.go.th"
    unit_a.save()
    ticket = make_ticket(unit_a, hw, requester=requester_a)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ticket_transition(ticket=ticket, to="in_progress", by=technician)
    assert mail.outbox[-1].to == [requester_a.email]
    assert "กำลังดำเนินการ" in mail.outbox[-1].subject
    with django_capture_on_commit_callbacks(execute=True):
        ticket_transition(ticket=ticket, to="quality_check", by=technician, cause="ฝุ่น", fix="ทำความสะอาด")
        ticket_transition(ticket=ticket, to="ready_for_pickup", by=technician)
    assert set(mail.outbox[-1].to) == {"unit@example.go.th", requester_a.email}
    assert "กรุณามารับ" in mail.outbox[-1].subject
