"""What data requests add to the home dashboard, the summary report and the reminders."""

import datetime as dt

from django.contrib.auth.models import User
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.dashboard import ReportSection, register_report_section, register_widget
from helpdesk.reminders import Due, register_source
from helpdesk.roles import Role, has_role
from helpdesk.thai import format_date

from .models import DataRequest, is_deputy_director

S = DataRequest.Status
DUE_KIND = "data_request_due"
OVERDUE_KIND = "data_request_overdue"


def widget_context(request) -> dict | None:
    """The signed-in person's queue: letters to screen, work to check or approve, requests they prepare."""
    user = request.user
    head = user.is_superuser or has_role(user, Role.IT_HEAD)
    deputy = is_deputy_director(user)
    oversees = head or deputy or has_role(user, Role.EXECUTIVE)
    late = Q(due_at__lt=timezone.now()) if oversees else Q(officer=user, due_at__lt=timezone.now())
    # One pass over the open requests; a queue the person does not work shows 0.
    queues = DataRequest.objects.open().aggregate(
        to_screen=Count("pk", filter=Q(status__in=[S.RECEIVED, S.SCREENING])),
        to_review=Count("pk", filter=Q(status=S.REVIEW) & ~Q(officer=user)),
        to_approve=Count("pk", filter=Q(status=S.APPROVAL) & ~Q(officer=user)),
        mine=Count("pk", filter=Q(officer=user)),
        overdue=Count("pk", filter=late),
    )
    if not head:
        queues["to_screen"] = queues["to_review"] = 0
    if not deputy:
        queues["to_approve"] = 0
    return queues if any(queues.values()) else None


def _holder(request: DataRequest, heads: list[User], deputies: list[User]) -> list[User]:
    """Who has the request in hand now."""
    if request.status in (S.RECEIVED, S.SCREENING, S.REVIEW):
        return heads
    if request.status == S.APPROVAL:
        return deputies
    return [request.officer] if request.officer_id else heads


def due_notices(now: dt.datetime):
    """Reminders for open requests within a working day of their 3-working-day limit, and past it
    (the past-due notice also goes to the heads of ICT: the escalation)."""
    from . import services

    calendar = services.calendar_around(now, days_back=30)
    limit = services.near_limit(now, calendar)
    requests = list(DataRequest.objects.open().filter(due_at__lt=limit).select_related("officer"))
    if not requests:
        return
    heads, deputies = services.it_heads(), services.deputy_directors()
    for request in requests:
        url = reverse("datarequests:detail", args=[request.pk])
        context = {"reference": request.reference, "due": format_date(request.due_at, with_time=True)}
        if now > request.due_at:
            recipients = {user.pk: user for user in [*_holder(request, heads, deputies), *heads] if user}
            yield Due(
                key=f"datarequests.overdue:{request.pk}", kind=OVERDUE_KIND,
                recipients=tuple(recipients.values()), url=url, context=context,
                subject=_("[%(ref)s] เกินกำหนดตอบ 3 วันทำการ (กำหนด %(due)s)")
                % {"ref": request.reference, "due": context["due"]},
            )
        else:
            yield Due(
                key=f"datarequests.near:{request.pk}", kind=DUE_KIND,
                recipients=tuple(user for user in _holder(request, heads, deputies) if user), url=url,
                context=context,
                subject=_("[%(ref)s] ใกล้ครบกำหนดตอบ (ภายใน %(due)s)") % {"ref": request.reference,
                                                                            "due": context["due"]},
            )


def register() -> None:
    from helpdesk.notifications.kinds import register_kind

    from .letters import register_letters
    from .reports import report_section, report_section_csv
    from .services import NOTICE_KIND

    register_kind(NOTICE_KIND, gettext_lazy("คำขอข้อมูลสารสนเทศ: เรื่องใหม่และความคืบหน้า"))
    register_kind(DUE_KIND, gettext_lazy("คำขอข้อมูลใกล้ครบกำหนดตอบ 3 วันทำการ"))
    register_kind(OVERDUE_KIND, gettext_lazy("คำขอข้อมูลเกินกำหนดตอบ 3 วันทำการ"))
    register_letters()

    register_widget(
        "datarequests", template="datarequests/includes/_widget.html", context=widget_context,
        roles={Role.IT_HEAD, Role.TECHNICIAN, Role.DEPUTY_DIRECTOR, Role.EXECUTIVE}, order=40,
    )
    register_report_section(
        ReportSection(
            "datarequests", gettext_lazy("การให้บริการข้อมูลสารสนเทศ (คำขอข้อมูล)"),
            "datarequests/includes/_report_section.html", build=report_section, order=85,
            csv_rows=report_section_csv,
        )
    )
    register_source(due_notices)
