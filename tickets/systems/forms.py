"""Forms own their validation; every refusal is a Thai message on the field it concerns."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from helpdesk.forms import ThaiDateField, checked_upload

from .models import AttachmentKind, ChangeRequest, Contract, DevRequest, Project, Quotation, System
from .uploads import sniff_document, validate_pdf

TEXTAREA = forms.Textarea(attrs={"rows": 3})


def _not_future(value):
    if value and value > timezone.localdate():
        raise ValidationError(_("วันที่ต้องไม่เป็นวันในอนาคต"))
    return value


class DevRequestForm(forms.ModelForm):
    class Meta:
        model = DevRequest
        fields = ["title", "trigger", "need", "expected_benefit"]
        widgets = {"need": TEXTAREA, "expected_benefit": TEXTAREA}
        error_messages = {
            "title": {"required": _("กรุณาระบุชื่อระบบหรือเรื่องที่ขอพัฒนา")},
            "trigger": {"required": _("กรุณาเลือกปัจจัยที่ทำให้เกิดการพัฒนา")},
            "need": {"required": _("กรุณาอธิบายความต้องการหรือสภาพปัญหา")},
            "expected_benefit": {"required": _("กรุณาระบุประโยชน์ที่คาดว่าจะได้รับ")},
        }


class NoteForm(forms.Form):
    note = forms.CharField(label=_("หมายเหตุ"), required=False, max_length=4000, widget=TEXTAREA)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("เหตุผล"), max_length=4000, widget=TEXTAREA,
                             error_messages={"required": _("กรุณาระบุเหตุผล")})


class ProjectForm(forms.ModelForm):
    starts_on = ThaiDateField(label=_("วันเริ่มโครงการ"))
    ends_on = ThaiDateField(label=_("วันสิ้นสุดโครงการ"))

    class Meta:
        model = Project
        fields = ["title", "rationale", "objectives", "targets", "scope", "budget", "starts_on", "ends_on",
                  "indicators", "staff", "action_plan", "track", "improves"]
        widgets = dict.fromkeys(["rationale", "objectives", "targets", "scope", "indicators", "staff",
                                 "action_plan"], TEXTAREA)
        help_texts = {"budget": _("เว้นว่างถ้าไม่ใช้งบประมาณ"),
                      "track": _("พัฒนาเองโดยศูนย์ฯ หรือจ้างหน่วยงานภายนอก (002 §5 ขั้นตอนที่ ๖)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["improves"].queryset = System.objects.filter(status=System.Status.ACTIVE).order_by("name")
        self.fields["improves"].empty_label = _("— ระบบใหม่ —")
        for field in self.fields.values():
            if field.required:
                field.error_messages["required"] = _("กรุณากรอก%(field)s") % {"field": field.label}

    def clean_budget(self):
        budget = self.cleaned_data.get("budget")
        if budget is not None and budget < 0:
            raise ValidationError(_("งบประมาณต้องไม่ติดลบ"))
        return budget

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("starts_on") and cleaned.get("ends_on") and cleaned["ends_on"] < cleaned["starts_on"]:
            self.add_error("ends_on", _("วันสิ้นสุดต้องไม่ก่อนวันเริ่มโครงการ"))
        return cleaned


class StepDateForm(forms.Form):
    on = ThaiDateField(label=_("วันที่"), required=False, validators=[_not_future])
    note = forms.CharField(label=_("ผลการดำเนินงาน"), required=False, max_length=4000, widget=TEXTAREA)


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("ประเภทเอกสาร"), choices=AttachmentKind.choices)
    file = forms.FileField(label=_("ไฟล์"), error_messages={"required": _("กรุณาเลือกไฟล์")},
                           help_text=_("PDF, JPEG, PNG, Word, Excel หรือ PowerPoint ไม่เกิน 10 MB"))

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is not None:
            try:
                cleaned["ext"] = sniff_document(upload)
            except ValidationError as error:
                self.add_error("file", error)
        return cleaned


class QuotationForm(forms.ModelForm):
    received_on = ThaiDateField(label=_("วันที่ได้รับใบเสนอราคา"), validators=[_not_future])

    class Meta:
        model = Quotation
        fields = ["vendor", "amount", "received_on"]
        error_messages = {"vendor": {"required": _("กรุณาระบุผู้เสนอราคา")},
                          "amount": {"required": _("กรุณาระบุราคาที่เสนอ")}}

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount <= 0:
            raise ValidationError(_("ราคาต้องมากกว่า 0"))
        return amount


class ContractForm(forms.ModelForm):
    """The contract and its instalments, one per line: ``due date (B.E.) | amount | deliverable``."""

    signed_on = ThaiDateField(label=_("วันที่ลงนามสัญญา"), validators=[_not_future])
    instalments = forms.CharField(
        label=_("งวดงาน"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("บรรทัดละหนึ่งงวด: วันที่กำหนดส่งมอบ (พ.ศ.) | จำนวนเงิน | งานที่ส่งมอบ เช่น 30/06/2570 | 150000 | "
                    "ระบบต้นแบบ"),
        error_messages={"required": _("กรุณาระบุงวดงานอย่างน้อย 1 งวด")})

    class Meta:
        model = Contract
        fields = ["number", "vendor", "amount", "signed_on"]
        error_messages = {"number": {"required": _("กรุณาระบุเลขที่สัญญา")},
                          "vendor": {"required": _("กรุณาระบุผู้รับจ้าง")},
                          "amount": {"required": _("กรุณาระบุวงเงินตามสัญญา")}}

    def clean_instalments(self):
        from decimal import Decimal, InvalidOperation

        from helpdesk.parsing import parse_be_date

        rows = []
        for line_no, line in enumerate(self.cleaned_data["instalments"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|")]
            try:
                due_on = parse_be_date(parts[0])
                amount = Decimal(parts[1].replace(",", ""))
            except (ValueError, IndexError, InvalidOperation) as error:
                raise ValidationError(_("งวดบรรทัดที่ %(n)s ไม่ถูกต้อง: ต้องเป็น วว/ดด/ปปปป | จำนวนเงิน | งานที่ส่งมอบ")
                                      % {"n": line_no}) from error
            if amount <= 0:
                raise ValidationError(_("งวดบรรทัดที่ %(n)s: จำนวนเงินต้องมากกว่า 0") % {"n": line_no})
            rows.append({"due_on": due_on, "amount": amount, "deliverable": (parts[2] if len(parts) > 2 else "")[:300]})
        if not rows:
            raise ValidationError(_("กรุณาระบุงวดงานอย่างน้อย 1 งวด"))
        return rows

    def clean(self):
        cleaned = super().clean()
        rows, amount = cleaned.get("instalments"), cleaned.get("amount")
        if rows and amount is not None and sum(r["amount"] for r in rows) != amount:
            self.add_error("instalments", _("ยอดรวมของงวดงาน (%(sum)s บาท) ไม่เท่ากับวงเงินตามสัญญา")
                           % {"sum": f"{sum(r['amount'] for r in rows):,.2f}"})
        return cleaned


class InspectForm(forms.Form):
    passed = forms.TypedChoiceField(label=_("ผลการตรวจรับ"), coerce=lambda v: v == "yes",
                                    choices=[("yes", _("ตรวจรับ")), ("no", _("ไม่ผ่าน ให้แก้ไข"))],
                                    error_messages={"required": _("กรุณาเลือกผลการตรวจรับ")})
    on = ThaiDateField(label=_("วันที่ตรวจรับ"), validators=[_not_future],
                       error_messages={"required": _("กรุณาระบุวันที่ตรวจรับ")})
    note = forms.CharField(label=_("บันทึกของคณะกรรมการ"), required=False, max_length=4000, widget=TEXTAREA)


class PayForm(forms.Form):
    on = ThaiDateField(label=_("วันที่เบิกจ่าย"), validators=[_not_future],
                       error_messages={"required": _("กรุณาระบุวันที่เบิกจ่าย")})
    reference = forms.CharField(label=_("เลขที่ฎีกา/หลักฐานการจ่าย"), max_length=100,
                                error_messages={"required": _("กรุณาระบุเลขที่หลักฐานการจ่าย")})


class GoLiveLetterForm(forms.Form):
    """The go-live date; the letter's number and date come from the outgoing register."""

    go_live_on = ThaiDateField(label=_("วันเปิดใช้งานระบบ"), error_messages={"required": _("กรุณาระบุวันเปิดใช้งาน")})


class SystemForm(forms.ModelForm):
    go_live_on = ThaiDateField(label=_("วันเปิดใช้งาน"), required=False)

    class Meta:
        model = System
        fields = ["name", "owner_unit", "description", "url", "go_live_on", "vendor", "manual", "serves_public",
                  "satisfaction_target"]
        widgets = {"description": TEXTAREA}
        error_messages = {"name": {"required": _("กรุณาระบุชื่อระบบ")},
                          "owner_unit": {"required": _("กรุณาเลือกหน่วยงานเจ้าของระบบ")}}

    def clean_manual(self):
        return checked_upload(self.cleaned_data.get("manual"), validate_pdf)

    def clean_satisfaction_target(self):
        value = self.cleaned_data["satisfaction_target"]
        if not 0 <= value <= 100:
            raise ValidationError(_("เป้าหมายต้องอยู่ระหว่าง 0 ถึง 100"))
        return value


class ChangeRequestForm(forms.ModelForm):
    class Meta:
        model = ChangeRequest
        fields = ["system", "kind", "title", "details"]
        widgets = {"details": TEXTAREA, "kind": forms.RadioSelect}
        error_messages = {"system": {"required": _("กรุณาเลือกระบบ")},
                          "kind": {"required": _("กรุณาเลือกประเภทคำขอ")},
                          "title": {"required": _("กรุณาระบุเรื่อง")},
                          "details": {"required": _("กรุณาอธิบายรายละเอียด")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["system"].queryset = System.objects.filter(status=System.Status.ACTIVE).order_by("name")
        self.fields["kind"].choices = ChangeRequest.Kind.choices
        self.fields["system"].error_messages["invalid_choice"] = _("ไม่พบระบบนี้ในทะเบียน หรือระบบเลิกใช้งานแล้ว")


class AnalyseForm(forms.Form):
    analysis = forms.CharField(label=_("ผลการวิเคราะห์"), max_length=4000, widget=TEXTAREA,
                               error_messages={"required": _("กรุณาระบุผลการวิเคราะห์")})


class DeliverForm(forms.Form):
    resolution = forms.CharField(label=_("ผลการแก้ไข/พัฒนา"), max_length=4000, widget=TEXTAREA,
                                 error_messages={"required": _("กรุณาระบุผลการแก้ไข/พัฒนา")})
