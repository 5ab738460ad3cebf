"""Pages of information-system development, the register and change requests: thin views
(access helper → form → one service call → redirect)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from helpdesk.roles import user_unit
from helpdesk.steps import edit_view, form_page, step_view
from helpdesk.uploads import attachment

from . import satisfaction, services
from .access import (
    can_file,
    get_change_for_user,
    get_instalment_for_user,
    get_project_for_user,
    get_request_for_user,
    get_step_for_user,
    get_system_for_user,
    is_approver,
    is_systems_staff,
    require,
)
from .forms import (
    AnalyseForm,
    AttachmentForm,
    ChangeRequestForm,
    ContractForm,
    DeliverForm,
    DevRequestForm,
    GoLiveLetterForm,
    InspectForm,
    NoteForm,
    PayForm,
    ProjectForm,
    QuotationForm,
    ReasonForm,
    StepDateForm,
    SystemForm,
)
from .gantt import gantt
from .models import ChangeRequest, DevRequest, Project, ProjectStep, StepAttachment, StepEvent, System

PAGE_SIZE = 25


# Development requests -----------------------------------------------------------------------------------------

def _status_list(request, queryset, template: str, **context):
    """A list page filtered by ``?status=`` (the model's own statuses only), 25 a page."""
    statuses = queryset.model.Status
    status = request.GET.get("status")
    if status in statuses.values:
        queryset = queryset.filter(status=status)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, template, {"page_obj": page, "status": status, "statuses": statuses.choices,
                                      "query": f"status={status}" if status else "", **context})


@login_required
def request_list(request):
    return _status_list(request, DevRequest.objects.visible_to(request.user).select_related("unit", "requested_by"),
                        "systems/request_list.html", can_file=can_file(request.user),
                        is_staff=is_systems_staff(request.user))


def _filed_by_unit(request, form, service, argument: str, *, template: str, message: str, redirect_to: str):
    """A unit's new development or change request: filed in the user's unit, its reference flashed."""
    require(can_file(request.user))
    return form_page(request, form, service, argument, by=request.user, set_fields={"unit": user_unit(request.user)},
                     template=template, done=lambda obj: message % {"ref": obj.reference}, redirect_to=redirect_to)


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request):
    return _filed_by_unit(request, DevRequestForm(request.POST or None), services.devrequest_create, "dev_request",
                          template="systems/request_form.html", message=_("ส่งคำขอพัฒนาระบบ %(ref)s แล้ว"),
                          redirect_to="systems:request_detail")


@login_required
def request_detail(request, pk):
    dev_request = get_request_for_user(request.user, pk)
    staff = is_systems_staff(request.user)
    project = Project.objects.filter(request=dev_request).first()
    return render(request, "systems/request_detail.html", {
        "object": dev_request, "project": project, "events": dev_request.events.select_related("by"),
        "can_review": staff and dev_request.status == DevRequest.Status.SUBMITTED,
        "can_write_project": staff and dev_request.status == DevRequest.Status.ACCEPTED and project is None,
        "note_form": NoteForm(), "reason_form": ReasonForm(),
    })


def _staff(user, obj=None) -> bool:
    return is_systems_staff(user)


def _request_step(service, done, form):
    return step_view(service, lookup=get_request_for_user, argument="dev_request", allowed=_staff, form=form,
                     done=done, redirect_to="systems:request_detail")


request_accept = _request_step(services.devrequest_accept, gettext_lazy("รับพิจารณาคำขอแล้ว จัดทำโครงการต่อได้"),
                               NoteForm)

request_reject = _request_step(services.devrequest_reject, gettext_lazy("แจ้งผลไม่รับพิจารณาไปยังผู้ขอแล้ว"),
                               ReasonForm)


# Projects -----------------------------------------------------------------------------------------------------

@login_required
def project_list(request):
    return _status_list(request, Project.objects.visible_to(request.user).select_related("unit"),
                        "systems/project_list.html")


@login_required
@require_http_methods(["GET", "POST"])
def project_create(request, pk):
    dev_request = get_request_for_user(request.user, pk)
    require(is_systems_staff(request.user))
    initial = {"title": dev_request.title, "rationale": dev_request.need, "objectives": dev_request.expected_benefit,
               "starts_on": timezone.localdate()}
    return form_page(request, ProjectForm(request.POST or None, initial=initial), services.project_create, "project",
                     dev_request=dev_request, by=request.user, template="systems/project_form.html",
                     context={"dev_request": dev_request}, done=_("บันทึกร่างโครงการแล้ว"),
                     redirect_to="systems:project_detail")


def _draft_editor(user, project) -> bool:
    return is_systems_staff(user) and project.status == Project.Status.DRAFT


project_edit = edit_view(get_project_for_user, services.project_update, argument="project", allowed=_draft_editor,
                         form_class=ProjectForm, template="systems/project_form.html",
                         done=gettext_lazy("บันทึกการแก้ไขแล้ว"), redirect_to="systems:project_detail",
                         context=lambda project: {"dev_request": project.request})


@login_required
def project_detail(request, pk):
    project = get_project_for_user(request.user, pk)
    user = request.user
    staff = is_systems_staff(user)
    today = timezone.localdate()
    steps = list(project.steps.prefetch_related(
        Prefetch("attachments", queryset=StepAttachment.objects.order_by("uploaded_at", "pk"))))
    for step in steps:
        step.late = step.is_late(today)
        step.project = project
    current = next((s for s in steps if s.status != ProjectStep.Status.DONE), None)
    contract = getattr(project, "contract", None) if project.track == "outsourced" else None
    instalments = list(contract.instalments.all()) if contract else []
    P = Project.Status
    own = user.pk in (project.created_by_id, project.request.requested_by_id)
    golive_letter = services.golive_letter_current(project)
    context = {
        "object": project, "steps": steps, "current": current, "gantt": gantt(steps, today), "today": today,
        "pre_project": services.pre_project_measures(project),
        "today_be": f"{today.day:02d}/{today.month:02d}/{today.year + 543}",
        "events": project.events.select_related("by"), "is_staff": staff,
        "step_events": StepEvent.objects.filter(request__project=project).select_related("by", "request")
        .order_by("-at", "-pk")[:50],
        "system": System.objects.filter(project=project).first(),
        "quotations": list(project.quotations.all()), "contract": contract, "instalments": instalments,
        "can_edit": staff and project.status == P.DRAFT,
        "can_propose": staff and project.status == P.DRAFT,
        "can_decide": is_approver(user) and project.status == P.PROPOSED and not own,
        "own_project": own and project.status == P.PROPOSED and is_approver(user),
        "running": staff and project.status == P.APPROVED,
        "golive_letter": golive_letter,
        "can_go_live": staff and project.status == P.APPROVED and current is None and golive_letter is not None,
        "note_form": NoteForm(), "step_form": StepDateForm(), "attachment_form": AttachmentForm(),
        "quotation_form": QuotationForm(), "contract_form": ContractForm(), "inspect_form": InspectForm(),
        "pay_form": PayForm(),
    }
    return render(request, "systems/project_detail.html", context)


def _is_approver(user, obj=None) -> bool:
    return is_approver(user)


def _project_step(service, done, form=NoteForm, **options):
    """A step on the project, posted from the project page (a `gate` is checked before the project is fetched)."""
    options.setdefault("lookup", get_project_for_user)
    return step_view(service, argument="project", form=form, done=done, redirect_to="systems:project_detail",
                     **options)


def _part_step(lookup, service, done, form, argument: str, **options):
    """A systems-staff step on a part of a project (a step, an instalment), posted from the project page:
    ``lookup(user, pk, part_pk)`` is the part's access helper, `argument` the service's name for it."""
    return step_view(service, lookup=lookup, argument=argument, allowed=_staff, form=form, done=done,
                     redirect_to="systems:project_detail", **options)


project_propose = _project_step(services.project_propose, gettext_lazy("เสนอโครงการต่อผู้บริหารแล้ว"), gate=_staff)

project_approve = _project_step(services.project_approve, gettext_lazy("อนุมัติโครงการแล้ว"), gate=_is_approver)

project_return = _project_step(services.project_return, gettext_lazy("ส่งโครงการกลับให้แก้ไขแล้ว"), gate=_is_approver)

project_go_live = _project_step(services.project_go_live, gettext_lazy("เปิดใช้งานระบบและขึ้นทะเบียนระบบแล้ว"),
                                gate=_staff)


golive_letter = step_view(
    services.golive_letter_issue, lookup=get_project_for_user, argument="project", allowed=_staff,
    form=GoLiveLetterForm, redirect_to="systems:project_detail",
    done=lambda posted: _("ออกหนังสือแจ้งเปิดใช้งานระบบแล้ว ที่ %(number)s") % {"number": posted.result.number})


step_start = _part_step(get_step_for_user, services.step_start, gettext_lazy("บันทึกการเริ่มขั้นตอนแล้ว"),
                        StepDateForm, "step")

step_finish = _part_step(get_step_for_user, services.step_finish, gettext_lazy("บันทึกว่าขั้นตอนเสร็จแล้ว"),
                         StepDateForm, "step")

step_attach = _part_step(get_step_for_user, services.step_attach, gettext_lazy("แนบเอกสารแล้ว"), AttachmentForm,
                         "step", arguments=lambda posted: {"kind": posted.form.cleaned_data["kind"],
                                                           "upload": posted.form.cleaned_data["file"],
                                                           "ext": posted.form.cleaned_data["ext"]})


@login_required
def attachment_download(request, pk, attachment_pk):
    project = get_project_for_user(request.user, pk)
    item = StepAttachment.objects.filter(step__project=project, pk=attachment_pk).first()
    if item is None:
        from django.http import Http404

        raise Http404
    return attachment(item.file, f"{project.reference}-{item.kind}-{item.pk}")


quotation_add = _project_step(services.quotation_add, gettext_lazy("บันทึกใบเสนอราคาแล้ว"), form=QuotationForm,
                              allowed=_staff, arguments=lambda posted: {"quotation": posted.form.save(commit=False)})

quotation_select = _project_step(services.quotation_select, gettext_lazy("บันทึกผู้ได้รับการคัดเลือกแล้ว"), form=None,
                                 lookup=lambda user, pk, quotation_pk: get_project_for_user(user, pk), allowed=_staff,
                                 arguments=lambda posted: posted.parts)


def _contract(posted) -> dict:
    rows = posted.form.cleaned_data.pop("instalments")
    return {"contract": posted.form.save(commit=False), "instalments": rows}


contract_save = _project_step(services.contract_save, gettext_lazy("บันทึกสัญญาและงวดงานแล้ว"), form=ContractForm,
                              allowed=_staff, arguments=_contract)

instalment_inspect = _part_step(get_instalment_for_user, services.instalment_inspect,
                                gettext_lazy("บันทึกผลการตรวจรับแล้ว"), InspectForm, "instalment")

instalment_pay = _part_step(get_instalment_for_user, services.instalment_pay, gettext_lazy("บันทึกการเบิกจ่ายแล้ว"),
                            PayForm, "instalment")

# The register ---------------------------------------------------------------------------------------------------

@login_required
def system_list(request):
    queryset = System.objects.visible_to(request.user).select_related("owner_unit", "contract")
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "systems/system_list.html", {"page_obj": page, "is_staff": is_systems_staff(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def system_create(request):
    require(is_systems_staff(request.user))
    return form_page(request, SystemForm(request.POST or None, request.FILES or None), services.system_create,
                     "system", by=request.user, template="systems/system_form.html", done=_("ขึ้นทะเบียนระบบแล้ว"),
                     redirect_to="systems:system_detail")


@login_required
def system_detail(request, pk):
    system = get_system_for_user(request.user, pk)
    changes = system.change_requests.visible_to(request.user).select_related("unit")[:50]
    rounds = list(system.survey_rounds.all()[:10])
    for survey in rounds:
        survey.stats = satisfaction.satisfaction_rows([system.pk], survey.fiscal_year).get(system.pk, {})
        survey.percent = satisfaction.satisfaction_percent([system.pk], survey.fiscal_year).get(system.pk)
    this_year = satisfaction.fiscal_year_of(timezone.localdate())
    return render(request, "systems/system_detail.html", {
        "object": system, "changes": changes, "events": system.events.select_related("by"),
        "is_staff": is_systems_staff(request.user), "now": timezone.now(), "note_form": NoteForm(),
        "rounds": rounds, "this_year": this_year,
        "can_start_survey": system.status == System.Status.ACTIVE and all(r.fiscal_year != this_year for r in rounds),
    })


def _toggled_status(posted) -> dict:
    active = posted.obj.status == System.Status.ACTIVE
    return {"to": System.Status.RETIRED if active else System.Status.ACTIVE, "note": posted.form.cleaned_data["note"]}


system_status = step_view(services.system_set_status, lookup=get_system_for_user, argument="system", allowed=_staff,
                          form=NoteForm, arguments=_toggled_status, done=gettext_lazy("เปลี่ยนสถานะระบบแล้ว"),
                          redirect_to="systems:system_detail")


@login_required
def system_manual(request, pk):
    system = get_system_for_user(request.user, pk)
    return attachment(system.manual, f"manual-{system.pk}")


# Change requests ----------------------------------------------------------------------------------------------

@login_required
def change_list(request):
    queryset = ChangeRequest.objects.visible_to(request.user).select_related("system", "unit")
    show = request.GET.get("show")
    now = timezone.now()
    if show == "open":
        queryset = queryset.filter(status__in=[ChangeRequest.Status.SUBMITTED, ChangeRequest.Status.ANALYSED])
    elif show == "overdue":
        from .integration import change_overdue_q

        queryset = queryset.filter(change_overdue_q(now))
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "systems/change_list.html", {
        "page_obj": page, "show": show, "now": now, "can_file": can_file(request.user),
        "query": f"show={show}" if show else ""})


@login_required
@require_http_methods(["GET", "POST"])
def change_create(request):
    form = ChangeRequestForm(request.POST or None, initial={"system": request.GET.get("system")})
    return _filed_by_unit(request, form, services.change_create, "change", template="systems/change_form.html",
                          message=_("ส่งคำขอ %(ref)s แล้ว"), redirect_to="systems:change_detail")


@login_required
def change_detail(request, pk):
    change = get_change_for_user(request.user, pk)
    staff = is_systems_staff(request.user)
    now = timezone.now()
    S = ChangeRequest.Status
    return render(request, "systems/change_detail.html", {
        "object": change, "events": change.events.select_related("by"), "now": now,
        "analyse_overdue": change.analyse_overdue(now), "deliver_overdue": change.deliver_overdue(now),
        "can_analyse": staff and change.status == S.SUBMITTED, "can_deliver": staff and change.status == S.ANALYSED,
        "analyse_form": AnalyseForm(), "deliver_form": DeliverForm(), "reason_form": ReasonForm(),
    })


def _change_step(service, form, done):
    return step_view(service, lookup=get_change_for_user, argument="change", allowed=_staff, form=form, done=done,
                     redirect_to="systems:change_detail")


change_analyse = _change_step(services.change_analyse, AnalyseForm, gettext_lazy("บันทึกผลการวิเคราะห์แล้ว"))

change_deliver = _change_step(services.change_deliver, DeliverForm, gettext_lazy("บันทึกผลการแก้ไข/พัฒนาแล้ว"))

change_decline = _change_step(services.change_decline, ReasonForm, gettext_lazy("บันทึกว่าไม่ดำเนินการแล้ว"))
