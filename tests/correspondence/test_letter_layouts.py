"""บันทึกข้อความ and หนังสือภายนอก per the regulation, with the agency's emblem uploaded and without it."""

import io
import os

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from helpdesk.correspondence.admin import AgencyForm
from helpdesk.correspondence.services import document_issue
from tests.correspondence.conftest import emblem_png, norm, pdf_text

pytestmark = pytest.mark.django_db


def image_sizes(body: bytes) -> list[tuple[float, float]]:
    """Width and height (in cm, as placed on the page) of every image drawn on the first page."""
    page = PdfReader(io.BytesIO(body)).pages[0]
    sizes = []

    def visitor(op, args, cm, tm):
        if op == b"Do":
            sizes.append((round(cm[0] / 72 * 2.54, 2), round(cm[3] / 72 * 2.54, 2)))

    page.extract_text(visitor_operand_before=visitor)
    return sizes


def test_the_memo_has_its_heading_and_a_1_5_cm_emblem_when_uploaded(done_ticket, make_done_ticket, technician,
                                                                    agency):
    without = document_issue(kind="ticket_summary", target=done_ticket, by=technician)
    agency.emblem.save("emblem.png", ContentFile(emblem_png()), save=True)
    with_emblem = document_issue(kind="ticket_summary", target=make_done_ticket(), by=technician)
    assert image_sizes(without.pdf.read()) == []
    assert image_sizes(with_emblem.pdf.read()) == [(1.5, 1.5)]
    text = pdf_text(with_emblem.pdf.open("rb").read())
    for words in ("บันทึกข้อความ", "ส่วนราชการ", f"ที่ {with_emblem.number}", "วันที่", "เรื่อง", "เรียน"):
        assert norm(words) in text, words


def test_the_external_letter_has_a_3_cm_emblem_address_closing_and_contact_line(done_ticket, make_done_ticket,
                                                                               technician, agency, team_a):
    agency.unit_letter_form = "external"
    agency.save()
    without = document_issue(kind="ticket_summary", target=done_ticket, by=technician)
    agency.emblem.save("emblem.png", ContentFile(emblem_png()), save=True)
    with_emblem = document_issue(kind="ticket_summary", target=make_done_ticket(), by=technician)
    assert without.form == "external" and image_sizes(without.pdf.read()) == []
    assert image_sizes(with_emblem.pdf.read()) == [(3.0, 3.0)]
    text = pdf_text(with_emblem.pdf.open("rb").read())
    for words in (f"ที่ {with_emblem.number}", "๑๗๓ ถนนดินสอ", "กรุงเทพมหานคร ๑๐๒๐๐", "เรื่อง", "เรียน",
                  "ขอแสดงความนับถือ", team_a.name, "โทร. ๐ ๒๒๒๔ ๑๒๓๔", team_a.email):
        assert norm(words) in text, words
    assert "บันทึกข้อความ" not in text
    # Without an emblem the space is kept: the number line sits as low as with it.
    assert _y_of_number(without.pdf.open("rb").read()) == pytest.approx(_y_of_number(with_emblem.pdf.open("rb").read()),
                                                                       abs=1)


def _y_of_number(body: bytes) -> float:
    page = PdfReader(io.BytesIO(body)).pages[0]
    found = []

    def visitor(text, cm, tm, font, size):
        if text.strip().startswith("ที่") and not found:
            found.append(tm[5])

    page.extract_text(visitor_text=visitor)
    return found[0]


def test_a_reference_to_the_units_memo_is_printed_under_อ้างถึง(done_ticket, technician, agency):
    type(done_ticket).objects.filter(pk=done_ticket.pk).update(memo_number="กท 5001/88")
    done_ticket.refresh_from_db()
    document = document_issue(kind="ticket_summary", target=done_ticket, by=technician)
    assert norm("อ้างถึง หนังสือสำนักงานเขตบางเขน ที่ กท ๕๐๐๑/๘๘") in pdf_text(document.pdf.read())


def test_the_emblem_upload_takes_only_png_or_jpeg_images_up_to_2_mb(agency):
    def form_with(upload):
        data = {"name": agency.name, "unit_letter_form": "memo"}
        return AgencyForm(data, {"emblem": upload}, instance=agency)

    assert form_with(SimpleUploadedFile("garuda.png", emblem_png(), "image/png")).is_valid()
    fake = form_with(SimpleUploadedFile("garuda.png", b"<svg onload=alert(1)>", "image/png"))
    assert not fake.is_valid() and "emblem" in fake.errors
    gif = io.BytesIO()
    from PIL import Image

    Image.new("RGB", (10, 10)).save(gif, format="GIF")
    wrong_kind = form_with(SimpleUploadedFile("garuda.gif", gif.getvalue(), "image/gif"))
    assert not wrong_kind.is_valid() and "PNG หรือ JPEG" in str(wrong_kind.errors["emblem"])
    big = io.BytesIO()
    Image.frombytes("RGB", (1000, 1000), os.urandom(1000 * 1000 * 3)).save(big, format="PNG")  # noise: no compression
    assert big.tell() > 2 * 1024 * 1024
    too_big = form_with(SimpleUploadedFile("garuda.png", big.getvalue(), "image/png"))
    assert not too_big.is_valid() and "2 MB" in str(too_big.errors["emblem"])
