import datetime as dt
import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection
from django.utils import timezone

from assets.models import Asset, AssetLoan
from assets.services import loan_create, loan_return
from tests.assets.conftest import make_asset

TOMORROW = timezone.localdate() + dt.timedelta(days=1)


def _lend(asset, unit, by, **extra):
    args = {"asset": asset, "borrower_unit": unit, "borrower_name": "สมศรี ใจดี", "purpose": "ใช้แทนเครื่องที่ส่งซ่อม",
            "due_date": TOMORROW, "by": by}
    args.update(extra)
    return loan_create(**args)


def test_lending_marks_the_asset_on_loan_and_returning_restores_its_status(spare_a, unit_b, technician):
    loan = _lend(spare_a, unit_b, technician)
    spare_a.refresh_from_db()
    assert spare_a.status == Asset.Status.ON_LOAN
    assert loan.previous_status == Asset.Status.SPARE and loan.lent_by == technician and loan.is_open
    assert spare_a.history.first().history_user == technician

    returned = loan_return(loan=loan, condition="สภาพดี ใช้งานได้", by=technician)
    spare_a.refresh_from_db()
    assert spare_a.status == Asset.Status.SPARE
    assert returned.returned_at is not None and returned.return_condition == "สภาพดี ใช้งานได้"
    assert returned.received_by == technician


def test_an_asset_on_loan_cannot_be_lent_again(spare_a, unit_b, technician):
    _lend(spare_a, unit_b, technician)
    with pytest.raises(ValidationError, match="อยู่ระหว่างการยืม"):
        _lend(spare_a, unit_b, technician)
    assert AssetLoan.objects.count() == 1


@pytest.mark.parametrize("status, reason", [
    (Asset.Status.DISPOSED, "จำหน่ายแล้ว"), (Asset.Status.RETIRED, "เลิกใช้งาน"), (Asset.Status.IN_REPAIR, "ส่งซ่อม"),
])
def test_unlendable_assets_are_refused(unit_a, unit_b, technician, status, reason):
    asset = make_asset(unit_a, status=status)
    with pytest.raises(ValidationError, match=reason):
        _lend(asset, unit_b, technician)
    asset.refresh_from_db()
    assert asset.status == status and not AssetLoan.objects.exists()


def test_a_past_due_date_is_refused(spare_a, unit_b, technician):
    with pytest.raises(ValidationError, match="ผ่านมาแล้ว"):
        _lend(spare_a, unit_b, technician, due_date=timezone.localdate() - dt.timedelta(days=1))
    assert not AssetLoan.objects.exists()


def test_a_loan_is_returned_only_once(spare_a, unit_b, technician):
    loan = _lend(spare_a, unit_b, technician)
    loan_return(loan=loan, condition="ปกติ", by=technician)
    with pytest.raises(ValidationError, match="รับคืนแล้ว"):
        loan_return(loan=loan, condition="ปกติ", by=technician)


def test_a_return_needs_the_condition(spare_a, unit_b, technician):
    loan = _lend(spare_a, unit_b, technician)
    with pytest.raises(ValidationError, match="สภาพ"):
        loan_return(loan=loan, condition="  ", by=technician)
    loan.refresh_from_db()
    assert loan.is_open


@pytest.mark.django_db(transaction=True)
def test_parallel_loans_of_one_asset_let_exactly_one_win(unit_a, unit_b, technician):
    asset = make_asset(unit_a, status=Asset.Status.SPARE)
    results = []
    barrier = threading.Barrier(4)

    def attempt(n):
        # The in-memory SQLite test database reports a busy table at once ("table is locked") instead of
        # waiting like a file database or PostgreSQL; retrying stands in for that wait.
        for _ in range(200):
            try:
                _lend(Asset.objects.get(pk=asset.pk), unit_b, technician, borrower_name=f"ผู้ยืม {n}")
                return "ok"
            except ValidationError:
                return "refused"
            except OperationalError as error:
                if "locked" not in str(error):
                    raise
                time.sleep(0.01)
        return "gave up"

    def worker(n):
        try:
            barrier.wait()
            results.append(attempt(n))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["ok", "refused", "refused", "refused"]
    assert AssetLoan.objects.filter(asset=asset).count() == 1
    asset.refresh_from_db()
    assert asset.status == Asset.Status.ON_LOAN
    assert AssetLoan.objects.get().previous_status == Asset.Status.SPARE
