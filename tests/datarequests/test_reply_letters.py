"""The reply (หนังสือภายนอก) and the summary memo (บันทึกข้อความ) come from the outgoing register: numbered
when sent / closed, reprinted byte for byte, hidden from other units; notices name their kind; reminders once."""

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from helpdesk.correspondence.models import Agency, IssuedDocument, RegisterCounter
from helpdesk.notifications.kinds import all_kinds
from helpdesk.notifications.models import Notification, SentReminder
from helpdesk.notifications.services import reminders_send
from tests.conftest import make_user
from tickets.datarequests import services
from tickets.datarequests.letters import REPLY, SUMMARY
from tickets.datarequests.models import DeputyApprover

from .conftest import at, pdf_text, thai_extracted

pytestmark = pytest.mark.django_db


def streamed(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def signer(deputy):
    """The deputy director who approves signs the reply (002 §3 step 4), under the title set in the admin."""
    DeputyApprover.objects.create(user=deputy, title="รองผู้อำนวยการสำนักงาน")
    return deputy


def test_the_approving_deputy_signs_the_reply_not_the_agencys_default_signer(officer, it_head, make_request, walk,
                                                                            signer):
    agency = Agency.current()
    agency.default_signer = it_head
    agency.default_signer_position = "ผู้อำนวยการกองระบบคอมพิวเตอร์"
    agency.save()
    obj = walk(make_request(officer), to="replied")
    reply = IssuedDocument.objects.get(kind=REPLY)
    assert (reply.signer, reply.signer_position) == (signer, "รองผู้อำนวยการสำนักงาน") and obj.approved_by == signer


def test_a_refusal_no_deputy_approved_is_signed_by_the_agencys_signer(officer, it_head, make_request):
    agency = Agency.current()
    agency.default_signer = it_head
    agency.default_signer_position = "ผู้อำนวยการกองระบบคอมพิวเตอร์"
    agency.save()
    obj = make_request(officer)
    services.data_request_start_screening(request=obj, by=it_head)
    obj = services.data_request_refuse(request=obj, by=it_head, reason="ไม่ใช่ข้อมูลของหน่วยงาน", criteria={},
                                       officer=officer)
    services.data_request_send_reply(request=obj, by=officer, sent_at=at(2026, 11, 24, 11), sent_method="post")
    reply = IssuedDocument.objects.get(kind=REPLY)
    assert (reply.signer, reply.signer_position) == (it_head, "ผู้อำนวยการกองระบบคอมพิวเตอร์")


def test_the_reply_takes_the_next_register_number_when_it_is_sent(officer, make_request, walk, signer, tmp_path):
    obj = walk(make_request(officer), to="approved")
    assert not IssuedDocument.objects.exists()  # approved, not yet numbered
    obj = services.data_request_send_reply(request=obj, by=officer, sent_at=at(2026, 11, 25, 15),
                                           sent_method="post", sent_note="EMS EA123456789TH")
    document = IssuedDocument.objects.get()
    assert document.kind == REPLY and document.form == "external" and document.record == obj
    assert obj.status == "replied" and obj.reply_number == document.number and obj.reply_date == document.issued_on
    assert obj.sent_method == "post" and obj.sent_by == officer
    assert document.issued_by == officer and document.signer == signer
    assert document.signer_position == "รองผู้อำนวยการสำนักงาน"
    assert RegisterCounter.objects.get().last_number == document.sequence == 1
    assert obj.events.get(to_status="replied").note.startswith(f"ส่งหนังสือตอบที่ {document.number}")
    text = pdf_text(document.pdf.open("rb").read(), tmp_path)
    assert document.number in text and "วิภา" in text and thai_extracted("รองผู้อำนวยการสำนักงาน") in text
    assert "ไปรษณีย์" in text and thai_extracted("ขอส่งข้อมูลดังกล่าวมาพร้อมนี้") in text

    # Closing issues the summary memo with the next number; the memo names the reply.
    obj = services.data_request_close(request=obj, by=officer, summary="ผู้ขอยืนยันได้รับข้อมูลแล้ว")
    memo = IssuedDocument.objects.get(kind=SUMMARY)
    assert memo.form == "memo" and memo.sequence == 2 and memo.record == obj
    memo_text = pdf_text(memo.pdf.open("rb").read(), tmp_path)
    assert "บันทึกข้อความ" in memo_text and memo.number in memo_text and document.number in memo_text


def test_a_reprint_returns_the_same_bytes(client, officer, make_request, walk):
    obj = walk(make_request(officer), to="closed")
    client.force_login(officer)
    for kind, code in (("reply", REPLY), ("summary", SUMMARY)):
        document = IssuedDocument.objects.get(kind=code)
        first = streamed(client.get(reverse("datarequests:letter", args=[obj.pk, kind])))
        second = streamed(client.get(reverse("datarequests:letter", args=[obj.pk, kind])))
        via_register = streamed(client.get(reverse("correspondence:pdf", args=[document.pk])))
        assert first == second == via_register
        assert hashlib.sha256(first).hexdigest() == document.sha256
    assert IssuedDocument.objects.count() == 2  # reading never issues again


def test_a_unit_reads_its_issued_reply_and_another_unit_gets_404(client, requester_a, unit_a, unit_b, officer,
                                                                 make_request, walk):
    obj = walk(make_request(requester_a, channel="online", unit=unit_a), to="closed")
    reply = IssuedDocument.objects.get(kind=REPLY)
    assert reply.unit == unit_a
    client.force_login(requester_a)
    assert client.get(reverse("datarequests:letter", args=[obj.pk, "reply"])).status_code == 200
    assert client.get(reverse("correspondence:pdf", args=[reply.pk])).status_code == 200
    detail = client.get(reverse("datarequests:detail", args=[obj.pk])).content.decode()
    assert reply.number in detail and 'id="summary-letter"' in detail
    other = make_user("req_other", "requester", unit=unit_b)
    client.force_login(other)
    for kind in ("reply", "summary"):
        assert client.get(reverse("datarequests:letter", args=[obj.pk, kind])).status_code == 404
    for document in IssuedDocument.objects.all():
        assert client.get(reverse("correspondence:pdf", args=[document.pk])).status_code == 404
        assert client.get(reverse("correspondence:detail", args=[document.pk])).status_code == 404
    assert client.get(reverse("correspondence:draft", args=[REPLY, obj.pk])).status_code == 404
    response = client.post(reverse("correspondence:issue", args=[REPLY, obj.pk]))
    assert response.status_code == 404 and IssuedDocument.objects.count() == 2


def test_the_draft_is_unnumbered_and_the_register_will_not_issue_it_early(client, officer, it_head, make_request,
                                                                          walk, tmp_path):
    obj = walk(make_request(officer), to="approval")
    client.force_login(officer)
    response = client.get(reverse("datarequests:letter", args=[obj.pk, "reply"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    assert "(ยังไม่ออกเลข)" in text and "กท ๐๔๐๕" not in text
    preview = client.get(reverse("datarequests:letter", args=[obj.pk, "reply"]), {"preview": "1"})
    assert preview.status_code == 200 and "letter-number" in preview.content.decode()
    client.force_login(it_head)
    response = client.post(reverse("correspondence:issue", args=[REPLY, obj.pk]))
    assert response.status_code == 403 and not IssuedDocument.objects.exists()
    approved = walk(make_request(officer), to="approved")
    response = client.post(reverse("correspondence:issue", args=[REPLY, approved.pk]))
    assert response.status_code == 403 and not IssuedDocument.objects.exists()  # numbered only when sent
    with pytest.raises(ValidationError):
        services.data_request_send_reply(request=obj, by=officer, sent_at=at(2026, 11, 25, 15), sent_method="email")
    assert not IssuedDocument.objects.exists() and not RegisterCounter.objects.filter(last_number__gt=0).exists()


def test_a_refusal_still_gets_a_numbered_reply(client, it_head, officer, make_request, tmp_path):
    obj = make_request(officer)
    services.data_request_start_screening(request=obj, by=it_head)
    obj = services.data_request_refuse(request=obj, by=it_head, reason="ข้อมูลเป็นของสำนักงานเขตพื้นที่",
                                       criteria={}, officer=officer)
    client.force_login(officer)
    response = client.post(reverse("datarequests:send", args=[obj.pk]),
                           {"sent_at": "2026-11-24T11:00", "sent_method": "post", "sent_note": "EMS"})
    assert response.status_code == 302
    obj.refresh_from_db()
    document = IssuedDocument.objects.get(kind=REPLY)
    assert obj.status == "replied" and obj.outcome == "refused" and obj.reply_number == document.number
    text = pdf_text(streamed(client.get(reverse("datarequests:letter", args=[obj.pk, "reply"]))), tmp_path)
    assert document.number in text and "ไม่สามารถให้ข้อมูลตามที่ขอได้" in text and "สิ่งที่ส่งมาด้วย" not in text
    assert thai_extracted("แจ้งผลการพิจารณาคำขอความอนุเคราะห์ข้อมูล") in text


def test_a_cancelled_reply_can_be_issued_again_from_the_request_page(client, officer, it_head, make_request, walk):
    from helpdesk.correspondence.services import document_cancel

    obj = walk(make_request(officer), to="replied")
    first = IssuedDocument.objects.get()
    document_cancel(document=first, by=it_head, reason="พิมพ์ชื่อหน่วยงานผิด")
    client.force_login(it_head)
    page = client.get(reverse("datarequests:detail", args=[obj.pk])).content.decode()
    assert reverse("correspondence:issue", args=[REPLY, obj.pk]) in page
    response = client.post(reverse("correspondence:issue", args=[REPLY, obj.pk]))
    assert response.status_code == 302
    second = IssuedDocument.objects.current().get(kind=REPLY)
    assert second.sequence == first.sequence + 1
    letter = client.get(reverse("datarequests:letter", args=[obj.pk, "reply"]))
    assert streamed(letter) == second.pdf.open("rb").read()


def test_notices_carry_their_kind_and_link(officer, it_head, make_request, walk,
                                           django_capture_on_commit_callbacks):
    codes = dict(all_kinds())
    assert {"data_request", "data_request_due", "data_request_overdue"} <= set(codes)
    with django_capture_on_commit_callbacks(execute=True):
        obj = make_request(officer)
    path = reverse("datarequests:detail", args=[obj.pk])
    notice = Notification.objects.get(user=it_head)
    assert notice.kind == "data_request" and notice.url == path and obj.reference in notice.subject
    with django_capture_on_commit_callbacks(execute=True):
        walk(obj, to="accepted")
    assigned = Notification.objects.get(user=officer)
    assert assigned.kind == "data_request" and assigned.url == path


def test_send_reminders_delivers_each_notice_once(it_head, officer, deputy, make_request, walk):
    obj = walk(make_request(officer, received_at=at(2026, 12, 3, 14)), to="accepted")  # due Tue 8 Dec 14:00
    Notification.objects.all().delete()
    assert reminders_send(now=at(2026, 12, 4, 9)) == 0
    assert reminders_send(now=at(2026, 12, 7, 15)) >= 1  # Monday: within a working day of the limit
    near = Notification.objects.get(user=officer, kind="data_request_due")
    assert near.url == reverse("datarequests:detail", args=[obj.pk]) and obj.reference in near.subject
    assert reminders_send(now=at(2026, 12, 7, 16)) == 0  # not twice
    reminders_send(now=at(2026, 12, 8, 15))  # past the limit: the officer and the heads of ICT
    assert Notification.objects.filter(user=officer, kind="data_request_overdue").count() == 1
    assert Notification.objects.filter(user=it_head, kind="data_request_overdue").count() == 1
    call_command("send_reminders", verbosity=0)  # the scheduled job, run again: nothing new
    assert Notification.objects.filter(kind__startswith="data_request_").count() == 3
    assert SentReminder.objects.filter(key__startswith="datarequests.").count() == 2
