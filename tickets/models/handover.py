"""Hand-over at delivery (000 §1.1 step ๑๑): the requester confirms receipt in the product, or staff record
who signed the paper receipt. "Does not work" re-opens the job as a guarantee claim."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class HandOver(models.Model):
    class Method(models.TextChoices):
        APP = "app", _("ยืนยันในระบบ (โทรศัพท์ของผู้รับหรืออุปกรณ์ของเจ้าหน้าที่)")
        PAPER = "paper", _("ลงนามในใบรับมอบ (กระดาษ)")

    ticket = models.OneToOneField("tickets.Ticket", verbose_name=_("ใบแจ้งซ่อม"), on_delete=models.CASCADE,
                                  related_name="handover")
    method = models.CharField(_("วิธียืนยัน"), max_length=10, choices=Method.choices)
    receiver_name = models.CharField(_("ชื่อผู้รับมอบ"), max_length=200)
    receiver_position = models.CharField(_("ตำแหน่งผู้รับมอบ"), max_length=200)
    received_at = models.DateTimeField(_("เวลารับมอบ"))
    works = models.BooleanField(_("ใช้งานได้ตามปกติ"))
    note = models.TextField(_("หมายเหตุ"), blank=True, max_length=2000)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้บันทึก"), null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)
    reopened_as = models.ForeignKey("tickets.Ticket", verbose_name=_("เปิดงานซ่อมซ้ำเป็น"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("การรับมอบเครื่อง")
        verbose_name_plural = _("การรับมอบเครื่อง")

    def __str__(self) -> str:
        return f"{self.ticket_id}: {self.receiver_name}"
