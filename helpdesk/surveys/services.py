"""Invite, answer once, and score: the survey capability every service uses."""

import datetime as dt
import secrets
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.surveys.defaults import SERVICES, ensure_default_services
from helpdesk.surveys.models import Answer, Invitation, Question, Response, SurveyService

DEFAULT_CODES = {code for code, *_rest in SERVICES}


def new_token() -> str:
    return secrets.token_urlsafe(24)


def survey_invite(
    *, record, service_code: str, label: str, unit=None, team=None, served=None, provider=None,
    at: dt.datetime | None = None, notify: bool = True,
) -> Invitation | None:
    """The record's invitation (made once, when the service is completed); None when the service has no
    active survey. The person served is told in their inbox / by their channel, with the link."""
    service = SurveyService.objects.filter(code=service_code).first()
    if service is None and service_code in DEFAULT_CODES:
        ensure_default_services(SurveyService, Question, ContentType)
        service = SurveyService.objects.filter(code=service_code).first()
    if service is None or not service.is_active:
        return None
    invitation, created = Invitation.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk,
        defaults={
            "service": service, "token": new_token(), "label": str(label)[:255], "unit": unit, "team": team,
            "served": served, "provider": provider, "created_at": at or timezone.now(),
        },
    )
    if created and notify and served is not None:
        transaction.on_commit(lambda: _tell(invitation))
    return invitation


def _tell(invitation: Invitation) -> None:
    from helpdesk.notifications.services import notice_deliver

    link = reverse("surveys:answer", args=[invitation.token])
    body = _("ขอความกรุณาประเมินความพึงพอใจต่อบริการ %(service)s ตอบได้ครั้งเดียว ภายใน %(days)d วัน") % {
        "service": invitation.service.name, "days": invitation.service.answer_days,
    }
    # The e-mail carries the same link the inbox notice opens (GET shows the form).
    body += "\n" + _("ประเมินได้ที่: %(link)s") % {"link": settings.SITE_URL + link}
    notice_deliver(
        users=[invitation.served], kind="survey",
        subject=_("โปรดประเมินความพึงพอใจ: %(label)s") % {"label": invitation.label},
        body=body, url=link,
    )


def survey_refusal(invitation: Invitation | None, user=None, now: dt.datetime | None = None) -> str | None:
    """Why this survey cannot be answered now, or None when it can."""
    if invitation is None:
        return _("ยังไม่เปิดให้ประเมินความพึงพอใจ")
    if Response.objects.filter(invitation=invitation).exists():
        return _("รายการนี้ได้รับการประเมินแล้ว ขอบคุณค่ะ")
    if (now or timezone.now()) > invitation.deadline:
        return _("พ้นกำหนดการประเมิน (%(days)d วัน) แล้ว") % {"days": invitation.service.answer_days}
    if user is not None and user.is_authenticated and user.pk == invitation.provider_id:
        return _("ผู้ให้บริการไม่สามารถประเมินงานของตนเองได้")
    return None


def response_score(ratings: dict, overall_id: int | None) -> Decimal:
    if overall_id is not None and overall_id in ratings:
        return Decimal(ratings[overall_id])
    mean = Decimal(sum(ratings.values())) / len(ratings)
    return mean.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def survey_submit(*, invitation: Invitation, by, ratings: dict[int, int], comment: str = "",
                  now: dt.datetime | None = None) -> Response:
    """Record the answers (question id → 1..5) once; ValidationError when closed or already answered."""
    now = now or timezone.now()
    user = by if by is not None and by.is_authenticated else None
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().select_related("service").get(pk=invitation.pk)
        refusal = survey_refusal(locked, by, now)
        if refusal:
            raise ValidationError(refusal, code="survey_closed")
        questions = list(locked.service.questions.filter(is_active=True))
        if not questions or {q.pk for q in questions} != set(ratings):
            raise ValidationError(_("กรุณาให้คะแนนให้ครบทุกข้อ"), code="incomplete")
        if any(not 1 <= int(value) <= 5 for value in ratings.values()):
            raise ValidationError(_("คะแนนต้องอยู่ระหว่าง 1 ถึง 5"), code="range")
        overall = next((q.pk for q in questions if q.is_overall), None)
        try:
            with transaction.atomic():
                response = Response.objects.create(
                    invitation=locked, answered_by=user, answered_at=now, comment=(comment or "").strip(),
                    score=response_score(ratings, overall),
                )
        except IntegrityError as error:
            raise ValidationError(_("รายการนี้ได้รับการประเมินแล้ว ขอบคุณค่ะ"), code="survey_closed") from error
        Answer.objects.bulk_create(
            Answer(response=response, question_id=pk, rating=int(value)) for pk, value in ratings.items()
        )
    return response


def kpi_percent(method: str, *, responses: int, satisfied: int, mean: Decimal | float | None) -> float | None:
    """004 §5's ร้อยละความพึงพอใจ by the service's method."""
    from helpdesk.surveys.models import Method

    if not responses:
        return None
    if method == Method.MEAN_PERCENT:
        return round(float(mean) / 5 * 100, 1)
    return round(satisfied * 100 / responses, 1)
