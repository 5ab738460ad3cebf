"""Part requests on repair tickets and their lifecycle (000 §1.1 step 5, 003 §6.2 step 3)."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from helpdesk.unitscope import UnitScopedQuerySet


class PartRequestStatus(models.TextChoices):
    REQUESTED = "requested", _("ขออะไหล่")
    APPROVED = "approved", _("อนุมัติแล้ว")
    REJECTED = "rejected", _("ไม่อนุมัติ")
    ISSUED = "issued", _("จ่ายจากคลังแล้ว")
    PROCUREMENT = "procurement", _("ส่งงานพัสดุจัดซื้อ")
    ORDERED = "ordered", _("สั่งซื้อแล้ว")
    RECEIVED = "received", _("ได้รับของแล้ว")
    INSTALLED = "installed", _("ติดตั้งแล้ว")
    CANCELLED = "cancelled", pgettext_lazy("status", "ยกเลิก")


S = PartRequestStatus

# The lifecycle as one table: from → allowed targets. Cancel is possible until the part is installed.
PART_TRANSITIONS: dict[str, frozenset[str]] = {
    S.REQUESTED: frozenset({S.APPROVED, S.REJECTED, S.CANCELLED}),
    S.APPROVED: frozenset({S.ISSUED, S.PROCUREMENT, S.CANCELLED}),
    S.PROCUREMENT: frozenset({S.ORDERED, S.CANCELLED}),
    S.ORDERED: frozenset({S.RECEIVED, S.CANCELLED}),
    S.ISSUED: frozenset({S.INSTALLED, S.CANCELLED}),
    S.RECEIVED: frozenset({S.INSTALLED, S.CANCELLED}),
    S.INSTALLED: frozenset(),
    S.REJECTED: frozenset(),
    S.CANCELLED: frozenset(),
}
# While a ticket has one of these, it waits for parts.
OUTSTANDING_STATUSES = frozenset({S.REQUESTED, S.APPROVED, S.PROCUREMENT, S.ORDERED, S.ISSUED, S.RECEIVED})
# The part is in the service desk's hands (counts towards the ledger / the cost when installed).
IN_HAND_STATUSES = frozenset({S.ISSUED, S.RECEIVED})


class PartRequestQuerySet(UnitScopedQuerySet):
    unit_path = "ticket__unit"

    def outstanding(self):
        return self.filter(status__in=OUTSTANDING_STATUSES)

    def installed(self):
        return self.filter(status=S.INSTALLED)

    def overdue_orders(self, today=None):
        today = today or timezone.localdate()
        return self.filter(status=S.ORDERED, expected_date__lt=today)


class PartRequest(models.Model):
    ticket = models.ForeignKey(
        "tickets.Ticket", verbose_name=_("ใบแจ้งซ่อม"), on_delete=models.PROTECT, related_name="part_requests"
    )
    item = models.ForeignKey(
        "parts.Item", verbose_name=_("รายการในทะเบียนวัสดุ"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="part_requests",
    )
    description = models.CharField(_("อะไหล่ (กรณีไม่มีในทะเบียน)"), max_length=200, blank=True)
    quantity = models.PositiveIntegerField(_("จำนวน"), validators=[MinValueValidator(1)])
    reason = models.TextField(_("เหตุผลความจำเป็น"), max_length=2000)
    estimated_cost = models.DecimalField(
        _("ราคาประมาณการ (บาท)"), max_digits=12, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )
    cost = models.DecimalField(
        _("ราคาจริง (บาท)"), max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    status = models.CharField(_("สถานะ"), max_length=20, choices=PartRequestStatus.choices, default=S.REQUESTED)

    # Procurement (งานพัสดุ)
    vendor = models.CharField(_("ผู้ขาย"), max_length=200, blank=True)
    order_reference = models.CharField(_("เลขที่ใบสั่งซื้อ"), max_length=100, blank=True)
    order_date = models.DateField(_("วันที่สั่งซื้อ"), null=True, blank=True)
    expected_date = models.DateField(_("กำหนดส่งของ"), null=True, blank=True)

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้ขอ"), null=True, on_delete=models.SET_NULL,
        related_name="part_requests",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้อนุมัติ/ไม่อนุมัติ"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(_("วันที่ขอ"), default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(_("วันที่พิจารณา"), null=True, blank=True)
    issued_at = models.DateTimeField(_("วันที่จ่าย/ได้รับของ"), null=True, blank=True)
    installed_at = models.DateTimeField(_("วันที่ติดตั้ง"), null=True, blank=True, db_index=True)
    closed_reason = models.TextField(_("เหตุผลที่ไม่อนุมัติ/ยกเลิก"), blank=True, max_length=2000)

    history = HistoricalRecords()
    objects = PartRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("คำขออะไหล่")
        verbose_name_plural = _("คำขออะไหล่")
        indexes = [
            models.Index(fields=["ticket", "status"], name="parts_request_ticket_idx"),
            models.Index(fields=["status", "expected_date"], name="parts_request_queue_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(item__isnull=False) | ~models.Q(description=""), name="parts_request_has_a_part"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.part_name} × {self.quantity}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("parts:ticket_parts", args=[self.ticket_id]) + f"#pr-{self.pk}"

    @property
    def part_name(self) -> str:
        return self.item.name if self.item_id else self.description

    @property
    def unit_of_measure(self) -> str:
        return self.item.unit_of_measure if self.item_id else _("ชิ้น")

    @property
    def is_outstanding(self) -> bool:
        return self.status in OUTSTANDING_STATUSES

    @property
    def allowed_transitions(self) -> list[str]:
        return [status for status in S.values if status in PART_TRANSITIONS[self.status]]

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status == S.ORDERED and self.expected_date is not None and self.expected_date < today


class PartRequestEvent(models.Model):
    """Who moved the request from where to where, when, and why."""

    request = models.ForeignKey(PartRequest, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้ดำเนินการ"), null=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("เวลา"), default=timezone.now)
    from_status = models.CharField(max_length=20, choices=PartRequestStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=PartRequestStatus.choices)
    note = models.TextField(_("หมายเหตุ"), blank=True, max_length=2000)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("ประวัติคำขออะไหล่")
        verbose_name_plural = _("ประวัติคำขออะไหล่")

    def __str__(self) -> str:
        return f"{self.request_id}: {self.from_status} → {self.to_status}"

