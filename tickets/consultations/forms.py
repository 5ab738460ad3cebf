import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from helpdesk.models import Unit
from publishing.knowledge.models import Article
from tickets.consultations.models import Consultation, MemoRequest, Topic
from tickets.forms import BEDateField, GroupedCategoryField
from tickets.uploads import validate_pdf


class ConsultationForm(forms.ModelForm):
    """The quick form: what a desk officer types while the caller is still on the line."""

    category = GroupedCategoryField(label=_("หมวดปัญหา"), required=False)

    class Meta:
        model = Consultation
        fields = ["unit", "caller_name", "caller_phone", "channel", "question", "answer", "category", "topic",
                  "minutes", "solved"]
        widgets = {
            "question": forms.Textarea(attrs={"rows": 2}),
            "answer": forms.Textarea(attrs={"rows": 2}),
            "minutes": forms.NumberInput(attrs={"min": 1, "max": 480, "inputmode": "numeric"}),
        }
        error_messages = {
            "unit": {"required": _("กรุณาเลือกหน่วยงาน")},
            "caller_name": {"required": _("กรุณาระบุชื่อผู้ติดต่อ")},
            "question": {"required": _("กรุณาระบุคำถาม/ปัญหา")},
            "minutes": {"min_value": _("เวลาที่ใช้ต้องอย่างน้อย 1 นาที"),
                        "max_value": _("เวลาที่ใช้ต้องไม่เกิน 480 นาที"),
                        "required": _("กรุณาระบุเวลาที่ใช้ (นาที)")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.active()
        self.fields["topic"].queryset = Topic.objects.exclude(status=Topic.Status.DECLINED).order_by("title")
        self.fields["topic"].required = False

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("solved") and not (cleaned.get("answer") or "").strip():
            self.add_error("answer", _("กรุณาบันทึกคำตอบที่ให้ไป (หรือยกเลิกเครื่องหมาย “แก้ไขได้ทันที”)"))
        return cleaned


class ConsultationTicketForm(forms.Form):
    category = GroupedCategoryField(label=_("หมวดปัญหา"), error_messages={"required": _("กรุณาเลือกหมวดปัญหา")})
    device_description = forms.CharField(label=_("อุปกรณ์"), max_length=255,
                                         error_messages={"required": _("กรุณาระบุอุปกรณ์")})
    confirm_duplicate = forms.BooleanField(label=_("ยืนยันแจ้งซ่อมใหม่ แม้มีใบแจ้งซ่อมเดิมที่ยังดำเนินการอยู่"),
                                           required=False)


class TopicForm(forms.ModelForm):
    class Meta:
        model = Topic
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"title": {"required": _("กรุณาระบุประเด็น")}}


class NoteForm(forms.Form):
    note = forms.CharField(label=_("หมายเหตุ/เหตุผล"), max_length=1000, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class GroupForm(forms.Form):
    consultations = forms.ModelMultipleChoiceField(queryset=Consultation.objects.none(), required=False,
                                                   widget=forms.CheckboxSelectMultiple)
    memos = forms.ModelMultipleChoiceField(queryset=MemoRequest.objects.none(), required=False,
                                           widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultations"].queryset = Consultation.objects.filter(topic__isnull=True)
        self.fields["memos"].queryset = MemoRequest.objects.filter(topic__isnull=True)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("consultations") and not cleaned.get("memos"):
            raise ValidationError(_("กรุณาเลือกคำถามอย่างน้อยหนึ่งรายการ"))
        return cleaned


class LinkArticleForm(forms.Form):
    article = forms.ModelChoiceField(label=_("บทความที่ตอบประเด็น"), queryset=Article.objects.none(),
                                     error_messages={"required": _("กรุณาเลือกบทความ")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["article"].queryset = Article.objects.exclude(status=Article.Status.ARCHIVED).order_by("title")


class MemoForm(forms.ModelForm):
    memo_date = BEDateField(label=_("ลงวันที่ (พ.ศ.)"), widget=forms.TextInput(attrs={"placeholder": "15/03/2569"}),
                            error_messages={"required": _("กรุณาระบุวันที่ของหนังสือ")})

    class Meta:
        model = MemoRequest
        fields = ["unit", "memo_number", "memo_date", "subject", "scan"]
        widgets = {"subject": forms.Textarea(attrs={"rows": 3}),
                   "scan": forms.ClearableFileInput(attrs={"accept": "application/pdf"})}
        error_messages = {
            "unit": {"required": _("กรุณาเลือกหน่วยงาน")},
            "memo_number": {"required": _("กรุณาระบุเลขที่หนังสือ")},
            "subject": {"required": _("กรุณาระบุเรื่องที่ขอ")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.active()

    def clean_memo_date(self):
        day = self.cleaned_data["memo_date"]
        if day > timezone.localdate() or day < timezone.localdate() - dt.timedelta(days=3650):
            raise ValidationError(_("วันที่ของหนังสือไม่ถูกต้อง"))
        return day

    def clean_scan(self):
        scan = self.cleaned_data.get("scan")
        return validate_pdf(scan) if scan else None

    def clean(self):
        cleaned = super().clean()
        unit, number = cleaned.get("unit"), (cleaned.get("memo_number") or "").strip()
        if unit and number and MemoRequest.objects.filter(unit=unit, memo_number=number).exists():
            self.add_error("memo_number", _("หนังสือเลขที่นี้ของหน่วยงานนี้บันทึกไว้แล้ว"))
        return cleaned


class MemoAcceptForm(forms.Form):
    topic = forms.ModelChoiceField(label=_("ประเด็นที่มีอยู่"), queryset=Topic.objects.none(), required=False)
    new_title = forms.CharField(label=_("หรือสร้างประเด็นใหม่"), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.exclude(status=Topic.Status.ANSWERED).order_by("title")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("topic") and not (cleaned.get("new_title") or "").strip():
            raise ValidationError(_("กรุณาเลือกประเด็นที่มีอยู่ หรือพิมพ์ชื่อประเด็นใหม่"))
        return cleaned
