"""In real Chromium: a unit files a development request (a bad form first, nothing lost) on a desktop; staff accept
it and write the project; the executive approves it; the project page shows the Gantt chart on a phone without
the page overflowing; a user reports a problem and staff analyse it on a phone."""

import datetime as dt

import pytest
from django.utils import timezone

from helpdesk.roles import Role
from tests.conftest import PASSWORD, make_user
from tickets.systems import services
from tickets.systems.models import ChangeRequest, DevRequest, Project, System

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def be(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"


def _phone_sign_in(phone_page, live_server, username):
    phone_page.goto(f"{live_server.url}/accounts/login/")
    phone_page.fill("input[name=username]", username)
    phone_page.fill("input[name=password]", PASSWORD)
    phone_page.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    return phone_page


def _no_page_overflow(p) -> bool:
    return p.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_request_to_approved_project_desktop_and_phone(sign_in, page, phone_page, browser, live_server, unit_a):
    make_user("somsri", Role.REQUESTER, unit=unit_a, first_name="สมศรี", last_name="ใจดี")
    make_user("weera", Role.TECHNICIAN, unit=unit_a, first_name="วีระ", last_name="ช่างระบบ")
    make_user("prayoon", Role.EXECUTIVE, unit=unit_a, first_name="ประยูร", last_name="บริหาร")

    sign_in("somsri", PASSWORD)
    page.goto(f"{live_server.url}/systems/requests/new/")
    page.fill("input[name=title]", "ระบบจองรถส่วนกลาง")
    page.select_option("select[name=trigger]", "problem")
    page.fill("textarea[name=expected_benefit]", "จองรถได้ทันที")
    page.click("button:has-text('ส่งคำขอ')")
    assert "กรุณาอธิบายความต้องการหรือสภาพปัญหา" in page.inner_text("#request-form")
    assert page.input_value("input[name=title]") == "ระบบจองรถส่วนกลาง"
    page.fill("textarea[name=need]", "จองรถด้วยสมุด ทำให้จองซ้ำ")
    page.click("button:has-text('ส่งคำขอ')")
    page.wait_for_selector("#events")
    dev_request = DevRequest.objects.get()
    assert dev_request.status == "submitted"

    staff = browser.new_context(locale="th-TH", timezone_id="Asia/Bangkok", viewport={"width": 1366, "height": 900})
    tech = staff.new_page()
    tech.goto(f"{live_server.url}/accounts/login/")
    tech.fill("input[name=username]", "weera")
    tech.fill("input[name=password]", PASSWORD)
    tech.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    tech.goto(f"{live_server.url}/systems/requests/{dev_request.pk}/")
    tech.fill("#id_accept_note", "สอดคล้องกับปัญหาของหน่วยงาน")
    tech.click("#accept-form button")
    tech.click("#write-project")
    today = timezone.localdate()
    for name, value in {"rationale": "จองซ้ำซ้อน", "targets": "ทุกฝ่าย", "scope": "จอง อนุมัติ รายงาน",
                        "indicators": "ร้อยละ 80", "staff": "นายวีระ", "action_plan": "ตามมาตรฐาน"}.items():
        tech.fill(f"textarea[name={name}]", value)
    tech.fill("input[name=ends_on]", be(today + dt.timedelta(days=300)))
    tech.select_option("select[name=track]", "in_house")
    tech.click("button:has-text('บันทึกร่างโครงการ')")
    tech.click("#propose-form button")
    project = Project.objects.get()
    assert project.status == "proposed"
    staff.close()

    approver = _phone_sign_in(phone_page, live_server, "prayoon")
    approver.goto(f"{live_server.url}/systems/projects/{project.pk}/")
    approver.fill("#id_approve_note", "เห็นชอบ")
    approver.click("#approve-form button")
    approver.wait_for_selector("#gantt svg")
    project.refresh_from_db()
    assert project.status == "approved" and project.approved_by.username == "prayoon"
    assert approver.locator("#steps tbody tr").count() == 10
    assert _no_page_overflow(approver)


def test_a_problem_is_reported_on_desktop_and_analysed_on_a_phone(sign_in, page, phone_page, live_server, unit_a):
    somsri = make_user("somsri", Role.REQUESTER, unit=unit_a, first_name="สมศรี", last_name="ใจดี")
    weera = make_user("weera", Role.TECHNICIAN, unit=unit_a, first_name="วีระ", last_name="ช่างระบบ")
    system = services.system_create(system=System(name="ระบบสารบรรณอิเล็กทรอนิกส์", owner_unit=unit_a), by=weera)

    sign_in("somsri", PASSWORD)
    page.goto(f"{live_server.url}/systems/{system.pk}/")
    page.click("#new-change")
    page.check("input[name=kind][value=problem]")
    page.fill("input[name=title]", "แนบไฟล์ไม่ได้")
    page.fill("textarea[name=details]", "ขึ้นข้อความผิดพลาด")
    page.click("button:has-text('ส่งคำขอ')")
    page.wait_for_selector("#change-steps")
    change = ChangeRequest.objects.get()
    assert (change.requested_by, change.system, change.status) == (somsri, system, "submitted")

    tech = _phone_sign_in(phone_page, live_server, "weera")
    tech.goto(f"{live_server.url}/systems/changes/{change.pk}/")
    assert _no_page_overflow(tech)
    tech.fill("#id_analysis", "ขนาดไฟล์เกินกำหนด")
    tech.click("#analyse-form button")
    tech.wait_for_selector("#deliver-form")
    tech.fill("#id_resolution", "ปรับขนาดไฟล์สูงสุด")
    tech.click("#deliver-form button")
    tech.wait_for_selector("#deliver-target")
    change.refresh_from_db()
    assert change.status == "done" and change.handled_by == weera
