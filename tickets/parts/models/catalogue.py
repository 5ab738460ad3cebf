"""The catalogue of parts and consumables and the stock ledger (วัสดุคอมพิวเตอร์, 000 steps 7–8)."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from helpdesk.roles import is_service_staff


class ItemQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def with_balance(self):
        """Annotate `balance`: the kept balance (`on_hand`), so listing items never reads the ledger."""
        return self.annotate(balance=F("on_hand"))

    def at_or_below_reorder(self):
        return self.with_balance().filter(is_active=True, reorder_level__gt=0, balance__lte=F("reorder_level"))

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser or is_service_staff(user):
            return self
        return self.none()


class Item(models.Model):
    """A catalogue entry: a spare part or a consumable kept in stock (or bought when needed)."""

    class Kind(models.TextChoices):
        PART = "part", _("อะไหล่")
        CONSUMABLE = "consumable", _("วัสดุสิ้นเปลือง")

    code = models.CharField(_("รหัสวัสดุ"), max_length=30, unique=True)
    name = models.CharField(_("ชื่อรายการ"), max_length=200)
    kind = models.CharField(_("ประเภท"), max_length=20, choices=Kind.choices, default=Kind.PART)
    unit_of_measure = models.CharField(_("หน่วยนับ"), max_length=30)
    reorder_level = models.PositiveIntegerField(_("จุดสั่งซื้อ (ต่ำสุด)"), default=0)
    standard_cost = models.DecimalField(
        _("ราคามาตรฐานต่อหน่วย (บาท)"), max_digits=12, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )
    is_active = models.BooleanField(_("ใช้งานอยู่"), default=True)
    # The sum of the item's ledger, kept by tickets.parts.services.stock in the transaction (and under the row
    # lock) that writes each movement, so balances cost nothing however long the ledger grows.
    on_hand = models.IntegerField(_("คงเหลือ"), default=0, editable=False)
    history = HistoricalRecords(excluded_fields=["on_hand"])

    objects = ItemQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("รายการวัสดุ/อะไหล่")
        verbose_name_plural = _("ทะเบียนวัสดุ/อะไหล่")
        constraints = [models.CheckConstraint(condition=Q(on_hand__gte=0), name="parts_item_on_hand_nonnegative")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def save(self, *args, **kwargs):
        # An edited copy (admin, a form) may hold an old balance: only the ledger service writes `on_hand`.
        if not self._state.adding and kwargs.get("update_fields") is None and not kwargs.get("force_insert"):
            kwargs["update_fields"] = [field.name for field in self._meta.concrete_fields
                                       if not field.primary_key and field.name != "on_hand"]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("parts:stock_card", args=[self.pk])

    def current_balance(self) -> int:
        """The balance now, read from the database (this copy may predate the latest movement)."""
        self.on_hand = Item.objects.filter(pk=self.pk).values_list("on_hand", flat=True).get()
        return self.on_hand


class Movement(models.Model):
    """One line of the stock ledger. Quantity is signed: receipts and returns add, issues subtract.

    Rows are written only by tickets.parts.services.stock (which locks the item, checks the balance and
    keeps `Item.on_hand`) and never edited: a mistake is corrected by an adjustment.
    """

    class Kind(models.TextChoices):
        RECEIPT = "receipt", _("รับเข้า")
        ISSUE = "issue", _("จ่ายออก")
        RETURN = "return", _("รับคืน")
        ADJUSTMENT = "adjustment", _("ปรับปรุงยอด")

    item = models.ForeignKey(Item, verbose_name=_("รายการ"), on_delete=models.PROTECT, related_name="movements")
    kind = models.CharField(_("ประเภทรายการ"), max_length=20, choices=Kind.choices)
    quantity = models.IntegerField(_("จำนวน (+ รับ / − จ่าย)"))
    unit_cost = models.DecimalField(_("ราคาต่อหน่วย"), max_digits=12, decimal_places=2, null=True, blank=True)
    at = models.DateTimeField(_("วันที่"), default=timezone.now)
    vendor = models.CharField(_("ผู้ขาย/แหล่งที่มา"), max_length=200, blank=True)
    reference = models.CharField(_("เลขที่เอกสารอ้างอิง"), max_length=100, blank=True)
    reason = models.CharField(_("เหตุผล/หมายเหตุ"), max_length=500, blank=True)
    part_request = models.ForeignKey(
        "parts.PartRequest", verbose_name=_("คำขออะไหล่"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="movements",
    )
    disbursement = models.ForeignKey(
        "parts.Disbursement", verbose_name=_("ใบเบิกจ่ายวัสดุ"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="movements",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้บันทึก"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("รายการเคลื่อนไหววัสดุ")
        verbose_name_plural = _("บัญชีคุมวัสดุ (รายการเคลื่อนไหว)")
        indexes = [models.Index(fields=["item", "at", "id"], name="parts_movement_card_idx")]
        constraints = [
            models.CheckConstraint(condition=~Q(quantity=0), name="parts_movement_nonzero"),
            models.CheckConstraint(
                condition=Q(kind__in=["receipt", "return"], quantity__gt=0)
                | Q(kind="issue", quantity__lt=0)
                | Q(kind="adjustment"),
                name="parts_movement_sign_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item_id} {self.kind} {self.quantity:+d}"

    @property
    def quantity_in(self) -> int:
        return self.quantity if self.quantity > 0 else 0

    @property
    def quantity_out(self) -> int:
        return -self.quantity if self.quantity < 0 else 0

    @property
    def destination(self) -> str:
        """What the movement was for, as shown on the stock card."""
        if self.part_request_id:
            return str(self.part_request.ticket)
        if self.disbursement_id:
            return f"{self.disbursement.number} {self.disbursement.unit}"
        return self.vendor
