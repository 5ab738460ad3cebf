"""Development requests, projects, steps, instalments, the register and change requests: each status change is
one call of the request kernel (helpdesk.workflow.transition) with the table below."""

import datetime as dt

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.notify import notify
from helpdesk.roles import Role, has_role
from helpdesk.workdays import add_working_days, add_working_minutes
from helpdesk.workflow import ensure_not_own_request, record_created, transition

from .models import (
    ANALYSE_TARGET_MINUTES,
    DELIVER_TARGET_MINUTES,
    REQUIRED_ATTACHMENTS,
    REQUIREMENT_DELIVERY_DAYS,
    TRACK_STEPS,
    ChangeRequest,
    Contract,
    DevRequest,
    Instalment,
    Project,
    ProjectStep,
    StepAttachment,
    StepKind,
    StepStandard,
    System,
)

R = DevRequest.Status
REQUEST_TRANSITIONS: dict[str, set[str]] = {
    "": {R.SUBMITTED},
    R.SUBMITTED: {R.ACCEPTED, R.REJECTED},
    R.ACCEPTED: set(),
    R.REJECTED: set(),
}
P = Project.Status
PROJECT_TRANSITIONS: dict[str, set[str]] = {
    "": {P.DRAFT},
    P.DRAFT: {P.PROPOSED, P.CANCELLED},
    P.PROPOSED: {P.APPROVED, P.DRAFT, P.CANCELLED},
    P.APPROVED: {P.LIVE, P.CANCELLED},
    P.LIVE: set(),
    P.CANCELLED: set(),
}
ST = ProjectStep.Status
STEP_TRANSITIONS: dict[str, set[str]] = {
    ST.PENDING: {ST.STARTED},
    ST.STARTED: {ST.DONE},
    ST.DONE: set(),
}
I = Instalment.Status  # noqa: E741
INSTALMENT_TRANSITIONS: dict[str, set[str]] = {
    "": {I.PENDING},
    I.PENDING: {I.ACCEPTED, I.REJECTED},
    I.REJECTED: {I.ACCEPTED, I.REJECTED},
    I.ACCEPTED: {I.PAID},
    I.PAID: set(),
}
SY = System.Status
SYSTEM_TRANSITIONS: dict[str, set[str]] = {"": {SY.ACTIVE}, SY.ACTIVE: {SY.RETIRED}, SY.RETIRED: {SY.ACTIVE}}
C = ChangeRequest.Status
CHANGE_TRANSITIONS: dict[str, set[str]] = {
    "": {C.SUBMITTED},
    C.SUBMITTED: {C.ANALYSED, C.DECLINED},
    C.ANALYSED: {C.DONE},
    C.DONE: set(),
    C.DECLINED: set(),
}


def is_systems_staff(user) -> bool:
    """The IT centre's staff who weigh requests, write projects, run steps and handle change requests."""
    return bool(user.is_authenticated and (user.is_superuser or has_role(user, Role.TECHNICIAN, Role.IT_HEAD)))


def is_approver(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or has_role(user, Role.EXECUTIVE)))


def staff_users():
    return User.objects.filter(is_active=True, groups__name__in=[Role.TECHNICIAN, Role.IT_HEAD]).distinct()


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _required_text(value: str, field: str, message: str) -> str:
    """`value` stripped; a refusal on `field` when nothing is left."""
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


def _notify(obj, *, recipients, subject: str, url: str, note: str = "", kind: str = "systems") -> None:
    recipients = [r for r in recipients if r]
    if not recipients:
        return
    notify(recipients=recipients, subject=f"[{obj.reference}] {subject}", template="email/systems/notice.txt",
           context={"obj": obj, "note": note, "path": url}, kind=kind, url=url)


def standards() -> dict[str, StepStandard]:
    return {s.kind: s for s in StepStandard.objects.all()}


# Development requests (002 §5 steps ๑–๓) ---------------------------------------------------------------

def devrequest_create(*, dev_request: DevRequest, by: User) -> DevRequest:
    with transaction.atomic():
        dev_request.status = R.SUBMITTED
        dev_request.requested_by = by
        dev_request.created_at = timezone.now()
        dev_request.save()
        record_created(dev_request, by=by)
    _notify(dev_request, recipients=list(staff_users().values_list("email", flat=True)),
            subject=_("คำขอพัฒนาระบบสารสนเทศใหม่"), url=reverse("systems:request_detail", args=[dev_request.pk]))
    return dev_request


def _devrequest_decide(dev_request: DevRequest, *, by: User, to: str, note: str, subject: str) -> DevRequest:
    """Accept or reject: who weighed it, when and why, on the request; the requester is told."""

    def apply(r):
        r.reviewed_by, r.reviewed_at, r.review_note = by, timezone.now(), note

    obj = transition(DevRequest, dev_request.pk, to=to, by=by, note=note, table=REQUEST_TRANSITIONS, apply=apply)
    _notify(obj, recipients=[obj.requested_by.email], subject=subject,
            url=reverse("systems:request_detail", args=[obj.pk]), note=note)
    return obj


def devrequest_accept(*, dev_request: DevRequest, by: User, note: str = "") -> DevRequest:
    _require(is_systems_staff(by))
    return _devrequest_decide(dev_request, by=by, to=R.ACCEPTED, note=note,
                              subject=_("คำขอพัฒนาระบบได้รับการพิจารณาจัดทำโครงการ"))


def devrequest_reject(*, dev_request: DevRequest, by: User, reason: str) -> DevRequest:
    """002 §5 step ๓: the request goes back to the requester with the reason."""
    _require(is_systems_staff(by))
    reason = _required_text(reason, "reason", _("กรุณาระบุเหตุผลที่ไม่รับพิจารณา"))
    return _devrequest_decide(dev_request, by=by, to=R.REJECTED, note=reason,
                              subject=_("คำขอพัฒนาระบบไม่ได้รับการพิจารณา"))


# Projects (004 §6, §7 steps ๒–๓) -----------------------------------------------------------------------------

def project_create(*, project: Project, dev_request: DevRequest, by: User) -> Project:
    _require(is_systems_staff(by))
    with transaction.atomic():
        locked = DevRequest.objects.select_for_update().get(pk=dev_request.pk)
        if locked.status != R.ACCEPTED:
            raise ValidationError(_("จัดทำโครงการได้เฉพาะคำขอที่รับพิจารณาแล้ว"))
        if Project.objects.filter(request=locked).exists():
            raise ValidationError(_("คำขอนี้มีโครงการแล้ว"))
        project.request = locked
        project.unit_id = locked.unit_id
        project.status = P.DRAFT
        project.created_by = by
        project.created_at = timezone.now()
        project.save()
        record_created(project, by=by)
    return project


def project_update(*, project: Project, by: User) -> Project:
    _require(is_systems_staff(by))
    with transaction.atomic():
        locked = Project.objects.select_for_update().get(pk=project.pk)
        if locked.status != P.DRAFT:
            raise ValidationError(_("แก้ไขได้เฉพาะโครงการที่ยังเป็นร่าง"))
        project.save()
        project.events.create(from_status=P.DRAFT, to_status=P.DRAFT, by=by, at=timezone.now(),
                              note=_("แก้ไขรายละเอียดโครงการ"))
    return project


def project_propose(*, project: Project, by: User, note: str = "") -> Project:
    _require(is_systems_staff(by))

    def apply(p):
        p.proposed_at = timezone.now()

    obj = transition(Project, project.pk, to=P.PROPOSED, by=by, note=note, table=PROJECT_TRANSITIONS, apply=apply)
    approvers = User.objects.filter(is_active=True, groups__name=Role.EXECUTIVE).values_list("email", flat=True)
    _notify(obj, recipients=list(approvers), subject=_("โครงการพัฒนาระบบรอความเห็นชอบ"),
            url=reverse("systems:project_detail", args=[obj.pk]), note=note)
    return obj


def _plan_steps(project: Project, start: dt.date) -> list[ProjectStep]:
    """The track's steps, one after another from ``start``, each planned for its standard's days."""
    known = standards()
    steps, day = [], start
    for order, kind in enumerate(TRACK_STEPS[project.track], start=1):
        standard = known.get(kind)
        days = standard.days if standard else 1
        rule = standard.rule if standard else StepStandard.Rule.WITHIN
        steps.append(ProjectStep(project=project, order=order, kind=kind, target_days=days, target_rule=rule,
                                 planned_start=day, planned_end=day + dt.timedelta(days=max(days, 1) - 1)))
        day = day + dt.timedelta(days=max(days, 1))
    return steps


def project_approve(*, project: Project, by: User, note: str = "") -> Project:
    """The executive's approval (004 §7 step ๓): nobody approves a project they wrote or requested."""
    ensure_not_own_request(requested_by=[project.created_by, project.request.requested_by], by=by,
                           allowed=is_approver(by), message=_("ผู้จัดทำหรือผู้ขอโครงการไม่สามารถอนุมัติโครงการเองได้"))

    def apply(p):
        p.approved_by, p.approved_at, p.decision_note = by, timezone.now(), note

    with transaction.atomic():
        obj = transition(Project, project.pk, to=P.APPROVED, by=by, note=note, table=PROJECT_TRANSITIONS,
                         apply=apply)
        start = max(obj.starts_on, timezone.localdate())
        ProjectStep.objects.bulk_create(_plan_steps(obj, start))
    _notify(obj, recipients=[obj.created_by.email, obj.request.requested_by.email],
            subject=_("ผู้บริหารอนุมัติโครงการแล้ว"), url=reverse("systems:project_detail", args=[obj.pk]), note=note)
    return obj


def project_return(*, project: Project, by: User, note: str) -> Project:
    _require(is_approver(by))
    note = _required_text(note, "note", _("กรุณาระบุสิ่งที่ต้องแก้ไข"))
    obj = transition(Project, project.pk, to=P.DRAFT, by=by, note=note, table=PROJECT_TRANSITIONS)
    _notify(obj, recipients=[obj.created_by.email], subject=_("ผู้บริหารส่งโครงการกลับให้แก้ไข"),
            url=reverse("systems:project_detail", args=[obj.pk]), note=note)
    return obj


# Steps --------------------------------------------------------------------------------------------------------

def _step_guard(step: ProjectStep, to: str) -> None:
    if step.project.status != P.APPROVED:
        raise ValidationError(_("โครงการต้องได้รับอนุมัติและยังไม่เปิดใช้งาน"))
    if to == ST.STARTED:
        earlier = ProjectStep.objects.filter(project=step.project_id, order__lt=step.order).exclude(status=ST.DONE)
        if earlier.exists():
            raise ValidationError(_("ต้องทำขั้นตอนก่อนหน้าให้เสร็จก่อน"))
    if to == ST.DONE:
        required = REQUIRED_ATTACHMENTS.get(step.kind)
        if required and not step.attachments.filter(kind=required).exists():
            raise ValidationError(_("กรุณาแนบ%(doc)s ก่อนบันทึกว่าเสร็จ") % {"doc": required.label})
        if step.kind == StepKind.QUOTATIONS and not step.project.quotations.exists():
            raise ValidationError(_("กรุณาบันทึกใบเสนอราคาอย่างน้อย 1 ราย"))
        if step.kind == StepKind.SELECTION and not step.project.quotations.filter(selected=True).exists():
            raise ValidationError(_("กรุณาเลือกผู้เสนอราคาที่ได้รับการคัดเลือก"))
        if step.kind == StepKind.CONTRACT:
            contract = Contract.objects.filter(project=step.project_id).first()
            if contract is None or not contract.instalments.exists():
                raise ValidationError(_("กรุณาบันทึกสัญญาและงวดงานอย่างน้อย 1 งวด"))
        if step.kind == StepKind.INSPECTION and Instalment.objects.filter(
                contract__project=step.project_id, status__in=[I.PENDING, I.REJECTED]).exists():
            raise ValidationError(_("ยังมีงวดงานที่ยังไม่ผ่านการตรวจรับ"))
        if step.kind == StepKind.PAYMENT and Instalment.objects.filter(
                contract__project=step.project_id).exclude(status=I.PAID).exists():
            raise ValidationError(_("ยังมีงวดงานที่ยังไม่ได้เบิกจ่าย"))
        if step.kind == StepKind.GO_LIVE and golive_letter_current(step.project) is None:
            raise ValidationError(_("กรุณาออกหนังสือแจ้งเปิดใช้งานระบบก่อน"))


def step_start(*, step: ProjectStep, by: User, on: dt.date | None = None, note: str = "") -> ProjectStep:
    _require(is_systems_staff(by))
    day = on or timezone.localdate()
    if day > timezone.localdate():
        raise ValidationError({"on": _("วันที่เริ่มต้องไม่เป็นวันในอนาคต")})

    def apply(s):
        s.actual_start = day

    return transition(ProjectStep, step.pk, to=ST.STARTED, by=by, note=note, table=STEP_TRANSITIONS, apply=apply,
                      guards=[_step_guard])


def step_finish(*, step: ProjectStep, by: User, on: dt.date | None = None, note: str = "") -> ProjectStep:
    _require(is_systems_staff(by))
    day = on or timezone.localdate()
    if day > timezone.localdate():
        raise ValidationError({"on": _("วันที่เสร็จต้องไม่เป็นวันในอนาคต")})
    if step.actual_start and day < step.actual_start:
        raise ValidationError({"on": _("วันที่เสร็จต้องไม่ก่อนวันที่เริ่ม")})

    def apply(s):
        s.actual_end = day
        s.note = note

    late = day > step.planned_end
    event_note = note + (("\n" if note else "") + _("(ล่าช้ากว่าแผน)") if late else "")
    return transition(ProjectStep, step.pk, to=ST.DONE, by=by, note=event_note, table=STEP_TRANSITIONS, apply=apply,
                      guards=[_step_guard])


def step_attach(*, step: ProjectStep, by: User, kind: str, upload, ext: str) -> StepAttachment:
    _require(is_systems_staff(by))
    if step.project.status not in (P.APPROVED, P.LIVE):
        raise ValidationError(_("แนบเอกสารได้เมื่อโครงการได้รับอนุมัติแล้ว"))
    attachment = StepAttachment(step=step, kind=kind, original_name=upload.name[:200], uploaded_by=by,
                                uploaded_at=timezone.now())
    attachment._checked_ext = ext
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    return attachment


# Outsourced: quotations, contract, instalments -----------------------------------------------------------------

def _require_outsourced(project: Project) -> None:
    if project.track != "outsourced" or project.status != P.APPROVED:
        raise ValidationError(_("ใช้ได้เฉพาะโครงการจ้างหน่วยงานภายนอกที่อนุมัติแล้ว"))


def quotation_add(*, project: Project, by: User, quotation) -> None:
    _require(is_systems_staff(by))
    _require_outsourced(project)
    quotation.project = project
    quotation.save()


def quotation_select(*, project: Project, by: User, quotation_pk: int) -> None:
    _require(is_systems_staff(by))
    _require_outsourced(project)
    with transaction.atomic():
        quotes = project.quotations.select_for_update()
        if not quotes.filter(pk=quotation_pk).exists():
            raise ValidationError(_("ไม่พบใบเสนอราคานี้"))
        quotes.update(selected=False)
        quotes.filter(pk=quotation_pk).update(selected=True)


def contract_save(*, project: Project, by: User, contract: Contract, instalments: list[dict]) -> Contract:
    _require(is_systems_staff(by))
    _require_outsourced(project)
    if not instalments:
        raise ValidationError(_("กรุณาระบุงวดงานอย่างน้อย 1 งวด"))
    with transaction.atomic():
        Project.objects.select_for_update().get(pk=project.pk)
        if Contract.objects.filter(project=project).exists():
            raise ValidationError(_("โครงการนี้บันทึกสัญญาแล้ว"))
        contract.project = project
        contract.save()
        for number, row in enumerate(instalments, start=1):
            item = Instalment.objects.create(contract=contract, number=number, status=I.PENDING, **row)
            record_created(item, by=by)
    return contract


def instalment_inspect(*, instalment: Instalment, by: User, passed: bool, on: dt.date, note: str = "") -> Instalment:
    """The inspection committee's decision on one instalment (002 §5 step ๑๕)."""
    _require(is_systems_staff(by))
    if on > timezone.localdate():
        raise ValidationError({"on": _("วันที่ตรวจรับต้องไม่เป็นวันในอนาคต")})

    def apply(i):
        i.inspected_on, i.inspection_note = on, note

    return transition(Instalment, instalment.pk, to=I.ACCEPTED if passed else I.REJECTED, by=by, note=note,
                      table=INSTALMENT_TRANSITIONS, apply=apply)


def instalment_pay(*, instalment: Instalment, by: User, on: dt.date, reference: str) -> Instalment:
    _require(is_systems_staff(by))
    reference = _required_text(reference, "reference", _("กรุณาระบุเลขที่หลักฐานการจ่าย"))

    def apply(i):
        i.paid_on, i.payment_reference = on, reference

    return transition(Instalment, instalment.pk, to=I.PAID, by=by, note=reference, table=INSTALMENT_TRANSITIONS,
                      apply=apply)


GOLIVE = "systems_golive"  # the go-live letter's kind in the outgoing register (tickets/systems/letters.py)


# Go-live and the register ------------------------------------------------------------------------------------

def golive_letter_current(project: Project):
    """The go-live letter issued for the project through the outgoing register (not cancelled), or None."""
    from helpdesk.correspondence.models import IssuedDocument


    return (IssuedDocument.objects.for_record(project).filter(kind=GOLIVE, cancelled_at__isnull=True)
            .order_by("-issued_at", "-pk").first())


def golive_letter_issue(*, project: Project, by: User, go_live_on: dt.date):
    """Set the go-live date and issue the go-live letter (004 §7 step ๑๒) through the outgoing register: the
    register gives its number and date. A correction is a replacement issued in the register (with a reason)."""
    from helpdesk.correspondence.services import document_issue


    _require(is_systems_staff(by))
    if project.status != P.APPROVED:
        raise ValidationError(_("ออกหนังสือได้เมื่อโครงการอนุมัติแล้วและยังไม่เปิดใช้งาน"))
    if go_live_on < timezone.localdate():
        raise ValidationError({"go_live_on": _("วันเปิดใช้งานต้องไม่ก่อนวันที่หนังสือ (วันนี้)")})
    with transaction.atomic():
        locked = Project.objects.select_for_update().select_related(
            "unit", "request", "request__requested_by", "created_by").get(pk=project.pk)
        current = golive_letter_current(locked)
        if current is not None:
            raise ValidationError(_("ออกหนังสือแจ้งเปิดใช้งานแล้ว ที่ %(n)s หากต้องแก้ไขให้ออกฉบับใหม่แทนในทะเบียนหนังสือส่ง")
                                  % {"n": current.number})
        locked.go_live_on = go_live_on
        locked.save(update_fields=["go_live_on"])
        document = document_issue(kind=GOLIVE, target=locked, by=by)
        locked.events.create(from_status=locked.status, to_status=locked.status, by=by, at=timezone.now(),
                             note=_("ออกหนังสือแจ้งเปิดใช้งานระบบ ที่ %(n)s") % {"n": document.number})
    return document


def project_go_live(*, project: Project, by: User, note: str = "") -> Project:
    """Every step done: the project goes live and its system enters the register (or the linked one is updated)."""
    _require(is_systems_staff(by))

    def guard(p, to):
        if p.steps.exclude(status=ST.DONE).exists():
            raise ValidationError(_("ยังมีขั้นตอนที่ยังไม่เสร็จ"))
        if golive_letter_current(p) is None:
            raise ValidationError(_("กรุณาออกหนังสือแจ้งเปิดใช้งานระบบก่อน"))

    with transaction.atomic():
        obj = transition(Project, project.pk, to=P.LIVE, by=by, note=note, table=PROJECT_TRANSITIONS, guards=[guard])
        contract = Contract.objects.filter(project=obj).first()
        system = System.objects.filter(project=obj).first()
        if system is None and obj.improves_id:  # an improvement of a registered system: link it
            system = System.objects.select_for_update().get(pk=obj.improves_id)
            system.project = obj
        created = system is None
        if created:
            system = System(project=obj, name=obj.title, owner_unit_id=obj.unit_id, status=SY.ACTIVE,
                            description=obj.objectives)
        system.go_live_on = obj.go_live_on
        system.contract = contract
        system.vendor = contract.vendor if contract else _("พัฒนาโดยศูนย์เทคโนโลยีสารสนเทศ")
        manual = StepAttachment.objects.filter(step__project=obj, kind="manual", file__endswith=".pdf").last()
        if manual and not system.manual:
            system.manual.name = manual.file.name
        system.save()
        if created:
            record_created(system, by=by, note=_("ขึ้นทะเบียนจากโครงการ %(ref)s") % {"ref": obj.reference})
        else:
            system.events.create(from_status=system.status, to_status=system.status, by=by, at=timezone.now(),
                                 note=_("ปรับปรุงตามโครงการ %(ref)s เปิดใช้งานแล้ว") % {"ref": obj.reference})
    _notify(obj, recipients=[obj.request.requested_by.email], subject=_("เปิดใช้งานระบบแล้ว"),
            url=reverse("systems:system_detail", args=[system.pk]), note=note)
    return obj


def system_create(*, system: System, by: User) -> System:
    _require(is_systems_staff(by))
    with transaction.atomic():
        system.status = SY.ACTIVE
        system.save()
        record_created(system, by=by)
    return system


def system_set_status(*, system: System, by: User, to: str, note: str = "") -> System:
    _require(is_systems_staff(by))
    return transition(System, system.pk, to=to, by=by, note=note, table=SYSTEM_TRANSITIONS)


# Change requests (004 §7 steps ๑๕–๑๖) ------------------------------------------------------------------------

def change_create(*, change: ChangeRequest, by: User) -> ChangeRequest:
    if change.system.status != SY.ACTIVE:
        raise ValidationError({"system": _("ระบบนี้เลิกใช้งานแล้ว")})
    with transaction.atomic():
        change.status = C.SUBMITTED
        change.requested_by = by
        change.created_at = timezone.now()
        change.analyse_due_at = add_working_minutes(change.created_at, ANALYSE_TARGET_MINUTES[change.kind])
        change.save()
        record_created(change, by=by)
    _notify(change, recipients=list(staff_users().values_list("email", flat=True)),
            subject=_("คำขอปรับปรุง/แก้ไขระบบใหม่"), url=reverse("systems:change_detail", args=[change.pk]))
    return change


def deliver_due(kind: str, analysed_at: dt.datetime) -> dt.datetime:
    minutes = DELIVER_TARGET_MINUTES[kind]
    if minutes is not None:
        return add_working_minutes(analysed_at, minutes)
    return add_working_days(analysed_at, REQUIREMENT_DELIVERY_DAYS)


def change_analyse(*, change: ChangeRequest, by: User, analysis: str) -> ChangeRequest:
    _require(is_systems_staff(by))
    analysis = _required_text(analysis, "analysis", _("กรุณาระบุผลการวิเคราะห์"))

    def apply(c):
        c.analysed_at = timezone.now()
        c.analysis = analysis
        c.handled_by = by
        c.deliver_due_at = deliver_due(c.kind, c.analysed_at)

    return transition(ChangeRequest, change.pk, to=C.ANALYSED, by=by, note=analysis, table=CHANGE_TRANSITIONS,
                      apply=apply)


def change_deliver(*, change: ChangeRequest, by: User, resolution: str) -> ChangeRequest:
    _require(is_systems_staff(by))
    resolution = _required_text(resolution, "resolution", _("กรุณาระบุผลการแก้ไข/พัฒนา"))

    def apply(c):
        c.delivered_at = timezone.now()
        c.resolution = resolution

    obj = transition(ChangeRequest, change.pk, to=C.DONE, by=by, note=resolution, table=CHANGE_TRANSITIONS,
                     apply=apply)
    _notify(obj, recipients=[obj.requested_by.email], subject=_("แก้ไข/ปรับปรุงระบบเรียบร้อยแล้ว"),
            url=reverse("systems:change_detail", args=[obj.pk]), note=resolution)
    return obj


def change_decline(*, change: ChangeRequest, by: User, reason: str) -> ChangeRequest:
    _require(is_systems_staff(by))
    reason = _required_text(reason, "reason", _("กรุณาระบุเหตุผล"))

    def apply(c):
        c.analysed_at = c.analysed_at or timezone.now()
        c.analysis = reason
        c.handled_by = by

    obj = transition(ChangeRequest, change.pk, to=C.DECLINED, by=by, note=reason, table=CHANGE_TRANSITIONS,
                     apply=apply)
    _notify(obj, recipients=[obj.requested_by.email], subject=_("ไม่ดำเนินการตามคำขอปรับปรุงระบบ"),
            url=reverse("systems:change_detail", args=[obj.pk]), note=reason)
    return obj


def pre_project_measures(project: Project, now: dt.datetime | None = None) -> list[dict]:
    """004 §7 steps ๑–๓ measured on the request and the project: factors weighed within 1 day of the request,
    the project written within 15 days of acceptance, the executive's approval within 1 day of the proposal
    (the days come from the agency's StepStandard table)."""
    now = now or timezone.now()
    known = standards()
    request = project.request
    rows = []
    for kind, start, end in ((StepKind.FACTORS, request.created_at, request.reviewed_at),
                             (StepKind.PROJECT, request.reviewed_at, project.proposed_at),
                             (StepKind.APPROVAL, project.proposed_at, project.approved_at)):
        standard = known.get(kind)
        if start is None or standard is None:
            rows.append({"kind": kind, "label": kind.label, "standard": standard, "start": start, "end": end,
                         "due": None, "late": False})
            continue
        due = start + dt.timedelta(days=standard.days)
        rows.append({"kind": kind, "label": kind.label, "standard": standard, "start": start, "end": end, "due": due,
                     "late": (end or now) > due})
    return rows
