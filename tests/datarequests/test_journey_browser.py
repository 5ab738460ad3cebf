"""In real Chromium: the desk records a letter, the head of ICT screens it and assigns an officer, the officer
attaches data and submits; on a phone the head of ICT returns it and the deputy director approves."""

import pytest

from helpdesk.roles import Role
from tests.conftest import PASSWORD, make_user
from tickets.datarequests import services
from tickets.datarequests.models import DataRequest

from .conftest import PDF_BYTES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in_as(page, live_server, username):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]:has-text('เข้าสู่ระบบ')")
    page.wait_for_selector("#main")


def test_a_letter_is_recorded_screened_and_prepared_at_desktop_size(page, live_server, unit_a, tmp_path):
    head = make_user("head", Role.IT_HEAD, unit=unit_a, first_name="ธนพล", last_name="วิศวกร")
    officer = make_user("officer", Role.TECHNICIAN, unit=unit_a, first_name="อนุชา", last_name="รักงาน")
    page.set_viewport_size({"width": 1366, "height": 900})
    scan = tmp_path / "letter.pdf"
    scan.write_bytes(PDF_BYTES)
    data = tmp_path / "ผลประเมิน.csv"
    data.write_text("รหัส,ผล\n1001,ดีมาก\n", encoding="utf-8")

    sign_in_as(page, live_server, "officer")
    page.goto(f"{live_server.url}/data-requests/")
    page.click("#record-letter")
    page.fill("input[name=letter_number]", "ศธ 0512/1234")
    page.fill("input[name=letter_date]", "2026-11-20")
    page.set_input_files("input[name=letter_scan]", str(scan))
    page.fill("input[name=organisation]", "มหาวิทยาลัยราชภัฏพระนคร")
    page.fill("input[name=contact_name]", "ดร.สมชาย วิจัยดี")
    page.fill("textarea[name=purpose]", "งานวิจัย")
    page.fill("textarea[name=data_requested]", "ผลการประเมินรอบสี่")
    page.fill("textarea[name=scope]", "ปีการศึกษา 2566")
    page.fill("input[name=data_owner]", "สมศ.")
    page.select_option("select[name=delivery_method]", "email")
    page.click("#data-request-form button[type=submit]")
    assert "กรุณาระบุอีเมล" in page.inner_text("#data-request-form")  # e-mail asked, no address given
    page.set_input_files("input[name=letter_scan]", str(scan))
    page.fill("input[name=delivery_detail]", "somchai@example.ac.th")
    page.click("#data-request-form button[type=submit]")
    page.wait_for_selector("#status")
    obj = DataRequest.objects.get()
    assert "รับหนังสือแล้ว" in page.inner_text("#status") and obj.recorded_by == officer

    sign_in_as(page, live_server, "head")
    page.goto(f"{live_server.url}/data-requests/{obj.pk}/")
    page.click("#start-screening")
    for name in ("crit_rules", "crit_info_act", "crit_purpose", "crit_scope", "crit_parent_agency",
                 "crit_ownership"):
        page.check(f"input[name={name}]")
    page.check("input[name=decision][value=accept]")
    page.select_option("select[name=officer]", str(officer.pk))
    page.click("#screening-form button[type=submit]")
    page.wait_for_selector("#screening-result")
    assert "อนุชา" in page.inner_text("#officer")

    sign_in_as(page, live_server, "officer")
    page.goto(f"{live_server.url}/data-requests/{obj.pk}/")
    page.click("#start-preparing")
    page.set_input_files("#file-form input[name=file]", str(data))
    page.check("#file-form input[name=is_personal]")
    page.click("#file-form button[type=submit]")
    page.wait_for_selector("#data-files")
    assert "ผลประเมิน.csv" in page.inner_text("#data-files") and "PDPA" in page.inner_text("#data-files")
    page.fill("#submit-form textarea[name=cover_memo]", "เสนอข้อมูลผลการประเมินตามที่ขอ")
    page.click("#submit-form button[type=submit]")
    page.wait_for_selector("text=รอหัวหน้า ICT ตรวจสอบ")
    obj.refresh_from_db()
    assert obj.status == "review" and obj.files.get().is_personal and head.pk != obj.officer_id


def test_review_return_and_approval_on_a_phone(phone_page, live_server, unit_a):
    page = phone_page
    head = make_user("head", Role.IT_HEAD, unit=unit_a)
    officer = make_user("officer", Role.TECHNICIAN, unit=unit_a)
    make_user("deputy", Role.DEPUTY_DIRECTOR, unit=unit_a, first_name="วิภา", last_name="รอง")
    from django.core.files.base import ContentFile

    from tickets.datarequests.uploads import CSV

    obj = DataRequest(letter_number="1", organisation="มหาวิทยาลัยขอนแก่น", contact_name="ก", purpose="ข",
                      data_requested="ค", scope="ง", data_owner="จ", delivery_method="pickup")
    obj = services.data_request_create(request=obj, by=officer)
    services.data_request_start_screening(request=obj, by=head)
    services.data_request_accept(request=obj, by=head, officer=officer,
                                 criteria=dict.fromkeys(["crit_rules", "crit_info_act", "crit_purpose", "crit_scope",
                                                         "crit_parent_agency", "crit_ownership"], True))
    services.data_request_start_preparing(request=obj, by=officer)
    services.data_file_add(request=obj, by=officer, upload=ContentFile(b"a,b\n1,2\n", name="d.csv"), kind=CSV,
                           is_personal=False, name="d.csv")
    services.data_request_submit(request=obj, by=officer, cover_memo="memo")

    sign_in_as(page, live_server, "head")
    page.goto(f"{live_server.url}/data-requests/{obj.pk}/")
    page.fill("#return-form textarea[name=note]", "ขาดข้อมูลปี 2567")
    page.click("#return-form button[type=submit]")
    page.wait_for_selector("text=กำลังจัดทำข้อมูล")
    assert "ขาดข้อมูลปี 2567" in page.inner_text("#events")

    services.data_request_submit(request=obj, by=officer, cover_memo="แก้ไขแล้ว")
    page.reload()
    page.click("#pass-form button[type=submit]")
    page.wait_for_selector("text=รอรองผู้อำนวยการอนุมัติ")

    sign_in_as(page, live_server, "deputy")
    page.goto(f"{live_server.url}/data-requests/{obj.pk}/")
    assert page.is_visible("#reply-letter")  # the draft reply can be read before signing
    page.click("#pass-form button[type=submit]")
    page.wait_for_selector("text=อนุมัติแล้ว รอส่งหนังสือตอบ")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    obj.refresh_from_db()
    assert obj.status == "approved" and obj.approved_by.username == "deputy"
