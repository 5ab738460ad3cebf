import datetime as dt

from django.urls import reverse
from django.utils import timezone

from assets.models import Asset, AssetLoan
from tests.assets.conftest import make_asset

TODAY = timezone.localdate()


def lend_url(asset):
    return reverse("assets:lend", args=[asset.pk])


def loan_data(unit, **extra):
    data = {"borrower_unit": unit.pk, "borrower_name": "ประเสริฐ มั่นคง", "purpose": "ใช้แทนเครื่องที่ส่งซ่อม",
            "due_date": (TODAY + dt.timedelta(days=7)).isoformat()}
    data.update(extra)
    return data


def test_technician_lends_and_receives_back_a_spare(login, technician, spare_a, unit_b):
    client = login(technician)
    assert client.get(lend_url(spare_a)).status_code == 200
    response = client.post(lend_url(spare_a), loan_data(unit_b))
    assert response.status_code == 302
    loan = AssetLoan.objects.get()
    spare_a.refresh_from_db()
    assert spare_a.status == Asset.Status.ON_LOAN and loan.borrower_unit == unit_b and loan.lent_by == technician
    return_url = reverse("assets:loan_return", args=[loan.pk])
    assert client.post(return_url, {"condition": "สภาพดี"}).status_code == 302
    loan.refresh_from_db()
    spare_a.refresh_from_db()
    assert loan.return_condition == "สภาพดี" and loan.received_by == technician
    assert spare_a.status == Asset.Status.SPARE


def test_the_form_refuses_a_past_due_date_and_a_disposed_asset(login, technician, unit_a, unit_b, spare_a):
    client = login(technician)
    response = client.post(lend_url(spare_a), loan_data(unit_b, due_date=(TODAY - dt.timedelta(days=1)).isoformat()))
    assert response.status_code == 400 and "ต้องไม่เป็นวันที่ผ่านมาแล้ว" in response.content.decode()
    disposed = make_asset(unit_a, "7440-001-0300/2560", status=Asset.Status.DISPOSED)
    response = client.post(lend_url(disposed), loan_data(unit_b))
    assert response.status_code == 400 and "จำหน่ายแล้ว ให้ยืมไม่ได้" in response.content.decode()
    assert not AssetLoan.objects.exists()


def test_an_asset_already_on_loan_is_refused(login, technician, spare_a, unit_b):
    client = login(technician)
    client.post(lend_url(spare_a), loan_data(unit_b))
    response = client.post(lend_url(spare_a), loan_data(unit_b, borrower_name="อีกคน"))
    assert response.status_code == 400 and "อยู่ระหว่างการยืม" in response.content.decode()
    assert AssetLoan.objects.count() == 1


def test_requesters_cannot_lend_or_receive(login, requester_a, technician, spare_a, unit_b):
    assert login(requester_a).post(lend_url(spare_a), loan_data(unit_b)).status_code == 403
    login(technician).post(lend_url(spare_a), loan_data(unit_b))
    loan = AssetLoan.objects.get()
    response = login(requester_a).post(reverse("assets:loan_return", args=[loan.pk]), {"condition": "ดี"})
    assert response.status_code == 403
    loan.refresh_from_db()
    assert loan.is_open


def test_other_units_loans_are_404(login, requester_b, technician, spare_a, unit_a):
    login(technician).post(lend_url(spare_a), loan_data(unit_a))
    loan = AssetLoan.objects.get()
    assert login(requester_b).get(reverse("assets:loan_return", args=[loan.pk])).status_code == 404
    assert login(requester_b).get(lend_url(spare_a)).status_code == 404


def test_wrong_methods(login, technician, spare_a):
    assert login(technician).put(lend_url(spare_a)).status_code == 405
    assert login(technician).post(reverse("assets:loans")).status_code == 405


def test_the_loan_list_flags_overdue_loans(login, technician, requester_b, spare_a, unit_a, unit_b):
    late = make_asset(unit_a, "7440-001-0400/2566", status=Asset.Status.SPARE)
    AssetLoan.objects.create(asset=late, borrower_unit=unit_b, borrower_name="คนยืมนาน", purpose="ทดแทน",
                             lent_on=TODAY - dt.timedelta(days=30), due_date=TODAY - dt.timedelta(days=3),
                             previous_status="spare")
    AssetLoan.objects.create(asset=spare_a, borrower_unit=unit_a, borrower_name="คนยืมปกติ", purpose="ทดแทน",
                             due_date=TODAY + dt.timedelta(days=3), previous_status="spare")
    client = login(technician)
    body = client.get(reverse("assets:loans")).content.decode()
    assert "คนยืมนาน" in body and "คนยืมปกติ" in body and "เกินกำหนดคืน 1 รายการ" in body
    overdue = client.get(reverse("assets:loans") + "?state=overdue")
    assert [loan.borrower_name for loan in overdue.context["loans"]] == ["คนยืมนาน"]
    # The borrowing unit sees its own loan, not the other one.
    mine = login(requester_b).get(reverse("assets:loans")).context["loans"]
    assert [loan.borrower_name for loan in mine] == ["คนยืมนาน"]
