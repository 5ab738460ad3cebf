"""Satisfaction for any service record (001 VC and web publishing sheets, 004 §5/§8).

A *service* (repair, publishing, IP address, …) has its questions (1–5 scales, editable in the admin), a
target and a KPI method. When a record of that service is completed, an *invitation* with an unguessable
token is made for it; the person served answers it once, without logging in, within the service's answer
window. The answers make a *response* whose score feeds the KPI.
"""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

RATING_CHOICES = [(n, str(n)) for n in range(1, 6)]


class Method(models.TextChoices):
    SHARE_4_5 = "share_4_5", _("ร้อยละของผู้ตอบที่ให้คะแนน 4–5")
    MEAN_PERCENT = "mean_percent", _("คะแนนเฉลี่ยคิดเป็นร้อยละ (เฉลี่ย ÷ 5 × 100)")


class SurveyService(models.Model):
    code = models.SlugField(_("รหัส"), max_length=40, unique=True)
    name = models.CharField(_("บริการ"), max_length=200)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("ประเภทรายการ"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )
    target_percent = models.PositiveSmallIntegerField(
        _("เป้าหมาย (ร้อยละ)"), default=80, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    method = models.CharField(_("วิธีคิดร้อยละความพึงพอใจ"), max_length=20, choices=Method.choices,
                              default=Method.SHARE_4_5)
    answer_days = models.PositiveSmallIntegerField(
        _("ตอบได้ภายใน (วัน)"), default=30, validators=[MinValueValidator(1), MaxValueValidator(366)]
    )
    is_active = models.BooleanField(_("เปิดใช้"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("บริการที่ประเมินความพึงพอใจ")
        verbose_name_plural = _("บริการที่ประเมินความพึงพอใจ")

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    service = models.ForeignKey(SurveyService, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("ลำดับ"), default=10)
    text = models.CharField(_("คำถาม"), max_length=255)
    is_overall = models.BooleanField(
        _("ข้อความพึงพอใจโดยรวม"), default=False,
        help_text=_("คะแนนข้อนี้ใช้คิดร้อยละความพึงพอใจ หากไม่มีข้อนี้ใช้ค่าเฉลี่ยทุกข้อ"),
    )
    is_active = models.BooleanField(_("ใช้อยู่"), default=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("คำถาม")
        verbose_name_plural = _("คำถาม")

    def __str__(self) -> str:
        return self.text


class InvitationQuerySet(models.QuerySet):
    def for_record(self, record):
        return self.filter(content_type=ContentType.objects.get_for_model(record), object_id=record.pk)


class Invitation(models.Model):
    """One record's survey: its token link, who was served, and (once answered) its response."""

    service = models.ForeignKey(SurveyService, on_delete=models.PROTECT, related_name="invitations")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    token = models.CharField(max_length=64, unique=True)
    label = models.CharField(_("รายการ"), max_length=255)
    unit = models.ForeignKey("helpdesk.Unit", verbose_name=_("หน่วยงาน"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    team = models.ForeignKey("helpdesk.Team", verbose_name=_("ทีม"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    served = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้รับบริการ"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    provider = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้ให้บริการ"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("เชิญเมื่อ"), default=timezone.now)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("คำเชิญประเมิน")
        verbose_name_plural = _("คำเชิญประเมิน")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="surveys_one_invitation_per_record")
        ]
        indexes = [models.Index(fields=["service", "created_at"], name="surveys_inv_service_idx")]

    def __str__(self) -> str:
        return self.label

    @property
    def deadline(self) -> dt.datetime:
        return self.created_at + dt.timedelta(days=self.service.answer_days)


class Response(models.Model):
    invitation = models.OneToOneField(Invitation, on_delete=models.CASCADE, related_name="response")
    answered_at = models.DateTimeField(_("ตอบเมื่อ"), default=timezone.now, db_index=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    comment = models.TextField(_("ข้อเสนอแนะ"), blank=True, max_length=2000)
    # The overall question's rating, or the mean of the ratings: what the KPI counts.
    score = models.DecimalField(max_digits=3, decimal_places=2,
                                validators=[MinValueValidator(Decimal(1)), MaxValueValidator(Decimal(5))])

    class Meta:
        ordering = ["-answered_at", "-pk"]
        verbose_name = _("ผลการประเมิน")
        verbose_name_plural = _("ผลการประเมิน")
        constraints = [
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="surveys_score_1_to_5")
        ]

    def __str__(self) -> str:
        return f"{self.invitation.label}: {self.score}"

    @property
    def is_satisfied(self) -> bool:
        return self.score >= 4


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    rating = models.PositiveSmallIntegerField(choices=RATING_CHOICES,
                                              validators=[MinValueValidator(1), MaxValueValidator(5)])

    class Meta:
        ordering = ["question__order", "question__pk"]
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="surveys_one_answer_per_question"),
            models.CheckConstraint(condition=models.Q(rating__gte=1, rating__lte=5), name="surveys_rating_1_to_5"),
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.rating}"
