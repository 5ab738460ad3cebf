"""The satisfaction survey after delivery (001, 004), through the shared capability (helpdesk.surveys):
the ticket's invitation is made when it is delivered; the unit answers from the tracking page or the link."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.surveys.models import Invitation, Question, Response
from helpdesk.surveys.services import survey_invite
from helpdesk.surveys.services import survey_refusal as invitation_refusal
from helpdesk.surveys.services import survey_submit as invitation_submit
from tickets.models import Ticket, TicketEvent
from tickets.models.ticket import DELIVERED_STATUSES

SERVICE = "repair"


def ticket_invitation(ticket: Ticket) -> Invitation | None:
    return Invitation.objects.for_record(ticket).select_related("service").first()


def ticket_survey_url(ticket: Ticket, *, absolute: bool = False) -> str | None:
    """The one "rate the service" link (the public survey page, /s/<token>/, answered with GET then POST)."""
    invitation = ticket_invitation(ticket)
    if invitation is None:
        return None
    path = reverse("surveys:answer", args=[invitation.token])
    return settings.SITE_URL + path if absolute else path


def ticket_survey_invite(ticket: Ticket, *, at: dt.datetime | None = None) -> Invitation | None:
    return survey_invite(
        record=ticket, service_code=SERVICE, label=_("ใบแจ้งซ่อม %(number)s") % {"number": ticket.number},
        unit=ticket.unit, team=ticket.team, served=ticket.requester, provider=ticket.technician,
        at=at or ticket.delivered_at,
    )


def ticket_survey_response(ticket: Ticket) -> Response | None:
    return (
        Response.objects.filter(invitation__in=Invitation.objects.for_record(ticket))
        .prefetch_related("answers__question")
        .first()
    )


def repair_questions():
    return Question.objects.filter(service__code=SERVICE, is_active=True)


def survey_deadline(ticket: Ticket) -> dt.datetime | None:
    invitation = ticket_invitation(ticket)
    return invitation.deadline if invitation else None


def survey_refusal(ticket: Ticket, user=None, now: dt.datetime | None = None) -> str | None:
    """Why this survey cannot be answered now, or None when it can."""
    if ticket.status not in DELIVERED_STATUSES or ticket.delivered_at is None:
        return _("ประเมินความพึงพอใจได้หลังส่งมอบเครื่องแล้ว")
    if user is not None and user.is_authenticated and user.pk == ticket.technician_id:
        return _("ช่างผู้รับผิดชอบงานไม่สามารถประเมินงานของตนเองได้")
    return invitation_refusal(ticket_invitation(ticket), user, now)


def survey_open_for(ticket: Ticket, user=None) -> bool:
    return survey_refusal(ticket, user) is None


def survey_submit(*, ticket: Ticket, by, ratings: dict[int, int], comment: str = "") -> Response:
    with transaction.atomic():
        locked = Ticket.objects.select_for_update().get(pk=ticket.pk)
        refusal = survey_refusal(locked, by)
        if refusal:
            raise ValidationError(refusal, code="survey_closed")
        response = invitation_submit(invitation=ticket_invitation(locked), by=by, ratings=ratings, comment=comment,
                                     now=timezone.now())
        TicketEvent.objects.create(
            ticket=locked, kind=TicketEvent.Kind.SURVEY, is_internal=True,
            actor=by if by is not None and by.is_authenticated else None,
            message="survey_score", params={"score": str(response.score.normalize())},
        )
    return response
