from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from helpdesk.parsing import BEDateField
from publishing.files import check_upload
from publishing.knowledge.models import Article, GuideFeedback, Publication
from tickets.models import Category


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["title", "summary", "kind", "category", "audience", "body_format", "body"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 14}),
        }
        help_texts = {
            "body": _("Markdown: ขึ้นบรรทัดด้วย 1. 2. 3. สำหรับขั้นตอน ใส่รูปที่แนบไว้ด้วย ![คำอธิบาย](ลิงก์รูป)"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(is_active=True).select_related("parent")
        self.fields["title"].error_messages["required"] = _("กรุณาระบุชื่อเรื่อง")
        self.fields["body"].error_messages["required"] = _("กรุณาเขียนเนื้อหา")

    def clean_title(self):
        title = " ".join((self.cleaned_data.get("title") or "").split())
        if not title:
            raise ValidationError(_("กรุณาระบุชื่อเรื่อง"))
        return title

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Article.Kind.GUIDE and not cleaned.get("category"):
            self.add_error("category", _("คู่มือแนวทางการแก้ไขปัญหาต้องระบุหมวดปัญหา"))
        return cleaned


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("ไฟล์หรือรูปภาพ"), error_messages={"required": _("กรุณาเลือกไฟล์")})

    def clean_file(self):
        return check_upload(self.cleaned_data["file"])


class PublicationForm(forms.ModelForm):
    url = forms.URLField(label=_("ลิงก์"), required=False, max_length=500, assume_scheme="https")

    class Meta:
        model = Publication
        fields = ["channel", "published_on", "issue", "url"]
        field_classes = {"published_on": BEDateField}

    def clean_published_on(self):
        day = self.cleaned_data["published_on"]
        if day > timezone.localdate():
            raise ValidationError(_("วันที่เผยแพร่ต้องไม่เป็นวันในอนาคต"))
        return day

    def clean(self):
        cleaned = super().clean()
        channel = cleaned.get("channel")
        if channel == Publication.Channel.JOURNAL and not (cleaned.get("issue") or "").strip():
            self.add_error("issue", _("กรุณาระบุฉบับที่ของวารสาร"))
        if channel in (Publication.Channel.WEBSITE, Publication.Channel.FACEBOOK, Publication.Channel.INSTAGRAM) \
                and not cleaned.get("url"):
            self.add_error("url", _("กรุณาระบุลิงก์ของโพสต์หรือหน้าเว็บ"))
        return cleaned


class TransitionNoteForm(forms.Form):
    note = forms.CharField(label=_("หมายเหตุ"), max_length=1000, required=False)


class GuideFeedbackForm(forms.Form):
    outcome = forms.ChoiceField(choices=GuideFeedback.Outcome.choices)
    category = forms.ModelChoiceField(queryset=Category.objects.filter(is_active=True), required=False)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("ค้นหา"), max_length=100, required=False)
    category = forms.SlugField(required=False)
