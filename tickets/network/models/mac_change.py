"""MAC address changes of an existing assignment after a network card was replaced (000 §1.3 3.2)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..uploads import id_card_upload_to
from .common import CheckedRequest, checked_request_status, filed_by, status_event_model, status_field
from .subnet import IPAssignment


class MacChangeRequest(CheckedRequest):
    reference_prefix = "MAC"

    Status = checked_request_status(("APPLIED", "applied", _("เปลี่ยนแล้ว รอตั้งค่าและทดสอบ")))

    assignment = models.ForeignKey(
        IPAssignment, verbose_name=_("หมายเลขไอพีเดิม"), on_delete=models.PROTECT, related_name="mac_changes"
    )
    unit, requested_by = filed_by("mac_changes")
    old_mac = models.CharField(_("MAC Address เดิม"), max_length=17)
    new_mac = models.CharField(_("MAC Address ใหม่"), max_length=17)
    reason = models.TextField(_("เหตุผล"), help_text=_("เช่น การ์ดเครือข่ายเสียและเปลี่ยนการ์ดใหม่"))
    id_card = models.FileField(
        _("สำเนาบัตรประจำตัวเจ้าหน้าที่ของรัฐ (รับรองสำเนาถูกต้อง)"), upload_to=id_card_upload_to, max_length=200,
        blank=True,
    )
    id_card_purged_at = models.DateTimeField(_("ลบสำเนาบัตรเมื่อ"), null=True, blank=True)
    status = status_field(Status)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้ดำเนินการ"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    applied_at = models.DateTimeField(_("เปลี่ยนในทะเบียนเมื่อ"), null=True, blank=True)
    finished_at = models.DateTimeField(_("เสร็จสิ้นเมื่อ"), null=True, blank=True, db_index=True)
    history = HistoricalRecords()

    class Meta(CheckedRequest.Meta):
        verbose_name = _("คำขอเปลี่ยน MAC Address")
        verbose_name_plural = _("คำขอเปลี่ยน MAC Address")


MacChangeEvent = status_event_model(MacChangeRequest, _("ประวัติคำขอเปลี่ยน MAC Address"), name="MacChangeEvent")
