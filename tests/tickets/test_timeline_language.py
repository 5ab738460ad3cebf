"""Timeline dates are Thai (1 ธ.ค. 2569 14:05, never ISO); system-written notes are a kind plus parameters,
worded in the reader's language; old rows were migrated from their Thai wording."""

import datetime as dt
import importlib

import pytest
from django.utils import timezone, translation

from helpdesk.thai import format_event_time
from tickets.models import TicketEvent
from tickets.models.ticket import event_message_text
from tickets.services import ticket_assign
from tickets.services.loans import ticket_lend_replacement

pytestmark = pytest.mark.django_db


def test_event_time_is_thai_with_the_full_buddhist_year():
    moment = timezone.make_aware(dt.datetime(2026, 12, 1, 14, 5))
    assert format_event_time(moment) == "1 ธ.ค. 2569 14:05"
    assert format_event_time(dt.date(2027, 3, 15)) == "15 มี.ค. 2570"
    assert format_event_time(None) == ""


def test_assignment_is_stored_as_a_kind_and_shown_in_the_readers_language(
        login, make_ticket, unit_a, hw, technician, it_head):
    ticket = make_ticket(unit_a, hw)
    ticket_assign(ticket=ticket, technician=technician, by=it_head)
    event = TicketEvent.objects.get(ticket=ticket, kind=TicketEvent.Kind.ASSIGNED)
    name = technician.get_full_name() or technician.username
    assert (event.message, event.params, event.note) == ("assigned", {"name": name}, "")
    page = login(it_head).get(ticket.get_absolute_url()).content.decode()
    assert f"มอบหมายให้ {name}" in page
    with translation.override("en"):
        assert event.text == f"Assigned to {name}"


def test_timeline_shows_thai_dates_never_iso(login, make_ticket, unit_a, hw, technician, it_head):
    ticket = make_ticket(unit_a, hw)
    ticket_assign(ticket=ticket, technician=technician, by=it_head)
    TicketEvent.objects.filter(ticket=ticket).update(at=timezone.make_aware(dt.datetime(2026, 12, 1, 14, 5)))
    page = login(it_head).get(ticket.get_absolute_url()).content.decode()
    timeline = page[page.index('id="timeline"'):]
    assert "1 ธ.ค. 2569 14:05" in timeline and "2026-12-01" not in timeline
    tracking = login(it_head).get(ticket.get_tracking_url()).content.decode()
    assert "1 ธ.ค. 2569 14:05" in tracking


def test_loan_note_keeps_the_due_date_as_a_value_and_shows_it_in_be(
        make_ticket, unit_a, hw, technician, make_asset):
    from assets.models import Asset

    ticket = make_ticket(unit_a, hw)
    spare = make_asset(unit_a, asset_number="7440-001-0777/2566", status=Asset.Status.SPARE)
    ticket_lend_replacement(ticket=ticket, asset=spare, due_date=dt.date(2027, 1, 15), by=technician,
                            borrower_name="คุณสมชาย")
    event = TicketEvent.objects.get(ticket=ticket, kind=TicketEvent.Kind.LOAN)
    assert event.params == {"asset": "7440-001-0777/2566", "due_date": "2027-01-15"}
    assert event.text == "ให้ยืมเครื่องทดแทน 7440-001-0777/2566 กำหนดคืน 15 มกราคม 2570"
    assert "2027-01-15" not in event.text


def test_a_persons_note_stays_as_written_and_unknown_messages_show_nothing():
    assert TicketEvent(note="ลูกค้าขอรับเครื่องช่วงบ่าย").text == "ลูกค้าขอรับเครื่องช่วงบ่าย"
    assert event_message_text("no-such-message", {}) == ""
    assert TicketEvent(message="assigned", params={}).text == "มอบหมายให้ %(name)s"


def test_migration_turns_old_system_notes_into_messages(make_ticket, unit_a, hw):
    migration = importlib.import_module("tickets.migrations.0012_system_notes_to_messages")
    ticket = make_ticket(unit_a, hw)
    rows = {
        "assigned": TicketEvent.objects.create(ticket=ticket, kind="assigned", note="มอบหมายให้ สมชาย ใจดี"),
        "parts": TicketEvent.objects.create(ticket=ticket, kind="status", note="รออะไหล่: แรม 8GB, SSD 512GB"),
        "loan": TicketEvent.objects.create(ticket=ticket, kind="loan",
                                           note="ให้ยืมเครื่องทดแทน 7440-001-0001/2566 กำหนดคืน 2027-01-15"),
        "person": TicketEvent.objects.create(ticket=ticket, kind="note", note="มอบหมายให้ สมชาย ใจดี"),
        "free": TicketEvent.objects.create(ticket=ticket, kind="status", note="ลูกค้าแจ้งว่าเปิดไม่ติด"),
        "bad_date": TicketEvent.objects.create(ticket=ticket, kind="loan",
                                               note="ให้ยืมเครื่องทดแทน A-1 กำหนดคืน 2027-02-31"),
    }

    from django.apps import apps
    migration.forwards(apps, None)
    for row in rows.values():
        row.refresh_from_db()
    assert (rows["assigned"].message, rows["assigned"].params, rows["assigned"].note) == (
        "assigned", {"name": "สมชาย ใจดี"}, "")
    assert rows["parts"].params == {"parts": "แรม 8GB, SSD 512GB"} and rows["parts"].note == ""
    assert rows["loan"].params["due_date"] == "2027-01-15" and rows["loan"].message == "loan_lent"
    assert (rows["person"].message, rows["person"].note) == ("", "มอบหมายให้ สมชาย ใจดี")
    assert (rows["free"].message, rows["free"].note) == ("", "ลูกค้าแจ้งว่าเปิดไม่ติด")
    assert rows["bad_date"].message == ""
    with translation.override("en"):
        assert rows["parts"].text == "Waiting for parts: แรม 8GB, SSD 512GB"
