import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from helpdesk.thai import fiscal_year
from tickets.parts.demo import scale_movements
from tickets.parts.models import Item, Movement
from tickets.parts.services import stock_adjust, stock_balance, stock_receive

pytestmark = pytest.mark.django_db


def _card(item):
    return reverse("parts:stock_card", args=[item.pk])


def _move_url(item, kind):
    return reverse("parts:record_movement", args=[item.pk, kind])


def test_the_stock_page_lists_balances_and_warns_at_the_reorder_level(login, technician, stock_officer, toner,
                                                                      make_item):
    drum = make_item("DR-BR2355", "ดรัม Brother DR-2355", stock=2, uom="ชิ้น", reorder=2, by=stock_officer)
    page = login(technician).get(reverse("parts:stock"))
    assert page.status_code == 200
    balances = {i.code: i.balance for i in page.context["page"]}
    assert balances == {"DR-BR2355": 2, "TN-HP85A": 10}
    assert [i.code for i in page.context["low_stock"]] == [drum.code]
    low_only = login(technician).get(reverse("parts:stock"), {"show": "low", "sort": "-balance"})
    assert [i.code for i in low_only.context["page"]] == ["DR-BR2355"]
    csv = login(technician).get(reverse("parts:stock"), {"format": "csv"}).content.decode("utf-8-sig")
    assert "ดรัม Brother DR-2355" in csv and "23900.00" in csv  # 10 × 2,390 on hand


def test_unit_users_do_not_see_the_stock(login, requester_a, toner):
    client = login(requester_a)
    assert client.get(reverse("parts:stock")).status_code == 403
    assert client.get(_card(toner)).status_code == 403
    assert client.post(_move_url(toner, "receipt"), {}).status_code == 403


def test_the_stock_officer_records_a_receipt(login, stock_officer, toner):
    response = login(stock_officer).post(_move_url(toner, "receipt"), {
        "receipt-quantity": "6", "receipt-vendor": "บริษัท เอชพี อินค์ (ประเทศไทย) จำกัด",
        "receipt-reference": "INV-2569/0456", "receipt-unit_cost": "2350.00"})
    assert response.status_code == 302
    assert stock_balance(toner) == 16
    movement = toner.movements.latest("pk")
    assert (movement.kind, movement.quantity, movement.reference, movement.created_by) == (
        "receipt", 6, "INV-2569/0456", stock_officer)


def test_an_adjustment_below_zero_is_refused_on_the_page(login, stock_officer, toner):
    response = login(stock_officer).post(_move_url(toner, "adjust"), {"adjust-delta": "-12",
                                                                      "adjust-reason": "ตรวจนับประจำปี"})
    assert response.status_code == 200
    assert "ต้องการ 12 ตลับ แต่มีคงเหลือเพียง 10 ตลับ" in response.content.decode()
    assert stock_balance(toner) == 10 and toner.movements.count() == 1


@pytest.mark.parametrize(
    ("kind", "data", "message"),
    [
        ("adjust", {"adjust-delta": "0", "adjust-reason": "x"}, "จำนวนที่ปรับต้องไม่เป็นศูนย์"),
        ("adjust", {"adjust-delta": "1", "adjust-reason": ""}, "ฟิลด์นี้จำเป็น"),
        ("receipt", {"receipt-quantity": "1", "receipt-vendor": "", "receipt-reference": "x"}, "ฟิลด์นี้จำเป็น"),
        ("receipt", {"receipt-quantity": "-3", "receipt-vendor": "x", "receipt-reference": "x"}, "1"),
        ("return", {"return-quantity": "1", "return-reason": ""}, "ฟิลด์นี้จำเป็น"),
    ],
)
def test_bad_ledger_input_is_refused_in_thai(login, stock_officer, toner, kind, data, message):
    response = login(stock_officer).post(_move_url(toner, kind), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert toner.movements.count() == 1


def test_only_the_stock_officer_writes_the_ledger(login, technician, toner):
    client = login(technician)
    assert client.post(_move_url(toner, "adjust"), {"adjust-delta": "5", "adjust-reason": "x"}).status_code == 403
    assert client.post(_move_url(toner, "receipt"), {"receipt-quantity": "5", "receipt-vendor": "x",
                                                     "receipt-reference": "x"}).status_code == 403
    assert client.get(_move_url(toner, "receipt")).status_code == 405
    assert toner.movements.count() == 1


def test_the_stock_card_runs_the_balance_within_a_fiscal_year(login, stock_officer, make_item):
    item = make_item("SSD-256", "SSD 256GB", uom="ลูก")
    last_year = fiscal_year(timezone.localdate()) - 1
    tz = timezone.get_current_timezone()
    in_last_year = dt.datetime(last_year - 543 - 1, 11, 1, 10, tzinfo=tz)  # November of the previous fiscal year
    stock_receive(item=item, quantity=10, vendor="ร้าน ก", reference="A1", by=stock_officer, at=in_last_year)
    stock_adjust(item=item, delta=-3, reason="ชำรุด", by=stock_officer, at=in_last_year + dt.timedelta(days=1))
    stock_receive(item=item, quantity=5, vendor="ร้าน ข", reference="A2", by=stock_officer)
    stock_adjust(item=item, delta=-2, reason="ตรวจนับ", by=stock_officer)

    current = login(stock_officer).get(_card(item))
    assert current.context["opening"] == 7
    assert [m.running for m in current.context["page"]] == [12, 10]
    assert (current.context["received"], current.context["issued"], current.context["closing"]) == (5, 2, 10)
    previous = login(stock_officer).get(_card(item), {"fy": str(last_year)})
    assert previous.context["opening"] == 0
    assert [m.running for m in previous.context["page"]] == [10, 7]
    assert login(stock_officer).get(_card(item), {"fy": "abc"}).context["year"] == fiscal_year(timezone.localdate())


def test_the_stock_card_pdf_and_its_preview(login, stock_officer, toner):
    client = login(stock_officer)
    response = client.get(reverse("parts:stock_card_pdf", args=[toner.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "TN-HP85A" in text and "INV-0001" in text
    preview = client.get(reverse("parts:stock_card_pdf", args=[toner.pk]), {"preview": "1"})
    assert 'data-closing="10"' in preview.content.decode()


def test_with_fifty_thousand_movements_the_pages_run_a_fixed_number_of_queries(
    login, stock_officer, make_item, django_assert_max_num_queries
):
    items = [make_item(f"IT-{n:02d}", f"รายการทดสอบ {n}", uom="ชิ้น", reorder=3) for n in range(25)]
    assert scale_movements(50_000, items=items, by=stock_officer) == 50_000
    assert scale_movements(50_000, items=items, by=stock_officer) == 0  # idempotent
    assert Movement.objects.count() == 50_000
    client = login(stock_officer)
    client.get(reverse("parts:stock"))  # warm the session and the user's roles
    with django_assert_max_num_queries(8):
        page = client.get(reverse("parts:stock"))
    ledger_sum = {i.pk: sum(Movement.objects.filter(item=i).values_list("quantity", flat=True)) for i in items[:3]}
    shown = {i.pk: i.balance for i in page.context["page"]}
    assert all(shown[pk] == total for pk, total in ledger_sum.items())
    assert all(balance >= 0 for balance in shown.values())
    year = fiscal_year(timezone.localdate()) - 1
    with django_assert_max_num_queries(12):
        card = client.get(_card(items[0]), {"fy": str(year), "page": "3"})
    rows = list(card.context["page"])
    assert len(rows) == 100
    before = Movement.objects.filter(item=items[0], at__lt=rows[0].at).values_list("quantity", flat=True)
    assert rows[0].running == sum(before) + rows[0].quantity
    assert Item.objects.with_balance().get(pk=items[0].pk).balance == sum(
        Movement.objects.filter(item=items[0]).values_list("quantity", flat=True))
