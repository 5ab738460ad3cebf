"""Forms of the asset registry; each owns its validation and speaks Thai."""

import datetime as dt

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assets.models import Asset, MaintenancePlanItem, MaintenanceRecord
from helpdesk.models import Unit
from helpdesk.parsing import BEDateField
from helpdesk.roles import sees_all_units, units_overseen_by
from helpdesk.thai import fiscal_year


def _unit_field(queryset, label, required=True):
    return forms.ModelChoiceField(
        queryset=queryset, label=label, required=required,
        error_messages={"invalid_choice": _("ไม่พบหน่วยงานที่เลือก"), "required": _("กรุณาเลือกหน่วยงาน")},
    )


class AssetForm(forms.ModelForm):
    class Meta:
        model = Asset
        fields = [
            "asset_number", "asset_type", "brand", "model_name", "serial_number", "specification", "unit",
            "location", "custodian", "acquired_date", "acquisition", "price", "budget_year", "vendor_name",
            "vendor_contact", "warranty_end", "lease_end", "licence_key", "status", "notes",
        ]
        field_classes = {"acquired_date": BEDateField, "warranty_end": BEDateField, "lease_end": BEDateField}
        widgets = {
            "specification": forms.Textarea(attrs={"rows": 3}), "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "asset_number": _("รูปแบบ 7440-001-0001/2566"),
            "budget_year": _("ปี พ.ศ. เช่น 2566"),
        }
        error_messages = {
            "asset_number": {"unique": _("เลขครุภัณฑ์นี้มีอยู่ในทะเบียนแล้ว")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = _unit_field(Unit.objects.active() | Unit.objects.filter(
            pk=self.instance.unit_id or 0), Asset._meta.get_field("unit").verbose_name)
        self.fields["asset_number"].widget.attrs["placeholder"] = "7440-001-0001/2566"
        if self.instance.pk and self.instance.status == Asset.Status.ON_LOAN:
            # The loan workflow owns this status: lend/return from the loan pages.
            self.fields["status"].disabled = True

    def clean_asset_number(self):
        return self.cleaned_data["asset_number"].strip()

    def clean_price(self):
        price = self.cleaned_data.get("price")
        if price is not None and price < 0:
            raise forms.ValidationError(_("ราคาต้องไม่ติดลบ"))
        return price

    def clean_budget_year(self):
        year = self.cleaned_data.get("budget_year")
        if year is not None and not 2400 <= year <= 2700:
            raise forms.ValidationError(_("ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2566"))
        return year

    def clean_status(self):
        status = self.cleaned_data.get("status")
        if status == Asset.Status.ON_LOAN and (self.instance.pk is None or self.instance.status != status):
            raise forms.ValidationError(_("สถานะ “ให้ยืม” ตั้งได้จากการบันทึกการยืมเท่านั้น"))
        return status

    def clean(self):
        cleaned = super().clean()
        acquired, warranty, lease_end = (cleaned.get(k) for k in ("acquired_date", "warranty_end", "lease_end"))
        if acquired and warranty and warranty < acquired:
            self.add_error("warranty_end", _("วันสิ้นสุดการรับประกันต้องไม่ก่อนวันที่ได้มา"))
        if acquired and lease_end and lease_end < acquired:
            self.add_error("lease_end", _("วันสิ้นสุดสัญญาเช่าต้องไม่ก่อนวันที่ได้มา"))
        if lease_end and cleaned.get("acquisition") != Asset.Acquisition.LEASE:
            self.add_error("lease_end", _("ระบุวันสิ้นสุดสัญญาเช่าได้เฉพาะครุภัณฑ์ที่ได้มาโดยการเช่า"))
        return cleaned


WARRANTY_FILTERS = {
    "under": _("อยู่ในประกัน"),
    "soon": _("ประกันจะหมดใน 60 วัน"),
    "expired": _("หมดประกันแล้ว"),
    "none": _("ไม่มีข้อมูลประกัน"),
    "vendor": _("มีผู้ขาย/ผู้ให้เช่าดูแล (ประกันหรือเช่า)"),
}
SORTS = {
    "number": ("asset_number",),
    "-number": ("-asset_number",),
    "type": ("asset_type", "asset_number"),
    "unit": ("unit__code", "asset_number"),
    "brand": ("brand", "model_name", "asset_number"),
    "warranty": ("warranty_end", "asset_number"),
    "-warranty": ("-warranty_end", "asset_number"),
    "status": ("status", "asset_number"),
    "-updated": ("-updated_at", "-pk"),
}
SORT_LABELS = {
    "number": _("เลขครุภัณฑ์ (น้อย→มาก)"), "-number": _("เลขครุภัณฑ์ (มาก→น้อย)"), "type": _("ประเภท"),
    "unit": _("หน่วยงาน"), "brand": _("ยี่ห้อ/รุ่น"), "warranty": _("ประกันหมดก่อน"), "-warranty": _("ประกันหมดหลัง"),
    "status": _("สถานะ"), "-updated": _("แก้ไขล่าสุด"),
}
PAGE_SIZES = (25, 50, 100, 200)


class AssetFilterForm(forms.Form):
    """Search, filters and sort of the asset list; every value comes from an allowlist."""

    q = forms.CharField(label=_("ค้นหา"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"placeholder": _("เลขครุภัณฑ์ / Serial / ยี่ห้อ / รุ่น")}))
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("หน่วยงาน"), required=False,
                                  empty_label=_("ทุกหน่วยงาน"))
    asset_type = forms.ChoiceField(label=_("ประเภท"), required=False,
                                   choices=[("", _("ทุกประเภท")), *Asset.Type.choices])
    status = forms.ChoiceField(label=_("สถานะ"), required=False, choices=[("", _("ทุกสถานะ")), *Asset.Status.choices])
    warranty = forms.ChoiceField(label=_("การรับประกัน"), required=False,
                                 choices=[("", _("ทั้งหมด")), *WARRANTY_FILTERS.items()])
    leased = forms.BooleanField(label=_("เฉพาะครุภัณฑ์เช่า"), required=False)
    sort = forms.ChoiceField(label=_("เรียงตาม"), required=False, choices=list(SORT_LABELS.items()))
    per_page = forms.TypedChoiceField(label=_("ต่อหน้า"), required=False, coerce=int, empty_value=50,
                                      choices=[(n, n) for n in PAGE_SIZES])

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        units = Unit.objects.all() if sees_all_units(user) else units_overseen_by(user)
        self.fields["unit"].queryset = units.order_by("code")
        self.fields["unit"].label_from_instance = lambda unit: f"{unit.code} {unit.name}"
        for name in ("unit", "asset_type", "status", "warranty", "sort", "per_page"):
            self.fields[name].widget.attrs["class"] = "form-select form-select-sm"

    def filter(self, queryset, today: dt.date | None = None):
        """Apply the valid filters; invalid ones are ignored (the form shows their errors)."""
        today = today or timezone.localdate()
        # After full_clean, cleaned_data holds only the fields that validated.
        if self.is_bound:
            self.is_valid()
        data = self.cleaned_data if self.is_bound else {}
        q = (data.get("q") or "").strip()
        if q:
            queryset = queryset.search(q)
        if data.get("unit"):
            queryset = queryset.filter(unit__path__startswith=data["unit"].path)
        if data.get("asset_type"):
            queryset = queryset.filter(asset_type=data["asset_type"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        warranty = data.get("warranty")
        if warranty == "under":
            queryset = queryset.under_warranty(today)
        elif warranty == "soon":
            queryset = queryset.warranty_ending_soon(today)
        elif warranty == "expired":
            queryset = queryset.filter(warranty_end__lt=today)
        elif warranty == "none":
            queryset = queryset.filter(warranty_end__isnull=True)
        elif warranty == "vendor":
            queryset = queryset.filter(
                Q(warranty_end__gte=today)
                | Q(acquisition=Asset.Acquisition.LEASE) & (Q(lease_end__isnull=True) | Q(lease_end__gte=today))
            )
        if data.get("leased"):
            queryset = queryset.leased()
        return queryset.order_by(*SORTS.get(data.get("sort") or "number", SORTS["number"]))

    def page_size(self) -> int:
        if self.is_bound:
            self.is_valid()
            return self.cleaned_data.get("per_page") or 50
        return 50


class LoanForm(forms.Form):
    borrower_unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("หน่วยงานผู้ยืม"),
                                           error_messages={"required": _("กรุณาเลือกหน่วยงานผู้ยืม")})
    borrower_name = forms.CharField(label=_("ชื่อผู้ยืม"), max_length=200)
    purpose = forms.CharField(label=_("วัตถุประสงค์"), max_length=255,
                              widget=forms.TextInput(attrs={"placeholder": _("เช่น ใช้แทนเครื่องที่ส่งซ่อม")}))
    due_date = BEDateField(label=_("กำหนดส่งคืน"))

    def __init__(self, *args, asset: Asset, **kwargs):
        super().__init__(*args, **kwargs)
        self.asset = asset
        self.fields["borrower_unit"].queryset = Unit.objects.active().order_by("code")
        self.fields["borrower_unit"].label_from_instance = lambda unit: f"{unit.code} {unit.name}"

    def clean_due_date(self):
        due = self.cleaned_data["due_date"]
        if due < timezone.localdate():
            raise forms.ValidationError(_("กำหนดส่งคืนต้องไม่เป็นวันที่ผ่านมาแล้ว"))
        return due

    def clean(self):
        cleaned = super().clean()
        if self.asset.status == Asset.Status.DISPOSED:
            raise forms.ValidationError(_("ครุภัณฑ์นี้จำหน่ายแล้ว ให้ยืมไม่ได้"))
        return cleaned


class LoanReturnForm(forms.Form):
    condition = forms.CharField(label=_("สภาพเมื่อรับคืน"), max_length=255,
                                widget=forms.TextInput(attrs={"placeholder": _("เช่น สภาพดี ใช้งานได้ปกติ")}))


class LoanFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("สถานะการยืม"), required=False, choices=[
        ("open", _("ยังไม่คืน")), ("overdue", _("เกินกำหนดคืน")), ("returned", _("คืนแล้ว")), ("all", _("ทั้งหมด")),
    ])


class PlanItemForm(forms.ModelForm):
    class Meta:
        model = MaintenancePlanItem
        fields = ["fiscal_year", "month", "unit", "asset_type", "checklist"]
        widgets = {"checklist": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = _unit_field(Unit.objects.active().order_by("code"), _("หน่วยงาน"))
        self.fields["unit"].label_from_instance = lambda unit: f"{unit.code} {unit.name}"
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("fiscal_year", fiscal_year(timezone.localdate()))

    def clean_fiscal_year(self):
        year = self.cleaned_data["fiscal_year"]
        if not 2500 <= year <= 2700:
            raise forms.ValidationError(_("ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2569"))
        return year

    def validate_constraints(self):
        # Reported in Thai by clean() below.
        return

    def clean(self):
        cleaned = super().clean()
        keys = {k: cleaned.get(k) for k in ("fiscal_year", "month", "unit", "asset_type")}
        if all(keys.values()) and MaintenancePlanItem.objects.filter(**keys).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("แผนของหน่วยงานและประเภทครุภัณฑ์นี้ในเดือนนี้มีอยู่แล้ว"))
        return cleaned


class MaintenanceRecordForm(forms.ModelForm):
    class Meta:
        model = MaintenanceRecord
        fields = ["performed_on", "checks", "findings", "result"]
        field_classes = {"performed_on": BEDateField}
        widgets = {
            "checks": forms.Textarea(attrs={"rows": 4}),
            "findings": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_performed_on(self):
        day = self.cleaned_data["performed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("วันที่บำรุงรักษาต้องไม่เป็นวันในอนาคต"))
        return day


class ImportForm(forms.Form):
    file = forms.FileField(label=_("ไฟล์ CSV"), error_messages={
        "required": _("กรุณาเลือกไฟล์ CSV"), "empty": _("ไฟล์ว่างเปล่า"), "invalid": _("กรุณาเลือกไฟล์ CSV")})

