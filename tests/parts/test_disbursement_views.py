import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from helpdesk.thai import thai_digits
from tickets.parts.models import Disbursement, Movement
from tickets.parts.services import disbursement_create, stock_balance

pytestmark = pytest.mark.django_db


def _new_data(unit, *lines, **extra):
    data = {"unit": str(unit.pk), "purpose": "เปลี่ยนตลับหมึกเครื่องพิมพ์ฝ่ายทะเบียน", "ticket_number": "",
            "lines-TOTAL_FORMS": "5", "lines-INITIAL_FORMS": "0", "lines-MIN_NUM_FORMS": "0",
            "lines-MAX_NUM_FORMS": "30"}
    for index, (item, quantity) in enumerate(lines):
        data[f"lines-{index}-item"] = str(item.pk)
        data[f"lines-{index}-quantity"] = str(quantity)
    data.update(extra)
    return data


def _pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_a_disbursement_is_prepared_handed_over_and_the_stock_and_slip_agree(
    login, technician, stock_officer, unit_a_child, toner, make_item
):
    mouse = make_item("MS-USB", "เมาส์ USB", stock=4, uom="ตัว", cost="250.00", by=stock_officer)
    client = login(technician)
    response = client.post(reverse("parts:disbursement_new"), _new_data(unit_a_child, (toner, 3), (mouse, 2)))
    disbursement = Disbursement.objects.get()
    assert response.status_code == 302 and response["Location"] == disbursement.get_absolute_url()
    assert disbursement.status == "draft" and disbursement.number.startswith("บจ.")
    assert stock_balance(toner) == 10  # a draft does not touch the stock

    response = client.post(reverse("parts:disbursement_hand_over", args=[disbursement.pk]),
                           {"received_by_name": "นางสาวสมใจ รับของ", "received_by_position": "เจ้าพนักงานธุรการ",
                            "signed_date": ""})
    assert response.status_code == 302
    disbursement.refresh_from_db()
    assert disbursement.status == "handed_over" and disbursement.received_by_name == "นางสาวสมใจ รับของ"
    assert disbursement.signed_at is not None and disbursement.handed_over_by == technician
    assert (stock_balance(toner), stock_balance(mouse)) == (7, 2)
    issued = dict(Movement.objects.filter(disbursement=disbursement).values_list("item__code", "quantity"))
    assert issued == {"TN-HP85A": -3, "MS-USB": -2}

    text = _pdf_text(client.get(reverse("parts:disbursement_slip", args=[disbursement.pk])))
    assert "TN-HP85A" in text and "MS-USB" in text
    assert f"{thai_digits(3)} ตลับ" in text and f"{thai_digits(2)} ตัว" in text
    assert "สมใจ" in text
    assert thai_digits("7,670.00") in text  # 3 × 2,390 + 2 × 250
    preview = client.get(reverse("parts:disbursement_slip", args=[disbursement.pk]), {"preview": "1"})
    body = preview.content.decode()
    assert 'data-quantity="3"' in body and 'data-quantity="2"' in body
    # The stock card shows the issue to the unit.
    card = client.get(reverse("parts:stock_card", args=[toner.pk]))
    assert disbursement.number in card.content.decode()


def test_handing_over_more_than_on_hand_is_refused_with_the_available_quantity(
    login, technician, stock_officer, unit_a, toner
):
    disbursement = disbursement_create(unit=unit_a, purpose="สำรอง", lines=[(toner, 8)], by=technician)
    from tickets.parts.services import stock_adjust

    stock_adjust(item=toner, delta=-5, reason="ตรวจนับพบชำรุด", by=stock_officer)
    response = login(technician).post(reverse("parts:disbursement_hand_over", args=[disbursement.pk]),
                                      {"received_by_name": "ผู้รับ"})
    assert response.status_code == 200
    assert "ต้องการ 8 ตลับ แต่มีคงเหลือเพียง 5 ตลับ" in response.content.decode()
    disbursement.refresh_from_db()
    assert disbursement.status == "draft" and disbursement.received_by_name == ""
    assert stock_balance(toner) == 5
    assert not Movement.objects.filter(disbursement=disbursement).exists()


def test_preparing_more_than_on_hand_is_refused(login, technician, unit_a, toner):
    response = login(technician).post(reverse("parts:disbursement_new"), _new_data(unit_a, (toner, 11)))
    assert response.status_code == 200
    assert "มีคงเหลือเพียง 10 ตลับ" in response.content.decode()
    assert not Disbursement.objects.exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"purpose": ""}, "ฟิลด์นี้จำเป็น"),
        ({"ticket_number": "2569-99999"}, "ไม่พบใบแจ้งซ่อมเลขที่นี้"),
        ({"lines-0-quantity": "-1"}, "1"),
        ({"lines-0-item": "", "lines-0-quantity": ""}, "กรุณาระบุรายการที่เบิกอย่างน้อย 1 รายการ"),
        ({"lines-1-item": "__same__", "lines-1-quantity": "1"}, "ซ้ำกัน"),
    ],
)
def test_bad_disbursement_input_is_refused_in_thai(login, technician, unit_a, toner, extra, message):
    extra = {k: (str(toner.pk) if v == "__same__" else v) for k, v in extra.items()}
    response = login(technician).post(reverse("parts:disbursement_new"), _new_data(unit_a, (toner, 1), **extra))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Disbursement.objects.exists()


def test_a_signed_date_in_the_future_is_refused(login, technician, unit_a, toner):
    disbursement = disbursement_create(unit=unit_a, purpose="สำรอง", lines=[(toner, 1)], by=technician)
    response = login(technician).post(reverse("parts:disbursement_hand_over", args=[disbursement.pk]),
                                      {"received_by_name": "ผู้รับ", "signed_date": "01/01/2600"})
    assert "วันที่ลงนามรับต้องไม่เป็นวันในอนาคต" in response.content.decode()
    assert Disbursement.objects.get().status == "draft"


def test_a_handed_over_disbursement_cannot_be_handed_over_or_cancelled_again(login, technician, unit_a, toner):
    disbursement = disbursement_create(unit=unit_a, purpose="สำรอง", lines=[(toner, 1)], by=technician)
    client = login(technician)
    client.post(reverse("parts:disbursement_hand_over", args=[disbursement.pk]), {"received_by_name": "ผู้รับ"})
    again = client.post(reverse("parts:disbursement_hand_over", args=[disbursement.pk]), {"received_by_name": "อีก"})
    assert "ส่งมอบซ้ำไม่ได้" in again.content.decode()
    cancel = client.post(reverse("parts:disbursement_cancel", args=[disbursement.pk]), {"reason": "ผิด"})
    assert "ยกเลิกได้เฉพาะใบเบิกที่ยังไม่ส่งมอบ" in cancel.content.decode()
    assert stock_balance(toner) == 9
    assert Disbursement.objects.get().status == "handed_over"


def test_a_draft_is_cancelled_with_a_reason(login, technician, unit_a, toner):
    disbursement = disbursement_create(unit=unit_a, purpose="สำรอง", lines=[(toner, 1)], by=technician)
    client = login(technician)
    response = client.post(reverse("parts:disbursement_cancel", args=[disbursement.pk]), {"reason": ""})
    assert response.status_code == 200 and Disbursement.objects.get().status == "draft"
    client.post(reverse("parts:disbursement_cancel", args=[disbursement.pk]), {"reason": "หน่วยงานยกเลิกคำขอ"})
    assert Disbursement.objects.get().status == "cancelled"
    assert stock_balance(toner) == 10


def test_unit_people_read_their_own_units_slip_but_cannot_act(
    login, technician, unit_a, toner, requester_a, requester_b, supervisor_a
):
    disbursement = disbursement_create(unit=unit_a, purpose="สำรอง", lines=[(toner, 1)], by=technician)
    detail = reverse("parts:disbursement_detail", args=[disbursement.pk])
    hand_over = reverse("parts:disbursement_hand_over", args=[disbursement.pk])
    assert login(requester_a).get(detail).status_code == 200
    assert 'id="hand-over-form"' not in login(requester_a).get(detail).content.decode()
    assert login(requester_a).post(hand_over, {"received_by_name": "x"}).status_code == 403
    assert login(requester_a).get(reverse("parts:disbursement_new")).status_code == 403
    assert login(supervisor_a).get(detail).status_code == 200
    assert login(requester_b).get(detail).status_code == 404
    assert login(requester_b).get(reverse("parts:disbursement_slip", args=[disbursement.pk])).status_code == 404
    assert login(requester_b).post(hand_over, {"received_by_name": "x"}).status_code == 404
    assert Disbursement.objects.get().status == "draft"
    listing = login(requester_b).get(reverse("parts:disbursement_list"))
    assert list(listing.context["page"]) == []


def test_changing_urls_refuse_get(login, technician, unit_a, toner):
    disbursement = disbursement_create(unit=unit_a, purpose="สำรอง", lines=[(toner, 1)], by=technician)
    client = login(technician)
    assert client.get(reverse("parts:disbursement_hand_over", args=[disbursement.pk])).status_code == 405
    assert client.get(reverse("parts:disbursement_cancel", args=[disbursement.pk])).status_code == 405


def test_the_list_searches_and_exports(login, technician, unit_a, unit_b, toner):
    disbursement_create(unit=unit_a, purpose="ฝ่ายทะเบียน", lines=[(toner, 1)], by=technician)
    disbursement_create(unit=unit_b, purpose="งานบัตรประชาชน", lines=[(toner, 1)], by=technician)
    client = login(technician)
    page = client.get(reverse("parts:disbursement_list"), {"q": "บัตร", "sort": "unit"})
    assert [d.purpose for d in page.context["page"]] == ["งานบัตรประชาชน"]
    csv = client.get(reverse("parts:disbursement_list"), {"format": "csv"})
    assert csv["Content-Disposition"].startswith("attachment")
    assert "ฝ่ายทะเบียน" in csv.content.decode("utf-8-sig")
