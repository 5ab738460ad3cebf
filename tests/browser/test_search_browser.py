"""Typing in the navbar search and opening a result, at desk and phone sizes (real Chromium)."""

import pytest

from tests.conftest import PASSWORD
from tests.tickets.conftest import category

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = "/tmp/shots-c"


def _data(unit_a, unit_b, requester_a, requester_b):
    from assets.models import Asset
    from tickets.services import ticket_create

    hw = category("hw-computer")
    asset = Asset.objects.create(asset_number="7440-001-0123/2566", asset_type=Asset.Type.COMPUTER, brand="Lenovo",
                                 model_name="ThinkCentre M70", serial_number="SNB-777", unit=unit_a,
                                 custodian="นางสาวมะลิ ทองดี")
    mine = ticket_create(unit=unit_a, category=hw, symptom="จอภาพดับหลังเปิดเครื่องได้สักพัก", asset=asset,
                         requester_name="นายประเสริฐ ศรีสุข", requester_phone="02 111 2222", by=requester_a,
                         requester=requester_a)
    theirs = ticket_create(unit=unit_b, category=hw, symptom="จอภาพดับทั้งแถว", device_description="จอภาพ",
                           requester_name="นางสมใจ", requester_phone="02 333 4444", by=requester_b,
                           requester=requester_b)
    return asset, mine, theirs


def test_a_technician_finds_a_ticket_by_a_thai_word_and_opens_it(sign_in, live_server, technician, unit_a, unit_b,
                                                                 requester_a, requester_b):
    asset, mine, theirs = _data(unit_a, unit_b, requester_a, requester_b)
    page = sign_in(technician.username, PASSWORD)
    page.fill("#nav-search-q", "ภาพดับ")
    page.press("#nav-search-q", "Enter")
    page.wait_for_selector("#search-tickets")
    hits = page.locator("#search-tickets .search-hit").all_inner_texts()
    assert set(hits) == {mine.number, theirs.number}  # the service desk sees every unit
    assert page.input_value("#nav-search-q") == "ภาพดับ"
    page.screenshot(path=f"{SHOTS}/search-desktop.png", full_page=True)
    page.click(f"#search-tickets a.search-hit:has-text('{mine.number}')")
    page.wait_for_selector("h1")
    assert mine.number in page.inner_text("h1")

    # By the asset's serial: the asset and its ticket, each in its own group.
    page.fill("#nav-search-q", "snb-777")
    page.press("#nav-search-q", "Enter")
    page.wait_for_selector("#search-assets")
    assert page.locator("#search-assets .search-hit").all_inner_texts() == [asset.asset_number]
    assert page.locator("#search-tickets .search-hit").all_inner_texts() == [mine.number]


def test_a_requester_on_a_phone_finds_only_their_units_work(phone_page, live_server, unit_a, unit_b, requester_a,
                                                          requester_b):
    asset, mine, theirs = _data(unit_a, unit_b, requester_a, requester_b)
    page = phone_page
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", requester_a.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    page.wait_for_selector(".navbar-toggler")
    page.click(".navbar-toggler")
    page.wait_for_selector("#nav-search-q", state="visible")
    page.wait_for_timeout(500)  # the menu's unfolding animation
    page.screenshot(path=f"{SHOTS}/search-phone-menu.png")
    page.fill("#nav-search-q", "จอภาพดับ")
    page.press("#nav-search-q", "Enter")
    page.wait_for_selector("#search-tickets")
    assert page.locator("#search-tickets .search-hit").all_inner_texts() == [mine.number]
    assert theirs.number not in page.inner_text("main")
    page.screenshot(path=f"{SHOTS}/search-phone.png", full_page=True)

    # Too short a query: the reason in Thai, on the first screen.
    page.fill("#search-page-q", "จ")
    page.click("#search-page-form button[type=submit]")
    page.wait_for_selector("#search-page-error")
    assert "อย่างน้อย 2 ตัวอักษร" in page.inner_text("#search-page-error")
    assert page.locator("#search-page-error").bounding_box()["y"] < 844

    page.fill("#search-page-q", "มะลิ")
    page.click("#search-page-form button[type=submit]")
    page.wait_for_selector("#search-assets")
    page.click("#search-assets a.search-hit")
    page.wait_for_url(f"**/assets/{asset.pk}/")
    assert asset.asset_number in page.inner_text("main")
