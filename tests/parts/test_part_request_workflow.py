import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from helpdesk.workflow import SelfApprovalRefused
from tickets.models import Status, Ticket, TicketEvent
from tickets.parts.models import Movement, PartRequest, PartRequestEvent
from tickets.parts.services import (
    outstanding_part_names,
    part_request_create,
    part_request_transition,
    stock_balance,
)
from tickets.plugins.parts import ticket_parts_lines, tickets_parts_cost

pytestmark = pytest.mark.django_db


def _walk_procurement(part_request, officer, *, cost):
    part_request_transition(part_request=part_request, to="approved", by=officer)
    part_request_transition(part_request=part_request, to="procurement", by=officer, note="ไม่มีในคลัง")
    part_request_transition(
        part_request=part_request, to="ordered", by=officer, vendor="บริษัท คอมพ์ซัพพลาย จำกัด",
        order_reference="PO-2569/0042", order_date=dt.date(2026, 3, 2), expected_date=dt.date(2026, 3, 16),
    )
    part_request_transition(part_request=part_request, to="received", by=officer, cost=cost)


def test_a_part_walks_from_request_to_installation_and_the_ticket_waits_then_resumes(
    ticket, technician, stock_officer
):
    request = part_request_create(ticket=ticket, by=technician, quantity=1, reason="พาวเวอร์ซัพพลายเสีย",
                                  description="พาวเวอร์ซัพพลาย 450W", estimated_cost=Decimal("1200"))
    ticket.refresh_from_db()
    assert ticket.status == Status.WAITING_PARTS
    assert ticket.parts_waiting_since is not None and ticket.parts_due_at is not None
    assert outstanding_part_names(ticket) == ["พาวเวอร์ซัพพลาย 450W"]

    _walk_procurement(request, stock_officer, cost=Decimal("1150.00"))
    assert Ticket.objects.get(pk=ticket.pk).status == Status.WAITING_PARTS
    part_request_transition(part_request=request, to="installed", by=technician)

    ticket.refresh_from_db()
    request.refresh_from_db()
    assert ticket.status == Status.IN_PROGRESS
    assert request.status == "installed" and request.installed_at is not None
    assert outstanding_part_names(ticket) == []
    steps = list(request.events.values_list("from_status", "to_status"))
    assert steps == [("", "requested"), ("requested", "approved"), ("approved", "procurement"),
                     ("procurement", "ordered"), ("ordered", "received"), ("received", "installed")]
    assert set(request.events.values_list("actor", flat=True)) == {technician.pk, stock_officer.pk}
    ticket_steps = list(ticket.events.filter(kind=TicketEvent.Kind.STATUS).values_list("from_status", "to_status"))
    assert ticket_steps[-2:] == [("in_progress", "waiting_parts"), ("waiting_parts", "in_progress")]
    assert "พาวเวอร์ซัพพลาย 450W" in ticket.events.get(to_status="waiting_parts").text
    # Cost rolls up through the tickets app's hooks.
    assert tickets_parts_cost([ticket.pk]) == {ticket.pk: Decimal("1150.00")}
    assert [(line.description, line.quantity, line.cost) for line in ticket_parts_lines(ticket)] == [
        ("พาวเวอร์ซัพพลาย 450W", 1, Decimal("1150.00"))
    ]


def test_the_ticket_waits_until_the_last_outstanding_request_is_done(ticket, technician, stock_officer, ram):
    first = part_request_create(ticket=ticket, by=technician, quantity=1, reason="แรมเสีย", item=ram)
    second = part_request_create(ticket=ticket, by=technician, quantity=1, reason="สายแลนขาด",
                                 description="สาย LAN Cat6 3 เมตร")
    for step in ("approved", "issued"):
        part_request_transition(part_request=first, to=step, by=stock_officer)
    part_request_transition(part_request=first, to="installed", by=technician)
    assert Ticket.objects.get(pk=ticket.pk).status == Status.WAITING_PARTS
    part_request_transition(part_request=second, to="cancelled", by=technician, note="ใช้สายสำรองของหน่วยงาน")
    assert Ticket.objects.get(pk=ticket.pk).status == Status.IN_PROGRESS
    # Waiting happened once, resuming once.
    assert ticket.events.filter(to_status="waiting_parts").count() == 1


def test_issuing_from_stock_writes_the_ledger_and_costs_the_standard_price(ticket, technician, stock_officer, ram):
    request = part_request_create(ticket=ticket, by=technician, quantity=2, reason="อัปเกรดแรม", item=ram)
    assert request.estimated_cost == Decimal("1900.00")
    part_request_transition(part_request=request, to="approved", by=stock_officer)
    part_request_transition(part_request=request, to="issued", by=stock_officer)
    assert stock_balance(ram) == 3
    movement = Movement.objects.get(part_request=request)
    assert (movement.kind, movement.quantity, movement.reference) == ("issue", -2, ticket.number)
    request.refresh_from_db()
    assert request.cost == Decimal("1900.00")


def test_cancelling_an_issued_part_returns_it_to_stock(ticket, technician, stock_officer, ram):
    request = part_request_create(ticket=ticket, by=technician, quantity=2, reason="อัปเกรดแรม", item=ram)
    part_request_transition(part_request=request, to="approved", by=stock_officer)
    part_request_transition(part_request=request, to="issued", by=stock_officer)
    part_request_transition(part_request=request, to="cancelled", by=technician, note="ลูกค้าไม่ต้องการอัปเกรด")
    assert stock_balance(ram) == 5
    assert list(Movement.objects.filter(part_request=request).values_list("kind", "quantity")) == [
        ("issue", -2), ("return", 2)
    ]
    assert tickets_parts_cost([ticket.pk]) == {}


def test_a_bought_catalogue_item_passes_through_the_ledger(ticket, technician, stock_officer, ram):
    request = part_request_create(ticket=ticket, by=technician, quantity=1, reason="แรมเสีย", item=ram)
    _walk_procurement(request, stock_officer, cost=Decimal("990.00"))
    assert stock_balance(ram) == 5
    kinds = list(Movement.objects.filter(part_request=request).values_list("kind", "quantity", "vendor"))
    assert kinds == [("receipt", 1, "บริษัท คอมพ์ซัพพลาย จำกัด"), ("issue", -1, "")]


def test_issuing_more_than_on_hand_is_refused_with_the_available_quantity(ticket, technician, stock_officer, ram):
    request = part_request_create(ticket=ticket, by=technician, quantity=9, reason="ใส่ทุกเครื่อง", item=ram)
    part_request_transition(part_request=request, to="approved", by=stock_officer)
    with pytest.raises(ValidationError) as error:
        part_request_transition(part_request=request, to="issued", by=stock_officer)
    assert "มีคงเหลือเพียง 5 แผ่น" in error.value.messages[0]
    request.refresh_from_db()
    assert request.status == "approved"
    assert stock_balance(ram) == 5
    assert not request.events.filter(to_status="issued").exists()


def test_illegal_steps_are_refused_in_thai_and_change_nothing(ticket, technician, stock_officer):
    request = part_request_create(ticket=ticket, by=technician, quantity=1, reason="x", description="ฮีตซิงก์")
    with pytest.raises(ValidationError) as error:
        part_request_transition(part_request=request, to="installed", by=technician)
    assert "ไม่สามารถเปลี่ยนสถานะคำขออะไหล่จาก “ขออะไหล่” เป็น “ติดตั้งแล้ว” ได้" in error.value.messages[0]
    part_request_transition(part_request=request, to="approved", by=stock_officer)
    with pytest.raises(ValidationError) as error:
        part_request_transition(part_request=request, to="issued", by=stock_officer)
    assert "อะไหล่นอกทะเบียนวัสดุ" in error.value.messages[0]
    assert PartRequest.objects.get(pk=request.pk).status == "approved"
    assert PartRequestEvent.objects.filter(request=request).count() == 2


def test_rejecting_needs_a_reason_and_resumes_the_ticket(ticket, technician, stock_officer):
    request = part_request_create(ticket=ticket, by=technician, quantity=1, reason="x", description="จอ LED 19 นิ้ว")
    with pytest.raises(ValidationError):
        part_request_transition(part_request=request, to="rejected", by=stock_officer)
    assert PartRequest.objects.get(pk=request.pk).status == "requested"
    part_request_transition(part_request=request, to="rejected", by=stock_officer, note="ให้เสนอจำหน่ายแทน")
    request.refresh_from_db()
    assert (request.status, request.closed_reason, request.decided_by) == ("rejected", "ให้เสนอจำหน่ายแทน",
                                                                         stock_officer)
    assert Ticket.objects.get(pk=ticket.pk).status == Status.IN_PROGRESS


def test_ordering_needs_vendor_reference_and_dates(ticket, technician, stock_officer):
    request = part_request_create(ticket=ticket, by=technician, quantity=1, reason="x", description="บอร์ด")
    part_request_transition(part_request=request, to="approved", by=stock_officer)
    part_request_transition(part_request=request, to="procurement", by=stock_officer)
    with pytest.raises(ValidationError) as error:
        part_request_transition(part_request=request, to="ordered", by=stock_officer, vendor="ร้าน A")
    assert "เลขที่ใบสั่งซื้อ" in error.value.messages[0]
    with pytest.raises(ValidationError):
        part_request_transition(part_request=request, to="ordered", by=stock_officer, vendor="ร้าน A",
                                order_reference="PO-1", order_date=dt.date(2026, 3, 10),
                                expected_date=dt.date(2026, 3, 1))
    assert PartRequest.objects.get(pk=request.pk).status == "procurement"


def test_who_may_do_what(ticket, technician, technician_b, stock_officer, requester_a, team_head):
    with pytest.raises(PermissionDenied):
        part_request_create(ticket=ticket, by=technician_b, quantity=1, reason="x", description="พัดลม CPU")
    assert not PartRequest.objects.exists()
    request = part_request_create(ticket=ticket, by=technician, quantity=1, reason="x", description="พัดลม CPU")
    for outsider in (technician_b, requester_a):
        with pytest.raises(PermissionDenied):
            part_request_transition(part_request=request, to="approved", by=outsider)
    with pytest.raises(SelfApprovalRefused):  # the team head filed it himself: someone else approves
        part_request_transition(part_request=request, to="approved", by=team_head)
    assert PartRequest.objects.get(pk=request.pk).status == "requested"
    part_request_transition(part_request=request, to="approved", by=stock_officer)
    with pytest.raises(PermissionDenied):  # procurement is the stock officer's
        part_request_transition(part_request=request, to="procurement", by=team_head)
    assert PartRequest.objects.get(pk=request.pk).status == "approved"


def test_parts_are_requested_only_while_the_ticket_is_being_worked_on(make_ticket, unit_a, technician):
    new_ticket = make_ticket(unit_a, by=technician, status=Status.NEW)
    with pytest.raises(ValidationError) as error:
        part_request_create(ticket=new_ticket, by=technician, quantity=1, reason="x", description="แรม")
    assert "ระหว่างดำเนินการ" in error.value.messages[0]
    assert not PartRequest.objects.exists()


def test_parts_cost_of_many_tickets_is_one_query(make_ticket, unit_a, technician, stock_officer, ram,
                                                 django_assert_num_queries):
    tickets = [make_ticket(unit_a, by=technician) for _ in range(3)]
    for ticket in tickets:
        request = part_request_create(ticket=ticket, by=technician, quantity=1, reason="x", item=ram)
        part_request_transition(part_request=request, to="approved", by=stock_officer)
        part_request_transition(part_request=request, to="issued", by=stock_officer)
        part_request_transition(part_request=request, to="installed", by=technician)
    with django_assert_num_queries(1):
        costs = tickets_parts_cost([t.pk for t in tickets])
    assert costs == {t.pk: Decimal("950.00") for t in tickets}
