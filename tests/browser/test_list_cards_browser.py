"""Staff lists on a phone are cards with the filters folded behind one counted button; at the desk a technician
ticks jobs on the board, assigns them to a colleague and exports them."""

import csv
import datetime as dt
import io
import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

from helpdesk.roles import Role
from tests.browser_fixtures import sign_in_page
from tests.conftest import PASSWORD, make_user
from tests.tickets.conftest import category

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots-a"))


@pytest.fixture
def lists(unit_a, unit_b, team_a):
    """Jobs on the board (one overdue), stock items, IP assignments."""
    from django.core.cache import caches

    from tickets.models import Ticket
    from tickets.network.models import IPAssignment, Subnet
    from tickets.parts.models import Item
    from tickets.services import ticket_create

    for backend in caches.all():
        backend.clear()
    weera = make_user("weera", Role.TECHNICIAN, unit=unit_a, team=team_a, first_name="วีระ", last_name="ช่างซ่อม")
    make_user("somchai", Role.TECHNICIAN, unit=unit_a, team=team_a, first_name="สมชาย", last_name="ขยัน")
    hw = category("hw-computer")
    symptoms = ["เปิดเครื่องไม่ติด มีเสียงปี๊บยาวสามครั้ง\nลองเปลี่ยนปลั๊กแล้ว", "จอฟ้าหลังอัปเดต Windows",
                "เครื่องพิมพ์กระดาษติดบ่อย", "อินเทอร์เน็ตช้ามากช่วงบ่าย"]
    tickets = [ticket_create(unit=unit_a if n % 3 else unit_b, category=hw, symptom=symptoms[n % 4],
                             requester_name="สมศรี ใจดี", requester_phone="02 111 2222", by=weera,
                             device_description=f"คอมพิวเตอร์ห้องทะเบียน {n + 1}") for n in range(6)]
    Ticket.objects.filter(pk=tickets[0].pk).update(due_at=timezone.now() - dt.timedelta(days=2))
    for n, (code, name) in enumerate([("TN-85A", "ตลับหมึก HP 85A"), ("RAM-8G", "หน่วยความจำ DDR4 8GB"),
                                      ("SSD-256", "SSD 256GB SATA")]):
        Item.objects.create(code=code, name=name, unit_of_measure="ชิ้น", standard_cost=Decimal("1250.00"),
                            reorder_level=3, kind=Item.Kind.CONSUMABLE if n == 0 else Item.Kind.PART)
    subnet = Subnet.objects.create(name="อาคาร ๑ ชั้น ๒", cidr="10.50.1.0/24", gateway="10.50.1.1")
    for n in range(3):
        IPAssignment.objects.create(subnet=subnet, ip_address=f"10.50.1.{10 + n}", mac_address=f"AA:BB:CC:00:00:1{n}",
                                    unit=unit_a, device_description="คอมพิวเตอร์ตั้งโต๊ะ", device_user="นางสาวพรทิพย์ แสงทอง",
                                    active=n != 2)
    return weera, tickets


def sign_in_on(page, live_server, username):
    sign_in_page(page, live_server.url, username, PASSWORD).wait_for_load_state()


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_on_a_phone_the_lists_are_cards_and_the_filters_fold_behind_a_counted_button(phone_page, live_server, lists):
    _weera, tickets = lists
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = phone_page
    sign_in_on(page, live_server, "weera")
    page.goto(f"{live_server.url}/tickets/?scope=all&status=open&guarantee=no")
    assert page.is_hidden("#ticket-table thead")
    first = page.locator("#ticket-table tbody tr").first
    assert first.evaluate("row => getComputedStyle(row).display") == "grid"
    assert page.locator("#ticket-table tbody tr").count() == 6
    overdue = page.locator(f"#ticket-table tr[data-number='{tickets[0].number}']")
    card = overdue.inner_text()
    assert tickets[0].number in card and "เกินกำหนด" in card and tickets[0].unit.name in card
    assert "เปิดเครื่องไม่ติด มีเสียงปี๊บยาวสามครั้ง" in card and "ลองเปลี่ยนปลั๊กแล้ว" not in card  # its first line
    assert overdue.locator("[data-status]").is_visible()
    # The symptom is one line on the card.
    symptom = overdue.locator("td.lc-line")
    assert symptom.evaluate("td => td.scrollHeight <= parseFloat(getComputedStyle(td).lineHeight) * 1.6 + 4")
    # Filters: folded, the button says how many are set (scope all + status + guarantee).
    assert page.is_hidden("#ticket-filters")
    assert page.inner_text(".filter-toggle [data-filter-count]").strip().endswith("3")
    assert no_sideways_scroll(page)
    page.screenshot(path=str(SHOTS / "board-phone.png"), full_page=True)
    page.click(".filter-toggle")
    page.wait_for_selector("#board-filters.collapse.show")  # the opening animation has ended
    assert page.input_value("#f-status") == "open"
    page.screenshot(path=str(SHOTS / "board-phone-filters.png"))

    page.goto(f"{live_server.url}/parts/?kind=part")
    assert page.is_hidden("#stock-table thead") and page.is_hidden("#stock-filters")
    assert page.locator("#stock-table tbody tr").count() == 2
    assert page.inner_text(".filter-toggle [data-filter-count]").strip().endswith("1")
    assert "คงเหลือ 0 ชิ้น" in page.inner_text("#stock-table tbody tr >> nth=0")
    assert no_sideways_scroll(page)
    page.screenshot(path=str(SHOTS / "stock-phone.png"), full_page=True)

    page.goto(f"{live_server.url}/network/registry/")
    assert page.is_hidden("#registry thead") and page.is_hidden("#list-filters")
    assert page.locator("#registry tbody tr").count() == 3
    assert "10.50.1.10" in page.inner_text("#registry tbody tr >> nth=0")
    assert page.locator(".filter-toggle [data-filter-count]").count() == 0  # nothing set, no number
    assert no_sideways_scroll(page)
    page.screenshot(path=str(SHOTS / "registry-phone.png"), full_page=True)


def test_at_the_desk_a_technician_assigns_ticked_jobs_and_exports_them(page, live_server, lists):
    from tickets.models import Ticket

    _weera, tickets = lists
    ours = [t for t in tickets if t.unit.code == "50100"][:2]
    page.set_viewport_size({"width": 1366, "height": 900})
    sign_in_on(page, live_server, "weera")
    page.goto(f"{live_server.url}/tickets/?scope=all")
    assert page.is_visible("#ticket-table thead") and page.is_visible("#ticket-filters")
    assert page.is_hidden(".filter-toggle")
    page.screenshot(path=str(SHOTS / "board-desk.png"), full_page=True)
    for ticket in ours:
        page.check(f"#pick-{ticket.pk}")
    page.select_option("#bulk-technician", label="สมชาย ขยัน (ฝ่ายบริการ ๑)")
    page.click("button[name=action][value=assign]")
    page.wait_for_selector(".alert-success")
    assert "มอบหมายงาน 2 รายการให้ สมชาย ขยัน แล้ว" in page.inner_text(".alert-success")
    assert page.url.endswith("/tickets/?scope=all")
    assert set(Ticket.objects.filter(technician__username="somchai").values_list("pk", flat=True)) == {
        t.pk for t in ours}

    # "Take" updates its row in place (htmx), the page is not reloaded.
    third = [t for t in tickets if t.unit.code == "50100"][2]
    page.evaluate("window.boardNotReloaded = true")
    page.click(f"#row-{third.pk} .take-button")
    page.wait_for_selector(f"#row-{third.pk} .row-message")
    assert "วีระ ช่างซ่อม" in page.inner_text(f"#row-{third.pk}")
    assert page.evaluate("window.boardNotReloaded === true")
    assert Ticket.objects.get(pk=third.pk).technician.username == "weera"

    page.check("#bulk-all")
    with page.expect_download() as download:
        page.click("button[name=action][value=csv]")
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert sorted(row[0] for row in rows[1:]) == sorted(t.number for t in tickets)

    # A saved view comes back as a link.
    page.fill("#id_name", "งานทั้งหมด")
    page.click("button:has-text('บันทึกมุมมองนี้')")
    page.wait_for_selector("#saved-views a:has-text('งานทั้งหมด')")

    page.goto(f"{live_server.url}/parts/")
    assert page.is_visible("#stock-table thead") and page.is_hidden(".filter-toggle")
    page.screenshot(path=str(SHOTS / "stock-desk.png"), full_page=True)
    page.goto(f"{live_server.url}/network/registry/")
    assert page.is_visible("#registry thead")
    page.screenshot(path=str(SHOTS / "registry-desk.png"), full_page=True)
