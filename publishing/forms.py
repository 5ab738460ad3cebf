from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from helpdesk.forms import end_not_before
from helpdesk.models import Unit
from helpdesk.parsing import BEDateField
from publishing.files import MAX_ATTACHMENTS, check_upload
from publishing.models import PublishingRequest, Section


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.docx,.xlsx"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        uploads = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(upload, initial) for upload in uploads if upload]


def _check_files(uploads) -> list:
    checked, errors = [], []
    for upload in uploads:
        try:
            checked.append(check_upload(upload))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    return checked


class RequestForm(forms.ModelForm):
    attachments = MultipleFileField(
        label=_("ไฟล์แนบ"),
        help_text=_("PDF, JPEG, PNG, DOCX หรือ XLSX ไม่เกินไฟล์ละ 20 MB เลือกได้หลายไฟล์"),
    )

    class Meta:
        model = PublishingRequest
        fields = ["title", "section", "body_format", "body", "wanted_on", "expires_on"]
        field_classes = {"wanted_on": BEDateField, "expires_on": BEDateField}
        widgets = {
            "body": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {
            "body_format": _("Markdown: **ตัวหนา**, *ตัวเอียง*, [ข้อความลิงก์](https://…), รายการขึ้นต้นด้วย - "),
            "expires_on": _("เว้นว่างได้ เมื่อถึงวันถัดจากวันนี้ ประกาศจะหายไปจากหน้าข่าว"),
        }

    def __init__(self, *args, existing_files: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.existing_files = existing_files
        self.fields["section"].queryset = Section.objects.filter(is_active=True)
        self.fields["section"].empty_label = None
        if not self.instance.pk:
            self.fields["wanted_on"].initial = timezone.localdate()

    def clean_wanted_on(self):
        wanted = self.cleaned_data["wanted_on"]
        if wanted < timezone.localdate() and "wanted_on" in self.changed_data:
            raise ValidationError(_("วันที่ต้องการให้เผยแพร่ต้องไม่เป็นวันที่ผ่านมาแล้ว"))
        return wanted

    def clean_attachments(self):
        uploads = self.cleaned_data.get("attachments") or []
        if self.existing_files + len(uploads) > MAX_ATTACHMENTS:
            raise ValidationError(_("แนบไฟล์ได้ไม่เกิน %(n)d ไฟล์ต่อคำขอ") % {"n": MAX_ATTACHMENTS})
        return _check_files(uploads)

    def clean(self):
        cleaned = super().clean()
        end_not_before(self, cleaned, "wanted_on", "expires_on", _("วันที่สิ้นสุดต้องไม่ก่อนวันที่ต้องการให้เผยแพร่"))
        return cleaned

    def content_data(self) -> dict:
        return {field: self.cleaned_data[field] for field in self.Meta.fields}


class PrepareForm(forms.ModelForm):
    """IT staff prepare the post (002 §1 step 3): menu and text; changing the text voids the approval."""

    class Meta:
        model = PublishingRequest
        fields = ["section", "title", "body_format", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = Section.objects.filter(is_active=True)
        self.fields["section"].empty_label = None

    def content_data(self) -> dict:
        return {field: self.cleaned_data[field] for field in self.Meta.fields}


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("ไฟล์"), widget=forms.ClearableFileInput(
        attrs={"accept": ".pdf,.jpg,.jpeg,.png,.docx,.xlsx"}))

    def clean_file(self):
        return _check_files([self.cleaned_data["file"]])[0]


class AddAttachmentForm(AttachmentForm):
    def __init__(self, *args, existing_files: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.existing_files = existing_files

    def clean_file(self):
        if self.existing_files >= MAX_ATTACHMENTS:
            raise ValidationError(_("แนบไฟล์ได้ไม่เกิน %(n)d ไฟล์ต่อคำขอ") % {"n": MAX_ATTACHMENTS})
        return super().clean_file()


class NoteForm(forms.Form):
    note = forms.CharField(label=_("ความเห็น"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(forms.Form):
    note = forms.CharField(
        label=_("เหตุผล"), widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("ต้องระบุเหตุผล")},
    )


def _check(label) -> forms.BooleanField:
    """One item of a checklist that must be ticked."""
    return forms.BooleanField(label=label, error_messages={"required": _("ต้องตรวจข้อนี้")})


class AcceptForm(forms.Form):
    """The IT head's compliance checklist (002 §1 step 2)."""

    check_rules = _check(_("เป็นไปตามหลักเกณฑ์/ระเบียบของหน่วยงาน"))
    check_oia = _check(_("สอดคล้องกับ พ.ร.บ. ข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐"))
    check_chain = _check(_("ได้รับอนุมัติตามสายบังคับบัญชาครบถ้วน"))
    note = forms.CharField(label=_("บันทึกการตรวจสอบ"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class PublishForm(forms.Form):
    """Checks on the preview before publishing (002 §1 step 4)."""

    verify_display = _check(_("การแสดงผลถูกต้องสมบูรณ์"))
    verify_positions = _check(_("ตำแหน่งของเนื้อหาและรูปภาพถูกต้อง"))
    verify_fonts = _check(_("ตัวอักษรแสดงถูกต้อง อ่านได้"))
    verify_downloads = _check(_("ดาวน์โหลดเอกสารแนบได้ทุกไฟล์"))
    external_url = forms.URLField(label=_("URL บนเว็บไซต์หลักของหน่วยงาน (ถ้ามี)"), required=False,
                                  assume_scheme="https")
    note = forms.CharField(label=_("หมายเหตุ"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def checklist(self) -> dict[str, bool]:
        return {key: self.cleaned_data[key] for key in
                ("verify_display", "verify_positions", "verify_fonts", "verify_downloads")}


SORTS = {
    "new": ("-created_at", _("ใหม่สุด")),
    "old": ("created_at", _("เก่าสุด")),
    "due": ("due_at", _("กำหนดเผยแพร่")),
    "wanted": ("wanted_on", _("วันที่ต้องการ")),
    "title": ("title", _("หัวข้อ")),
    "status": ("status", _("สถานะ")),
    "published": ("-published_at", _("เผยแพร่ล่าสุด")),
}


class ListFilterForm(forms.Form):
    q = forms.CharField(label=_("ค้นหา"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("สถานะ"), required=False,
                               choices=[("", _("ทุกสถานะ")), *PublishingRequest.Status.choices,
                                        ("expired", _("หมดอายุการเผยแพร่"))])
    section = forms.ModelChoiceField(label=_("เมนู"), required=False, queryset=Section.objects.all(),
                                     empty_label=_("ทุกเมนู"))
    unit = forms.ModelChoiceField(label=_("หน่วยงาน"), required=False, queryset=Unit.objects.all(),
                                  empty_label=_("ทุกหน่วยงาน"))
    overdue = forms.BooleanField(label=_("เกินกำหนด ๒ วันทำการ"), required=False)
    todo = forms.BooleanField(label=_("รอฉันดำเนินการ"), required=False)
    sort = forms.ChoiceField(label=_("เรียงตาม"), required=False,
                             choices=[(key, label) for key, (_field, label) in SORTS.items()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("status", "section", "unit", "sort"):
            self.fields[name].widget.attrs["class"] = "form-select"


class ReportForm(forms.Form):
    month = forms.DateField(label=_("เดือน"), input_formats=["%Y-%m"], required=False,
                            widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"))
