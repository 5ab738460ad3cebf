import pytest

from assets.models import Asset
from helpdesk.roles import Role
from tests.conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADER = "เลขครุภัณฑ์,ประเภท,ยี่ห้อ,รุ่น,รหัสหน่วยงาน,วันที่ได้มา,ราคา\n"


def test_stock_officer_fixes_a_bad_row_imports_and_prints_labels(sign_in, page, live_server, unit_a, tmp_path):
    make_user("wandee", Role.STOCK_OFFICER, unit=unit_a, first_name="วันดี", last_name="พัสดุ")
    bad = tmp_path / "assets.csv"
    bad.write_text("\ufeff" + HEADER
                   + f"7440-001-0001/2566,เครื่องคอมพิวเตอร์,Dell,OptiPlex 7010,{unit_a.code},15/03/2566,25900\n"
                   + f"7440-001-0002/2566,เครื่องพิมพ์,Epson,L3250,{unit_a.code},31/02/2566,5290\n",
                   encoding="utf-8")
    sign_in("wandee", PASSWORD)
    page.click("#nav-assets")  # the "ครุภัณฑ์" dropdown of the main menu
    page.click("nav >> text=ทะเบียนครุภัณฑ์")
    page.click("text=นำเข้าจากไฟล์ CSV")
    page.set_input_files("#id_file", str(bad))
    page.click("#check-import")
    errors = page.inner_text("#import-errors")
    assert "ยังไม่ได้นำเข้าข้อมูลใด ๆ" in errors
    assert "3" in page.inner_text("#import-error-table tbody tr td:first-child")
    assert "วันที่ “31/02/2566” ไม่ถูกต้อง" in errors
    assert Asset.objects.count() == 0

    fixed = tmp_path / "assets-fixed.csv"
    fixed.write_text(bad.read_text(encoding="utf-8").replace("31/02/2566", "28/02/2566"), encoding="utf-8")
    page.set_input_files("#id_file", str(fixed))
    page.click("#check-import")
    assert "ข้อมูลถูกต้องทั้ง 2 รายการ" in page.inner_text("#import-ready")
    page.click("#confirm-import")
    assert "นำเข้าครุภัณฑ์ 2 รายการแล้ว" in page.inner_text("main")
    assert Asset.objects.count() == 2

    page.check("input[name=ids][aria-label='7440-001-0001/2566']")
    page.check("input[name=ids][aria-label='7440-001-0002/2566']")
    with page.expect_response(lambda response: "/assets/labels/" in response.url) as response_info:
        page.click("#print-selected")
    response = response_info.value
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    # Chromium's viewer shows the PDF; the HTML preview of the same sheet shows the labels.
    page.goto(f"{live_server.url}/assets/")
    page.check("input[name=ids][aria-label='7440-001-0001/2566']")
    page.click("button[name=format][value=html]")
    page.wait_for_selector(".sheet .label")
    assert page.locator(".label").count() == 1
    assert "7440-001-0001/2566" in page.inner_text(".label") and page.locator(".label img.qr").count() == 1
