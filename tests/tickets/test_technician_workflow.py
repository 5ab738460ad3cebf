"""Technicians take, record work, move through quality check to delivery, lend replacement devices."""

import datetime as dt
import threading

import pytest
from django.db import connections
from django.urls import reverse
from django.utils import timezone

from assets.models import Asset
from tickets.models import Status, Ticket, TicketEvent, TicketLoan
from tickets.services import ticket_record_work

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(make_ticket, unit_a, hw, requester_a, asset_a):
    return make_ticket(unit_a, hw, requester=requester_a, asset=asset_a)


def post(client, name, ticket, data):
    return client.post(reverse(name, args=[ticket.pk]), data)


def test_take_record_work_and_deliver(login, technician, ticket):
    client = login(technician)
    assert post(client, "tickets:take", ticket, {"version": 1}).status_code == 302
    ticket.refresh_from_db()
    assert ticket.technician == technician
    for to in ("received", "in_progress"):
        ticket.refresh_from_db()
        assert post(client, "tickets:transition", ticket, {"to": to, "version": ticket.version}).status_code == 302
    ticket.refresh_from_db()
    response = post(client, "tickets:work", ticket, {
        "version": ticket.version, "diagnosis": "เปิดไม่ติด", "cause": "พาวเวอร์ซัพพลายเสีย", "fix": "เปลี่ยน PSU",
        "guide_followed": "", "reinstalled": "", "time_spent_minutes": 95,
        "vendor_claim_ref": "", "internal_notes": "ลูกค้าใช้ปลั๊กพ่วงไม่มีกราวด์",
    })
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert (ticket.cause, ticket.fix, ticket.time_spent_minutes) == ("พาวเวอร์ซัพพลายเสีย", "เปลี่ยน PSU", 95)
    assert ticket.events.filter(kind=TicketEvent.Kind.WORK, is_internal=True).exists()
    for to in ("quality_check", "ready_for_pickup"):
        ticket.refresh_from_db()
        assert post(client, "tickets:transition", ticket, {"to": to, "version": ticket.version}).status_code == 302
    ticket.refresh_from_db()
    missing = post(client, "tickets:transition", ticket, {"to": "delivered", "version": ticket.version})
    assert missing.status_code == 400 and "กรุณาระบุชื่อผู้รับมอบเครื่อง" in missing.content.decode()
    done = post(client, "tickets:transition", ticket,
                {"to": "delivered", "version": ticket.version, "received_by_name": "นางสาวรับ ของ"})
    assert done.status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == Status.DELIVERED and ticket.received_by_name == "นางสาวรับ ของ"


def test_an_illegal_transition_re_renders_with_the_thai_message(login, technician, ticket):
    response = post(login(technician), "tickets:transition", ticket, {"to": "delivered", "version": 1})
    assert response.status_code == 400
    assert "ไม่สามารถเปลี่ยนสถานะจาก" in response.content.decode()
    assert Ticket.objects.get(pk=ticket.pk).status == Status.NEW


def test_a_stale_form_is_refused(login, technician, ticket):
    client = login(technician)
    post(client, "tickets:transition", ticket, {"to": "received", "version": 1})
    response = post(client, "tickets:work", ticket, {"version": 1, "cause": "x", "fix": "y",
                                                     "time_spent_minutes": 0})
    assert response.status_code == 400
    assert "ถูกแก้ไขโดยผู้อื่นแล้ว" in response.content.decode()
    assert Ticket.objects.get(pk=ticket.pk).cause == ""


def test_assigning_to_another_team_is_for_the_it_head_only(login, technician, technician_b, it_head, ticket, team_b):
    response = post(login(technician), "tickets:assign", ticket, {"technician": technician_b.pk, "version": 1})
    assert response.status_code == 400
    assert Ticket.objects.get(pk=ticket.pk).technician is None
    response = post(login(it_head), "tickets:assign", ticket, {"technician": technician_b.pk, "version": 1})
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.technician == technician_b and ticket.team == team_b


def test_internal_notes_are_never_shown_to_requesters(login, technician, requester_a, ticket):
    ticket_record_work(ticket=ticket, by=technician, internal_notes="รหัสผ่านเครื่อง 1234")
    post(login(technician), "tickets:note", ticket, {"note": "โทรคุยกับผู้อำนวยการแล้ว", "is_internal": "on"})
    staff_page = login(technician).get(ticket.get_absolute_url()).content.decode()
    assert "รหัสผ่านเครื่อง 1234" in staff_page and "โทรคุยกับผู้อำนวยการแล้ว" in staff_page
    for url in (ticket.get_absolute_url(), ticket.get_tracking_url()):
        body = login(requester_a).get(url).content.decode()
        assert "รหัสผ่านเครื่อง 1234" not in body and "โทรคุยกับผู้อำนวยการแล้ว" not in body


def test_vendor_warranty_shows_the_vendor_and_offers_at_vendor(login, technician, make_ticket, make_asset, unit_a, hw):
    asset = make_asset(unit_a, warranty_end=timezone.localdate() + dt.timedelta(days=100),
                       vendor_name="บริษัท ไอทีดี จำกัด", vendor_contact="02 999 9999")
    ticket = make_ticket(unit_a, hw, by=technician, asset=asset)
    client = login(technician)
    post(client, "tickets:transition", ticket, {"to": "in_progress", "version": 1})
    page = client.get(ticket.get_absolute_url())
    assert "บริษัท ไอทีดี จำกัด" in page.content.decode()
    assert ("at_vendor", "ส่งซ่อมภายนอก") in [(v, str(label)) for v, label in page.context["allowed_transitions"]]
    response = post(client, "tickets:transition", ticket,
                    {"to": "at_vendor", "version": 2, "vendor_claim_ref": "RMA-7"})
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == Status.AT_VENDOR and ticket.vendor_claim_ref == "RMA-7"


def test_no_vendor_no_at_vendor_option(login, technician, ticket):
    client = login(technician)
    post(client, "tickets:transition", ticket, {"to": "in_progress", "version": 1})
    page = client.get(ticket.get_absolute_url())
    assert "at_vendor" not in [value for value, _label in page.context["allowed_transitions"]]


def test_a_replacement_device_is_lent_and_returned(login, technician, ticket, make_asset, unit_a):
    spare = make_asset(unit_a, status=Asset.Status.SPARE)
    client = login(technician)
    due = timezone.localdate() + dt.timedelta(days=7)
    response = post(client, "tickets:lend", ticket, {"asset_number": spare.asset_number,
                                                      "due_date": f"{due.day:02d}/{due.month:02d}/{due.year + 543}"})
    assert response.status_code == 302
    link = TicketLoan.objects.get(ticket=ticket)
    spare.refresh_from_db()
    assert spare.status == Asset.Status.ON_LOAN and link.loan.borrower_unit == ticket.unit
    assert spare.asset_number in client.get(ticket.get_absolute_url()).content.decode()
    again = post(client, "tickets:lend", ticket, {"asset_number": spare.asset_number,
                                                   "due_date": f"{due.day:02d}/{due.month:02d}/{due.year + 543}"})
    assert again.status_code == 400 and TicketLoan.objects.count() == 1
    response = client.post(reverse("tickets:loan_return", args=[ticket.pk, link.pk]), {"condition": "ปกติ"})
    assert response.status_code == 302
    spare.refresh_from_db()
    link.loan.refresh_from_db()
    assert spare.status == Asset.Status.SPARE and link.loan.returned_at is not None


def test_a_disposed_asset_cannot_be_lent(login, technician, ticket, make_asset, unit_a):
    junk = make_asset(unit_a, status=Asset.Status.DISPOSED)
    due = timezone.localdate() + dt.timedelta(days=7)
    response = post(login(technician), "tickets:lend", ticket,
                    {"asset_number": junk.asset_number, "due_date": due.isoformat()})
    assert response.status_code == 400
    assert not TicketLoan.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_technicians_saving_at_once_cannot_lose_an_update(make_ticket, unit_a, technician, it_head):
    from tests.tickets.conftest import category

    ticket = make_ticket(unit_a, category("hw-computer"), by=technician, device_description="PC")
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def save(name, user, fields):
        try:
            barrier.wait()
            ticket_record_work(ticket=Ticket.objects.get(pk=ticket.pk), by=user, expected_version=1, **fields)
            outcomes[name] = "saved"
        except Exception as error:  # noqa: BLE001
            outcomes[name] = getattr(error, "code", repr(error))
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=save, args=("a", technician, {"cause": "สาเหตุ A"})),
        threading.Thread(target=save, args=("b", it_head, {"fix": "วิธีแก้ B"})),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes.values()) == ["saved", "stale"]
    saved = Ticket.objects.get(pk=ticket.pk)
    assert saved.version == 2
    winner = [name for name, outcome in outcomes.items() if outcome == "saved"][0]
    assert (saved.cause, saved.fix) == (("สาเหตุ A", "") if winner == "a" else ("", "วิธีแก้ B"))
    assert saved.events.filter(kind=TicketEvent.Kind.WORK).count() == 1
