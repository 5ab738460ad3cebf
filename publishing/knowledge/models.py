"""Knowledge articles and troubleshooting guides (000 §1.1–1.3 guides, 000 §3 articles).

Articles are content: their body goes through publishing's one renderer and sanitiser
(publishing.rendering), public ones appear on the public site next to the news.
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from helpdesk.models import status_event_model
from helpdesk.roles import Role, has_role, is_service_staff
from publishing.models import StoredFile

DAYS_TO_PUBLISH = 15  # 000 §3 step ๖: an article within 15 days


def is_knowledge_editor(user) -> bool:
    """Staff who write and publish articles (000 §3: the technical and service teams)."""
    return user.is_authenticated and (user.is_superuser or has_role(user, Role.TECHNICIAN, Role.IT_HEAD))


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED)

    def public(self):
        return self.published().filter(audience=Article.Audience.PUBLIC)

    def readable_by(self, user):
        """What a reader may open: anonymous → public; unit users → self-help and public; service staff → every
        published article; editors also drafts and archived ones. Everything else is a 404."""
        if not user.is_authenticated:
            return self.public()
        if is_knowledge_editor(user):
            return self.all()
        if is_service_staff(user):
            return self.published()
        return self.published().filter(audience__in=[Article.Audience.UNIT, Article.Audience.PUBLIC])

    def guides(self):
        return self.filter(kind=Article.Kind.GUIDE)

    def search(self, text: str):
        """Thai-friendly search: substring match on title, summary and body (PostgreSQL serves it from the
        trigram GIN indexes of migration 0002; SQLite scans)."""
        text = (text or "").strip()
        if not text:
            return self
        query = Q()
        for word in text.split()[:5]:
            query &= Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
        return self.filter(query)


class Article(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", _("บทความ")
        GUIDE = "guide", _("คู่มือแนวทางการแก้ไขปัญหา")

    class Audience(models.TextChoices):
        UNIT = "unit", _("หน่วยงานแก้ไขปัญหาเบื้องต้นเอง")
        TECHNICIAN = "technician", _("เฉพาะเจ้าหน้าที่")
        PUBLIC = "public", _("สาธารณะ")

    class Status(models.TextChoices):
        DRAFT = "draft", _("ร่าง")
        PUBLISHED = "published", _("เผยแพร่แล้ว")
        ARCHIVED = "archived", _("เก็บถาวร")

    class BodyFormat(models.TextChoices):
        PLAIN = "plain", _("ข้อความธรรมดา")
        MARKDOWN = "markdown", _("Markdown")

    TRANSITIONS = {
        Status.DRAFT: {Status.PUBLISHED},
        Status.PUBLISHED: {Status.ARCHIVED},
        Status.ARCHIVED: {Status.PUBLISHED},
    }

    title = models.CharField(_("ชื่อเรื่อง"), max_length=255)
    summary = models.CharField(_("สรุปย่อ"), max_length=500, blank=True)
    body = models.TextField(_("เนื้อหา"), max_length=50000)
    body_format = models.CharField(
        _("รูปแบบเนื้อหา"), max_length=10, choices=BodyFormat.choices, default=BodyFormat.MARKDOWN
    )
    kind = models.CharField(_("ประเภท"), max_length=10, choices=Kind.choices, default=Kind.ARTICLE)
    category = models.ForeignKey(
        "tickets.Category", verbose_name=_("หมวดปัญหา"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="articles",
    )
    audience = models.CharField(_("ผู้อ่าน"), max_length=12, choices=Audience.choices, default=Audience.UNIT)
    status = models.CharField(_("สถานะ"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ผู้เขียน"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="knowledge_articles",
    )
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    published_at = models.DateTimeField(_("เผยแพร่ครั้งแรกเมื่อ"), null=True, blank=True)
    archived_at = models.DateTimeField(_("เก็บถาวรเมื่อ"), null=True, blank=True)

    history = HistoricalRecords()
    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("บทความความรู้")
        verbose_name_plural = _("บทความความรู้")
        indexes = [
            models.Index(fields=["status", "audience", "published_at"], name="knowledge_reading_idx"),
            models.Index(fields=["kind", "status"], name="knowledge_kind_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:article", args=[self.pk])

    def get_manage_url(self) -> str:
        return reverse("knowledge:manage_detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.audience == self.Audience.PUBLIC


ArticleEvent = status_event_model(Article, _("ประวัติสถานะบทความ"))


def attachment_upload_to(instance, filename: str) -> str:
    suffix = PurePosixPath(filename).suffix.lower()
    return f"knowledge/{uuid.uuid4().hex}{suffix}"


class ArticleAttachment(StoredFile):
    """A file or image of an article."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("ไฟล์"), upload_to=attachment_upload_to, max_length=255)
    kind = models.CharField(_("ชนิด"), max_length=10)
    history = HistoricalRecords()

    class Meta(StoredFile.Meta):
        verbose_name = _("ไฟล์แนบบทความ")
        verbose_name_plural = _("ไฟล์แนบบทความ")

    def get_absolute_url(self) -> str:
        return reverse("knowledge:attachment", args=[self.article_id, self.pk])

    @property
    def is_image(self) -> bool:
        return self.kind == "image"


class Publication(models.Model):
    """Where an article went out (000 §3 step ๕): LINE, Facebook, Instagram, the journal, the website."""

    class Channel(models.TextChoices):
        LINE = "line", "LINE"
        FACEBOOK = "facebook", "Facebook"
        INSTAGRAM = "instagram", "Instagram"
        JOURNAL = "journal", _("วารสาร")
        WEBSITE = "website", _("เว็บไซต์")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="publications")
    channel = models.CharField(_("ช่องทาง"), max_length=10, choices=Channel.choices)
    issue = models.CharField(_("ฉบับที่ (วารสาร)"), max_length=100, blank=True)
    published_on = models.DateField(_("วันที่เผยแพร่"))
    url = models.URLField(_("ลิงก์"), blank=True, max_length=500)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["published_on", "pk"]
        verbose_name = _("ช่องทางการเผยแพร่")
        verbose_name_plural = _("ช่องทางการเผยแพร่")

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.published_on}"


class GuideFeedback(models.Model):
    """A unit user's answer under a guide shown on the repair form: it solved it (a deflected request) or not."""

    class Outcome(models.TextChoices):
        SOLVED = "solved", _("แก้ไขได้ตามคู่มือ")
        NEED_HELP = "need_help", _("ยังต้องการความช่วยเหลือ")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="feedback")
    category = models.ForeignKey("tickets.Category", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    unit = models.ForeignKey("helpdesk.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    outcome = models.CharField(_("ผล"), max_length=10, choices=Outcome.choices)
    at = models.DateTimeField(_("เมื่อ"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("ผลการใช้คู่มือก่อนแจ้งซ่อม")
        verbose_name_plural = _("ผลการใช้คู่มือก่อนแจ้งซ่อม")

    def __str__(self) -> str:
        return f"{self.article_id} {self.outcome}"
