"""The satisfaction survey after delivery (001, 004)."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tickets.models import SatisfactionSurvey, Ticket, TicketEvent
from tickets.models.ticket import DELIVERED_STATUSES


def survey_deadline(ticket: Ticket) -> dt.datetime | None:
    if ticket.delivered_at is None:
        return None
    return ticket.delivered_at + dt.timedelta(days=settings.HELPDESK_SURVEY_DAYS)


def survey_refusal(ticket: Ticket, user=None, now: dt.datetime | None = None) -> str | None:
    """Why this survey cannot be answered now, or None when it can."""
    now = now or timezone.now()
    if ticket.status not in DELIVERED_STATUSES or ticket.delivered_at is None:
        return _("ประเมินความพึงพอใจได้หลังส่งมอบเครื่องแล้ว")
    if hasattr(ticket, "survey"):
        return _("ใบแจ้งซ่อมนี้ได้รับการประเมินแล้ว ขอบคุณค่ะ")
    if now > survey_deadline(ticket):
        return _("พ้นกำหนดการประเมิน (%(days)d วันหลังส่งมอบ) แล้ว") % {"days": settings.HELPDESK_SURVEY_DAYS}
    if user is not None and user.is_authenticated and user.pk == ticket.technician_id:
        return _("ช่างผู้รับผิดชอบงานไม่สามารถประเมินงานของตนเองได้")
    return None


def survey_open_for(ticket: Ticket, user=None) -> bool:
    return survey_refusal(ticket, user) is None


def survey_submit(
    *, ticket: Ticket, by, speed: int, quality: int, courtesy: int, overall: int, comment: str = ""
) -> SatisfactionSurvey:
    with transaction.atomic():
        locked = Ticket.objects.select_for_update().get(pk=ticket.pk)
        refusal = survey_refusal(locked, by)
        if refusal:
            raise ValidationError(refusal, code="survey_closed")
        try:
            with transaction.atomic():
                survey = SatisfactionSurvey.objects.create(
                    ticket=locked, speed=speed, quality=quality, courtesy=courtesy, overall=overall,
                    comment=(comment or "").strip(),
                    answered_by=by if by is not None and by.is_authenticated else None,
                )
        except IntegrityError as error:
            raise ValidationError(_("ใบแจ้งซ่อมนี้ได้รับการประเมินแล้ว ขอบคุณค่ะ"), code="survey_closed") from error
        TicketEvent.objects.create(
            ticket=locked, kind=TicketEvent.Kind.SURVEY, is_internal=True,
            actor=by if by is not None and by.is_authenticated else None,
            note=_("ประเมินความพึงพอใจโดยรวม %(overall)d/5") % {"overall": overall},
        )
    return survey
