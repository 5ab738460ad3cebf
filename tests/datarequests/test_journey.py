"""A letter walked through the pages: record, screen, prepare, returns at both levels, approve, reply, close."""

import pytest
from django.urls import reverse

from helpdesk.correspondence.models import IssuedDocument
from tickets.datarequests.models import CRITERIA, DataRequest, DataRequestEvent

from .conftest import csv_upload, pdf_text, pdf_upload, xlsx_upload

pytestmark = pytest.mark.django_db


def detail(pk):
    return reverse("datarequests:detail", args=[pk])


def url(name, pk, *args):
    return reverse(f"datarequests:{name}", args=[pk, *args])


def test_a_letter_goes_from_receipt_through_both_returns_to_the_summary(
    client, it_head, officer, deputy, tmp_path
):
    client.force_login(officer)
    response = client.post(reverse("datarequests:create"), {
        "letter_number": "ศธ 0512/1234", "letter_date": "2026-11-20", "letter_scan": pdf_upload(),
        "received_at": "2026-11-27T10:00", "organisation": "มหาวิทยาลัยราชภัฏพระนคร",
        "parent_agency": "กระทรวง อว.", "contact_name": "ดร.สมชาย วิจัยดี", "contact_phone": "02 544 8000",
        "contact_email": "somchai@example.ac.th", "purpose": "งานวิจัย", "data_requested": "ผลการประเมินรอบสี่",
        "scope": "ปี 2565–2567", "data_owner": "สมศ.", "delivery_method": "email",
        "delivery_detail": "somchai@example.ac.th",
    })
    obj = DataRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == detail(obj.pk)
    assert obj.status == "received" and obj.recorded_by == officer and obj.channel == "letter"
    # Friday 27 Nov 2026 10:00 + 3 working days = Wednesday 2 Dec 10:00 (no holidays set).
    assert obj.due_at.isoformat().startswith("2026-12-02T03:00")

    client.force_login(it_head)
    assert client.post(url("start_screening", obj.pk)).status_code == 302
    criteria = dict.fromkeys(CRITERIA, "on")
    response = client.post(url("screen", obj.pk), {"decision": "accept", "officer": officer.pk, **criteria})
    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.status == "accepted" and obj.officer == officer and obj.screened_by == it_head and obj.crit_scope

    client.force_login(officer)
    client.post(url("start_preparing", obj.pk))
    response = client.post(url("file_add", obj.pk), {"file": xlsx_upload("ผลประเมิน.xlsx"), "description": "ตาราง"})
    assert response.status_code == 302
    client.post(url("file_add", obj.pk), {"file": csv_upload(), "is_personal": "on"})
    assert obj.files.count() == 2 and obj.files.filter(is_personal=True).count() == 1
    client.post(url("submit", obj.pk), {"cover_memo": "เสนอข้อมูลผลประเมินตามที่ขอ"})
    obj.refresh_from_db()
    assert obj.status == "review" and obj.cover_memo == "เสนอข้อมูลผลประเมินตามที่ขอ"

    client.force_login(it_head)
    client.post(url("review", obj.pk), {"action": "return", "note": "ขาดข้อมูลปี 2567"})
    obj.refresh_from_db()
    assert obj.status == "preparing" and obj.return_note == "ขาดข้อมูลปี 2567"
    page = client.get(detail(obj.pk))
    assert "ขาดข้อมูลปี 2567" in page.content.decode()

    client.force_login(officer)
    client.post(url("submit", obj.pk), {"cover_memo": "แก้ไขแล้ว เพิ่มปี 2567"})
    client.force_login(it_head)
    client.post(url("review", obj.pk), {"action": "pass", "note": ""})
    obj.refresh_from_db()
    assert obj.status == "approval" and obj.reviewed_by == it_head

    client.force_login(deputy)
    client.post(url("approve", obj.pk), {"action": "return", "note": "ตัดชื่อผู้บริหารสถานศึกษาออก"})
    obj.refresh_from_db()
    assert obj.status == "preparing" and obj.reviewed_by is None and obj.return_note.startswith("ตัดชื่อ")

    client.force_login(officer)
    client.post(url("submit", obj.pk), {"cover_memo": "ตัดชื่อออกแล้ว"})
    client.force_login(it_head)
    client.post(url("review", obj.pk), {"action": "pass"})
    client.force_login(deputy)
    client.post(url("approve", obj.pk), {"action": "approve", "note": "อนุมัติ"})
    obj.refresh_from_db()
    assert obj.status == "approved" and obj.approved_by == deputy and obj.outcome == "granted"

    client.force_login(officer)
    response = client.get(url("letter", obj.pk, "reply"))
    assert response["Content-Type"] == "application/pdf"
    response = client.post(url("send", obj.pk), {"sent_at": "2026-12-01T09:30", "sent_method": "email",
                                                 "sent_note": "ส่งถึง somchai@example.ac.th"})
    assert response.status_code == 302
    obj.refresh_from_db()
    reply = IssuedDocument.objects.get(kind="datarequest_reply")
    assert obj.status == "replied" and obj.reply_number == reply.number and obj.sent_by == officer
    assert reply.number.endswith("/๑") and reply.form == "external" and reply.record == obj
    text = pdf_text(b"".join(client.get(url("letter", obj.pk, "reply")).streaming_content), tmp_path)
    assert reply.number in text and "๒๕๖๙" in text and "ผลประเมิน.xlsx" in text
    assert "ขอแสดงความนับถือ" in text

    client.post(url("close", obj.pk), {"summary": "ส่งข้อมูลผลประเมินครบถ้วนทางอีเมล"})
    obj.refresh_from_db()
    assert obj.status == "closed" and obj.closed_at is not None
    text = pdf_text(b"".join(client.get(url("letter", obj.pk, "summary")).streaming_content), tmp_path)
    summary = IssuedDocument.objects.get(kind="datarequest_summary")
    assert summary.form == "memo" and summary.number.endswith("/๒") and summary.record == obj
    assert "บันทึกข้อความ" in text and "ส่งข้อมูลผลประเมินครบถ้วนทางอีเมล" in text and "ทันตามมาตรฐาน" in text
    assert summary.number in text and reply.number in text

    events = list(DataRequestEvent.objects.filter(request=obj).values_list("from_status", "to_status"))
    assert events == [
        ("", "received"), ("received", "screening"), ("screening", "accepted"), ("accepted", "preparing"),
        ("preparing", "review"), ("review", "preparing"), ("preparing", "review"), ("review", "approval"),
        ("approval", "preparing"), ("preparing", "review"), ("review", "approval"), ("approval", "approved"),
        ("approved", "replied"), ("replied", "closed"),
    ]
    returns = DataRequestEvent.objects.filter(request=obj, to_status="preparing", from_status__in=["review",
                                                                                                  "approval"])
    assert [e.note for e in returns] == ["ขาดข้อมูลปี 2567", "ตัดชื่อผู้บริหารสถานศึกษาออก"]


def test_an_illegal_step_is_refused_with_a_thai_message(client, it_head, officer, make_request):
    obj = make_request(officer)
    client.force_login(it_head)
    response = client.post(url("review", obj.pk), {"action": "pass"}, follow=True)
    assert response.status_code == 403 or "ไม่สามารถเปลี่ยนสถานะ" in response.content.decode()
    obj.refresh_from_db()
    assert obj.status == "received"
