"""In Chromium: a unit requests an address, the admin assigns one, a technician records checks, the letter shows."""

import pytest

from helpdesk.roles import Role
from tests.conftest import PASSWORD, make_user
from tickets.network.models import IPRequest

from .conftest import PDF_BYTES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_ip_request_from_form_to_summary_letter(page, sign_in,  # noqa: F811
                                                  live_server, unit_a, team_a, subnet, tmp_path):
    make_user("somsri", Role.REQUESTER, unit=unit_a, first_name="สมศรี", last_name="ใจดี")
    make_user("chayapol", Role.NETWORK_ADMIN, unit=unit_a, team=team_a)
    make_user("weera", Role.TECHNICIAN, unit=unit_a, team=team_a, first_name="วีระ", last_name="ช่างซ่อม")
    memo = tmp_path / "memo.pdf"
    memo.write_bytes(PDF_BYTES)

    sign_in("somsri", PASSWORD)
    page.goto(f"{live_server.url}/network/ip/new/")
    page.fill("#id_device_description", "คอมพิวเตอร์ตั้งโต๊ะ ฝ่ายทะเบียน")
    page.fill("#id_device_user", "สมศรี ใจดี")
    page.fill("#id_mac_address", "3C52.82AA.BB01")
    page.fill("#id_location", "ชั้น 1 ห้องทะเบียน")
    page.fill("#id_purpose", "ใช้งานระบบ MIS และ Daily Plan")
    page.fill("#id_memo_number", "กท 5001/0456")
    page.fill("#id_memo_date", "15/11/2569")
    page.set_input_files("#id_memo_file", str(memo))
    page.click("button[type=submit]:has-text('ยื่นคำขอ')")
    page.wait_for_selector("#status")
    assert page.inner_text("#mac") == "3c:52:82:aa:bb:01"
    ip_request = IPRequest.objects.get()

    page.context.clear_cookies()
    sign_in("chayapol", PASSWORD)
    page.goto(f"{live_server.url}/network/ip/{ip_request.pk}/assign/")
    page.select_option("#id_subnet", str(subnet.pk))
    page.fill("#id_ip_address", "10.50.1.5")
    page.click("button[name=assign]")
    assert "สงวนไว้" in page.inner_text("#assign-form")
    page.click("button[name=suggest]")
    assert page.input_value("#id_ip_address") == "10.50.1.21"
    page.click("button[name=assign]")
    page.wait_for_selector("#assigned-ip")
    assert page.inner_text("#assigned-ip") == "10.50.1.21"

    page.context.clear_cookies()
    sign_in("weera", PASSWORD)
    page.goto(f"{live_server.url}/network/ip/{ip_request.pk}/")
    page.click("text=บันทึกการตั้งค่าและผลทดสอบ")
    page.fill("#id_configuration_note", "ตั้งค่า IP แบบคงที่ DNS 10.1.0.10")
    for check in ("mis", "daily_plan", "internet"):
        page.check(f"#id_{check}_result_0")
    page.click("#checks-form button[type=submit]")
    page.wait_for_selector('[data-letters="network_ip"]')
    assert "เสร็จสิ้น" in page.inner_text("#status")
    detail_url = page.url

    # The draft (no number yet), then the letter issued through the outgoing register.
    draft = page.get_attribute('[data-letters="network_ip"] a[href*="/documents/draft/"]', "href")
    page.goto(live_server.url + draft)
    page.wait_for_selector(".memo-title")
    assert page.inner_text(".memo-title") == "บันทึกข้อความ"
    body = page.inner_text("body")
    assert "10.50.1.21" in body and "3c:52:82:aa:bb:01" in body and "(ยังไม่ออกเลข)" in body
    assert "ผ่าน" in page.inner_text("#letter-checks")
    page.goto(detail_url)
    page.click('[data-letters="network_ip"] button[type=submit]')
    page.wait_for_selector('[data-letters="network_ip"] a[href$="/pdf/"]')
    assert "ที่ " in page.inner_text('[data-letters="network_ip"]')
    number = page.inner_text('[data-letters="network_ip"] strong')
    assert number.endswith("/๑")
