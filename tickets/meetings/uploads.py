"""The agenda attached to a booking: a PDF, checked by content and size, stored under a random name."""

import uuid

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from helpdesk.uploads import PDF_MAGIC, check_size, read_head

MAX_AGENDA_BYTES = 10 * 1024 * 1024


def agenda_upload_to(instance, filename: str) -> str:
    """The client's file name is never used: ``meetings/agendas/<uuid>.pdf``."""
    return f"meetings/agendas/{uuid.uuid4().hex}.pdf"


def validate_agenda(upload) -> None:
    check_size(upload, limit=MAX_AGENDA_BYTES, too_large=_("ไฟล์มีขนาดเกิน 10 MB"), empty=_("ไฟล์ว่างเปล่า"))
    if not read_head(upload, 5).startswith(PDF_MAGIC):
        raise ValidationError(_("ระเบียบวาระการประชุมต้องเป็นไฟล์ PDF (ตรวจจากเนื้อหาไฟล์ ไม่ใช่ชื่อไฟล์)"),
                              code="not_pdf")
