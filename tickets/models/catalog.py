"""Problem categories with their troubleshooting guides and service levels, and the ticket number counter."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Category(models.Model):
    """A problem category (SPEC §1): hardware / software / network, with sub-categories.

    Each links to its troubleshooting guide (คู่มือแนวทางการแก้ไขปัญหา) and carries the
    service-level target in working days (editable in the admin).
    """

    class Kind(models.TextChoices):
        HARDWARE = "hardware", _("ฮาร์ดแวร์")
        SOFTWARE = "software", _("ซอฟต์แวร์")
        NETWORK = "network", _("เครือข่าย")

    # SPEC §1 service levels: hardware 3, software 2, network 2 working days.
    DEFAULT_SLA_DAYS = {Kind.HARDWARE: 3, Kind.SOFTWARE: 2, Kind.NETWORK: 2}

    code = models.SlugField(_("รหัส"), max_length=40, unique=True)
    name = models.CharField(_("ชื่อหมวด"), max_length=200)
    kind = models.CharField(_("ประเภทงาน"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("หมวดหลัก"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    guide_title = models.CharField(_("คู่มือแนวทางการแก้ไขปัญหา"), max_length=255, blank=True)
    guide_url = models.URLField(_("ลิงก์คู่มือ"), blank=True)
    guide_text = models.TextField(_("ขั้นตอนตามคู่มือ"), blank=True)
    guide = models.ForeignKey(
        "knowledge.Article", verbose_name=_("บทความคู่มือ"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="guide_for_categories", limit_choices_to={"kind": "guide"},
    )
    sla_working_days = models.PositiveSmallIntegerField(
        _("เป้าหมายระยะเวลาให้บริการ (วันทำการ)"), null=True, blank=True,
        help_text=_("เว้นว่างเพื่อใช้ค่าตามหมวดหลักหรือค่าเริ่มต้นของประเภทงาน (ฮาร์ดแวร์ 3, ซอฟต์แวร์ 2, เครือข่าย 2)"),
    )
    sort_order = models.PositiveSmallIntegerField(_("ลำดับ"), default=0)
    is_active = models.BooleanField(_("ใช้งาน"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("หมวดปัญหา")
        verbose_name_plural = _("หมวดปัญหา")

    def __str__(self) -> str:
        if self.parent_id:
            return f"{self.parent.name} › {self.name}"
        return self.name

    @property
    def target_working_days(self) -> int:
        if self.sla_working_days is not None:
            return self.sla_working_days
        if self.parent_id and self.parent.sla_working_days is not None:
            return self.parent.sla_working_days
        return self.DEFAULT_SLA_DAYS.get(self.kind, 3)

    @property
    def root(self) -> "Category":
        return self.parent if self.parent_id else self


class FiscalYearCounter(models.Model):
    """The last ticket number issued in a fiscal year; locked row by row so numbers have no gaps."""

    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"), primary_key=True)
    last_number = models.PositiveIntegerField(_("เลขที่ล่าสุด"), default=0)

    class Meta:
        verbose_name = _("ตัวนับเลขที่ใบแจ้งซ่อม")
        verbose_name_plural = _("ตัวนับเลขที่ใบแจ้งซ่อม")

    def __str__(self) -> str:
        return f"{self.fiscal_year}: {self.last_number}"
