"""Forms own validation; services re-check under lock and their Thai messages land on the form."""

import datetime as dt
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from helpdesk.forms import LinesFormSet, ThaiDateField
from helpdesk.models import Unit
from helpdesk.thai import format_date
from tickets.models import Ticket
from tickets.parts.models import Item

MAX_QUANTITY = 10_000
MONEY = {"max_digits": 12, "decimal_places": 2, "min_value": Decimal(0)}


def apply_service_error(form: forms.Form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)


class ItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Item) -> str:
        balance = getattr(obj, "balance", None)
        if balance is None:
            return f"{obj.code} · {obj.name} ({obj.unit_of_measure})"
        return _("%(code)s · %(name)s (คงเหลือ %(balance)s %(unit)s)") % {
            "code": obj.code, "name": obj.name, "balance": balance, "unit": obj.unit_of_measure}


class PartRequestForm(forms.Form):
    item = ItemChoiceField(
        label=_("รายการในทะเบียนวัสดุ"), queryset=Item.objects.active().with_balance().order_by("name"), required=False,
        empty_label=_("— ไม่มีในทะเบียน (ระบุชื่อด้านล่าง) —"),
    )
    description = forms.CharField(label=_("อะไหล่นอกทะเบียน (ชื่อ/รุ่น)"), max_length=200, required=False)
    quantity = forms.IntegerField(label=_("จำนวน"), min_value=1, max_value=MAX_QUANTITY, initial=1)
    reason = forms.CharField(label=_("เหตุผลความจำเป็น"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    estimated_cost = forms.DecimalField(label=_("ราคาประมาณการรวม (บาท)"), required=False, **MONEY)

    def clean(self):
        data = super().clean()
        item, description = data.get("item"), (data.get("description") or "").strip()
        if item is None and not description and "item" not in self.errors:
            self.add_error("description", _("กรุณาเลือกรายการจากทะเบียนวัสดุหรือระบุชื่ออะไหล่"))
        if item is not None and description:
            self.add_error("description", _("เลือกจากทะเบียนวัสดุแล้ว ไม่ต้องระบุชื่ออะไหล่นอกทะเบียน"))
        return data


class NoteForm(forms.Form):
    note = forms.CharField(label=_("หมายเหตุ/เหตุผล"), max_length=2000, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class OrderForm(NoteForm):
    vendor = forms.CharField(label=_("ผู้ขาย"), max_length=200)
    order_reference = forms.CharField(label=_("เลขที่ใบสั่งซื้อ"), max_length=100)
    order_date = ThaiDateField(label=_("วันที่สั่งซื้อ"))
    expected_date = ThaiDateField(label=_("กำหนดส่งของ"))

    def clean(self):
        data = super().clean()
        order_date, expected_date = data.get("order_date"), data.get("expected_date")
        if order_date and expected_date and expected_date < order_date:
            self.add_error("expected_date", _("กำหนดส่งของต้องไม่ก่อนวันที่สั่งซื้อ"))
        if order_date and order_date > timezone.localdate():
            self.add_error("order_date", _("วันที่สั่งซื้อต้องไม่เป็นวันในอนาคต"))
        return data


class ReceivedForm(NoteForm):
    cost = forms.DecimalField(label=_("ราคาจริงรวม (บาท)"), **MONEY)


class ReceiptForm(forms.Form):
    quantity = forms.IntegerField(label=_("จำนวนที่รับเข้า"), min_value=1, max_value=MAX_QUANTITY)
    vendor = forms.CharField(label=_("ผู้ขาย/แหล่งที่มา"), max_length=200)
    reference = forms.CharField(label=_("เลขที่ใบส่งของ/ใบสั่งซื้อ"), max_length=100)
    unit_cost = forms.DecimalField(label=_("ราคาต่อหน่วย (บาท)"), required=False, **MONEY)


class ReturnForm(forms.Form):
    quantity = forms.IntegerField(label=_("จำนวนที่รับคืน"), min_value=1, max_value=MAX_QUANTITY)
    reason = forms.CharField(label=_("เหตุผล/รับคืนจาก"), max_length=500)


class AdjustmentForm(forms.Form):
    delta = forms.IntegerField(
        label=_("จำนวนที่ปรับ (+ เพิ่ม / − ลด)"), min_value=-MAX_QUANTITY, max_value=MAX_QUANTITY,
    )
    reason = forms.CharField(label=_("เหตุผลการปรับปรุงยอด"), max_length=500)

    def clean_delta(self):
        delta = self.cleaned_data["delta"]
        if delta == 0:
            raise ValidationError(_("จำนวนที่ปรับต้องไม่เป็นศูนย์"))
        return delta


class DisbursementForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("หน่วยงานที่เบิก"), queryset=Unit.objects.active().order_by("code"))
    purpose = forms.CharField(label=_("วัตถุประสงค์การเบิก"), max_length=500)
    ticket_number = forms.CharField(label=_("เลขที่ใบแจ้งซ่อมที่เกี่ยวข้อง (ถ้ามี)"), max_length=20, required=False,
                                    widget=forms.TextInput(attrs={"placeholder": "เช่น 2569-00042"}))

    def clean(self):
        data = super().clean()
        number = (data.get("ticket_number") or "").strip()
        data["ticket"] = None
        if number:
            ticket = Ticket.objects.filter(number=number).first()
            if ticket is None:
                self.add_error("ticket_number", _("ไม่พบใบแจ้งซ่อมเลขที่นี้"))
            elif data.get("unit") is not None and ticket.unit_id != data["unit"].pk:
                self.add_error("ticket_number", _("ใบแจ้งซ่อมที่อ้างอิงต้องเป็นของหน่วยงานที่เบิก"))
            else:
                data["ticket"] = ticket
        return data


class DisbursementLineForm(forms.Form):
    item = ItemChoiceField(label=_("รายการ"), queryset=Item.objects.active().order_by("name"), required=False)
    quantity = forms.IntegerField(label=_("จำนวน"), min_value=1, max_value=MAX_QUANTITY, required=False)

    def clean(self):
        data = super().clean()
        if data.get("item") is not None and not data.get("quantity"):
            self.add_error("quantity", _("กรุณาระบุจำนวน"))
        if data.get("item") is None and data.get("quantity"):
            self.add_error("item", _("กรุณาเลือกรายการ"))
        return data


class BaseLineFormSet(LinesFormSet):
    empty_message = _("กรุณาระบุรายการที่เบิกอย่างน้อย 1 รายการ")

    def clean_lines(self) -> None:
        seen = set()
        for item, _quantity in self.lines():
            if item.pk in seen:
                raise ValidationError(_("“%(item)s” ซ้ำกัน กรุณารวมเป็นบรรทัดเดียว") % {"item": item.name})
            seen.add(item.pk)

    def lines(self) -> list[tuple[Item, int]]:
        return [(f.cleaned_data["item"], f.cleaned_data["quantity"]) for f in self.forms if f.cleaned_data.get("item")]


DisbursementLineFormSet = forms.formset_factory(
    DisbursementLineForm, formset=BaseLineFormSet, extra=5, max_num=30, validate_max=True
)


class HandOverForm(forms.Form):
    received_by_name = forms.CharField(label=_("ชื่อผู้รับมอบ (ผู้ลงนามแทนหน่วยงาน)"), max_length=200)
    received_by_position = forms.CharField(label=_("ตำแหน่ง"), max_length=200, required=False)
    signed_date = ThaiDateField(label=_("วันที่ลงนามรับ"), required=False,
                                help_text=_("เว้นว่าง = วันนี้"))

    def clean_signed_date(self):
        value = self.cleaned_data.get("signed_date")
        if value and value > timezone.localdate():
            raise ValidationError(_("วันที่ลงนามรับต้องไม่เป็นวันในอนาคต"))
        if value and value < timezone.localdate() - dt.timedelta(days=365):
            raise ValidationError(_("วันที่ลงนามรับย้อนหลังเกิน 1 ปีไม่ได้ (วันที่ %(date)s)")
                                  % {"date": format_date(value)})
        return value

    def signed_at(self) -> dt.datetime:
        day = self.cleaned_data.get("signed_date")
        now = timezone.localtime()
        if not day or day == now.date():
            return timezone.now()
        return timezone.make_aware(dt.datetime.combine(day, dt.time(12, 0)))


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("เหตุผลที่ยกเลิก"), max_length=500)
