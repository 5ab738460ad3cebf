"""The asset registry (ทะเบียนครุภัณฑ์) and loans of assets."""

import datetime as dt
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from helpdesk.models import Unit
from helpdesk.roles import unit_q
from helpdesk.trigram import trigram_index

ASSET_NUMBER_RE = re.compile(r"^\d{4}-\d{3}-\d{4}/(25|26)\d{2}$")
WARRANTY_SOON_DAYS = 60
# What the asset search reads (the register, the navbar search): each column has a trigram index on PostgreSQL.
SEARCH_FIELDS = ("asset_number", "serial_number", "brand", "model_name", "custodian")
# What a ticket search reads of the ticket's registered asset (the device, not who holds it).
DEVICE_SEARCH_FIELDS = ("asset_number", "serial_number", "brand", "model_name")


def validate_asset_number(value: str) -> None:
    if not ASSET_NUMBER_RE.match(value or ""):
        raise ValidationError(
            _("เลขครุภัณฑ์ต้องอยู่ในรูปแบบ 7440-001-0001/2566 (ปีงบประมาณ พ.ศ.)"), code="asset_number_format"
        )


class AssetQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(unit_q(user, "unit"))

    def search(self, term: str, fields=None):
        """Assets with `term` inside one of `fields` (default SEARCH_FIELDS: number, serial, brand, model,
        custodian); each has a trigram index on PostgreSQL, SQLite scans."""
        condition = Q()
        for name in fields or SEARCH_FIELDS:
            condition |= Q(**{f"{name}__icontains": term})
        return self.filter(condition)

    def under_warranty(self, today: dt.date | None = None):
        return self.filter(warranty_end__gte=today or timezone.localdate())

    def warranty_ending_soon(self, today: dt.date | None = None, days: int = WARRANTY_SOON_DAYS):
        today = today or timezone.localdate()
        return self.filter(warranty_end__gte=today, warranty_end__lte=today + dt.timedelta(days=days))

    def leased(self):
        return self.filter(acquisition=Asset.Acquisition.LEASE)


class Asset(models.Model):
    class Type(models.TextChoices):
        COMPUTER = "computer", _("เครื่องคอมพิวเตอร์")
        NOTEBOOK = "notebook", _("คอมพิวเตอร์โน้ตบุ๊ก")
        MONITOR = "monitor", _("จอภาพ")
        PRINTER = "printer", _("เครื่องพิมพ์")
        SCANNER = "scanner", _("สแกนเนอร์")
        UPS = "ups", _("เครื่องสำรองไฟ (UPS)")
        NETWORK = "network", _("อุปกรณ์เครือข่าย")
        SOFTWARE = "software", _("ลิขสิทธิ์ซอฟต์แวร์")
        OTHER = "other", _("อื่น ๆ")

    class Acquisition(models.TextChoices):
        PURCHASE = "purchase", _("จัดซื้อ")
        LEASE = "lease", _("เช่า")
        DONATION = "donation", _("รับบริจาค")

    class Status(models.TextChoices):
        IN_USE = "in_use", _("ใช้งาน")
        IN_REPAIR = "in_repair", _("ส่งซ่อม")
        SPARE = "spare", _("สำรอง")
        ON_LOAN = "on_loan", _("ให้ยืม")
        RETIRED = "retired", _("เลิกใช้งาน")
        DISPOSED = "disposed", _("จำหน่ายแล้ว")

    asset_number = models.CharField(
        _("เลขครุภัณฑ์"), max_length=30, unique=True, validators=[validate_asset_number]
    )
    asset_type = models.CharField(_("ประเภท"), max_length=20, choices=Type.choices)
    brand = models.CharField(_("ยี่ห้อ"), max_length=100, blank=True)
    model_name = models.CharField(_("รุ่น"), max_length=150, blank=True)
    serial_number = models.CharField(_("หมายเลขเครื่อง (Serial)"), max_length=100, blank=True, db_index=True)
    specification = models.TextField(_("รายละเอียดคุณลักษณะ"), blank=True)
    unit = models.ForeignKey(Unit, verbose_name=_("หน่วยงานเจ้าของ"), on_delete=models.PROTECT, related_name="assets")
    location = models.CharField(_("สถานที่ตั้ง"), max_length=200, blank=True)
    custodian = models.CharField(_("ผู้รับผิดชอบ/ผู้ใช้งาน"), max_length=200, blank=True)
    acquired_date = models.DateField(_("วันที่ได้มา"), null=True, blank=True)
    acquisition = models.CharField(
        _("วิธีการได้มา"), max_length=20, choices=Acquisition.choices, default=Acquisition.PURCHASE
    )
    price = models.DecimalField(_("ราคา (บาท)"), max_digits=12, decimal_places=2, null=True, blank=True)
    budget_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"), null=True, blank=True)
    vendor_name = models.CharField(_("ผู้ขาย/ผู้ให้เช่า"), max_length=200, blank=True)
    vendor_contact = models.CharField(_("ข้อมูลติดต่อผู้ขาย"), max_length=255, blank=True)
    warranty_end = models.DateField(_("สิ้นสุดการรับประกัน"), null=True, blank=True, db_index=True)
    lease_end = models.DateField(_("สิ้นสุดสัญญาเช่า"), null=True, blank=True)
    licence_key = models.CharField(_("รหัสลิขสิทธิ์ (License key)"), max_length=255, blank=True)
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.IN_USE, db_index=True)
    notes = models.TextField(_("หมายเหตุ"), blank=True)
    created_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    history = HistoricalRecords()

    objects = AssetQuerySet.as_manager()

    class Meta:
        ordering = ["asset_number"]
        verbose_name = _("ครุภัณฑ์")
        verbose_name_plural = _("ครุภัณฑ์")
        indexes = [
            models.Index(fields=["unit", "asset_type"]), models.Index(fields=["brand", "model_name"]),
            # The text search (AssetQuerySet.search), substring matches served on PostgreSQL only.
            *(trigram_index(name, f"assets_{name}_trgm") for name in SEARCH_FIELDS),
        ]

    def __str__(self) -> str:
        label = " ".join(part for part in (self.brand, self.model_name) if part)
        return f"{self.asset_number} {label}".strip()

    def is_under_warranty(self, today: dt.date | None = None) -> bool:
        return bool(self.warranty_end and self.warranty_end >= (today or timezone.localdate()))

    def warranty_ends_soon(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.is_under_warranty(today) and self.warranty_end <= today + dt.timedelta(days=WARRANTY_SOON_DAYS)

    @property
    def is_leased(self) -> bool:
        return self.acquisition == self.Acquisition.LEASE

    def is_lease_active(self, today: dt.date | None = None) -> bool:
        return self.is_leased and (self.lease_end is None or self.lease_end >= (today or timezone.localdate()))

    def has_vendor_support(self, today: dt.date | None = None) -> bool:
        """Leased or under vendor warranty: repairs can go to the vendor (003 §6.2 step 3)."""
        return self.is_under_warranty(today) or self.is_lease_active(today)


class AssetLoanQuerySet(models.QuerySet):
    def open(self):
        return self.filter(returned_at__isnull=True)

    def overdue(self, today: dt.date | None = None):
        return self.open().filter(due_date__lt=today or timezone.localdate())

    def visible_to(self, user):
        return self.filter(unit_q(user, "asset__unit") | unit_q(user, "borrower_unit"))


class AssetLoan(models.Model):
    """A loan of an asset (แบบบันทึกขอยืม, 001), e.g. a replacement device during a repair (002 §2 step 4)."""

    asset = models.ForeignKey(Asset, verbose_name=_("ครุภัณฑ์"), on_delete=models.PROTECT, related_name="loans")
    borrower_unit = models.ForeignKey(
        Unit, verbose_name=_("หน่วยงานผู้ยืม"), on_delete=models.PROTECT, related_name="asset_loans"
    )
    borrower_name = models.CharField(_("ชื่อผู้ยืม"), max_length=200)
    purpose = models.CharField(_("วัตถุประสงค์"), max_length=255)
    lent_on = models.DateField(_("วันที่ยืม"), default=timezone.localdate)
    due_date = models.DateField(_("กำหนดส่งคืน"))
    lent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้ให้ยืม"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    previous_status = models.CharField(max_length=20, choices=Asset.Status.choices, editable=False)
    returned_at = models.DateTimeField(_("วันที่คืน"), null=True, blank=True)
    return_condition = models.CharField(_("สภาพเมื่อคืน"), max_length=255, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้รับคืน"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = AssetLoanQuerySet.as_manager()

    class Meta:
        ordering = ["-lent_on", "-pk"]
        verbose_name = _("การยืมครุภัณฑ์")
        verbose_name_plural = _("การยืมครุภัณฑ์")
        constraints = [
            models.UniqueConstraint(
                fields=["asset"], condition=Q(returned_at__isnull=True), name="assets_one_open_loan_per_asset"
            )
        ]

    def __str__(self) -> str:
        return f"{self.asset.asset_number} → {self.borrower_name}"

    @property
    def is_open(self) -> bool:
        return self.returned_at is None

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.is_open and self.due_date < (today or timezone.localdate())


MONTH_CHOICES = [(month, label) for month, label in enumerate(
    ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
     "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"), start=1)]
FISCAL_MONTH_ORDER = (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)


class MaintenancePlanItemQuerySet(models.QuerySet):
    def for_asset(self, asset: Asset):
        return self.filter(unit_id=asset.unit_id, asset_type=asset.asset_type)


class MaintenancePlanItem(models.Model):
    """One line of the yearly preventive-maintenance plan (002 §2 step 2): a group of assets, a month."""

    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"), db_index=True)
    month = models.PositiveSmallIntegerField(_("เดือน"), choices=MONTH_CHOICES)
    unit = models.ForeignKey(Unit, verbose_name=_("หน่วยงาน"), on_delete=models.PROTECT, related_name="+")
    asset_type = models.CharField(_("ประเภทครุภัณฑ์"), max_length=20, choices=Asset.Type.choices)
    checklist = models.TextField(
        _("รายการตรวจเช็ก"), blank=True, help_text=_("หนึ่งรายการต่อหนึ่งบรรทัด เช่น ทำความสะอาดภายในเครื่อง")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้จัดทำแผน"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = MaintenancePlanItemQuerySet.as_manager()

    class Meta:
        ordering = ["fiscal_year", "month", "unit__code", "asset_type"]
        verbose_name = _("รายการแผนบำรุงรักษา")
        verbose_name_plural = _("แผนบำรุงรักษาเชิงป้องกัน")
        constraints = [
            models.UniqueConstraint(
                fields=["fiscal_year", "month", "unit", "asset_type"], name="assets_one_plan_item_per_group_month"
            ),
            models.CheckConstraint(condition=Q(month__gte=1, month__lte=12), name="assets_plan_month_1_12"),
        ]

    def __str__(self) -> str:
        return f"{self.fiscal_year} {self.get_month_display()} · {self.unit} · {self.get_asset_type_display()}"

    @property
    def month_start(self) -> dt.date:
        ce = self.fiscal_year - 543
        return dt.date(ce - 1 if self.month >= 10 else ce, self.month, 1)

    @property
    def month_end(self) -> dt.date:
        start = self.month_start
        following = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    def is_past(self, today: dt.date | None = None) -> bool:
        return self.month_end < (today or timezone.localdate())

    def checklist_lines(self) -> list[str]:
        return [line.strip() for line in self.checklist.splitlines() if line.strip()]

    def assets(self):
        """The assets this line covers: the unit's assets of the type that are still in service."""
        return Asset.objects.filter(unit_id=self.unit_id, asset_type=self.asset_type).exclude(
            status__in=[Asset.Status.RETIRED, Asset.Status.DISPOSED]
        )


class MaintenanceRecord(models.Model):
    """A preventive maintenance done on one asset (002 §2 step 3)."""

    class Result(models.TextChoices):
        OK = "ok", _("ปกติ")
        FIXED = "fixed", _("พบปัญหา แก้ไขแล้ว")
        NEEDS_REPAIR = "needs_repair", _("พบปัญหา ต้องส่งซ่อม")

    asset = models.ForeignKey(
        Asset, verbose_name=_("ครุภัณฑ์"), on_delete=models.PROTECT, related_name="maintenance_records"
    )
    plan_item = models.ForeignKey(
        MaintenancePlanItem, verbose_name=_("ตามแผน"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="records",
    )
    performed_on = models.DateField(_("วันที่บำรุงรักษา"), default=timezone.localdate)
    checks = models.TextField(_("รายการที่ตรวจเช็ก"))
    findings = models.TextField(_("ผลการตรวจ/สิ่งที่พบ"), blank=True)
    result = models.CharField(_("ผล"), max_length=20, choices=Result.choices, default=Result.OK)
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้ปฏิบัติ"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-performed_on", "-pk"]
        verbose_name = _("บันทึกการบำรุงรักษา")
        verbose_name_plural = _("บันทึกการบำรุงรักษา")
        indexes = [models.Index(fields=["plan_item", "asset"])]

    def __str__(self) -> str:
        return f"{self.asset.asset_number} {self.performed_on}"
