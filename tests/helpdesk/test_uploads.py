"""The kernel's upload checks (helpdesk.uploads): by content, not by name, and by size."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from helpdesk import uploads


def image_bytes(fmt: str = "PNG", size=(4, 3)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, fmt)
    return buffer.getvalue()


def pdf_bytes(pages: int = 1) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=72, height=72)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_it_sniffs_the_type_from_the_bytes_not_the_name():
    assert uploads.sniff(pdf_bytes()) == uploads.PDF
    assert uploads.sniff(image_bytes("PNG")) == uploads.PNG
    assert uploads.sniff(image_bytes("JPEG")) == uploads.JPEG
    assert uploads.sniff(b"<html><script>alert(1)</script></html>") is None
    upload = SimpleUploadedFile("photo.png", b"%PDF-1.7 not really an image")
    assert uploads.sniff(uploads.read_head(upload)) == uploads.PDF
    assert upload.tell() == 0


def test_it_decodes_images_and_refuses_broken_ones_and_bombs(monkeypatch):
    assert uploads.inspect_image(image_bytes("JPEG", (5, 7))) == uploads.ImageInfo("JPEG", 35)
    upload = SimpleUploadedFile("x.png", image_bytes())
    assert uploads.inspect_image(upload).format == "PNG" and upload.tell() == 0
    with pytest.raises(uploads.BrokenFile):
        uploads.inspect_image(image_bytes("PNG")[:40])
    monkeypatch.setattr(uploads, "MAX_IMAGE_PIXELS", 11)
    with pytest.raises(uploads.ImageTooLarge):
        uploads.inspect_image(image_bytes("PNG", (4, 3)))


def test_it_reads_the_structure_of_pdf_and_office_files():
    assert uploads.pdf_problem(pdf_bytes()) is None
    assert uploads.pdf_problem(pdf_bytes(pages=0)) == "empty"
    assert uploads.pdf_problem(b"%PDF-1.4 garbage") == "broken"
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("[Content_Types].xml", uploads.OOXML["docx"][0])
        archive.writestr("word/document.xml", "<w:document/>")
    assert uploads.ooxml_problem(package.getvalue(), "docx") is None
    assert uploads.ooxml_problem(package.getvalue(), "xlsx") == "broken"
    assert uploads.ooxml_problem(b"PK\x03\x04 not a zip", "docx") == "broken"


def test_it_refuses_too_large_and_empty_files_with_the_callers_message():
    big = SimpleUploadedFile("a.pdf", b"x" * 11)
    with pytest.raises(ValidationError) as error:
        uploads.check_size(big, limit=10, too_large="ไฟล์ใหญ่เกิน", empty="ไฟล์ว่าง")
    assert error.value.code == "too_large" and error.value.messages == ["ไฟล์ใหญ่เกิน"]
    with pytest.raises(ValidationError) as error:
        uploads.check_size(SimpleUploadedFile("a.pdf", b""), limit=10, too_large="ใหญ่", empty="ไฟล์ว่าง")
    assert error.value.code == "empty"
    uploads.check_size(SimpleUploadedFile("a.pdf", b""), limit=10, too_large="ใหญ่")  # empty allowed when no message
    uploads.check_size(SimpleUploadedFile("a.pdf", b"x" * 10), limit=10, too_large="ใหญ่")


def test_stored_names_are_random_and_never_the_clients():
    first = uploads.random_name("network/memos", "../../etc/passwd.html")
    assert first.startswith("network/memos/") and first.endswith(".bin") and "passwd" not in first
    assert uploads.random_name("x", "scan.PDF").endswith(".pdf")
    assert uploads.random_name("x", "a.pdf") != uploads.random_name("x", "a.pdf")
