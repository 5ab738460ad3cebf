"""Disbursement of consumables to a unit (เบิกจ่ายวัสดุคอมพิวเตอร์, 000 §1.1 steps 7–8)."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from helpdesk.unitscope import UnitScopedQuerySet


class DisbursementQuerySet(UnitScopedQuerySet):
    """``visible_to``: staff every disbursement; a unit's people their unit's (supervisors also the units below)."""


class Disbursement(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("เตรียมรายการ")
        HANDED_OVER = "handed_over", _("ส่งมอบแล้ว")
        CANCELLED = "cancelled", pgettext_lazy("status", "ยกเลิก")

    number = models.CharField(_("เลขที่ใบเบิก"), max_length=20, unique=True, editable=False)
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ"), editable=False)
    unit = models.ForeignKey(
        "helpdesk.Unit", verbose_name=_("หน่วยงานที่เบิก"), on_delete=models.PROTECT, related_name="disbursements"
    )
    ticket = models.ForeignKey(
        "tickets.Ticket", verbose_name=_("ใบแจ้งซ่อมที่เกี่ยวข้อง"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="disbursements",
    )
    purpose = models.CharField(_("วัตถุประสงค์"), max_length=500)
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้จัดทำ"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("วันที่จัดทำ"), default=timezone.now)
    handed_over_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้ส่งมอบ"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    handed_over_at = models.DateTimeField(_("วันที่ส่งมอบ"), null=True, blank=True, db_index=True)
    received_by_name = models.CharField(_("ผู้รับมอบ (ลงนามแทนหน่วยงาน)"), max_length=200, blank=True)
    received_by_position = models.CharField(_("ตำแหน่งผู้รับมอบ"), max_length=200, blank=True)
    signed_at = models.DateTimeField(_("วันที่ลงนามรับ"), null=True, blank=True)
    cancel_reason = models.CharField(_("เหตุผลที่ยกเลิก"), max_length=500, blank=True)

    history = HistoricalRecords()
    objects = DisbursementQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ใบเบิกจ่ายวัสดุ")
        verbose_name_plural = _("ใบเบิกจ่ายวัสดุ")

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("parts:disbursement_detail", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class DisbursementLine(models.Model):
    disbursement = models.ForeignKey(Disbursement, on_delete=models.CASCADE, related_name="lines")
    item = models.ForeignKey("parts.Item", verbose_name=_("รายการ"), on_delete=models.PROTECT, related_name="+")
    quantity = models.PositiveIntegerField(_("จำนวน"), validators=[MinValueValidator(1)])
    unit_cost = models.DecimalField(_("ราคาต่อหน่วย"), max_digits=12, decimal_places=2, default=0)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("รายการเบิก")
        verbose_name_plural = _("รายการเบิก")
        constraints = [
            models.UniqueConstraint(fields=["disbursement", "item"], name="parts_disbursement_one_line_per_item"),
        ]

    def __str__(self) -> str:
        return f"{self.item_id} × {self.quantity}"

    @property
    def amount(self):
        return self.unit_cost * self.quantity


class DisbursementCounter(models.Model):
    """The last disbursement number of a fiscal year; locked while a number is taken so numbers have no gaps."""

    fiscal_year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("ตัวนับเลขที่ใบเบิก")
        verbose_name_plural = _("ตัวนับเลขที่ใบเบิก")

    def __str__(self) -> str:
        return f"{self.fiscal_year}: {self.last_number}"
