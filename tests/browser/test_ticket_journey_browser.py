"""A requester files a ticket, opens the slip, follows it on a phone; a technician delivers it."""

import re

import pytest

from helpdesk.roles import Role
from tests.conftest import PASSWORD, make_user
from tests.tickets.conftest import category

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_file_a_ticket_track_it_on_a_phone_and_deliver_it(sign_in, page, phone_page, browser, live_server,
                                                         unit_a, team_a):
    from django.core.cache import caches

    from assets.models import Asset
    from tickets.models import Ticket

    for backend in caches.all():  # the default cache and the rate-limit counters
        backend.clear()
    category("hw-computer")
    make_user("somsri", Role.REQUESTER, unit=unit_a, first_name="สมศรี", last_name="ใจดี")
    make_user("weera", Role.TECHNICIAN, unit=unit_a, team=team_a, first_name="วีระ", last_name="ช่างซ่อม")
    asset = Asset.objects.create(asset_number="7440-001-0001/2566", asset_type=Asset.Type.COMPUTER, brand="Dell",
                                 model_name="OptiPlex", serial_number="SN1", unit=unit_a)

    # The requester arrives from the asset's QR label: the asset is pre-filled.
    sign_in("somsri", PASSWORD)
    page.goto(f"{live_server.url}/tickets/new/?asset={asset.pk}")
    assert page.input_value("#id_asset_number") == asset.asset_number
    page.select_option("#id_category", label="เครื่องคอมพิวเตอร์")
    page.fill("#id_symptom", "เปิดเครื่องไม่ติด")
    page.fill("#id_requester_phone", "02 111 2222")
    page.click("button[type=submit]:has-text('ส่งใบแจ้งซ่อม')")
    page.wait_for_selector("#ticket-status")
    ticket = Ticket.objects.get()
    assert ticket.number in page.inner_text("h1")
    assert "จุดบริการเบ็ดเสร็จ" in page.inner_text("main")

    # The slip (HTML preview of the PDF) carries the QR code of the tracking page.
    page.click("a:has-text('ดูตัวอย่าง') >> nth=0")
    page.wait_for_selector("#slip svg")
    assert ticket.number in page.inner_text("#slip")
    with page.expect_response(re.compile(r"/slip/$")) as pdf:
        page.evaluate("url => fetch(url)", f"{live_server.url}/tickets/{ticket.pk}/slip/")
    assert pdf.value.headers["content-type"] == "application/pdf"

    # Scanned on a phone: no login, status visible, readable without horizontal scrolling.
    tracking_url = f"{live_server.url}/t/{ticket.tracking_token}/"
    phone_page.goto(tracking_url)
    assert "รับแจ้ง" in phone_page.inner_text("#tracking-status")
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert "02 111 2222" not in phone_page.content()

    # The technician works the job through the UI.
    context = browser.new_context(locale="th-TH", timezone_id="Asia/Bangkok")
    tech = context.new_page()
    tech.goto(f"{live_server.url}/accounts/login/")
    tech.fill("input[name=username]", "weera")
    tech.fill("input[name=password]", PASSWORD)
    tech.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    tech.goto(f"{live_server.url}/tickets/")
    tech.click(f"a:has-text('{ticket.number}')")

    def move(to: str, **fields):
        for name, value in fields.items():
            tech.fill(f"#transition-form [name={name}]", value)
        tech.click(f"#transition-form button[name=to][value={to}]")
        tech.wait_for_selector(f"#ticket-status [data-status={to}]")

    move("received")
    move("in_progress")
    tech.click("summary:has-text('บันทึกผลการซ่อม')")
    tech.fill("#work-form [name=cause]", "พาวเวอร์ซัพพลายเสีย")
    tech.fill("#work-form [name=fix]", "เปลี่ยนพาวเวอร์ซัพพลาย")
    tech.click("#work-form button[type=submit]")
    tech.wait_for_selector("text=บันทึกผลการซ่อมแล้ว")
    phone_page.reload()
    assert "กำลังดำเนินการ" in phone_page.inner_text("#tracking-status")
    move("quality_check")
    move("ready_for_pickup")
    move("delivered", received_by_name="นางสาวรับ เครื่อง")
    context.close()

    phone_page.reload()
    assert "ส่งมอบแล้ว" in phone_page.inner_text("#tracking-status")
    assert "เปลี่ยนพาวเวอร์ซัพพลาย" in phone_page.inner_text("#tracking-result")
    assert phone_page.is_visible("#survey form")


def test_a_requester_withdraws_a_request_and_the_phone_page_shows_it_cancelled(sign_in, page, phone_page,
                                                                             live_server, unit_a, team_a):
    from django.core.cache import caches

    from tickets.models import Status, Ticket
    from tickets.services import ticket_create

    for backend in caches.all():
        backend.clear()
    somsri = make_user("somsri", Role.REQUESTER, unit=unit_a, first_name="สมศรี", last_name="ใจดี")
    ticket = ticket_create(unit=unit_a, category=category("hw-computer"), symptom="จอไม่ติด", requester=somsri,
                           requester_name="สมศรี ใจดี", requester_phone="02 111 2222", by=somsri, asset=None,
                           device_description="จอภาพ", channel="web")
    tracking_url = f"{live_server.url}/t/{ticket.tracking_token}/"
    phone_page.goto(tracking_url)  # a cached copy for cookieless visitors now exists
    assert "รับแจ้ง" in phone_page.inner_text("#tracking-status")

    sign_in("somsri", PASSWORD)
    page.goto(f"{live_server.url}/tickets/{ticket.pk}/")
    page.click("#ticket-withdraw summary")
    page.click("#withdraw-form button[type=submit]")  # no reason yet: the browser asks for one first
    page.wait_for_selector("#withdraw-form")
    assert Ticket.objects.get(pk=ticket.pk).status == Status.NEW
    page.fill("#withdraw-form textarea", "จอกลับมาใช้ได้แล้ว")
    page.click("#withdraw-form button[type=submit]")
    page.wait_for_selector("text=ยกเลิกคำขอแล้ว")
    assert 'data-status="cancelled"' in page.inner_html("#ticket-status")
    assert Ticket.objects.get(pk=ticket.pk).status == Status.CANCELLED

    phone_page.goto(tracking_url)  # the cached copy was dropped with the change
    assert "ยกเลิก" in phone_page.inner_text("#tracking-status")
