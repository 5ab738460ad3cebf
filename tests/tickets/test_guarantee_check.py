"""The 30-day guarantee at intake: calendar days in Asia/Bangkok from the delivery date, day 30 inside."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from tests.tickets.conftest import bangkok
from tickets.models import ServiceMode, Status, TicketEvent
from tickets.services import guarantee_check, ticket_guarantee_override, ticket_transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def delivered(make_ticket, unit_a, hw, asset_a, technician, deliver):
    ticket = make_ticket(unit_a, hw, by=technician, asset=asset_a)
    # Delivered late in the evening of 1 March (Bangkok): the date that counts is 1 March.
    return deliver(ticket, technician, at=bangkok(2027, 3, 1, 23, 30))


@pytest.mark.parametrize(("day", "is_claim"), [(29, True), (30, True), (31, False)])
def test_it_counts_calendar_days_from_delivery(delivered, asset_a, hw, day, is_claim):
    at = bangkok(2027, 3, 1, 8, 0) + dt.timedelta(days=day)
    result = guarantee_check(asset_a, hw, at)
    assert result.is_claim is is_claim
    if is_claim:
        assert result.previous == delivered
        assert result.days_since_delivery == day
        assert result.service_mode == ServiceMode.ON_SITE
    else:
        assert result.service_mode == ServiceMode.ONE_STOP


def test_day_30_early_morning_is_inside_although_less_than_30_times_24_hours(delivered, asset_a, hw):
    assert guarantee_check(asset_a, hw, bangkok(2027, 3, 31, 0, 5)).is_claim


def test_a_different_category_does_not_count(delivered, asset_a, sw):
    assert not guarantee_check(asset_a, sw, bangkok(2027, 3, 10)).is_claim


def test_another_asset_does_not_count(delivered, make_asset, unit_a, hw):
    assert not guarantee_check(make_asset(unit_a), hw, bangkok(2027, 3, 10)).is_claim


@pytest.mark.parametrize("outcome", [Status.CANCELLED, Status.UNREPAIRABLE])
def test_cancelled_or_unrepairable_tickets_do_not_count(make_ticket, unit_a, hw, asset_a, technician, outcome):
    ticket = make_ticket(unit_a, hw, by=technician, asset=asset_a)
    ticket_transition(ticket=ticket, to=Status.IN_PROGRESS, by=technician)
    ticket_transition(ticket=ticket, to=outcome, by=technician, note="เมนบอร์ดเสีย")
    result = guarantee_check(asset_a, hw)
    assert not result.is_claim
    assert result.open_ticket is None


def test_an_open_ticket_is_reported_as_already_open(make_ticket, unit_a, hw, asset_a, technician):
    first = make_ticket(unit_a, hw, by=technician, asset=asset_a)
    result = guarantee_check(asset_a, hw)
    assert result.open_ticket == first
    with pytest.raises(ValidationError) as error:
        make_ticket(unit_a, hw, by=technician, asset=asset_a)
    assert error.value.code == "already_open"
    assert first.number in error.value.messages[0]
    second = make_ticket(unit_a, hw, by=technician, asset=asset_a, allow_duplicate=True)
    assert second.number != first.number


def test_intake_links_the_claim_and_serves_on_site(delivered, make_ticket, unit_a, hw, asset_a, requester_a):
    claim = make_ticket(unit_a, hw, requester=requester_a, asset=asset_a, now=bangkok(2027, 3, 31, 9))
    assert claim.guarantee_of == delivered
    assert claim.service_mode == ServiceMode.ON_SITE
    assert "การันตี" in claim.events.get(kind=TicketEvent.Kind.CREATED).text
    late = make_ticket(unit_a, hw, requester=requester_a, asset=asset_a, now=bangkok(2027, 4, 1, 9),
                       allow_duplicate=True)
    assert late.guarantee_of is None
    assert late.service_mode == ServiceMode.ONE_STOP


def test_staff_can_waive_the_guarantee_at_intake_with_a_recorded_reason(delivered, make_ticket, unit_a, hw, asset_a,
                                                                          technician):
    ticket = make_ticket(unit_a, hw, by=technician, asset=asset_a, now=bangkok(2027, 3, 10),
                         guarantee_waived_reason="ผู้ใช้ทำเครื่องตก ไม่ใช่ปัญหาเดิม")
    assert ticket.guarantee_of is None
    assert ticket.service_mode == ServiceMode.ONE_STOP
    assert ticket.guarantee_override_reason == "ผู้ใช้ทำเครื่องตก ไม่ใช่ปัญหาเดิม"
    event = ticket.events.get(kind=TicketEvent.Kind.GUARANTEE)
    assert event.is_internal and delivered.number in event.note


def test_staff_override_after_intake_needs_a_reason(delivered, make_ticket, unit_a, hw, asset_a, technician):
    ticket = make_ticket(unit_a, hw, by=technician, asset=asset_a, now=bangkok(2027, 5, 1))
    with pytest.raises(ValidationError):
        ticket_guarantee_override(ticket=ticket, by=technician, guarantee_of=delivered, reason="")
    ticket_guarantee_override(ticket=ticket, by=technician, guarantee_of=delivered, reason="อาการเดิมต่อเนื่อง")
    ticket.refresh_from_db()
    assert ticket.guarantee_of == delivered and ticket.service_mode == ServiceMode.ON_SITE
    assert ticket.events.filter(kind=TicketEvent.Kind.GUARANTEE).exists()


def test_the_check_uses_the_guarantee_index(delivered, asset_a, hw):
    from tickets.models import Ticket

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Ticket._meta.db_table)
    assert constraints["tickets_guarantee_idx"]["columns"] == ["asset_id", "category_id", "delivered_at"]
    if connection.vendor == "sqlite":
        qs = Ticket.objects.filter(asset=asset_a, category=hw, delivered_at__gte=bangkok(2027, 1, 1))
        sql, params = qs.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " ".join(str(row) for row in cursor.fetchall())
        assert "tickets_guarantee_idx" in plan
