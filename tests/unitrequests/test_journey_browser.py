"""In real Chromium, at desktop and phone sizes: a unit user files a consumables request, their supervisor
approves it, the stock officer prepares the disbursement and records the hand-over; the stock goes down and the
request, its timeline and the unit's list show it."""

from decimal import Decimal
from pathlib import Path

import pytest

from helpdesk.roles import Role
from tests.conftest import PASSWORD, make_user
from tickets.parts.models import Disbursement, Item
from tickets.parts.services import stock_balance, stock_receive
from tickets.unitrequests.models import UnitRequest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path("/tmp/shots-e")


def sign_in(pg, live_server, username):
    pg.context.clear_cookies()
    pg.goto(f"{live_server.url}/accounts/login/")
    pg.fill("input[name=username]", username)
    pg.fill("input[name=password]", PASSWORD)
    pg.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    pg.wait_for_load_state()


def shot(pg, size, name):
    SHOTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"unitrequests-{size}-{name}.png"), full_page=True)


@pytest.mark.parametrize("size", ["page", "phone_page"])
def test_a_unit_asks_for_toner_the_supervisor_approves_and_the_stock_officer_hands_it_over(
        request, size, live_server, unit_a):
    pg = request.getfixturevalue(size)
    make_user("somsri", Role.REQUESTER, unit=unit_a, first_name="สมศรี", last_name="ใจดี")
    make_user("malee", Role.SUPERVISOR, Role.REQUESTER, unit=unit_a, first_name="มาลี", last_name="ผู้นำ")
    officer = make_user("wandee", Role.STOCK_OFFICER, unit=unit_a, first_name="วันดี", last_name="พัสดุ")
    toner = Item.objects.create(code="TN-HP85A", name="ตลับหมึก HP 85A", unit_of_measure="ตลับ",
                                standard_cost=Decimal("2390.00"), kind=Item.Kind.CONSUMABLE)
    mouse = Item.objects.create(code="MS-USB", name="เมาส์ USB", unit_of_measure="ตัว",
                                standard_cost=Decimal("250.00"), kind=Item.Kind.CONSUMABLE)
    stock_receive(item=toner, quantity=10, vendor="บริษัท ไอทีซัพพลาย จำกัด", reference="INV-1", by=officer)
    stock_receive(item=mouse, quantity=5, vendor="บริษัท ไอทีซัพพลาย จำกัด", reference="INV-1", by=officer)

    # The unit user files the request; a line with quantity 0 is refused first and nothing is lost.
    sign_in(pg, live_server, "somsri")
    pg.goto(f"{live_server.url}/unit-requests/")
    pg.click("#new-consumables")
    pg.fill("textarea[name=purpose]", "เปลี่ยนตลับหมึกเครื่องพิมพ์งานทะเบียน")
    pg.select_option("select[name=lines-0-item]", str(toner.pk))
    pg.fill("input[name=lines-0-quantity]", "0")
    pg.fill("input[name=lines-1-description]", "เมาส์สำหรับเคาน์เตอร์บริการ")
    pg.fill("input[name=lines-1-quantity]", "1")
    pg.click("#submit-request")
    assert "จำนวนต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป" in pg.inner_text("#unit-request-form")
    assert pg.input_value("textarea[name=purpose]") == "เปลี่ยนตลับหมึกเครื่องพิมพ์งานทะเบียน"
    assert not UnitRequest.objects.exists()
    shot(pg, size, "1-form-error")
    pg.fill("input[name=lines-0-quantity]", "2")
    pg.click("#submit-request")
    pg.wait_for_selector("#events")
    obj = UnitRequest.objects.get()
    assert obj.status == "submitted" and obj.lines.count() == 2
    shot(pg, size, "2-submitted")

    # The supervisor approves.
    sign_in(pg, live_server, "malee")
    pg.wait_for_selector("#widget-unitrequests")
    pg.click("#widget-unitrequests [data-count=to_approve]")
    pg.click(f"[data-ref='{obj.reference}']")
    shot(pg, size, "3-to-approve")
    pg.fill("#approve-form textarea[name=note]", "อนุมัติ")
    pg.click("#approve-button")
    pg.wait_for_selector(".alert-success")
    obj.refresh_from_db()
    assert obj.status == "approved"

    # The stock officer prepares the disbursement (the free-text line is given out as the USB mouse) and records
    # the hand-over on the disbursement's page.
    sign_in(pg, live_server, "wandee")
    pg.goto(f"{live_server.url}/unit-requests/{obj.pk}/")
    line = obj.lines.get(description="เมาส์สำหรับเคาน์เตอร์บริการ")
    pg.select_option(f"select[name=line_{line.pk}]", str(mouse.pk))
    shot(pg, size, "4-prepare")
    pg.click("#prepare-button")
    pg.wait_for_selector("#go-disbursement")
    pg.click("#go-disbursement")
    pg.wait_for_selector("#hand-over-form")
    assert obj.reference in pg.inner_text("#source-links")
    pg.fill("input[name=received_by_name]", "นางสาวสมศรี ใจดี")
    pg.click("button:has-text('ส่งมอบและตัดยอดคลัง')")
    pg.wait_for_selector("#received-by")
    assert stock_balance(toner) == 8 and stock_balance(mouse) == 4
    pg.click(f"#source-links a:has-text('{obj.reference}')")
    pg.wait_for_selector("#disbursement-link")
    assert "ส่งมอบแล้ว" in pg.inner_text("h1")
    assert Disbursement.objects.get().number in pg.inner_text("#disbursement-link")
    shot(pg, size, "5-fulfilled")

    # The requester's list shows the request delivered.
    sign_in(pg, live_server, "somsri")
    pg.goto(f"{live_server.url}/unit-requests/")
    assert pg.get_attribute(f"[data-ref='{obj.reference}'] [data-status]", "data-status") == "fulfilled"
    shot(pg, size, "6-list")
    obj.refresh_from_db()
    assert obj.status == "fulfilled"
    assert [e.to_status for e in obj.events.all()] == ["submitted", "approved", "preparing", "fulfilled"]


@pytest.mark.parametrize("size", ["page", "phone_page"])
def test_a_unit_borrows_a_notebook_and_a_technician_lends_a_spare_one(request, size, live_server, unit_a):
    import datetime as dt

    from django.utils import timezone

    from assets.models import Asset, AssetLoan
    from tickets.unitrequests.services import unit_request_approve

    pg = request.getfixturevalue(size)
    make_user("somsri", Role.REQUESTER, unit=unit_a, first_name="สมศรี", last_name="ใจดี")
    malee = make_user("malee", Role.SUPERVISOR, unit=unit_a, first_name="มาลี", last_name="ผู้นำ")
    make_user("weera", Role.TECHNICIAN, unit=unit_a, first_name="วีระ", last_name="ช่างซ่อม")
    spare = Asset.objects.create(asset_number="7440-001-0099/2567", asset_type=Asset.Type.NOTEBOOK, brand="Lenovo",
                                 model_name="ThinkPad E14", unit=unit_a, status=Asset.Status.SPARE)
    today = timezone.localdate()
    start, end = today + dt.timedelta(days=2), today + dt.timedelta(days=1)

    def be(day):
        return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"

    sign_in(pg, live_server, "somsri")
    pg.goto(f"{live_server.url}/unit-requests/new/?kind=loan")
    pg.select_option("select[name=equipment_type]", "notebook")
    pg.fill("input[name=equipment_detail]", "โน้ตบุ๊กพร้อมสาย HDMI")
    pg.fill("input[name=loan_from]", be(start))
    pg.fill("input[name=loan_until]", be(end))
    pg.locator("h1").click()  # leave the field: the B.E. calendar closes
    pg.fill("textarea[name=purpose]", "นำเสนอผลงานในการประชุมประจำเดือน")
    pg.click("#submit-request")
    assert "วันที่ส่งคืนต้องไม่ก่อนวันที่เริ่มยืม" in pg.inner_text("#unit-request-form")
    shot(pg, size, "7-loan-form-error")
    pg.fill("input[name=loan_until]", be(start + dt.timedelta(days=3)))
    pg.locator("h1").click()
    pg.click("#submit-request")
    pg.wait_for_selector("#loan-dates")
    obj = UnitRequest.objects.get()
    assert (obj.loan_from, obj.loan_until) == (start, start + dt.timedelta(days=3))
    unit_request_approve(request=obj, by=malee)

    sign_in(pg, live_server, "weera")
    pg.goto(f"{live_server.url}/unit-requests/{obj.pk}/")
    pg.select_option("select[name=asset]", str(spare.pk))
    shot(pg, size, "8-lend")
    pg.click("#lend-button")
    pg.wait_for_selector("#loan-link")
    assert spare.asset_number in pg.inner_text("#loan-link")
    shot(pg, size, "9-lent")
    loan = AssetLoan.objects.get()
    assert loan.due_date == obj.loan_until and Asset.objects.get(pk=spare.pk).status == Asset.Status.ON_LOAN
    pg.click("#loan-link a")
    assert obj.reference in pg.inner_text("#asset-unit-requests")
