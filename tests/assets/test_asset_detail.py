import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from assets.models import Asset, AssetLoan, MaintenanceRecord
from assets.sections import register_asset_section, unregister_asset_section
from tests.assets.conftest import make_asset


def url(asset, name="assets:detail"):
    return reverse(name, args=[asset.pk])


def test_the_page_shows_details_flags_and_qr(login, technician, asset_a):
    response = login(technician).get(url(asset_a))
    assert response.status_code == 200
    body = response.content.decode()
    assert asset_a.asset_number in body and "อยู่ในประกัน" in body and "ประกันจะหมดใน 60 วัน" in body
    assert f"http://testserver/assets/{asset_a.pk}/?from=qr" in body or f"/assets/{asset_a.pk}/?from=qr" in body
    assert "<svg" in body


def test_another_units_asset_is_a_404(login, requester_a, asset_b):
    assert login(requester_a).get(url(asset_b)).status_code == 404
    assert login(requester_a).get(url(asset_b, "assets:report")).status_code == 404


def test_a_user_without_unit_sees_nothing(login, asset_a):
    from tests.conftest import make_user

    nobody = make_user("nobody", "requester")
    assert login(nobody).get(url(asset_a)).status_code == 404


def test_post_is_not_allowed(login, technician, asset_a):
    assert login(technician).post(url(asset_a)).status_code == 405


def test_licence_keys_only_for_service_staff(login, technician, requester_a, unit_a):
    asset = make_asset(unit_a, asset_type=Asset.Type.SOFTWARE, brand="Microsoft", model_name="Office 2021",
                       licence_key="ABCDE-12345-SECRET")
    assert "ABCDE-12345-SECRET" in login(technician).get(url(asset)).content.decode()
    assert "ABCDE-12345-SECRET" not in login(requester_a).get(url(asset)).content.decode()


def test_history_shows_who_changed_which_fields(login, technician, asset_a):
    client = login(technician)
    data = {field: getattr(asset_a, field) or "" for field in (
        "asset_number", "asset_type", "brand", "model_name", "serial_number", "specification", "location",
        "custodian", "acquisition", "vendor_name", "vendor_contact", "licence_key", "status", "notes")}
    data.update(unit=asset_a.unit_id, warranty_end=asset_a.warranty_end.isoformat(), location="ห้องทะเบียน ชั้น 2",
                status=Asset.Status.IN_REPAIR)
    assert client.post(url(asset_a, "assets:edit"), data).status_code == 302
    body = client.get(url(asset_a)).content.decode()
    history = body[body.index('id="asset-history"'):]
    assert "วีระ ช่างซ่อม" in history
    assert "สถานที่ตั้ง" in history and "ห้องทะเบียน ชั้น 2" in history
    assert "ใช้งาน" in history and "ส่งซ่อม" in history


def test_registered_sections_render_on_the_page(login, technician, asset_a, tmp_path, settings):
    templates = tmp_path / "tpl"
    (templates / "extra").mkdir(parents=True)
    (templates / "extra" / "_repairs.html").write_text('<div id="repairs">งานซ่อม {{ section.count }} รายการ</div>')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [templates, *settings.TEMPLATES[0]["DIRS"]]}]
    register_asset_section("extra/_repairs.html", lambda request, asset: {"count": asset.pk * 0 + 3})
    try:
        body = login(technician).get(url(asset_a)).content.decode()
    finally:
        unregister_asset_section("extra/_repairs.html")
    assert '<div id="repairs">งานซ่อม 3 รายการ</div>' in body


def test_a_requester_scanning_the_label_lands_on_the_report_page(login, requester_a, technician, asset_a):
    response = login(requester_a).get(url(asset_a) + "?from=qr")
    assert response.status_code == 302 and response["Location"] == url(asset_a, "assets:report")
    page = login(requester_a).get(response["Location"]).content.decode()
    assert asset_a.asset_number in page and "แจ้งปัญหาของครุภัณฑ์นี้" in page
    # Staff scanning the same label get the full page.
    assert login(technician).get(url(asset_a) + "?from=qr").status_code == 200


def test_report_page_links_to_ticket_intake_when_it_exists(login, requester_a, asset_a, team_a):
    from django.urls import NoReverseMatch

    body = login(requester_a).get(url(asset_a, "assets:report")).content.decode()
    try:
        create_url = reverse("tickets:create")
    except NoReverseMatch:
        assert 'id="report-contact"' in body and team_a.name in body
    else:
        assert f"{create_url}?asset={asset_a.pk}" in body


@pytest.mark.parametrize("rows", [5, 60])
def test_the_page_runs_a_fixed_number_of_queries(login, technician, unit_a, unit_b, spare_a, rows,
                                                  django_assert_max_num_queries):
    today = timezone.localdate()
    AssetLoan.objects.bulk_create([
        AssetLoan(asset=spare_a, borrower_unit=unit_b, borrower_name=f"ผู้ยืม {n}", purpose="ทดแทน",
                  lent_on=today - dt.timedelta(days=n + 5), due_date=today - dt.timedelta(days=n),
                  previous_status="spare", returned_at=timezone.now(), return_condition="ปกติ", lent_by=technician,
                  received_by=technician)
        for n in range(rows)
    ])
    MaintenanceRecord.objects.bulk_create([
        MaintenanceRecord(asset=spare_a, performed_on=today, checks="ทำความสะอาด", performed_by=technician)
        for _ in range(rows)
    ])
    for n in range(min(rows, 40)):
        spare_a.location = f"ห้อง {n}"
        spare_a.save()
    client = login(technician)
    with django_assert_max_num_queries(12):
        assert client.get(url(spare_a)).status_code == 200
