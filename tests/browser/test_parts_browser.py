"""A stock officer records a receipt and a disbursement to a unit in real Chromium, and sees the balance."""

from decimal import Decimal

import pytest

from helpdesk.roles import Role
from tests.conftest import PASSWORD, make_user
from tickets.parts.models import Disbursement, Item
from tickets.parts.services import stock_balance, stock_receive

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_stock_officer_receives_toner_and_disburses_it_to_a_unit(sign_in, page, live_server, unit_a):
    officer = make_user("wandee", Role.STOCK_OFFICER, unit=unit_a, first_name="วันดี", last_name="พัสดุ")
    toner = Item.objects.create(code="TN-HP85A", name="ตลับหมึก HP 85A", unit_of_measure="ตลับ",
                                standard_cost=Decimal("2390.00"), reorder_level=3, kind=Item.Kind.CONSUMABLE)
    stock_receive(item=toner, quantity=2, vendor="บริษัท ไอที ซิตี้ จำกัด", reference="IV-1", by=officer)

    sign_in("wandee", PASSWORD)
    page.wait_for_selector("#widget-parts-stock")
    assert "ตลับหมึก HP 85A" in page.inner_text("#widget-parts-stock")  # 2 ≤ reorder level 3

    page.goto(f"{live_server.url}/parts/")
    page.click("text=TN-HP85A")
    assert page.inner_text("#current-balance") == "2"
    page.click("#receipt-panel summary")
    page.fill("input[name=receipt-quantity]", "10")
    page.fill("input[name=receipt-vendor]", "บริษัท เอชพี อินค์ (ประเทศไทย) จำกัด")
    page.fill("input[name=receipt-reference]", "INV-2569/0456")
    page.click("button:has-text('บันทึกรับเข้า')")
    page.wait_for_selector(".alert-success")
    assert page.inner_text("#current-balance") == "12"
    assert "INV-2569/0456" in page.inner_text("#stock-card-table")

    page.goto(f"{live_server.url}/parts/disbursements/new/")
    page.select_option("select[name=unit]", str(unit_a.pk))
    page.fill("input[name=purpose]", "เปลี่ยนตลับหมึกเครื่องพิมพ์งานทะเบียน")
    page.select_option("select[name=lines-0-item]", str(toner.pk))
    page.fill("input[name=lines-0-quantity]", "15")
    page.click("button:has-text('บันทึกใบเบิก')")
    assert "มีคงเหลือเพียง 12 ตลับ" in page.inner_text("main")  # refused, with what is on hand
    page.fill("input[name=lines-0-quantity]", "4")
    page.click("button:has-text('บันทึกใบเบิก')")
    page.wait_for_selector("#hand-over-form")
    page.fill("input[name=received_by_name]", "นางสาวพรทิพย์ แสงทอง")
    page.fill("input[name=received_by_position]", "เจ้าพนักงานปกครองชำนาญงาน")
    page.click("button:has-text('ส่งมอบและตัดยอดคลัง')")
    page.wait_for_selector("#received-by")
    assert page.get_attribute("#disbursement-status", "data-status") == "handed_over"
    assert "พรทิพย์" in page.inner_text("#received-by")

    page.goto(f"{live_server.url}/parts/items/{toner.pk}/")
    assert page.inner_text("#current-balance") == "8"
    assert Disbursement.objects.get().number in page.inner_text("#stock-card-table")
    assert stock_balance(toner) == 8
