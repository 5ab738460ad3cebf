"""A summary-report PDF built in the background (django-tasks): the request, its progress, the file."""

import re
import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def export_upload_to(instance, filename: str) -> str:
    """A random folder, and the period's name the task gives the file (``summary-2570-q1.pdf``)."""
    name = filename if re.fullmatch(r"summary-[0-9a-z-]{1,40}\.pdf", filename) else "summary.pdf"
    return f"reports/{uuid.uuid4().hex}/{name}"


class ReportExport(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("รอคิว")
        RUNNING = "running", _("กำลังสร้างไฟล์")
        DONE = "done", _("พร้อมดาวน์โหลด")
        FAILED = "failed", _("สร้างไฟล์ไม่สำเร็จ")

    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้ขอรายงาน"),
                                     on_delete=models.CASCADE, related_name="report_exports")
    params = models.JSONField(_("เงื่อนไขรายงาน"), default=dict)
    period_label = models.CharField(_("ช่วงเวลา"), max_length=255)
    scope_label = models.CharField(_("ขอบเขต"), max_length=500, blank=True)
    status = models.CharField(_("สถานะ"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    file = models.FileField(_("ไฟล์ PDF"), upload_to=export_upload_to, blank=True, max_length=200)
    error = models.CharField(_("ข้อผิดพลาด"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("ขอเมื่อ"), auto_now_add=True)
    started_at = models.DateTimeField(_("เริ่มสร้างเมื่อ"), null=True, blank=True)
    finished_at = models.DateTimeField(_("เสร็จเมื่อ"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ไฟล์รายงานสรุป (PDF)")
        verbose_name_plural = _("ไฟล์รายงานสรุป (PDF)")

    def __str__(self) -> str:
        return f"{self.period_label} ({self.get_status_display()})"

    @property
    def download_name(self) -> str:
        """The name the file downloads under: its period (``summary-2570.pdf``); older files by their number."""
        name = PurePath(self.file.name).name if self.file else ""
        return name if name.startswith("summary-") else f"summary-report-{self.pk}.pdf"

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)
