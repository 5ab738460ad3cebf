"""A unit user files a consumables request and a loan request; bad input is refused in Thai and saves nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from assets.models import Asset
from helpdesk.notifications.models import Notification
from tickets.unitrequests.models import UnitRequest, UnitRequestEvent, UnitRequestLine

CREATE = reverse("unitrequests:create")


def lines_post(*rows, purpose="ใช้ในงานทะเบียนราษฎร"):
    """The consumables form's POST: rows of (item pk or "", free text, quantity)."""
    data = {"purpose": purpose, "lines-TOTAL_FORMS": "4", "lines-INITIAL_FORMS": "0", "lines-MIN_NUM_FORMS": "0",
            "lines-MAX_NUM_FORMS": "20"}
    for index, (item, text, quantity) in enumerate(rows):
        data.update({f"lines-{index}-item": item, f"lines-{index}-description": text,
                     f"lines-{index}-quantity": quantity})
    return data


def be(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"


def test_a_unit_user_files_a_consumables_request(login, requester_a, supervisor_a, toner, unit_a,
                                                  django_capture_on_commit_callbacks):
    client = login(requester_a)
    assert client.get(CREATE).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CREATE + "?kind=consumables",
                               lines_post((toner.pk, "", "2"), ("", "แผ่นรองเมาส์", "3")))
    obj = UnitRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("unitrequests:detail", args=[obj.pk])
    assert (obj.kind, obj.status, obj.unit, obj.requested_by) == ("consumables", "submitted", unit_a, requester_a)
    assert obj.purpose == "ใช้ในงานทะเบียนราษฎร"
    lines = list(UnitRequestLine.objects.filter(request=obj).values_list("item_id", "description", "quantity"))
    assert lines == [(toner.pk, "", 2), (None, "แผ่นรองเมาส์", 3)]
    event = UnitRequestEvent.objects.get(request=obj)
    assert (event.from_status, event.to_status, event.by) == ("", "submitted", requester_a)
    # The unit's supervisor is told; the requester is not told about their own filing.
    assert Notification.objects.filter(user=supervisor_a, kind="unitrequest").count() == 1
    assert not Notification.objects.filter(user=requester_a).exists()


def test_a_unit_user_asks_to_borrow_a_notebook(login, requester_a, today):
    client = login(requester_a)
    response = client.post(CREATE + "?kind=loan", {
        "equipment_type": "notebook", "equipment_detail": "โน้ตบุ๊กพร้อมเมาส์", "purpose": "อบรมเจ้าหน้าที่",
        "loan_from": be(today + dt.timedelta(days=2)), "loan_until": be(today + dt.timedelta(days=4))})
    assert response.status_code == 302
    obj = UnitRequest.objects.get()
    assert (obj.kind, obj.equipment_type, obj.status) == ("loan", Asset.Type.NOTEBOOK, "submitted")
    assert obj.loan_from == today + dt.timedelta(days=2) and obj.loan_until == today + dt.timedelta(days=4)
    assert not obj.lines.exists()


@pytest.mark.parametrize(("rows", "message"), [
    ((), "กรุณาระบุวัสดุที่ขออย่างน้อย 1 รายการ"),
    ((("", "แผ่นรองเมาส์", "0"),), "จำนวนต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป"),
    ((("", "แผ่นรองเมาส์", "-3"),), "จำนวนต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป"),
    ((("", "แผ่นรองเมาส์", "สอง"),), "จำนวนต้องเป็นจำนวนเต็ม"),
    ((("", "แผ่นรองเมาส์", ""),), "กรุณาระบุจำนวน"),
    ((("", "", "2"),), "กรุณาเลือกวัสดุหรือพิมพ์ชื่อ"),
])
def test_bad_item_lines_are_refused_in_thai_and_nothing_is_saved(login, requester_a, toner, rows, message):
    response = login(requester_a).post(CREATE + "?kind=consumables", lines_post(*rows))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not UnitRequest.objects.exists() and not UnitRequestLine.objects.exists()


def test_a_missing_purpose_is_refused(login, requester_a, toner):
    response = login(requester_a).post(CREATE + "?kind=consumables", lines_post((toner.pk, "", "1"), purpose=" "))
    assert response.status_code == 400 and "กรุณาระบุวัตถุประสงค์" in response.content.decode()
    assert not UnitRequest.objects.exists()


@pytest.mark.parametrize(("start", "end", "message"), [
    (3, 1, "วันที่ส่งคืนต้องไม่ก่อนวันที่เริ่มยืม"),
    (-1, 2, "วันที่เริ่มยืมต้องไม่เป็นวันที่ผ่านมาแล้ว"),
])
def test_loan_dates_out_of_order_are_refused(login, requester_a, today, start, end, message):
    response = login(requester_a).post(CREATE + "?kind=loan", {
        "equipment_type": "notebook", "purpose": "อบรม",
        "loan_from": be(today + dt.timedelta(days=start)), "loan_until": be(today + dt.timedelta(days=end))})
    assert response.status_code == 400 and message in response.content.decode()
    assert not UnitRequest.objects.exists()


def test_a_date_that_is_not_a_date_gets_the_be_format_hint(login, requester_a):
    response = login(requester_a).post(CREATE + "?kind=loan", {
        "equipment_type": "notebook", "purpose": "อบรม", "loan_from": "31/02/2569", "loan_until": "99999999"})
    assert response.status_code == 400 and "กรอกเป็น วว/ดด/ปปปป (พ.ศ.)" in response.content.decode()
    assert not UnitRequest.objects.exists()


def test_people_without_a_unit_role_may_not_file(login, technician, stock_officer, executive, toner):
    for user in (technician, stock_officer, executive):
        client = login(user)
        assert client.get(CREATE).status_code == 403
        assert client.post(CREATE + "?kind=consumables", lines_post((toner.pk, "", "1"))).status_code == 403
    assert not UnitRequest.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(CREATE)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
