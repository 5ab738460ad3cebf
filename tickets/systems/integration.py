"""What the systems app plugs into the kernel: reminders, a dashboard widget and a report section.

Yearly satisfaction per system (004 §5, §7 steps ๑๗–๑๙, §8) lives in ``satisfaction.py`` on helpdesk/surveys;
:func:`satisfaction_for` reads its answers for the report section, against ``System.satisfaction_target``.
"""

import datetime as dt

from django.contrib.auth.models import User
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.dashboard import ReportSection, register_report_section, register_widget
from helpdesk.reminders import Due, register_source
from helpdesk.roles import Role

INSTALMENT_REMIND_DAYS = 7  # the reminder before an instalment's due date (002 §4 step ๘)


def change_overdue_q(now: dt.datetime) -> Q:
    from .models import ChangeRequest

    S = ChangeRequest.Status
    return Q(status=S.SUBMITTED, analyse_due_at__lt=now) | Q(status=S.ANALYSED, deliver_due_at__lt=now)


def systems_due(now: dt.datetime):
    """Notices due at ``now``: an instalment due within 7 days (and overdue), a change request past its analysis
    or delivery target, a project step past its planned end."""
    from .models import ChangeRequest, Instalment, ProjectStep
    from .services import staff_users

    today = timezone.localdate(now)
    staff = tuple(staff_users())
    heads = tuple(User.objects.filter(is_active=True, groups__name=Role.IT_HEAD))
    instalments = Instalment.objects.filter(
        status__in=[Instalment.Status.PENDING, Instalment.Status.REJECTED],
        due_on__lte=today + dt.timedelta(days=INSTALMENT_REMIND_DAYS),
        contract__project__status="approved",
    ).select_related("contract", "contract__project")
    for item in instalments:
        project = item.contract.project
        what = {"ref": project.reference, "n": item.number, "date": item.due_on.strftime("%d/%m/") +
                str(item.due_on.year + 543), "vendor": item.contract.vendor}
        url = reverse("systems:project_detail", args=[project.pk])
        if item.due_on >= today:
            yield Due(f"systems.instalment_due:{item.pk}", "system_instalment_due", staff,
                      _("%(ref)s งวดที่ %(n)s ของ %(vendor)s ครบกำหนดส่งมอบ %(date)s เตรียมคณะกรรมการตรวจรับ") % what,
                      url=url, context={"instalment": item})
        else:
            yield Due(f"systems.instalment_overdue:{item.pk}", "system_instalment_overdue", tuple({*staff, *heads}),
                      _("%(ref)s งวดที่ %(n)s ของ %(vendor)s เลยกำหนดส่งมอบ %(date)s แล้ว") % what,
                      url=url, context={"instalment": item})
    changes = ChangeRequest.objects.filter(change_overdue_q(now)).select_related("system", "handled_by")
    for change in changes:
        url = reverse("systems:change_detail", args=[change.pk])
        what = {"ref": change.reference, "title": change.title, "system": change.system.name}
        if change.status == ChangeRequest.Status.SUBMITTED:
            yield Due(f"systems.change_analyse_overdue:{change.pk}", "system_change_overdue",
                      tuple({*staff, *heads}),
                      _("%(ref)s (%(system)s) เลยกำหนดวิเคราะห์: %(title)s") % what, url=url,
                      context={"change": change})
        else:
            who = (change.handled_by,) if change.handled_by_id else staff
            yield Due(f"systems.change_deliver_overdue:{change.pk}", "system_change_overdue", tuple({*who, *heads}),
                      _("%(ref)s (%(system)s) เลยกำหนดแก้ไข/ส่งมอบ: %(title)s") % what, url=url,
                      context={"change": change})
    late_steps = ProjectStep.objects.filter(
        project__status="approved", planned_end__lt=today, status__in=["pending", "started"]
    ).select_related("project")
    for step in late_steps:
        yield Due(f"systems.step_late:{step.pk}", "system_step_late", staff,
                  _("%(ref)s ขั้นตอน “%(step)s” เลยกำหนดตามแผน") % {"ref": step.project.reference,
                                                                    "step": step.get_kind_display()},
                  url=reverse("systems:project_detail", args=[step.project_id]), context={"step": step})


SURVEY_REMIND_DAYS = 7  # a staff member who has not answered the yearly survey, a week before it closes


def survey_due(now: dt.datetime):
    """The yearly survey's reminder: each invited staff member who has not answered, once, a week before the
    survey closes (004 §7 step ๑๗)."""
    from helpdesk.surveys.models import Invitation

    from .models import SurveyRespondent

    invitations = Invitation.objects.filter(
        content_type__app_label="systems", content_type__model="surveyrespondent", response__isnull=True,
        system_respondent__is_public=False, system_respondent__user__is_active=True,
        system_respondent__round__closes_at__gt=now,
        system_respondent__round__closes_at__lte=now + dt.timedelta(days=SURVEY_REMIND_DAYS),
    ).select_related("served")
    respondents = {r.pk: r for r in SurveyRespondent.objects.filter(
        pk__in=[i.object_id for i in invitations]).select_related("round", "round__system", "user")}
    for invitation in invitations:
        respondent = respondents.get(invitation.object_id)
        if respondent is None or respondent.user is None:
            continue
        survey = respondent.round
        yield Due(f"systems.survey_due:{invitation.pk}:{survey.closes_at.isoformat()}", "system_survey_due",
                  (respondent.user,),
                  _("โปรดตอบแบบสำรวจความพึงพอใจการใช้งานระบบ %(system)s ปีงบประมาณ %(year)s ก่อนปิดรับคำตอบ") % {
                      "system": survey.system.name, "year": survey.fiscal_year},
                  url=reverse("surveys:answer", args=[invitation.token]), context={"invitation": invitation})


def staff_widget_context(request) -> dict | None:
    from .models import ChangeRequest, DevRequest
    from .services import is_systems_staff

    if not is_systems_staff(request.user):
        return None
    now = timezone.now()
    counts = ChangeRequest.objects.aggregate(
        open=Count("pk", filter=Q(status__in=["submitted", "analysed"])),
        overdue=Count("pk", filter=change_overdue_q(now)),
    )
    counts["requests"] = DevRequest.objects.filter(status="submitted").count()
    return counts


def executive_widget_context(request) -> dict | None:
    """Projects waiting for the executive's approval (004 §7 step ๓: within 1 day), one query."""
    from .models import Project
    from .services import is_approver

    if not is_approver(request.user):
        return None
    waiting = list(Project.objects.filter(status=Project.Status.PROPOSED).exclude(created_by=request.user)
                   .select_related("unit").order_by("proposed_at", "pk")[:6])
    return {"projects": waiting}


def satisfaction_for(systems, fiscal_year: int) -> dict:
    """The KPI "ร้อยละความพึงพอใจของการใช้งานระบบ" of each system in the fiscal year (B.E.), from the processed
    answers of its yearly survey (staff and public): ``{system_pk: percent}``; systems without answers are absent."""
    from .satisfaction import satisfaction_percent

    return satisfaction_percent([s.pk for s in systems], fiscal_year)


def systems_report(scope) -> dict:
    """Change requests filed in the period: per kind, analysed and delivered within target, overdue now;
    projects and their late steps; the register with its satisfaction KPI (when the survey exists)."""
    from .models import ChangeRequest, Project, ProjectStep, System

    now = timezone.now()
    base = ChangeRequest.objects.filter(scope.unit_filter("unit"), scope.date_filter("created_at"))
    rows = []
    for kind, label in ChangeRequest.Kind.choices:
        c = base.filter(kind=kind).aggregate(
            total=Count("pk"),
            analysed=Count("pk", filter=Q(analysed_at__isnull=False)),
            analysed_on_time=Count("pk", filter=Q(analysed_at__lte=F("analyse_due_at"))),
            delivered=Count("pk", filter=Q(delivered_at__isnull=False)),
            delivered_on_time=Count("pk", filter=Q(delivered_at__lte=F("deliver_due_at"))),
            overdue=Count("pk", filter=change_overdue_q(now)),
        )
        c["label"] = label
        c["analyse_share"] = round(100 * c["analysed_on_time"] / c["analysed"], 1) if c["analysed"] else None
        c["deliver_share"] = round(100 * c["delivered_on_time"] / c["delivered"], 1) if c["delivered"] else None
        rows.append(c)
    projects = Project.objects.filter(scope.unit_filter("unit")).aggregate(
        running=Count("pk", filter=Q(status="approved")), live=Count("pk", filter=Q(status="live")))
    projects["late_steps"] = ProjectStep.objects.filter(
        Q(actual_end__gt=F("planned_end")) | Q(actual_end__isnull=True, planned_end__lt=timezone.localdate()),
        project__status__in=["approved", "live"], **({} if scope.unit_ids is None else
                                                    {"project__unit__in": scope.unit_ids})).count()
    systems = list(System.objects.filter(scope.unit_filter("owner_unit"), status="active")
                   .select_related("owner_unit")[:100])
    fiscal_year = scope.end.year + 543 + (1 if scope.end.month >= 10 else 0)
    satisfaction = satisfaction_for(systems, fiscal_year)
    for system in systems:
        system.satisfaction = satisfaction.get(system.pk)
        system.meets_target = None if system.satisfaction is None else system.satisfaction >= system.satisfaction_target
    return {"changes": rows, "projects": projects, "systems": systems, "fiscal_year": fiscal_year,
            "survey_available": bool(satisfaction)}


def systems_report_csv(scope):
    data = systems_report(scope)
    header = [_("ประเภทคำขอ"), _("จำนวน"), _("วิเคราะห์ตามเป้าหมาย (ร้อยละ)"), _("แก้ไข/ส่งมอบตามเป้าหมาย (ร้อยละ)"),
              _("เลยกำหนด")]
    rows = [[r["label"], r["total"], "-" if r["analyse_share"] is None else r["analyse_share"],
             "-" if r["deliver_share"] is None else r["deliver_share"], r["overdue"]] for r in data["changes"]]
    rows.append([_("ร้อยละความพึงพอใจของการใช้งานระบบ ปีงบประมาณ %(y)s") % {"y": data["fiscal_year"]},
                 _("เป้าหมาย"), _("ผล"), "", ""])
    rows.extend([system.name, system.satisfaction_target, "-" if system.satisfaction is None else system.satisfaction,
                 "", ""] for system in data["systems"])
    return header, rows


NOTICE_KINDS = {
    "systems": gettext_lazy("คำขอพัฒนาระบบ โครงการ และคำขอปรับปรุงระบบ"),
    "system_instalment_due": gettext_lazy("งวดงานจ้างพัฒนาระบบใกล้ครบกำหนดส่งมอบ"),
    "system_instalment_overdue": gettext_lazy("งวดงานจ้างพัฒนาระบบเลยกำหนดส่งมอบ"),
    "system_change_overdue": gettext_lazy("คำขอปรับปรุงระบบเลยกำหนด"),
    "system_step_late": gettext_lazy("ขั้นตอนโครงการพัฒนาระบบเลยกำหนดตามแผน"),
    "system_survey_due": gettext_lazy("แบบสำรวจความพึงพอใจการใช้งานระบบใกล้ปิดรับคำตอบ"),
}


def register() -> None:
    from helpdesk.notifications.kinds import register_kind

    for code, label in NOTICE_KINDS.items():
        register_kind(code, label)
    register_source(systems_due)
    register_source(survey_due)
    register_widget("systems_staff", template="systems/includes/_widget_staff.html", context=staff_widget_context,
                    roles={Role.TECHNICIAN, Role.IT_HEAD}, order=36)
    register_widget("systems_executive", template="systems/includes/_widget_executive.html",
                    context=executive_widget_context, roles={Role.EXECUTIVE}, order=37)
    register_report_section(ReportSection(
        "systems", gettext_lazy("การพัฒนาระบบสารสนเทศและคำขอปรับปรุงระบบ"), "systems/includes/_report_section.html",
        build=systems_report, order=86, csv_rows=systems_report_csv))
