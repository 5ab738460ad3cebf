"""Consultations answered at once (003 §6.1) and the question log that turns them into articles (000 §3).

A consultation is a phone or walk-in question answered on the spot: recorded in seconds, counted in
reports, and turned into a repair ticket only when it was not solved. Questions (consultations and
units' memos asking for an article) are grouped into topics; an article answers one or more topics
within 15 days of the topic's acceptance.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from helpdesk.models import status_event_model
from helpdesk.roles import Role, has_role

DAYS_TO_ANSWER = 15  # 000 §3 step ๖: ระยะเวลาที่ใช้ ๑๕ วัน


def is_desk_staff(user) -> bool:
    """Who records consultations and runs the question log: technicians and the IT head."""
    return user.is_authenticated and (user.is_superuser or has_role(user, Role.TECHNICIAN, Role.IT_HEAD))


class Consultation(models.Model):
    class Channel(models.TextChoices):
        PHONE = "phone", _("โทรศัพท์")
        WALK_IN = "walk_in", _("มาติดต่อด้วยตนเอง")
        LINE = "line", "LINE"
        OTHER = "other", _("อื่น ๆ")

    unit = models.ForeignKey("helpdesk.Unit", verbose_name=_("หน่วยงาน"), on_delete=models.PROTECT,
                             related_name="consultations")
    caller_name = models.CharField(_("ผู้ติดต่อ"), max_length=200)
    caller_phone = models.CharField(_("โทรศัพท์ผู้ติดต่อ"), max_length=50, blank=True)
    channel = models.CharField(_("ช่องทาง"), max_length=10, choices=Channel.choices, default=Channel.PHONE)
    question = models.TextField(_("คำถาม/ปัญหา"), max_length=2000)
    answer = models.TextField(_("คำตอบ/คำแนะนำ"), max_length=4000, blank=True)
    category = models.ForeignKey("tickets.Category", verbose_name=_("หมวดปัญหา"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="consultations")
    topic = models.ForeignKey("Topic", verbose_name=_("ประเด็นคำถาม"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="consultations")
    minutes = models.PositiveSmallIntegerField(
        _("เวลาที่ใช้ (นาที)"), default=5, validators=[MinValueValidator(1), MaxValueValidator(480)]
    )
    solved = models.BooleanField(_("แก้ไขได้ทันที"), default=True)
    ticket = models.ForeignKey("tickets.Ticket", verbose_name=_("ใบแจ้งซ่อมที่เปิดต่อ"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="consultations")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้บันทึก"), on_delete=models.PROTECT,
                                    related_name="consultations_recorded")
    recorded_at = models.DateTimeField(_("บันทึกเมื่อ"), default=timezone.now, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("การให้คำปรึกษา")
        verbose_name_plural = _("การให้คำปรึกษา")
        indexes = [models.Index(fields=["topic", "recorded_at"], name="consult_topic_idx")]

    def __str__(self) -> str:
        return f"{self.unit} {self.recorded_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("consultations:detail", args=[self.pk])


class TopicQuerySet(models.QuerySet):
    def with_question_counts(self):
        return self.annotate(
            consultation_count=Count("consultations", distinct=True),
            memo_count=Count("memos", distinct=True),
        )

    def overdue(self, now=None):
        """Accepted topics still without a published article past their 15 days."""
        now = now or timezone.now()
        return self.filter(status=Topic.Status.ACCEPTED, due_at__lt=now)


class Topic(models.Model):
    """A group of questions units raised (000 §3 step ๓); an article answers it within 15 days of acceptance."""

    class Status(models.TextChoices):
        NEW = "new", _("รอพิจารณา")
        ACCEPTED = "accepted", _("รับเป็นประเด็นเขียนบทความ")
        ANSWERED = "answered", _("เผยแพร่บทความแล้ว")
        DECLINED = "declined", _("ไม่รับเป็นประเด็น")

    TRANSITIONS = {
        Status.NEW: {Status.ACCEPTED, Status.DECLINED},
        Status.DECLINED: {Status.ACCEPTED},
        Status.ACCEPTED: {Status.ANSWERED},
    }

    title = models.CharField(_("ประเด็น"), max_length=255)
    description = models.TextField(_("รายละเอียด"), max_length=4000, blank=True)
    status = models.CharField(_("สถานะ"), max_length=10, choices=Status.choices, default=Status.NEW)
    accepted_at = models.DateTimeField(_("รับประเด็นเมื่อ"), null=True, blank=True)
    due_at = models.DateTimeField(_("กำหนดเผยแพร่ภายใน"), null=True, blank=True, db_index=True)
    answered_at = models.DateTimeField(_("เผยแพร่บทความเมื่อ"), null=True, blank=True)
    articles = models.ManyToManyField("knowledge.Article", verbose_name=_("บทความที่ตอบประเด็น"), blank=True,
                                      related_name="topics")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("สร้างเมื่อ"), default=timezone.now)
    history = HistoricalRecords()
    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ประเด็นคำถาม")
        verbose_name_plural = _("ประเด็นคำถาม")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultations:topic_detail", args=[self.pk])

    @property
    def question_count(self) -> int:
        if hasattr(self, "consultation_count"):
            return self.consultation_count + self.memo_count
        return self.consultations.count() + self.memos.count()

    def is_overdue(self, now=None) -> bool:
        if self.due_at is None:
            return False
        if self.status == self.Status.ANSWERED:
            return self.answered_at is not None and self.answered_at > self.due_at
        return self.status == self.Status.ACCEPTED and (now or timezone.now()) > self.due_at

    @property
    def days_to_answer(self) -> int | None:
        if self.accepted_at and self.answered_at:
            return max((self.answered_at - self.accepted_at).days, 0)
        return None

    @staticmethod
    def due_from(accepted_at: dt.datetime) -> dt.datetime:
        return accepted_at + dt.timedelta(days=DAYS_TO_ANSWER)


TopicEvent = status_event_model(Topic, _("ประวัติประเด็นคำถาม"))


def memo_upload_to(instance, filename: str) -> str:
    """The scan is a PDF by its content (forms.validate_pdf), whatever the client named it."""
    return f"consultations/memos/{uuid.uuid4().hex}.pdf"


class MemoRequest(models.Model):
    """A unit's memo asking the desk to write about something (000 §3 step ๑)."""

    unit = models.ForeignKey("helpdesk.Unit", verbose_name=_("หน่วยงาน"), on_delete=models.PROTECT,
                             related_name="article_memos")
    memo_number = models.CharField(_("เลขที่หนังสือ"), max_length=100)
    memo_date = models.DateField(_("ลงวันที่"))
    subject = models.TextField(_("เรื่องที่ขอให้เขียนบทความ"), max_length=2000)
    scan = models.FileField(_("สำเนาหนังสือ (PDF)"), upload_to=memo_upload_to, blank=True, max_length=200)
    topic = models.ForeignKey(Topic, verbose_name=_("ประเด็นคำถาม"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="memos")
    received_at = models.DateTimeField(_("รับหนังสือเมื่อ"), default=timezone.now)
    accepted_at = models.DateTimeField(_("รับเรื่องเมื่อ"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("หนังสือขอบทความ")
        verbose_name_plural = _("หนังสือขอบทความ")
        constraints = [
            models.UniqueConstraint(fields=["unit", "memo_number"], name="consult_memo_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.memo_number} {self.unit}"

    def get_absolute_url(self) -> str:
        return reverse("consultations:memo_detail", args=[self.pk])


def ungrouped_q() -> Q:
    return Q(topic__isnull=True)
