"""The agenda attached to a booking: a PDF, checked by content and size, stored under a random name."""

import uuid

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_AGENDA_BYTES = 10 * 1024 * 1024


def agenda_upload_to(instance, filename: str) -> str:
    """The client's file name is never used: ``meetings/agendas/<uuid>.pdf``."""
    return f"meetings/agendas/{uuid.uuid4().hex}.pdf"


def validate_agenda(upload) -> None:
    if upload.size > MAX_AGENDA_BYTES:
        raise ValidationError(_("ไฟล์มีขนาดเกิน 10 MB"), code="too_large")
    if upload.size == 0:
        raise ValidationError(_("ไฟล์ว่างเปล่า"), code="empty")
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if not head.startswith(b"%PDF-"):
        raise ValidationError(_("ระเบียบวาระการประชุมต้องเป็นไฟล์ PDF (ตรวจจากเนื้อหาไฟล์ ไม่ใช่ชื่อไฟล์)"),
                              code="not_pdf")
