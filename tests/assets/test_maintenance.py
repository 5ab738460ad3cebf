import datetime as dt

from django.urls import reverse
from django.utils import timezone

from assets.models import Asset, MaintenancePlanItem, MaintenanceRecord
from helpdesk.thai import fiscal_year
from tests.assets.conftest import make_asset

PLAN = reverse("assets:maintenance_plan")
TODAY = timezone.localdate()
YEAR = fiscal_year(TODAY)


def plan_item(unit, month, asset_type=Asset.Type.COMPUTER, year=YEAR):
    return MaintenancePlanItem.objects.create(fiscal_year=year, month=month, unit=unit, asset_type=asset_type,
                                              checklist="ทำความสะอาดภายในเครื่อง\nตรวจสอบพัดลมระบายความร้อน")


def test_it_head_adds_a_plan_line(login, it_head, unit_a):
    response = login(it_head).post(reverse("assets:plan_item_new"), {
        "fiscal_year": YEAR, "month": 1, "unit": unit_a.pk, "asset_type": "printer", "checklist": "ล้างหัวพิมพ์"})
    assert response.status_code == 302
    item = MaintenancePlanItem.objects.get()
    assert (item.fiscal_year, item.month, item.unit, item.created_by) == (YEAR, 1, unit_a, it_head)


def test_a_duplicate_plan_line_is_refused_in_thai(login, it_head, unit_a):
    plan_item(unit_a, 1)
    response = login(it_head).post(reverse("assets:plan_item_new"), {
        "fiscal_year": YEAR, "month": 1, "unit": unit_a.pk, "asset_type": "computer"})
    assert response.status_code == 400 and "มีอยู่แล้ว" in response.content.decode()
    assert MaintenancePlanItem.objects.count() == 1


def test_technicians_cannot_plan_and_requesters_cannot_see_the_plan(login, technician, requester_a, unit_a):
    assert login(technician).get(reverse("assets:plan_item_new")).status_code == 403
    assert login(requester_a).get(PLAN).status_code == 403
    item = plan_item(unit_a, 1)
    assert login(requester_a).get(reverse("assets:plan_item", args=[item.pk])).status_code == 403
    assert login(technician).post(reverse("assets:plan_item_delete", args=[item.pk])).status_code == 403
    assert login(technician).get(reverse("assets:plan_item_delete", args=[item.pk])).status_code == 405


def test_technician_records_maintenance_against_the_plan(login, technician, unit_a):
    asset = make_asset(unit_a)
    item = plan_item(unit_a, TODAY.month)
    client = login(technician)
    url = reverse("assets:maintenance_record", args=[asset.pk])
    form = client.get(url)
    assert "ตรวจสอบพัดลมระบายความร้อน" in form.content.decode()
    response = client.post(url, {"performed_on": TODAY.isoformat(), "checks": "ทำความสะอาด", "findings": "ฝุ่นมาก",
                                 "result": "fixed", "item": item.pk})
    assert response.status_code == 302
    record = MaintenanceRecord.objects.get()
    assert record.plan_item == item and record.performed_by == technician and record.findings == "ฝุ่นมาก"


def test_a_future_date_is_refused(login, technician, asset_a):
    response = login(technician).post(reverse("assets:maintenance_record", args=[asset_a.pk]), {
        "performed_on": (TODAY + dt.timedelta(days=2)).isoformat(), "checks": "x", "result": "ok"})
    assert response.status_code == 400 and "อนาคต" in response.content.decode()
    assert not MaintenanceRecord.objects.exists()


def test_requesters_cannot_record_and_other_units_are_404(login, requester_a, requester_b, asset_a):
    url = reverse("assets:maintenance_record", args=[asset_a.pk])
    assert login(requester_a).get(url).status_code == 403
    assert login(requester_b).get(url).status_code == 404


def test_the_plan_shows_done_versus_due_and_overdue_lines(login, technician, it_head, unit_a, unit_b):
    past_month = (TODAY.replace(day=1) - dt.timedelta(days=1))
    past_year = fiscal_year(past_month)
    done_asset, missed_asset = make_asset(unit_a, "7440-001-0001/2566"), make_asset(unit_a, "7440-001-0002/2566")
    make_asset(unit_a, "7440-001-0003/2566", status=Asset.Status.DISPOSED)  # not due any more
    item = plan_item(unit_a, past_month.month, year=past_year)
    MaintenanceRecord.objects.create(asset=done_asset, plan_item=item, performed_on=past_month, checks="ok",
                                     performed_by=technician)
    response = login(it_head).get(f"{PLAN}?year={past_year}")
    assert response.status_code == 200
    assert [(i.done_count, i.due_count, i.overdue) for i in response.context["overdue_items"]] == [(1, 2, True)]
    body = response.content.decode()
    assert "ค้างดำเนินการ" in body and "(1/2)" in body
    detail = login(it_head).get(reverse("assets:plan_item", args=[item.pk]))
    rows = {row["asset"].asset_number: row["record"] for row in detail.context["rows"]}
    assert rows[done_asset.asset_number] is not None and rows[missed_asset.asset_number] is None


def test_deleting_a_plan_line_with_records_is_refused(login, it_head, technician, unit_a, asset_a):
    item = plan_item(unit_a, 1)
    MaintenanceRecord.objects.create(asset=asset_a, plan_item=item, checks="ok", performed_by=technician)
    login(it_head).post(reverse("assets:plan_item_delete", args=[item.pk]))
    assert MaintenancePlanItem.objects.filter(pk=item.pk).exists()
    empty = plan_item(unit_a, 2)
    login(it_head).post(reverse("assets:plan_item_delete", args=[empty.pk]))
    assert not MaintenancePlanItem.objects.filter(pk=empty.pk).exists()
