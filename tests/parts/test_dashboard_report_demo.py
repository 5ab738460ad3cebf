import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from helpdesk.dashboard import ReportScope, report_sections
from tickets.models import Status, Ticket
from tickets.parts.models import Disbursement, Item, Movement, PartRequest
from tickets.parts.services import (
    disbursement_create,
    disbursement_hand_over,
    part_request_create,
    part_request_transition,
)

pytestmark = pytest.mark.django_db


def test_the_stock_officer_sees_the_queue_counts_and_low_stock_on_the_home_page(
    login, ticket, technician, stock_officer, make_item
):
    make_item("PSU-450", "พาวเวอร์ซัพพลาย 450W", stock=1, uom="ตัว", reorder=2, by=stock_officer)
    part_request_create(ticket=ticket, by=technician, quantity=1, reason="x", description="บอร์ด")
    body = login(stock_officer).get(reverse("home")).content.decode()
    assert 'id="widget-parts-stock"' in body
    assert 'data-count="to_approve">1<' in body
    assert "พาวเวอร์ซัพพลาย 450W" in body
    assert 'id="widget-parts-stock"' not in login(technician).get(reverse("home")).content.decode()


def test_a_technician_sees_their_outstanding_part_requests(login, ticket, technician, requester_a):
    assert 'id="widget-parts-mine"' not in login(technician).get(reverse("home")).content.decode()
    part_request_create(ticket=ticket, by=technician, quantity=1, reason="x", description="พัดลม CPU")
    body = login(technician).get(reverse("home")).content.decode()
    assert 'id="widget-parts-mine"' in body and "พัดลม CPU" in body
    assert 'id="widget-parts-mine"' not in login(requester_a).get(reverse("home")).content.decode()


def test_the_report_section_counts_parts_used_and_consumables_disbursed(
    ticket, technician, stock_officer, ram, toner, unit_a, unit_b
):
    request = part_request_create(ticket=ticket, by=technician, quantity=2, reason="x", item=ram)
    for step in ("approved", "issued"):
        part_request_transition(part_request=request, to=step, by=stock_officer)
    part_request_transition(part_request=request, to="installed", by=technician)
    for unit, quantity in ((unit_a, 2), (unit_b, 1)):
        draft = disbursement_create(unit=unit, purpose="หมึก", lines=[(toner, quantity)], by=technician)
        disbursement_hand_over(disbursement=draft, by=technician, received_by_name="ผู้รับ")
    section = next(s for s in report_sections() if s.key == "parts")
    today = timezone.localdate()
    whole = section.build(ReportScope(start=today - dt.timedelta(days=1), end=today))
    assert [(r["item__code"], r["quantity"], r["cost"]) for r in whole["parts"]] == [
        ("RAM-DDR4-8", 2, Decimal("1900.00"))]
    assert {r["disbursement__unit__code"]: r["value"] for r in whole["by_unit"]} == {
        unit_a.code: Decimal("4780.00"), unit_b.code: Decimal("2390.00")}
    only_b = section.build(ReportScope(start=today, end=today, unit_ids=(unit_b.pk,)))
    assert only_b["parts"] == [] and [r["qty"] for r in only_b["by_unit"]] == [1]
    last_year = section.build(ReportScope(start=today - dt.timedelta(days=400), end=today - dt.timedelta(days=30)))
    assert last_year["parts"] == [] and last_year["by_unit"] == []
    header, rows = section.csv_rows(ReportScope(start=today, end=today))
    assert len(header) == 5 and len(rows) == 3


def test_demo_data_has_a_catalogue_stock_disbursements_and_requests_in_every_state():
    # The tickets demo (seeded first) leaves in-progress tickets for the part requests.
    call_command("seed_demo", verbosity=0)
    counts = (Item.objects.count(), Movement.objects.count(), Disbursement.objects.count(),
              PartRequest.objects.count())
    assert Item.objects.filter(name__contains="ตลับหมึก HP 85A").exists()
    assert Item.objects.filter(name__contains="ดรัม Brother DR-2355").exists()
    assert set(PartRequest.objects.values_list("status", flat=True)) == {
        "requested", "approved", "rejected", "issued", "procurement", "ordered", "received", "installed",
        "cancelled"}
    assert PartRequest.objects.overdue_orders().exists()
    assert Disbursement.objects.filter(status="handed_over").count() == 3 + 12  # the examples, then one a month
    assert Item.objects.at_or_below_reorder().exists()
    assert Ticket.objects.filter(status=Status.WAITING_PARTS).exists()
    call_command("seed_demo", verbosity=0)
    assert counts == (Item.objects.count(), Movement.objects.count(), Disbursement.objects.count(),
                      PartRequest.objects.count())
    call_command("seed_demo", movements=300, verbosity=0)
    call_command("seed_demo", movements=300, verbosity=0)
    assert Movement.objects.filter(reference__startswith="SCALE-").count() == 300
    assert not Item.objects.with_balance().filter(balance__lt=0).exists()
