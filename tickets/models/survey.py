from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

RATING_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
RATING_CHOICES = [(n, str(n)) for n in range(1, 6)]


class SatisfactionSurvey(models.Model):
    """The unit's rating of one repair (001, 004): answered once, after delivery."""

    ticket = models.OneToOneField("tickets.Ticket", on_delete=models.CASCADE, related_name="survey")
    speed = models.PositiveSmallIntegerField(_("ความรวดเร็ว"), choices=RATING_CHOICES, validators=RATING_VALIDATORS)
    quality = models.PositiveSmallIntegerField(
        _("คุณภาพงานซ่อม"), choices=RATING_CHOICES, validators=RATING_VALIDATORS
    )
    courtesy = models.PositiveSmallIntegerField(
        _("ความสุภาพของเจ้าหน้าที่"), choices=RATING_CHOICES, validators=RATING_VALIDATORS
    )
    overall = models.PositiveSmallIntegerField(
        _("ความพึงพอใจโดยรวม"), choices=RATING_CHOICES, validators=RATING_VALIDATORS
    )
    comment = models.TextField(_("ข้อเสนอแนะ"), blank=True, max_length=2000)
    answered_at = models.DateTimeField(_("ตอบเมื่อ"), default=timezone.now)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("แบบประเมินความพึงพอใจ")
        verbose_name_plural = _("แบบประเมินความพึงพอใจ")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(speed__range=(1, 5), quality__range=(1, 5), courtesy__range=(1, 5),
                                   overall__range=(1, 5)),
                name="tickets_survey_ratings_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return f"{self.ticket.number}: {self.overall}/5"

    @property
    def is_satisfied(self) -> bool:
        """004's KPI counts 4 and 5 as satisfied."""
        return self.overall >= 4
