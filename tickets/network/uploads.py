"""Uploads of personal data and memos: checked by content and size, stored under random names."""

import uuid
from pathlib import PurePath

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def _random_name(folder: str, filename: str) -> str:
    ext = PurePath(filename).suffix.lower().lstrip(".")
    ext = ext if ext in {"pdf", "jpg", "jpeg", "png"} else "bin"
    return f"network/{folder}/{uuid.uuid4().hex}.{ext}"


def memo_upload_to(instance, filename: str) -> str:
    """The client's file name is never used: ``network/memos/<uuid>.pdf``."""
    return _random_name("memos", filename)


def id_card_upload_to(instance, filename: str) -> str:
    return _random_name("id-cards", filename)


def _check_size(upload) -> None:
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("ไฟล์มีขนาดเกิน 10 MB"), code="too_large")
    if upload.size == 0:
        raise ValidationError(_("ไฟล์ว่างเปล่า"), code="empty")


def _head(upload, size: int = 512) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def validate_pdf(upload) -> None:
    """A memo must be a real PDF (starts with the %PDF magic)."""
    _check_size(upload)
    if not _head(upload, 5).startswith(b"%PDF-"):
        raise ValidationError(_("ไฟล์หนังสือบันทึกต้องเป็นไฟล์ PDF (ตรวจจากเนื้อหาไฟล์ ไม่ใช่ชื่อไฟล์)"), code="not_pdf")


def validate_id_card(upload) -> None:
    """An ID-card copy: a PDF, JPEG or PNG, recognised by its content; images must decode."""
    _check_size(upload)
    head = _head(upload, 262)
    if head.startswith(b"%PDF-"):
        return
    kind = filetype.guess(head)
    if kind is None or kind.mime not in {"image/jpeg", "image/png"}:
        raise ValidationError(
            _("สำเนาบัตรประจำตัวต้องเป็นไฟล์ PDF, JPEG หรือ PNG (ตรวจจากเนื้อหาไฟล์)"), code="id_card_type"
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(_("ไฟล์รูปภาพเสียหรืออ่านไม่ได้"), code="image_broken") from error
    finally:
        upload.seek(0)
