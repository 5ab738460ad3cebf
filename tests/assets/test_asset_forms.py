from django.urls import reverse

from assets.models import Asset

CREATE = reverse("assets:create")


def form_data(unit, **extra):
    data = {"asset_number": "7440-001-0777/2567", "asset_type": "printer", "brand": "Epson", "model_name": "L3250",
            "serial_number": "X8ZK123456", "unit": unit.pk, "acquisition": "purchase", "status": "in_use",
            "price": "5290.00", "budget_year": "2567", "acquired_date": "2024-03-15", "warranty_end": "2026-03-15"}
    data.update(extra)
    return data


def test_stock_officer_creates_an_asset(login, stock_officer, unit_a):
    response = login(stock_officer).post(CREATE, form_data(unit_a))
    asset = Asset.objects.get(asset_number="7440-001-0777/2567")
    assert response.status_code == 302 and response["Location"] == reverse("assets:detail", args=[asset.pk])
    assert asset.unit == unit_a and str(asset.price) == "5290.00" and asset.budget_year == 2567
    assert asset.history.get().history_user == stock_officer


def test_requesters_may_not_create_or_edit(login, requester_a, asset_a, unit_a):
    client = login(requester_a)
    assert client.get(CREATE).status_code == 403
    assert client.post(CREATE, form_data(unit_a)).status_code == 403
    assert client.post(reverse("assets:edit", args=[asset_a.pk]), form_data(unit_a)).status_code == 403
    assert not Asset.objects.filter(asset_number="7440-001-0777/2567").exists()


def test_editing_another_units_asset_as_a_requester_is_a_404(login, requester_a, asset_b, unit_b):
    assert login(requester_a).get(reverse("assets:edit", args=[asset_b.pk])).status_code == 404


def test_wrong_method(login, technician, asset_a):
    assert login(technician).put(CREATE).status_code == 405
    assert login(technician).delete(reverse("assets:edit", args=[asset_a.pk])).status_code == 405


def test_bad_asset_number_and_duplicate_are_refused_in_thai(login, technician, asset_a, unit_a):
    client = login(technician)
    response = client.post(CREATE, form_data(unit_a, asset_number="7440-1-1/66"))
    assert response.status_code == 200
    assert "รูปแบบ 7440-001-0001/2566" in response.content.decode()
    response = client.post(CREATE, form_data(unit_a, asset_number=asset_a.asset_number))
    assert "เลขครุภัณฑ์นี้มีอยู่ในทะเบียนแล้ว" in response.content.decode()
    assert Asset.objects.count() == 1


def test_inconsistent_dates_and_prices_are_refused(login, technician, unit_a):
    response = login(technician).post(CREATE, form_data(
        unit_a, warranty_end="2020-01-01", price="-5", lease_end="2027-01-01", budget_year="2024"))
    body = response.content.decode()
    assert "ต้องไม่ก่อนวันที่ได้มา" in body and "ราคาต้องไม่ติดลบ" in body
    assert "เฉพาะครุภัณฑ์ที่ได้มาโดยการเช่า" in body and "ปี พ.ศ." in body
    assert not Asset.objects.exists()


def test_on_loan_status_only_comes_from_a_loan(login, technician, unit_a):
    response = login(technician).post(CREATE, form_data(unit_a, status="on_loan"))
    assert "ตั้งได้จากการบันทึกการยืมเท่านั้น" in response.content.decode()
    assert not Asset.objects.exists()


def test_technician_edits_an_asset(login, technician, asset_a, unit_b):
    response = login(technician).post(reverse("assets:edit", args=[asset_a.pk]), form_data(
        unit_b, asset_number=asset_a.asset_number, status="in_repair"))
    assert response.status_code == 302
    asset_a.refresh_from_db()
    assert asset_a.unit == unit_b and asset_a.status == Asset.Status.IN_REPAIR and asset_a.brand == "Epson"
