"""Uploads of personal data and memos: checked by content and size (helpdesk.uploads), stored under random names."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from helpdesk.uploads import IMAGE_FORMATS, PDF, BrokenFile, check_size, inspect_image, random_name, read_head, sniff

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def memo_upload_to(instance, filename: str) -> str:
    """The client's file name is never used: ``network/memos/<uuid>.pdf``."""
    return random_name("network/memos", filename)


def id_card_upload_to(instance, filename: str) -> str:
    return random_name("network/id-cards", filename)


def _check_size(upload) -> None:
    check_size(upload, limit=MAX_UPLOAD_BYTES, too_large=_("ไฟล์มีขนาดเกิน 10 MB"), empty=_("ไฟล์ว่างเปล่า"))


def validate_pdf(upload) -> None:
    """A memo must be a real PDF (starts with the %PDF magic)."""
    _check_size(upload)
    if sniff(read_head(upload)) != PDF:
        raise ValidationError(_("ไฟล์หนังสือบันทึกต้องเป็นไฟล์ PDF (ตรวจจากเนื้อหาไฟล์ ไม่ใช่ชื่อไฟล์)"), code="not_pdf")


def validate_id_card(upload) -> None:
    """An ID-card copy: a PDF, JPEG or PNG, recognised by its content; images must decode."""
    _check_size(upload)
    mime = sniff(read_head(upload))
    if mime == PDF:
        return
    if mime not in IMAGE_FORMATS:
        raise ValidationError(
            _("สำเนาบัตรประจำตัวต้องเป็นไฟล์ PDF, JPEG หรือ PNG (ตรวจจากเนื้อหาไฟล์)"), code="id_card_type"
        )
    try:
        inspect_image(upload)
    except BrokenFile as error:
        raise ValidationError(_("ไฟล์รูปภาพเสียหรืออ่านไม่ได้"), code="image_broken") from error
