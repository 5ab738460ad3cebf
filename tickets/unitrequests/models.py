"""A unit asks for consumables or for the loan of equipment (000 §1.1 steps ๖–๗; 001 แบบบันทึกขอใช้วัสดุอุปกรณ์
and แบบบันทึกขอยืมวัสดุอุปกรณ์).

The unit's supervisor approves, returns it for changes, or refuses it (with the reason); the stock officer or a
technician fulfils it: consumables through a disbursement of the stock (tickets.parts, reached through
tickets.plugins.disbursements), a loan through the asset register's loans (assets.services.loan_create). Both
records are linked to the request, which shows them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from assets.models import Asset, AssetLoan
from helpdesk.models import ServiceRequest, Unit, status_event_model
from helpdesk.roles import visible_by_unit


class UnitRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Service staff and executives see every unit's requests; a unit its own (a supervisor also those below)."""
        return visible_by_unit(self, user, "unit")


class UnitRequest(ServiceRequest):
    reference_prefix = "UR"

    class Kind(models.TextChoices):
        CONSUMABLES = "consumables", _("ขอใช้วัสดุ")
        LOAN = "loan", _("ขอยืมครุภัณฑ์/อุปกรณ์")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("รอผู้บังคับบัญชาอนุมัติ")
        RETURNED = "returned", _("ส่งกลับให้แก้ไข")
        APPROVED = "approved", _("อนุมัติแล้ว รอเจ้าหน้าที่ดำเนินการ")
        PREPARING = "preparing", _("จัดทำใบเบิกแล้ว รอส่งมอบ")
        FULFILLED = "fulfilled", _("ส่งมอบแล้ว")
        REJECTED = "rejected", _("ไม่อนุมัติ")
        CANCELLED = "cancelled", pgettext_lazy("status", "ยกเลิก")

    kind = models.CharField(_("ประเภทคำขอ"), max_length=20, choices=Kind.choices)
    unit = models.ForeignKey(Unit, verbose_name=_("หน่วยงาน"), on_delete=models.PROTECT, related_name="unit_requests")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้ขอ"), on_delete=models.PROTECT,
                                     related_name="unit_requests")
    purpose = models.TextField(_("วัตถุประสงค์"))
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.SUBMITTED,
                              db_index=True)
    # A loan: what kind of equipment, from when until when.
    equipment_type = models.CharField(_("ประเภทครุภัณฑ์/อุปกรณ์"), max_length=20, choices=Asset.Type.choices,
                                      blank=True)
    equipment_detail = models.CharField(_("รายละเอียดอุปกรณ์ที่ต้องการ"), max_length=200, blank=True)
    loan_from = models.DateField(_("ยืมตั้งแต่วันที่"), null=True, blank=True)
    loan_until = models.DateField(_("ถึงวันที่"), null=True, blank=True)
    # The supervisor's decision, and why a request was returned or refused (shown to the requester).
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้พิจารณา"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("พิจารณาเมื่อ"), null=True, blank=True)
    reason = models.TextField(_("เหตุผลที่ส่งกลับ/ไม่อนุมัติ"), blank=True)
    # Fulfilment: the disbursement (tickets.parts) or the loan (assets) that answered the request.
    disbursement = models.ForeignKey("parts.Disbursement", verbose_name=_("ใบเบิกจ่ายวัสดุ"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    loan = models.ForeignKey(AssetLoan, verbose_name=_("การยืมครุภัณฑ์"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    fulfilled_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้ส่งมอบ"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    fulfilled_at = models.DateTimeField(_("ส่งมอบเมื่อ"), null=True, blank=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    history = HistoricalRecords()

    objects = UnitRequestQuerySet.as_manager()

    class Meta(ServiceRequest.Meta):
        verbose_name = _("คำขอใช้/ยืมวัสดุอุปกรณ์")
        verbose_name_plural = _("คำขอใช้/ยืมวัสดุอุปกรณ์")
        indexes = [models.Index(fields=["unit", "-created_at"], name="unitreq_unit_created_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="consumables") | Q(loan_from__isnull=False, loan_until__isnull=False,
                                                    loan_until__gte=models.F("loan_from")),
                name="unitreq_loan_dates_in_order",
            ),
        ]

    @property
    def is_loan(self) -> bool:
        return self.kind == self.Kind.LOAN

    @property
    def title(self) -> str:
        if self.is_loan:
            return self.equipment_detail or self.get_equipment_type_display()
        return self.purpose


class UnitRequestLine(models.Model):
    """One line of a consumables request: a stock item, or free text when it is not in the catalogue."""

    request = models.ForeignKey(UnitRequest, on_delete=models.CASCADE, related_name="lines")
    item = models.ForeignKey("parts.Item", verbose_name=_("รายการในคลังวัสดุ"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="+")
    description = models.CharField(_("รายการนอกทะเบียน"), max_length=200, blank=True)
    quantity = models.PositiveIntegerField(_("จำนวน"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("รายการวัสดุที่ขอ")
        verbose_name_plural = _("รายการวัสดุที่ขอ")
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=1), name="unitreq_line_quantity_positive"),
            models.CheckConstraint(condition=Q(item__isnull=False) | ~Q(description=""),
                                   name="unitreq_line_item_or_text"),
        ]

    def __str__(self) -> str:
        return f"{self.name} × {self.quantity}"

    @property
    def name(self) -> str:
        return self.item.name if self.item_id else self.description


UnitRequestEvent = status_event_model(UnitRequest, _("ประวัติคำขอใช้/ยืมวัสดุอุปกรณ์"))
