"""Project documents (flowchart, sign-in sheet, TOR, selection report …): PDF, JPEG/PNG or Office files,
checked by content and size, stored under a random name and always served as a download."""

import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from helpdesk.uploads import PDF_MAGIC, check_size, read_head, uuid_path

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
OOXML_MARKERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}


def document_upload_to(instance, filename: str) -> str:
    ext = getattr(instance, "_checked_ext", "") or "bin"
    return uuid_path("systems/documents", ext)


def manual_upload_to(instance, filename: str) -> str:
    return uuid_path("systems/manuals", "pdf")


def sniff_document(upload) -> str:
    """The extension the content shows (pdf, png, jpg, docx, xlsx, pptx); ValidationError otherwise."""
    check_size(upload, limit=MAX_DOCUMENT_BYTES, too_large=_("ไฟล์มีขนาดเกิน 10 MB"), empty=_("ไฟล์ว่างเปล่า"))
    head = read_head(upload, 8)
    if head.startswith(PDF_MAGIC):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            names = []
        finally:
            upload.seek(0)
        for ext, marker in OOXML_MARKERS.items():
            if any(name.startswith(marker) for name in names) and "[Content_Types].xml" in names:
                return ext
    raise ValidationError(_("รองรับเฉพาะไฟล์ PDF, JPEG, PNG, Word, Excel หรือ PowerPoint (ตรวจจากเนื้อหาไฟล์)"),
                          code="bad_type")


def validate_pdf(upload) -> None:
    if sniff_document(upload) != "pdf":
        raise ValidationError(_("คู่มือต้องเป็นไฟล์ PDF (ตรวจจากเนื้อหาไฟล์ ไม่ใช่ชื่อไฟล์)"), code="not_pdf")
