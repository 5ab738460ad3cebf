"""The yearly satisfaction survey of each registered system (004 §5, §7 steps ๑๗–๑๙, §8), on helpdesk/surveys.

Once a fiscal year staff start the survey of a system (or of every active system): each active user of the
system's owner unit gets a kernel invitation (answered once at /s/<token>/), and a system that serves the
public also gets an open link (/systems/survey/<token>/) where anyone may answer, many times, rate-limited;
each public answer is stored as its own kernel invitation and response, so the kernel's scoring and report
see every answer. Step ๑๗ allows one month to collect answers.
"""

import datetime as dt
import secrets

from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.surveys.models import Invitation, Question, Response, SurveyService
from helpdesk.surveys.services import kpi_percent, survey_invite, survey_submit

from .models import SurveyRespondent, SurveyRound, System

SERVICE_CODE = "systems_yearly"
SERVICE_NAME = "ความพึงพอใจการใช้งานระบบสารสนเทศและระบบบริการอิเล็กทรอนิกส์"
ANSWER_DAYS = 30  # 004 §7 step ๑๗: within one month
QUESTIONS = [
    "ระบบใช้งานง่าย เมนูและหน้าจอเข้าใจได้",
    "ระบบทำงานถูกต้อง ครบถ้วนตามความต้องการ",
    "ความรวดเร็วในการทำงานของระบบ",
    "ระบบพร้อมใช้งานเมื่อต้องการ",
    "คู่มือ การฝึกอบรม และการให้คำแนะนำของเจ้าหน้าที่",
    "การแก้ไขปัญหาและปรับปรุงระบบตามที่แจ้ง",
    "ความพึงพอใจโดยรวม",
]
OVERALL = "ความพึงพอใจโดยรวม"


def ensure_service(SurveyService=SurveyService, Question=Question, ContentType=ContentType):
    """Idempotent: the data migration runs it, and so does the survey's start when a flushed database lost it."""
    content_type, _created = ContentType.objects.get_or_create(app_label="systems", model="surveyrespondent")
    service, _created = SurveyService.objects.get_or_create(
        code=SERVICE_CODE, defaults={"name": SERVICE_NAME, "content_type": content_type, "target_percent": 80,
                                     "method": "share_4_5", "answer_days": ANSWER_DAYS},
    )
    if not Question.objects.filter(service=service).exists():
        Question.objects.bulk_create(
            Question(service=service, order=(n + 1) * 10, text=text, is_overall=text == OVERALL)
            for n, text in enumerate(QUESTIONS)
        )
    return service


def fiscal_year_of(day: dt.date) -> int:
    """The Thai fiscal year (B.E.) a day belongs to: October starts the next year."""
    return day.year + 543 + (1 if day.month >= 10 else 0)


def survey_users(system: System):
    """Who answers for the staff side: the active users of the unit that owns (and uses) the system."""
    return User.objects.filter(is_active=True, profile__unit=system.owner_unit_id).order_by("pk")


def round_start(*, system: System, by, now: dt.datetime | None = None) -> SurveyRound:
    """Start this fiscal year's survey of a system; ValidationError when it was already started or the system
    is retired."""
    from .services import is_systems_staff

    if not is_systems_staff(by):
        raise PermissionDenied
    now = now or timezone.now()
    year = fiscal_year_of(timezone.localdate(now))
    if system.status != System.Status.ACTIVE:
        raise ValidationError(_("ระบบเลิกใช้งานแล้ว ไม่ต้องสำรวจความพึงพอใจ"), code="retired")
    service = ensure_service()
    if not service.is_active:
        raise ValidationError(_("แบบสำรวจความพึงพอใจการใช้งานระบบถูกปิดใช้ในหน้าผู้ดูแลระบบ"), code="inactive")
    try:
        with transaction.atomic():
            survey = SurveyRound.objects.create(
                system=system, fiscal_year=year, started_by=by, started_at=now,
                closes_at=now + dt.timedelta(days=service.answer_days),
                public_token=secrets.token_urlsafe(24) if system.serves_public else None,
            )
            label = _("ระบบ %(system)s ปีงบประมาณ %(year)s") % {"system": system.name, "year": year}
            for user in survey_users(system).exclude(pk=by.pk):
                respondent = SurveyRespondent.objects.create(round=survey, user=user, created_at=now)
                survey_invite(record=respondent, service_code=SERVICE_CODE, label=label, unit=system.owner_unit,
                              served=user, provider=by, at=now)
    except IntegrityError as error:
        raise ValidationError(_("เริ่มสำรวจความพึงพอใจของระบบนี้ในปีงบประมาณ %(year)s แล้ว") % {"year": year},
                              code="duplicate") from error
    return survey


def rounds_start_all(*, by, now: dt.datetime | None = None) -> tuple[int, int]:
    """Start the survey of every active system not yet surveyed this fiscal year: (started, already)."""
    now = now or timezone.now()
    year = fiscal_year_of(timezone.localdate(now))
    started = already = 0
    for system in System.objects.filter(status=System.Status.ACTIVE).select_related("owner_unit"):
        if SurveyRound.objects.filter(system=system, fiscal_year=year).exists():
            already += 1
            continue
        round_start(system=system, by=by, now=now)
        started += 1
    return started, already


def public_refusal(survey: SurveyRound, now: dt.datetime | None = None) -> str | None:
    if survey.system.status != System.Status.ACTIVE:
        return _("ระบบนี้เลิกใช้งานแล้ว")
    if (now or timezone.now()) > survey.closes_at:
        return _("ปิดรับแบบสำรวจความพึงพอใจของปีงบประมาณนี้แล้ว")
    return None


def public_answer(*, survey: SurveyRound, ratings: dict[int, int], comment: str = "", by=None,
                  now: dt.datetime | None = None) -> Response:
    """One answer through the open link: a respondent row, its kernel invitation and response, all or nothing."""
    now = now or timezone.now()
    refusal = public_refusal(survey, now)
    if refusal:
        raise ValidationError(refusal, code="closed")
    with transaction.atomic():
        respondent = SurveyRespondent.objects.create(round=survey, is_public=True, created_at=now)
        invitation = survey_invite(
            record=respondent, service_code=SERVICE_CODE, unit=survey.system.owner_unit, notify=False, at=now,
            label=_("ระบบ %(system)s ปีงบประมาณ %(year)s (ประชาชน)") % {"system": survey.system.name,
                                                                       "year": survey.fiscal_year},
        )
        if invitation is None:
            raise ValidationError(_("แบบสำรวจความพึงพอใจการใช้งานระบบถูกปิดใช้"), code="inactive")
        return survey_submit(invitation=invitation, by=by, ratings=ratings, comment=comment, now=now)


def satisfaction_rows(system_ids, fiscal_year: int) -> dict[int, dict]:
    """Per system: invited staff, answers (staff and public), satisfied answers, mean score — one query."""
    content_type = ContentType.objects.get_for_model(SurveyRespondent)
    rows = (Invitation.objects.filter(content_type=content_type, system_respondent__round__system__in=system_ids,
                                      system_respondent__round__fiscal_year=fiscal_year)
            .values("system_respondent__round__system")
            .annotate(invited=Count("pk", filter=Q(system_respondent__is_public=False)),
                      responses=Count("response"),
                      public=Count("response", filter=Q(system_respondent__is_public=True)),
                      satisfied=Count("response", filter=Q(response__score__gte=4)),
                      mean=Avg("response__score")))
    return {row["system_respondent__round__system"]: row for row in rows}


def satisfaction_percent(system_ids, fiscal_year: int) -> dict[int, float]:
    service = SurveyService.objects.filter(code=SERVICE_CODE).first()
    if service is None:
        return {}
    result = {}
    for pk, row in satisfaction_rows(system_ids, fiscal_year).items():
        value = kpi_percent(service.method, responses=row["responses"], satisfied=row["satisfied"], mean=row["mean"])
        if value is not None:
            result[pk] = value
    return result
