"""The one date field in a real browser: a text input for วว/ดด/ปปปป (B.E.) with a calendar that shows
Buddhist-era years; a date picked in the calendar and a date typed by hand are both saved."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from assets.models import Asset
from helpdesk.roles import Role
from tests.assets.conftest import make_asset
from tests.conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _pick_and_submit(page, base_url, asset, shot):
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=username]", "wandee")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    page.goto(f"{base_url}/assets/{asset.pk}/edit/")
    field = page.locator("#id_warranty_end")
    assert field.get_attribute("type") == "text"
    assert field.get_attribute("placeholder") == "วว/ดด/ปปปป (พ.ศ.)"
    assert page.locator("input[type=date]").count() == 0  # no native Christian-era picker

    today = timezone.localdate()
    field.click()
    calendar = page.locator(".datepicker.active")
    calendar.wait_for()
    title = calendar.locator(".view-switch").inner_text()
    assert str(today.year + 543) in title and str(today.year) not in title
    page.screenshot(path=f"/tmp/h14-datepicker-{shot}.png")
    calendar.locator(".datepicker-cell.day:not(.prev):not(.next)", has_text="15").first.click()
    assert field.input_value() == f"15/{today.month:02d}/{today.year + 543}"

    # The year list is in B.E. too.
    page.locator("#id_lease_end").click()
    lease = page.locator(".datepicker.active")
    lease.locator(".view-switch").click()
    lease.locator(".view-switch").click()
    years = lease.locator(".datepicker-cell.year").all_inner_texts()
    assert str(today.year + 543) in years and str(today.year) not in years
    page.keyboard.press("Escape")

    # A date that does not exist is not silently dropped: it reaches the server, which explains.
    page.fill("#id_lease_end", "31/02/2569")
    page.locator("h1").click()  # leave the field
    expect(page.locator("#id_lease_end")).to_have_value("31/02/2569")
    page.fill("#id_lease_end", "")
    page.fill("#id_acquired_date", "01/10/2568")  # typed by hand, B.E.
    page.click("button[type=submit]:has-text('บันทึก')")
    page.wait_for_url(f"**/assets/{asset.pk}/")
    asset.refresh_from_db()
    assert asset.warranty_end == dt.date(today.year, today.month, 15)
    assert asset.acquired_date == dt.date(2025, 10, 1)
    assert asset.lease_end is None
    page.screenshot(path=f"/tmp/h14-datepicker-saved-{shot}.png", full_page=True)


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_pick_a_be_date_in_the_calendar_and_save_it(request, size, live_server, unit_a):
    make_user("wandee", Role.STOCK_OFFICER, unit=unit_a, first_name="วันดี", last_name="พัสดุ")
    asset = make_asset(unit_a, "7440-001-0101/2566")
    assert Asset.objects.get(pk=asset.pk).warranty_end is None
    page = request.getfixturevalue("page" if size == "desktop" else "phone_page")
    if size == "desktop":
        page.set_viewport_size({"width": 1366, "height": 900})
    _pick_and_submit(page, live_server.url, asset, size)
