"""Unit request forms own their validation; every refusal is a Thai message on the field it concerns."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assets.models import Asset
from helpdesk.forms import LinesFormSet, end_not_before
from helpdesk.parsing import BEDateField
from tickets.plugins.disbursements import stock_items

from .models import UnitRequest
from .services import MAX_QUANTITY

QUANTITY_ERRORS = {
    "min_value": _("จำนวนต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป"),
    "max_value": _("จำนวนต้องไม่เกิน %(limit_value)s"),
    "invalid": _("จำนวนต้องเป็นจำนวนเต็ม"),
}


class StockItemField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.unit_of_measure})"




class ConsumablesForm(forms.Form):
    purpose = forms.CharField(label=_("วัตถุประสงค์การขอใช้"), max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 2}),
                              error_messages={"required": _("กรุณาระบุวัตถุประสงค์")})


class LineForm(forms.Form):
    item = StockItemField(label=_("วัสดุในคลัง"), queryset=None, required=False,
                          empty_label=_("— ไม่มีในรายการ (พิมพ์ชื่อ) —"))
    description = forms.CharField(label=_("หรือชื่อวัสดุ"), max_length=200, required=False)
    quantity = forms.IntegerField(label=_("จำนวน"), required=False, min_value=1, max_value=MAX_QUANTITY,
                                  error_messages=QUANTITY_ERRORS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        items = stock_items()
        if items is None:  # no stock app: free text only
            del self.fields["item"]
        else:
            self.fields["item"].queryset = items

    def clean(self):
        data = super().clean()
        named = data.get("item") is not None or (data.get("description") or "").strip()
        if named and data.get("quantity") is None and "quantity" not in self.errors:
            self.add_error("quantity", _("กรุณาระบุจำนวน"))
        if not named and data.get("quantity"):
            self.add_error("item", _("กรุณาเลือกวัสดุหรือพิมพ์ชื่อ"))
        return data


class BaseLineFormSet(LinesFormSet):
    empty_message = _("กรุณาระบุวัสดุที่ขออย่างน้อย 1 รายการ")

    def lines(self) -> list[tuple]:
        result = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", {})
            item, description = data.get("item"), (data.get("description") or "").strip()
            if item is not None or description:
                result.append((item, description, data.get("quantity")))
        return result


LineFormSet = forms.formset_factory(LineForm, formset=BaseLineFormSet, extra=4, max_num=20, validate_max=True)


class LoanForm(forms.Form):
    equipment_type = forms.ChoiceField(label=_("ประเภทครุภัณฑ์/อุปกรณ์"),
                                       choices=[("", _("— เลือกประเภท —")), *Asset.Type.choices],
                                       error_messages={"required": _("กรุณาเลือกประเภทครุภัณฑ์/อุปกรณ์ที่ต้องการยืม")})
    equipment_detail = forms.CharField(label=_("รายละเอียดที่ต้องการ"), max_length=200, required=False,
                                       widget=forms.TextInput(attrs={"placeholder": _("เช่น โน้ตบุ๊กพร้อมเมาส์ 1 เครื่อง")}))
    loan_from = BEDateField(label=_("ยืมตั้งแต่วันที่"), error_messages={"required": _("กรุณาระบุวันที่เริ่มยืม")})
    loan_until = BEDateField(label=_("ถึงวันที่ (กำหนดส่งคืน)"),
                             error_messages={"required": _("กรุณาระบุวันที่ส่งคืน")})
    purpose = forms.CharField(label=_("วัตถุประสงค์การยืม"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
                              error_messages={"required": _("กรุณาระบุวัตถุประสงค์")})

    def __init__(self, *args, check_past: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.check_past = check_past

    def clean_loan_from(self):
        value = self.cleaned_data["loan_from"]
        if self.check_past and value < timezone.localdate():
            raise ValidationError(_("วันที่เริ่มยืมต้องไม่เป็นวันที่ผ่านมาแล้ว"))
        return value

    def clean(self):
        data = super().clean()
        end_not_before(self, data, "loan_from", "loan_until", _("วันที่ส่งคืนต้องไม่ก่อนวันที่เริ่มยืม"))
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("เหตุผล"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
                             error_messages={"required": _("กรุณาระบุเหตุผล")})

    def __init__(self, *args, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["reason"].label = label


class ApproveForm(forms.Form):
    note = forms.CharField(label=_("ความเห็น (ถ้ามี)"), max_length=2000, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class PrepareForm(forms.Form):
    """The stock item given out for each line of the request (a free-text line needs one)."""

    def __init__(self, *args, request: UnitRequest, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = lines
        queryset = stock_items()
        if queryset is None:
            return
        for line in lines:
            self.fields[f"line_{line.pk}"] = StockItemField(
                label=line.name, queryset=queryset, required=True, initial=line.item_id,
                empty_label=_("— เลือกรายการในคลัง —"),
                error_messages={"required": _("กรุณาเลือกรายการในคลังสำหรับ “%(name)s”") % {"name": line.name}})

    def items(self) -> dict[int, object]:
        return {line.pk: self.cleaned_data[name] for line in self.lines if (name := f"line_{line.pk}") in self.fields}


class LendForm(forms.Form):
    asset = forms.ModelChoiceField(label=_("ครุภัณฑ์ที่ให้ยืม"), queryset=Asset.objects.none(),
                                   error_messages={"required": _("กรุณาเลือกครุภัณฑ์ที่ให้ยืม")})
    borrower_name = forms.CharField(label=_("ชื่อผู้ยืม/ผู้รับเครื่อง"), max_length=200,
                                    error_messages={"required": _("กรุณาระบุชื่อผู้ยืม")})

    def __init__(self, *args, request: UnitRequest, **kwargs):
        super().__init__(*args, **kwargs)
        # Spare devices of the requested type are the ones kept for lending.
        self.fields["asset"].queryset = Asset.objects.filter(
            asset_type=request.equipment_type, status=Asset.Status.SPARE).order_by("asset_number")
        self.fields["asset"].label_from_instance = lambda asset: str(asset)
