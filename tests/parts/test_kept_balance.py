"""Item.on_hand, the balance the ledger service keeps (issue 23): always the sum of the item's ledger, and the
stock page and the stock officer's dashboard read it instead of the ledger."""

import datetime as dt
import importlib
import random

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tickets.parts.demo import scale_movements
from tickets.parts.models import Item, Movement
from tickets.parts.services import (
    disbursement_create,
    disbursement_hand_over,
    recount_on_hand,
    stock_adjust,
    stock_issue,
    stock_receive,
    stock_return,
)

pytestmark = pytest.mark.django_db


def _ledger_sums() -> dict[int, int]:
    sums = dict(Movement.objects.values("item").annotate(total=Sum("quantity")).values_list("item", "total"))
    return {pk: sums.get(pk, 0) for pk in Item.objects.values_list("pk", flat=True)}


def _kept() -> dict[int, int]:
    return dict(Item.objects.values_list("pk", "on_hand"))


def test_after_two_hundred_random_movements_the_kept_balance_is_the_sum_of_the_ledger(
    make_item, stock_officer, unit_a
):
    rng = random.Random(23)
    items = [make_item(f"IT-{n}", f"รายการ {n}", uom="ชิ้น", stock=rng.randint(0, 8), by=stock_officer)
             for n in range(5)]
    anchor = make_item("ANCHOR", "รายการอ้างอิงใบเบิก", stock=1, by=stock_officer)
    draft = disbursement_create(unit=unit_a, purpose="เบิกทดสอบ", lines=[(anchor, 1)], by=stock_officer)
    now = timezone.now()
    expected = {item.pk: item.current_balance() for item in items}
    done = refused = 0
    for step in range(200):
        item = rng.choice(items)
        quantity = rng.randint(1, 12)
        # Some movements are back-dated, so the check reads the later part of the card, not only the total.
        at = now - dt.timedelta(days=rng.randint(0, 20), minutes=step) if rng.random() < 0.3 else None
        operation = rng.choice(["receive", "issue", "return", "adjust", "disburse"])
        try:
            if operation == "receive":
                stock_receive(item=item, quantity=quantity, vendor="ร้านทดสอบ", reference=f"R-{step}",
                              by=stock_officer, at=at)
                delta = quantity
            elif operation == "issue":
                stock_issue(item=item, quantity=quantity, by=stock_officer, disbursement=draft, at=at)
                delta = -quantity
            elif operation == "return":
                stock_return(item=item, quantity=quantity, reason="หน่วยงานคืน", by=stock_officer, at=at)
                delta = quantity
            elif operation == "adjust":
                delta = quantity if rng.random() < 0.4 else -quantity
                stock_adjust(item=item, delta=delta, reason="ตรวจนับ", by=stock_officer, at=at)
            else:
                disbursement = disbursement_create(unit=unit_a, purpose="เบิกทดสอบ", lines=[(item, quantity)],
                                                   by=stock_officer)
                disbursement_hand_over(disbursement=disbursement, by=stock_officer, received_by_name="ผู้รับ",
                                       signed_at=at)
                delta = -quantity
        except ValidationError:
            refused += 1
            continue
        expected[item.pk] += delta
        done += 1
    assert done > 100 and refused > 20  # both paths were taken many times
    kept = _kept()
    assert kept == _ledger_sums()
    assert {pk: kept[pk] for pk in expected} == expected
    assert all(balance >= 0 for balance in expected.values())
    assert {i.pk: i.balance for i in Item.objects.with_balance().filter(pk__in=expected)} == expected
    assert all(item.current_balance() == expected[item.pk] for item in items)


def test_a_refused_issue_leaves_the_kept_balance_alone(toner, stock_officer, unit_a):
    draft = disbursement_create(unit=unit_a, purpose="หมึก", lines=[(toner, 1)], by=stock_officer)
    with pytest.raises(ValidationError):
        stock_issue(item=toner, quantity=11, by=stock_officer, disbursement=draft)
    assert Item.objects.get(pk=toner.pk).on_hand == 10


def test_saving_an_item_from_an_old_copy_keeps_the_balance(toner, stock_officer):
    stale = Item.objects.get(pk=toner.pk)
    stock_receive(item=toner, quantity=5, vendor="ร้าน", reference="R-1", by=stock_officer)
    stale.reorder_level = 7
    stale.save()
    fresh = Item.objects.get(pk=toner.pk)
    assert (fresh.on_hand, fresh.reorder_level) == (15, 7)


def test_the_database_refuses_a_negative_balance(toner):
    with pytest.raises(IntegrityError), transaction.atomic():
        Item.objects.filter(pk=toner.pk).update(on_hand=-1)


def test_the_bulk_benchmark_ledger_leaves_balances_equal_to_the_ledger(make_item, stock_officer, toner):
    items = [make_item(f"IT-{n:02d}", f"รายการทดสอบ {n}", uom="ชิ้น", stock=n, by=stock_officer) for n in range(6)]
    assert scale_movements(3_000, items=[*items, toner], by=stock_officer) == 3_000
    assert scale_movements(3_500, items=items[:2], by=stock_officer) == 500
    kept = _kept()
    assert kept == _ledger_sums()
    assert kept[toner.pk] != 10  # the bulk rows moved it


def test_the_migration_and_recount_set_every_balance_from_the_ledger_in_one_statement(
    make_item, stock_officer, toner
):
    empty = make_item("EMPTY", "ไม่มีรายการเคลื่อนไหว")
    stock_adjust(item=toner, delta=-4, reason="ตรวจนับ", by=stock_officer)
    Item.objects.update(on_hand=99)
    migration = importlib.import_module("tickets.parts.migrations.0003_item_on_hand")
    with CaptureQueriesContext(connection) as queries, connection.cursor() as cursor:
        cursor.execute(migration.BACK_FILL)
    assert len(queries) == 1
    assert _kept() == _ledger_sums() == {toner.pk: 6, empty.pk: 0}
    Item.objects.update(on_hand=99)
    with CaptureQueriesContext(connection) as queries:
        assert recount_on_hand() == 2
    assert len(queries) == 1
    assert _kept() == {toner.pk: 6, empty.pk: 0}


def _queries_of(client, url) -> list[str]:
    client.get(url)  # warm the session and the user's roles
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries.captured_queries]


@pytest.mark.parametrize("url_name", ["parts:stock", "home"])
def test_the_stock_page_and_dashboard_never_read_the_ledger_however_long_it_grows(
    login, stock_officer, make_item, url_name, django_assert_max_num_queries
):
    items = [make_item(f"IT-{n:02d}", f"รายการทดสอบ {n}", uom="ชิ้น", reorder=40, by=stock_officer)
             for n in range(10)]
    client = login(stock_officer)
    url = reverse(url_name)
    scale_movements(200, items=items, by=stock_officer)
    small = _queries_of(client, url)
    scale_movements(5_000, items=items, by=stock_officer)
    with django_assert_max_num_queries(7):
        client.get(url)
    large = _queries_of(client, url)
    assert len(large) == len(small)
    assert not [sql for sql in large if "parts_movement" in sql]
    assert len(small) <= 7
