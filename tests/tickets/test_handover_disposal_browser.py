"""In Chromium: the requester confirms receipt on a phone ("does not work" re-opens the job); the stock officer
accepts a disposal proposal on a desktop and the asset becomes disposed."""

import pytest

from assets.models import Asset
from helpdesk.roles import Role
from tests.conftest import PASSWORD, make_user
from tickets.models import DisposalProposal, HandOver, Status
from tickets.services import ticket_transition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _phone_sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]:has-text('เข้าสู่ระบบ')")


def test_receipt_on_a_phone_reopens_a_job_that_does_not_work(phone_page, live_server, unit_a, team_a, make_ticket,
                                                              deliver, hw, asset_a):
    somsri = make_user("somsri", Role.REQUESTER, unit=unit_a, first_name="สมศรี", last_name="ใจดี")
    weera = make_user("weera", Role.TECHNICIAN, unit=unit_a, team=team_a)
    ticket = deliver(make_ticket(unit_a, hw, requester=somsri, asset=asset_a), weera)
    _phone_sign_in(phone_page, live_server, "somsri")
    phone_page.goto(f"{live_server.url}/tickets/{ticket.pk}/")
    phone_page.click("#handover-confirm")
    phone_page.fill("#id_receiver_position", "นักวิชาการ")
    phone_page.check("#id_works_1")
    phone_page.fill("#id_note", "เปิดเครื่องแล้วดับเอง")
    phone_page.screenshot(path="/tmp/h18/handover-phone.png", full_page=True)
    phone_page.click("#handover-form button[type=submit]")
    phone_page.wait_for_selector("#handover")
    handover = HandOver.objects.get()
    assert handover.works is False and handover.reopened_as.guarantee_of == ticket
    assert handover.reopened_as.number in phone_page.inner_text("#handover")


def test_stock_officer_accepts_disposal_on_a_desktop(page, sign_in, live_server, unit_a, team_a, make_ticket, hw,
                                                     asset_a):
    page.set_viewport_size({"width": 1366, "height": 900})
    weera = make_user("weera", Role.TECHNICIAN, unit=unit_a, team=team_a)
    make_user("stock", Role.STOCK_OFFICER, unit=unit_a)
    ticket = make_ticket(unit_a, hw, by=weera, asset=asset_a)
    ticket_transition(ticket=ticket, to=Status.IN_PROGRESS, by=weera)
    ticket_transition(ticket=ticket, to=Status.UNREPAIRABLE, by=weera, note="เมนบอร์ดเสีย ไม่มีอะไหล่")
    sign_in("stock", PASSWORD)
    page.goto(f"{live_server.url}/tickets/disposals/")
    page.click("#disposals a")
    page.check("#id_decision_1")
    page.screenshot(path="/tmp/h18/disposal-desktop.png", full_page=True)
    page.click("#disposal-decide button[type=submit]")
    page.wait_for_selector("text=บันทึกผลการพิจารณาแล้ว")
    assert DisposalProposal.objects.get().status == "accepted"
    assert Asset.objects.get(pk=asset_a.pk).status == Asset.Status.DISPOSED
    assert "รับเรื่องจำหน่ายแล้ว" in page.inner_text("#proposal-status")
