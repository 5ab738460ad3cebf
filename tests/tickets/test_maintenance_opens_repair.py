"""A maintenance result "needs repair" opens a repair ticket for the asset, linked both ways (002 §2 step ๓)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from assets.models import MaintenanceRecord
from tickets.models import Status, Ticket

pytestmark = pytest.mark.django_db


def record(client, asset, result, findings="พัดลมระบายความร้อนไม่หมุน"):
    return client.post(reverse("assets:maintenance_record", args=[asset.pk]), {
        "performed_on": timezone.localdate().isoformat(), "checks": "ทำความสะอาด ตรวจพัดลม",
        "findings": findings, "result": result}, follow=True)


def test_needs_repair_opens_a_linked_ticket(login, client, technician, asset_a, hw):
    login(technician)
    response = record(client, asset_a, "needs_repair")
    maintenance = MaintenanceRecord.objects.get()
    ticket = Ticket.objects.get()
    assert ticket.maintenance_record == maintenance and maintenance.repair_ticket == ticket
    assert (ticket.asset, ticket.unit, ticket.category.code, ticket.status) == (
        asset_a, asset_a.unit, "hw-computer", Status.NEW)
    assert "พัดลมระบายความร้อนไม่หมุน" in ticket.symptom and ticket.created_by == technician
    assert f"เปิดใบแจ้งซ่อม {ticket.number}" in response.content.decode()
    asset_page = client.get(reverse("assets:detail", args=[asset_a.pk])).content.decode()
    assert reverse("tickets:detail", args=[ticket.pk]) in asset_page
    ticket_page = client.get(reverse("tickets:detail", args=[ticket.pk])).content.decode()
    assert 'id="from-maintenance"' in ticket_page


def test_other_results_open_nothing(login, client, technician, asset_a, hw):
    login(technician)
    record(client, asset_a, "ok", findings="")
    record(client, asset_a, "fixed", findings="ฝุ่นมาก ทำความสะอาดแล้ว")
    assert MaintenanceRecord.objects.count() == 2 and not Ticket.objects.exists()


def test_an_open_ticket_of_the_asset_is_linked_instead_of_a_duplicate(login, client, technician, asset_a, hw,
                                                                      make_ticket, unit_a):
    existing = make_ticket(unit_a, hw, by=technician, asset=asset_a)
    login(technician)
    record(client, asset_a, "needs_repair")
    assert Ticket.objects.count() == 1
    existing.refresh_from_db()
    assert existing.maintenance_record == MaintenanceRecord.objects.get()
    assert existing.events.filter(note__contains="พัดลมระบายความร้อนไม่หมุน").exists()


def test_requesters_cannot_record_and_nothing_is_opened(login, client, requester_a, requester_b, asset_a, hw):
    login(requester_a)
    assert record(client, asset_a, "needs_repair").status_code == 403
    login(requester_b)
    assert record(client, asset_a, "needs_repair").status_code == 404
    assert not MaintenanceRecord.objects.exists() and not Ticket.objects.exists()
