"""New IP address requests (000 §1.3 3.1)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from assets.models import Asset

from ..uploads import memo_upload_to
from .common import CheckedRequest, checked_request_status, filed_by, status_event_model, status_field
from .subnet import Subnet


class IPRequest(CheckedRequest):
    reference_prefix = "IP"

    Status = checked_request_status(("ASSIGNED", "assigned", _("กำหนดไอพีแล้ว รอติดตั้งและทดสอบ")))

    unit, requested_by = filed_by("ip_requests")
    asset = models.ForeignKey(
        Asset, verbose_name=_("ครุภัณฑ์"), null=True, blank=True, on_delete=models.SET_NULL, related_name="ip_requests"
    )
    device_description = models.CharField(
        _("รายละเอียดอุปกรณ์"), max_length=255, blank=True,
        help_text=_("กรณีไม่มีเลขครุภัณฑ์ เช่น คอมพิวเตอร์โน้ตบุ๊กส่วนตัวที่ใช้ปฏิบัติราชการ"),
    )
    device_user = models.CharField(_("ผู้ใช้งานเครื่อง"), max_length=200)
    mac_address = models.CharField(_("MAC Address"), max_length=17)
    location = models.CharField(_("สถานที่ติดตั้ง"), max_length=255)
    purpose = models.TextField(_("วัตถุประสงค์การใช้งาน"))
    memo_number = models.CharField(_("เลขที่หนังสือบันทึก"), max_length=100)
    memo_date = models.DateField(_("ลงวันที่"))
    memo_file = models.FileField(_("ไฟล์หนังสือบันทึก (PDF)"), upload_to=memo_upload_to, max_length=200)
    status = status_field(Status)
    subnet = models.ForeignKey(
        Subnet, verbose_name=_("เครือข่าย"), null=True, blank=True, on_delete=models.PROTECT, related_name="requests"
    )
    assigned_ip = models.GenericIPAddressField(_("หมายเลขไอพีที่กำหนด"), protocol="IPv4", null=True, blank=True)
    rights_note = models.CharField(_("สิทธิการใช้งานที่กำหนด"), max_length=255, blank=True)
    closed_at = models.DateTimeField(_("ปิดงานเมื่อ"), null=True, blank=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    history = HistoricalRecords()

    class Meta(CheckedRequest.Meta):
        verbose_name = _("คำขอหมายเลขไอพี")
        verbose_name_plural = _("คำขอหมายเลขไอพี")

    @property
    def device_label(self) -> str:
        return str(self.asset) if self.asset_id else self.device_description


IPRequestEvent = status_event_model(IPRequest, _("ประวัติคำขอหมายเลขไอพี"))
