"""Attachment checks by content, not by name (helpdesk.uploads): PDF header and structure, a real JPEG/PNG,
an OOXML package; the publishing limits and messages."""

import hashlib
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from helpdesk.uploads import (
    JPEG,
    PDF,
    PNG,
    BrokenFile,
    ImageTooLarge,
    inspect_image,
    ooxml_problem,
    pdf_problem,
    read_all,
    sniff,
)

MAX_ATTACHMENTS = 10
ALLOWED_EXTENSIONS = {".pdf": "pdf", ".jpg": "image", ".jpeg": "image", ".png": "image", ".docx": "docx",
                      ".xlsx": "xlsx"}
OOXML_CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def max_upload_bytes() -> int:
    return getattr(settings, "PUBLISHING_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)


@dataclass
class CheckedFile:
    upload: UploadedFile
    name: str
    kind: str
    content_type: str
    size: int
    sha256: str


def _clean_name(name: str) -> str:
    base = PurePosixPath((name or "").replace("\\", "/")).name.strip()
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '"<>|:*?')
    return base[-200:] or "file"


def _check_pdf(data: bytes) -> None:
    if sniff(data) != PDF:
        raise ValidationError(_("ไฟล์นี้ไม่ใช่ PDF จริง (นามสกุล .pdf แต่เนื้อไฟล์ไม่ใช่ PDF)"), code="fake_pdf")
    problem = pdf_problem(data)
    if problem == "encrypted":
        raise ValidationError(_("ไม่รับไฟล์ PDF ที่ใส่รหัสผ่าน"), code="encrypted_pdf")
    if problem == "empty":
        raise ValidationError(_("ไฟล์ PDF ไม่มีหน้าเอกสาร"), code="empty_pdf")
    if problem:
        raise ValidationError(_("ไฟล์ PDF เสียหาย อ่านไม่ได้"), code="broken_pdf")


def _check_image(data: bytes, extension: str) -> str:
    try:
        image_format = inspect_image(data).format
    except ImageTooLarge:
        raise ValidationError(_("รูปภาพมีขนาดใหญ่เกินไป"), code="image_too_large") from None
    except BrokenFile as exc:
        raise ValidationError(_("ไฟล์นี้ไม่ใช่รูปภาพ JPEG หรือ PNG ที่ถูกต้อง"), code="bad_image") from exc
    expected = "PNG" if extension == ".png" else "JPEG"
    if image_format != expected:
        raise ValidationError(_("เนื้อไฟล์ไม่ตรงกับนามสกุล %(ext)s") % {"ext": extension}, code="image_mismatch")
    return PNG if image_format == "PNG" else JPEG


def _check_ooxml(data: bytes, kind: str) -> str:
    if ooxml_problem(data, kind):
        raise ValidationError(_("ไฟล์นี้ไม่ใช่เอกสาร %(kind)s ที่ถูกต้อง") % {"kind": kind.upper()}, code="bad_ooxml")
    return OOXML_CONTENT_TYPES[kind]


def check_upload(upload: UploadedFile) -> CheckedFile:
    """Validate one uploaded file; raise ValidationError with a Thai message when it is not acceptable."""
    name = _clean_name(upload.name)
    extension = PurePosixPath(name).suffix.lower()
    kind = ALLOWED_EXTENSIONS.get(extension)
    if kind is None:
        raise ValidationError(
            _("ไฟล์ %(name)s: รับเฉพาะ PDF, JPEG, PNG, DOCX และ XLSX") % {"name": name}, code="bad_extension"
        )
    limit = max_upload_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("ไฟล์ %(name)s มีขนาด %(size)s เกินกำหนด %(limit)s")
            % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("ไฟล์ %(name)s ว่างเปล่า") % {"name": name}, code="empty")
    data = read_all(upload)
    try:
        if kind == "pdf":
            _check_pdf(data)
            content_type = "application/pdf"
        elif kind == "image":
            content_type = _check_image(data, extension)
        else:
            content_type = _check_ooxml(data, kind)
    except ValidationError as error:
        raise ValidationError(f"{name}: {error.messages[0]}", code=error.code) from None
    return CheckedFile(
        upload=upload, name=name, kind=kind, content_type=content_type, size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
