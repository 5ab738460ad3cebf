import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from tickets.parts.models import Disbursement, Item, Movement
from tickets.parts.services import (
    disbursement_create,
    disbursement_hand_over,
    stock_adjust,
    stock_balance,
    stock_receive,
    stock_return,
)


@pytest.mark.django_db
def test_the_balance_is_the_sum_of_the_ledger(toner, stock_officer):
    stock_receive(item=toner, quantity=4, vendor="บริษัท เอชพี", reference="IV-77", by=stock_officer)
    stock_adjust(item=toner, delta=-1, reason="ตรวจนับพบตลับชำรุด", by=stock_officer)
    stock_return(item=toner, quantity=2, reason="หน่วยงานคืนของเหลือ", by=stock_officer)
    assert stock_balance(toner) == 15
    assert Item.objects.with_balance().get(pk=toner.pk).balance == 15
    assert list(toner.movements.values_list("kind", "quantity")) == [
        ("receipt", 10), ("receipt", 4), ("adjustment", -1), ("return", 2)
    ]


@pytest.mark.django_db
def test_an_adjustment_below_zero_is_refused_with_the_available_quantity(toner, stock_officer):
    with pytest.raises(ValidationError) as error:
        stock_adjust(item=toner, delta=-11, reason="ตรวจนับ", by=stock_officer)
    assert "มีคงเหลือเพียง 10 ตลับ" in error.value.messages[0]
    assert stock_balance(toner) == 10
    assert toner.movements.count() == 1


@pytest.mark.django_db
def test_only_the_stock_officer_adjusts_and_always_with_a_reason(toner, technician, stock_officer):
    with pytest.raises(PermissionDenied):
        stock_adjust(item=toner, delta=1, reason="นับเกิน", by=technician)
    with pytest.raises(ValidationError):
        stock_adjust(item=toner, delta=1, reason="  ", by=stock_officer)
    assert toner.movements.count() == 1


@pytest.mark.django_db
def test_a_receipt_needs_a_vendor_reference_and_a_positive_quantity(toner, stock_officer):
    for kwargs in ({"vendor": "", "reference": "X"}, {"vendor": "ร้าน", "reference": ""}):
        with pytest.raises(ValidationError):
            stock_receive(item=toner, quantity=1, by=stock_officer, **kwargs)
    with pytest.raises(ValidationError):
        stock_receive(item=toner, quantity=0, vendor="ร้าน", reference="X", by=stock_officer)
    assert toner.movements.count() == 1


def _in_parallel(target, count: int) -> list:
    barrier = threading.Barrier(count)
    results: list = []
    lock = threading.Lock()

    def run(index):
        try:
            barrier.wait()
            outcome = target(index)
        except ValidationError as error:
            outcome = error
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_issues_against_a_stock_of_ten_issue_exactly_ten(make_item, stock_officer, unit_a, technician):
    mouse = make_item("MS-USB", "เมาส์ USB", stock=10, uom="ตัว", cost="250.00", by=stock_officer)
    drafts = [
        disbursement_create(unit=unit_a, purpose=f"เปลี่ยนเมาส์เครื่องที่ {i + 1}", lines=[(mouse, 1)], by=technician)
        for i in range(20)
    ]

    def hand_over(index):
        return disbursement_hand_over(disbursement=Disbursement.objects.get(pk=drafts[index].pk), by=stock_officer,
                                      received_by_name=f"ผู้รับ {index}")

    results = _in_parallel(hand_over, 20)

    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(refused) == 10
    assert all("มีคงเหลือเพียง 0 ตัว" in r.messages[0] for r in refused)
    assert Disbursement.objects.filter(status="handed_over").count() == 10
    assert Movement.objects.filter(item=mouse, kind="issue").count() == 10
    assert stock_balance(mouse) == 0
