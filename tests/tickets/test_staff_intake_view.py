"""Staff record tickets on behalf of a unit: memo (number, date, scanned PDF) or phone (call-back)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.tickets.conftest import upload
from tickets.models import Channel, Ticket, TicketEvent

pytestmark = pytest.mark.django_db
URL = reverse("tickets:staff_create")


def data(unit, category, **extra):
    values = {"unit": unit.pk, "channel": Channel.MEMO, "requester_name": "นายสมชาย ทดสอบ",
              "requester_position": "เจ้าพนักงานธุรการ", "requester_phone": "02 222 3333",
              "category": category.pk, "symptom": "จอดับ", "device_description": "จอ Samsung"}
    values.update(extra)
    return values


def test_staff_record_a_memo_with_its_scan(login, technician, unit_b, hw, team_b):
    pdf = upload("memo.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", "application/pdf")
    response = login(technician).post(URL, data(unit_b, hw, memo_number="กท 5001/123", memo_date="15/03/2569",
                                                  memo_scan=pdf))
    assert response.status_code == 302
    ticket = Ticket.objects.get()
    assert ticket.unit == unit_b and ticket.team == team_b and ticket.channel == Channel.MEMO
    assert ticket.memo_number == "กท 5001/123" and ticket.memo_date == dt.date(2026, 3, 15)
    assert ticket.memo_scan.name.endswith(".pdf") and "memo" not in ticket.memo_scan.name.rsplit("/", 1)[-1]
    assert ticket.requester is None and ticket.created_by == technician
    download = login(technician).get(reverse("tickets:memo", args=[ticket.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")


def test_a_memo_needs_number_date_and_a_real_pdf(login, technician, unit_b, hw):
    fake = upload("memo.pdf", b"<html>not a pdf</html>", "application/pdf")
    response = login(technician).post(URL, data(unit_b, hw, memo_scan=fake))
    errors = response.context["form"].errors
    assert response.status_code == 200
    assert {"memo_number", "memo_date", "memo_scan"} <= set(errors)
    assert not Ticket.objects.exists()


def test_a_phone_ticket_with_a_call_back_appears_in_the_call_back_list(login, technician, unit_a, hw):
    due = timezone.localtime() + dt.timedelta(hours=2)
    client = login(technician)
    response = client.post(URL, data(unit_a, hw, channel=Channel.PHONE,
                                     callback_due_at=due.strftime("%Y-%m-%dT%H:%M")))
    assert response.status_code == 302
    ticket = Ticket.objects.get()
    assert ticket.callback_due_at is not None
    listing = client.get(reverse("tickets:callbacks"))
    assert ticket.number in listing.content.decode()
    done = client.post(reverse("tickets:callback", args=[ticket.pk]), {"next": "callbacks"})
    assert done.status_code == 302
    ticket.refresh_from_db()
    assert ticket.callback_done_at is not None
    assert ticket.events.filter(kind=TicketEvent.Kind.CALLBACK).exists()
    assert ticket.number not in client.get(reverse("tickets:callbacks")).content.decode()


def test_requesters_cannot_use_staff_intake_or_the_call_back_list(login, requester_a):
    client = login(requester_a)
    assert client.get(URL).status_code == 403
    assert client.get(reverse("tickets:callbacks")).status_code == 403


def test_call_back_done_is_post_only(login, technician, make_ticket, unit_a, hw):
    ticket = make_ticket(unit_a, hw, by=technician, channel=Channel.PHONE,
                         callback_due_at=timezone.now() + dt.timedelta(hours=1))
    assert login(technician).get(reverse("tickets:callback", args=[ticket.pk])).status_code == 405
