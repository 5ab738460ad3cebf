import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from helpdesk.parsing import BEDateField as SharedBEDateField

from .kinds import letter_kinds
from .models import DocumentForm


class BEDateField(SharedBEDateField):
    """The shared date field (B.E. entry and calendar) with this register's wording of the message."""

    default_error_messages = {"invalid": _("กรุณาระบุวันที่ในรูปแบบ วว/ดด/ปปปป (พ.ศ.)")}


class RegisterFilterForm(forms.Form):
    STATUS_CHOICES = [("", _("ทั้งหมด")), ("current", _("ใช้งาน")), ("cancelled", _("ยกเลิกแล้ว"))]

    q = forms.CharField(label=_("ค้นหา"), required=False, max_length=100)
    year = forms.TypedChoiceField(label=_("ปี พ.ศ."), required=False, coerce=int, empty_value=None)
    form = forms.ChoiceField(label=_("รูปแบบ"), required=False)
    kind = forms.ChoiceField(label=_("ประเภทหนังสือ"), required=False)
    status = forms.ChoiceField(label=_("สถานะ"), required=False, choices=STATUS_CHOICES)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("ทุกปี"))] + [(year, str(year)) for year in years]
        self.fields["form"].choices = [("", _("ทั้งหมด")), *DocumentForm.choices]
        self.fields["kind"].choices = [("", _("ทั้งหมด"))] + [(kind.code, kind.label) for kind in letter_kinds()]


class RegisterPeriodForm(forms.Form):
    date_from = BEDateField(label=_("ตั้งแต่วันที่"))
    date_to = BEDateField(label=_("ถึงวันที่"))

    MAX_DAYS = 366

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end:
            if end < start:
                self.add_error("date_to", _("วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มต้น"))
            elif end - start > dt.timedelta(days=self.MAX_DAYS):
                self.add_error("date_to", _("พิมพ์ทะเบียนได้ครั้งละไม่เกิน ๑ ปี"))
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("เหตุผล"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("กรุณาระบุเหตุผล")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("กรุณาระบุเหตุผล"))
        return reason
