"""Service levels: working-day targets per category (editable), the 90-day parts clock, overdue flags."""

import datetime as dt

import pytest
from django.utils import timezone

from helpdesk.models import Holiday
from tests.tickets.conftest import bangkok
from tickets.models import Category, Ticket, TicketEvent
from tickets.parts.services import part_request_create
from tickets.services import ticket_transition

pytestmark = pytest.mark.django_db


def test_default_targets_follow_the_spec(hw, sw):
    assert hw.target_working_days == 3
    assert sw.target_working_days == 2
    assert Category.objects.get(code="nw-connection").target_working_days == 2


def test_the_due_date_skips_weekends_and_holidays(make_ticket, unit_a, hw, technician):
    Holiday.objects.create(date=dt.date(2026, 12, 7), name="ชดเชยวันพ่อแห่งชาติ")
    # Friday 4 Dec 2026, 10:00 → Mon 7 (holiday) skipped → Tue 8, Wed 9, Thu 10.
    ticket = make_ticket(unit_a, hw, by=technician, now=bangkok(2026, 12, 4, 10))
    assert timezone.localtime(ticket.due_at) == bangkok(2026, 12, 10, 10)


def test_an_edited_target_applies_to_new_tickets(make_ticket, unit_a, hw, technician):
    hw.parent.sla_working_days = 5
    hw.parent.save()
    hw.refresh_from_db()
    ticket = make_ticket(unit_a, Category.objects.get(pk=hw.pk), by=technician, now=bangkok(2026, 12, 1, 9))
    assert timezone.localtime(ticket.due_at) == bangkok(2026, 12, 8, 9)  # Tue + 5 working days (Sat 5 Dec)


def test_overdue_work_is_flagged_and_the_parts_clock_extends_it(make_ticket, unit_a, hw, technician):
    ticket = make_ticket(unit_a, hw, by=technician)
    Ticket.objects.filter(pk=ticket.pk).update(due_at=timezone.now() - dt.timedelta(hours=1))
    ticket.refresh_from_db()
    assert ticket.is_overdue() and list(Ticket.objects.overdue()) == [ticket]
    ticket_transition(ticket=ticket, to="in_progress", by=technician)
    # Waiting by hand with a reason keeps the due date: still overdue.
    ticket_transition(ticket=ticket, to="waiting_parts", by=technician, note="หน่วยงานจัดซื้ออะไหล่เอง")
    ticket.refresh_from_db()
    assert ticket.parts_due_at is None and ticket.is_overdue()
    # A part request starts the 90-day parts clock, said on the timeline with the new due date.
    part_request_create(ticket=ticket, by=technician, quantity=1, reason="เสีย", description="พาวเวอร์ซัพพลาย")
    ticket.refresh_from_db()
    assert not ticket.is_overdue() and not Ticket.objects.overdue().exists()
    assert "พาวเวอร์ซัพพลาย" in ticket.events.get(kind=TicketEvent.Kind.PARTS).text
    later = ticket.parts_due_at + dt.timedelta(minutes=1)
    assert ticket.is_overdue(later) and list(Ticket.objects.overdue(later)) == [ticket]


def test_ready_for_pickup_and_closed_work_is_never_overdue(make_ticket, unit_a, hw, technician, deliver):
    ticket = deliver(make_ticket(unit_a, hw, by=technician), technician)
    Ticket.objects.filter(pk=ticket.pk).update(due_at=timezone.now() - dt.timedelta(days=10))
    assert not Ticket.objects.overdue().exists()
