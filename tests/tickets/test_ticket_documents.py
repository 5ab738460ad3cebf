"""The ticket slip with its QR code and the summary result letter, as PDF and HTML preview."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tickets.plugins.parts import PartLine, register_parts_provider, ticket_parts_lines, unregister_parts_provider

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(make_ticket, unit_a, hw, requester_a, asset_a):
    return make_ticket(unit_a, hw, requester=requester_a, asset=asset_a)


def issued_text(body: bytes) -> str:
    from tests.correspondence.conftest import pdf_text as layout_text

    return layout_text(body)


def issued_norm(words: str) -> str:
    from tests.correspondence.conftest import norm

    return norm(words)


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_slip_preview_has_the_facts_and_the_tracking_qr(login, requester_a, ticket, settings):
    response = login(requester_a).get(reverse("tickets:slip", args=[ticket.pk]), {"preview": "1"})
    body = response.content.decode()
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert ticket.number in body and ticket.unit.name in body and ticket.asset.asset_number in body
    assert "นำเครื่องมาส่งที่จุดบริการเบ็ดเสร็จ" in body
    assert "<svg" in body and 'class="qr"' in body
    assert response.context["tracking_url"] == settings.SITE_URL + f"/t/{ticket.tracking_token}/"


def test_the_slip_qr_decodes_to_the_tracking_url(login, requester_a, ticket, settings):
    from PIL import Image
    from pyzbar.pyzbar import decode

    from helpdesk.qr import qr_png

    expected = settings.SITE_URL + f"/t/{ticket.tracking_token}/"
    assert ticket.tracking_absolute_url == expected
    decoded = decode(Image.open(io.BytesIO(qr_png(ticket.tracking_absolute_url))))
    assert decoded[0].data.decode() == expected


def test_the_slip_pdf_has_thai_text_and_b_e_date(login, requester_a, ticket):
    response = login(requester_a).get(reverse("tickets:slip", args=[ticket.pk]))
    text = pdf_text(response)
    assert "ใบรับแจ้งซ่อม" in text and ticket.number in text
    assert str(ticket.created_at.year + 543) in text


def test_the_guarantee_flag_is_on_the_slip_and_letter(login, technician, make_ticket, unit_a, hw, asset_a, deliver):
    first = deliver(make_ticket(unit_a, hw, by=technician, asset=asset_a), technician)
    claim = make_ticket(unit_a, hw, by=technician, asset=asset_a)
    client = login(technician)
    slip = client.get(reverse("tickets:slip", args=[claim.pk]), {"preview": "1"}).content.decode()
    assert "งานการันตีภายใน 30 วัน" in slip and first.number in slip
    deliver(claim, technician)
    letter = client.get(reverse("tickets:letter", args=[claim.pk]), {"preview": "1"}).content.decode()
    assert "งานการันตีภายใน ๓๐ วัน" in letter


def test_the_letter_is_a_thai_memo_with_cause_fix_parts_technician_and_time(login, technician, ticket, deliver):
    from tickets.services import ticket_record_work

    ticket_record_work(ticket=ticket, by=technician, time_spent_minutes=90)
    deliver(ticket, technician)

    def lines(t):
        return [PartLine(description="หน่วยความจำ DDR4 8GB", quantity=2, unit="ชิ้น")]

    register_parts_provider(lines=lines)
    try:
        assert ticket_parts_lines(ticket)[0].description == "หน่วยความจำ DDR4 8GB"
        client = login(technician)
        body = client.get(reverse("tickets:letter", args=[ticket.pk]), {"preview": "1"}).content.decode()
        for part in ("บันทึกข้อความ", "ส่วนราชการ", "ที่", "วันที่", "เรื่อง", "เรียน", "signature",
                     "แรมเสีย", "เปลี่ยนแรม", "หน่วยความจำ DDR4 8GB", technician.get_full_name(), "๑ ชั่วโมง ๓๐ นาที"):
            assert part in body, part
        assert "(ยังไม่ออกเลข)" in body  # a draft until the register gives it a number and a date
        client.post(reverse("correspondence:issue", args=["ticket_summary", ticket.pk]))
        response = client.get(reverse("tickets:letter", args=[ticket.pk]))
        assert response["Content-Type"] == "application/pdf"
        text = issued_text(b"".join(response.streaming_content))
        for words in ("บันทึกข้อความ", "เปลี่ยนแรม", "หน่วยความจำ DDR4 8GB"):
            assert issued_norm(words) in text, words
        assert any(digit in text.split("วันที่", 1)[1][:20] for digit in "๐๑๒๓๔๕๖๗๘๙")
    finally:
        unregister_parts_provider(lines=lines)
    assert ticket_parts_lines(ticket) == []


def test_requesters_get_the_letter_only_once_the_work_is_done(login, requester_a, ticket):
    assert login(requester_a).get(reverse("tickets:letter", args=[ticket.pk]), {"preview": "1"}).status_code == 403
