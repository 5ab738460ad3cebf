"""The satisfaction survey of the video-conference / meeting service (seed 001 "แบบประเมินความพึงพอใจ"),
through the shared capability (helpdesk.surveys): the requester is invited once the after-meeting check
is recorded, and the report section scores the answers with the service's own method and target."""

from django.db.models import Avg, Count, Q
from django.utils.translation import gettext as _

SERVICE_CODE = "meetings"
SERVICE_NAME = "การประชุมผ่านระบบการประชุมทางไกล (Video Conference / Zoom)"
OVERALL = "ความพึงพอใจโดยรวม"
# One question per step of the service sheet (3 minutes to take the request, set-up and test 30 minutes
# before, the check 10 minutes after), then the staff and the overall rating that scores the response.
QUESTIONS = [
    "ความรวดเร็วในการรับและยืนยันการจอง",
    "ความพร้อมของห้องประชุมและระบบการประชุมทางไกลก่อนเริ่มประชุม",
    "คุณภาพภาพและเสียงระหว่างการประชุม",
    "ความสุภาพและการประสานงานของเจ้าหน้าที่",
    OVERALL,
]


def ensure_meetings_service(SurveyService, Question, ContentType):
    """Idempotent: the data migration runs it, and so does the invitation when a flushed test database lost it.
    An existing service (edited in the admin) is left as it is."""
    content_type, _created = ContentType.objects.get_or_create(app_label="meetings", model="booking")
    service, _created = SurveyService.objects.get_or_create(
        code=SERVICE_CODE, defaults={"name": SERVICE_NAME, "content_type": content_type, "target_percent": 80,
                                     "method": "share_4_5", "answer_days": 30},
    )
    if not Question.objects.filter(service=service).exists():
        Question.objects.bulk_create(
            Question(service=service, order=(n + 1) * 10, text=text, is_overall=text == OVERALL)
            for n, text in enumerate(QUESTIONS)
        )
    return service


def booking_survey_invite(booking):
    """The requester's invitation for a checked booking (once; the notice goes out on commit)."""
    from django.contrib.contenttypes.models import ContentType

    from helpdesk.surveys.models import Question, SurveyService
    from helpdesk.surveys.services import survey_invite

    if not SurveyService.objects.filter(code=SERVICE_CODE).exists():
        ensure_meetings_service(SurveyService, Question, ContentType)
    return survey_invite(
        record=booking, service_code=SERVICE_CODE,
        label=_("การประชุม %(ref)s %(title)s") % {"ref": booking.reference, "title": booking.title},
        unit=booking.unit, team=booking.unit.team, served=booking.requested_by, provider=booking.assigned_to,
        at=booking.checked_at,
    )


def booking_invitation(booking):
    from helpdesk.surveys.models import Invitation

    return Invitation.objects.for_record(booking).select_related("service").first()


def survey_response(invitation):
    from helpdesk.surveys.models import Response

    return Response.objects.filter(invitation=invitation).first() if invitation is not None else None


NO_SURVEY = {"service": None, "invited": 0, "responses": 0, "satisfied": 0, "kpi": None, "target": None, "met": None}


def satisfaction_of(bookings) -> dict:
    """The KPI of the invitations of these bookings, by the service's method (helpdesk.surveys.kpi_percent),
    against its target: two queries (the service invites bookings only)."""
    from helpdesk.surveys.models import Invitation, SurveyService
    from helpdesk.surveys.services import kpi_percent

    service = SurveyService.objects.filter(code=SERVICE_CODE).first()
    if service is None:
        return NO_SURVEY
    figures = Invitation.objects.filter(service=service, object_id__in=bookings.values("pk")).aggregate(
        invited=Count("pk"), responses=Count("response"), satisfied=Count("response", filter=Q(response__score__gte=4)),
        mean=Avg("response__score"),
    )
    kpi = kpi_percent(service.method, responses=figures["responses"], satisfied=figures["satisfied"],
                      mean=figures["mean"])
    return {
        "service": service, "invited": figures["invited"], "responses": figures["responses"],
        "satisfied": figures["satisfied"], "kpi": kpi, "target": service.target_percent,
        "met": None if kpi is None else kpi >= service.target_percent,
        "method_label": service.get_method_display(),
    }
