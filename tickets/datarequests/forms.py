from django import forms
from django.contrib.auth.models import User
from django.core.validators import MaxLengthValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.forms import checked_upload
from helpdesk.parsing import BEDateField
from helpdesk.roles import Role

from .models import CRITERIA, DataRequest, DeliveryMethod
from .uploads import classify_data_file, display_name, validate_letter

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
TEXT_MAX = 4000


class DataRequestForm(forms.ModelForm):
    """The incoming letter and what it asks for. Staff record it from a letter; a unit files it online."""

    class Meta:
        model = DataRequest
        fields = [
            "letter_number", "letter_date", "letter_scan", "received_at", "organisation", "parent_agency",
            "contact_name", "contact_phone", "contact_email", "purpose", "data_requested", "scope", "data_owner",
            "delivery_method", "delivery_detail",
        ]
        field_classes = {"letter_date": BEDateField}
        widgets = {
            "received_at": DATETIME,
            "purpose": forms.Textarea(attrs={"rows": 3}), "data_requested": forms.Textarea(attrs={"rows": 3}),
            "scope": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, online: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.online = online
        self.fields["received_at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"]
        if online:
            # A unit's online request is received when it is filed.
            del self.fields["received_at"]
        else:
            for name in ("letter_number", "letter_date"):
                self.fields[name].required = True
            if not self.instance.pk:
                self.fields["letter_scan"].required = True
                self.initial.setdefault("received_at", timezone.localtime().strftime("%Y-%m-%dT%H:%M"))
        for name in ("purpose", "data_requested", "scope"):
            self.fields[name].validators.append(MaxLengthValidator(TEXT_MAX))
            self.fields[name].widget.attrs["maxlength"] = TEXT_MAX

    def clean_letter_scan(self):
        return checked_upload(self.cleaned_data.get("letter_scan"), validate_letter)

    def clean_received_at(self):
        received = self.cleaned_data["received_at"]
        if received > timezone.now() + timezone.timedelta(minutes=5):
            raise forms.ValidationError(_("เวลารับหนังสือต้องไม่อยู่ในอนาคต"))
        return received

    def clean(self):
        data = super().clean()
        letter_date, received = data.get("letter_date"), data.get("received_at")
        if letter_date and received and letter_date > timezone.localtime(received).date():
            self.add_error("letter_date", _("วันที่หนังสือต้องไม่หลังวันที่รับหนังสือ"))
        method, detail = data.get("delivery_method"), (data.get("delivery_detail") or "").strip()
        if method in (DeliveryMethod.EMAIL, DeliveryMethod.POST, DeliveryMethod.OTHER) and not detail:
            self.add_error("delivery_detail", _("กรุณาระบุอีเมล ที่อยู่ หรือรายละเอียดวิธีส่งข้อมูล"))
        if method == DeliveryMethod.EMAIL and detail:
            try:
                forms.EmailField().clean(detail)
            except forms.ValidationError:
                self.add_error("delivery_detail", _("กรุณาระบุอีเมลที่ถูกต้องสำหรับส่งข้อมูล"))
        return data


def officer_choices():
    """ICT staff who may prepare data (technicians and heads of ICT)."""
    return (
        User.objects.filter(is_active=True)
        .filter(Q(groups__name=Role.TECHNICIAN) | Q(groups__name=Role.IT_HEAD))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class OfficerField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class ScreeningForm(forms.Form):
    """The head of ICT ticks the criteria of 002 §3 step 1 and accepts (assigning an officer) or refuses."""

    DECISIONS = [("accept", gettext_lazy("เป็นไปตามหลักเกณฑ์ รับเรื่องและมอบหมาย")),
                 ("refuse", gettext_lazy("ไม่เป็นไปตามหลักเกณฑ์ ไม่ให้ข้อมูล"))]

    decision = forms.ChoiceField(label=gettext_lazy("ผลการพิจารณา"), choices=DECISIONS, widget=forms.RadioSelect)
    officer = OfficerField(label=gettext_lazy("เจ้าหน้าที่ผู้รับผิดชอบ"), queryset=User.objects.none(),
                           help_text=gettext_lazy("ผู้จัดทำข้อมูล หรือผู้ประสานแจ้งผู้ขอกรณีไม่ให้ข้อมูล"))
    note = forms.CharField(label=gettext_lazy("ความเห็น"), required=False, max_length=TEXT_MAX,
                           widget=forms.Textarea(attrs={"rows": 2}))
    refusal_reason = forms.CharField(label=gettext_lazy("เหตุผลที่ไม่ให้ข้อมูล (ใช้ในหนังสือตอบ)"), required=False,
                                     max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officer_choices()
        for name in CRITERIA:
            self.fields[name] = forms.BooleanField(
                label=DataRequest._meta.get_field(name).verbose_name, required=False
            )
        self.order_fields([*CRITERIA, "decision", "officer", "note", "refusal_reason"])

    def criteria(self) -> dict[str, bool]:
        return {name: self.cleaned_data.get(name, False) for name in CRITERIA}

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if decision == "accept" and not all(data.get(name) for name in CRITERIA):
            raise forms.ValidationError(_("รับเรื่องได้เมื่อเป็นไปตามเกณฑ์ทุกข้อ หากไม่ผ่านบางข้อให้เลือกไม่ให้ข้อมูล"))
        if decision == "refuse" and not (data.get("refusal_reason") or "").strip():
            self.add_error("refusal_reason", _("กรุณาระบุเหตุผลที่ไม่ให้ข้อมูล"))
        return data


class DataFileForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("ไฟล์ข้อมูล"),
                           help_text=gettext_lazy("PDF, Excel, Word, CSV, ZIP, JPEG หรือ PNG"))
    description = forms.CharField(label=gettext_lazy("คำอธิบาย"), required=False, max_length=300)
    is_personal = forms.BooleanField(
        label=gettext_lazy("มีข้อมูลส่วนบุคคล (PDPA) — เปิดดูได้เฉพาะผู้รับผิดชอบและผู้ตรวจสอบ และลบอัตโนมัติหลังปิดเรื่อง"),
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.kind = classify_data_file(upload)
        self.display_name = display_name(upload.name)
        return upload


class SubmitForm(forms.Form):
    cover_memo = forms.CharField(
        label=gettext_lazy("บันทึกนำเสนอ (บันทึกเล็ก)"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("สรุปข้อมูลที่จัดทำตามเงื่อนไขที่ผู้ขอแจ้ง เสนอตามสายบังคับบัญชา"),
        error_messages={"required": gettext_lazy("กรุณาเขียนบันทึกนำเสนอ")},
    )


class NoteForm(forms.Form):
    note = forms.CharField(label=gettext_lazy("หมายเหตุ"), required=False, max_length=TEXT_MAX,
                           widget=forms.Textarea(attrs={"rows": 2}))


class ReturnForm(forms.Form):
    note = forms.CharField(label=gettext_lazy("สิ่งที่ต้องแก้ไข"), max_length=TEXT_MAX,
                           widget=forms.Textarea(attrs={"rows": 2}),
                           error_messages={"required": gettext_lazy("กรุณาระบุสิ่งที่ต้องแก้ไข")})


class SendReplyForm(forms.Form):
    """When and how the reply went out; its number and date come from the outgoing register on submit."""

    sent_at = forms.DateTimeField(label=gettext_lazy("ส่งเมื่อ"), widget=DATETIME,
                                  input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"])
    sent_method = forms.ChoiceField(label=gettext_lazy("วิธีที่ส่ง"), choices=DeliveryMethod.choices)
    sent_note = forms.CharField(label=gettext_lazy("รายละเอียดการส่ง"), required=False, max_length=500,
                                help_text=gettext_lazy("เช่น เลขพัสดุไปรษณีย์ อีเมลปลายทาง ชื่อผู้มารับ"))

    def __init__(self, *args, data_request: DataRequest, **kwargs):
        super().__init__(*args, **kwargs)
        self.data_request = data_request
        now = timezone.localtime()
        self.initial.setdefault("sent_method", data_request.delivery_method)
        self.initial.setdefault("sent_at", now.strftime("%Y-%m-%dT%H:%M"))

    def clean_sent_at(self):
        sent_at = self.cleaned_data["sent_at"]
        if sent_at > timezone.now() + timezone.timedelta(minutes=5):
            raise forms.ValidationError(_("เวลาส่งต้องไม่อยู่ในอนาคต"))
        if sent_at < self.data_request.received_at:
            raise forms.ValidationError(_("เวลาส่งต้องไม่ก่อนวันที่รับหนังสือ"))
        return sent_at


class CloseForm(forms.Form):
    summary = forms.CharField(
        label=gettext_lazy("สรุปผลการดำเนินงาน"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": gettext_lazy("กรุณาสรุปผลการดำเนินงาน")},
    )


class CancelForm(forms.Form):
    note = forms.CharField(label=gettext_lazy("เหตุผลที่ยกเลิก"), max_length=TEXT_MAX,
                           error_messages={"required": gettext_lazy("กรุณาระบุเหตุผลที่ยกเลิก")})
