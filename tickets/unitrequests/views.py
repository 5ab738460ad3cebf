"""Unit request pages: thin views (access helper → form → one service call → redirect)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from helpdesk.forms import add_service_errors, flash_form_errors, run_form
from helpdesk.parsing import int_param

from . import services
from .access import (
    can_approve,
    can_cancel,
    can_edit,
    can_file,
    can_fulfil,
    get_unit_request_for_user,
    is_fulfiller,
    require,
)
from .forms import ApproveForm, ConsumablesForm, LendForm, LineFormSet, LoanForm, PrepareForm, ReasonForm
from .models import UnitRequest

S = UnitRequest.Status
K = UnitRequest.Kind
PAGE_SIZE = 25
# Filters of the list: an allowlist of statuses grouped as people ask for them.
SHOW = {
    "open": (S.SUBMITTED, S.RETURNED, S.APPROVED, S.PREPARING),
    "waiting": (S.SUBMITTED,),
    "to_fulfil": (S.APPROVED, S.PREPARING),
    "done": (S.FULFILLED,),
    "closed": (S.REJECTED, S.CANCELLED),
}


@login_required
@require_GET
def request_list(request):
    show = request.GET.get("show") if request.GET.get("show") in SHOW else "all"
    kind = request.GET.get("kind") if request.GET.get("kind") in K.values else ""
    queryset = (UnitRequest.objects.visible_to(request.user).select_related("unit", "requested_by")
                .annotate(line_count=Count("lines")).order_by("-created_at", "-pk"))
    if show != "all":
        queryset = queryset.filter(status__in=SHOW[show])
    if kind:
        queryset = queryset.filter(kind=kind)
    page = Paginator(queryset, PAGE_SIZE).get_page(int_param(request.GET.get("page"), minimum=1) or 1)
    return render(request, "unitrequests/list.html", {
        "page_obj": page, "show": show, "kind": kind, "query": f"show={show}&kind={kind}",
        "can_file": can_file(request.user), "is_fulfiller": is_fulfiller(request.user),
    })


def _request_form(kind: str, data=None, *, initial=None, lines_initial=None):
    if kind == K.LOAN:
        return LoanForm(data, initial=initial), None
    return ConsumablesForm(data, initial=initial), LineFormSet(data, prefix="lines", initial=lines_initial)


def _valid(form, lines) -> bool:
    """Both the form and its lines are checked, so every error shows at once."""
    form_ok = form.is_valid()
    lines_ok = lines is None or lines.is_valid()
    return form_ok and lines_ok


def _service_kwargs(kind: str, form, lines) -> dict:
    data = dict(form.cleaned_data)
    if kind == K.CONSUMABLES:
        data["lines"] = lines.lines()
    return data


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request):
    require(can_file(request.user))
    kind = request.GET.get("kind") if request.GET.get("kind") in K.values else K.CONSUMABLES
    form, lines = _request_form(kind, request.POST or None)
    if request.method == "POST" and _valid(form, lines):
        try:
            obj = services.unit_request_create(kind=kind, by=request.user, **_service_kwargs(kind, form, lines))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("ส่งคำขอ %(ref)s แล้ว รอผู้บังคับบัญชาอนุมัติ") % {"ref": obj.reference})
            return redirect("unitrequests:detail", obj.pk)
    return render(request, "unitrequests/form.html", {"form": form, "lines": lines, "kind": kind},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["GET", "POST"])
def request_edit(request, pk):
    obj = get_unit_request_for_user(request.user, pk)
    require(can_edit(request.user, obj))
    initial = {"purpose": obj.purpose, "equipment_type": obj.equipment_type, "equipment_detail": obj.equipment_detail,
               "loan_from": obj.loan_from, "loan_until": obj.loan_until}
    lines_initial = [{"item": line.item, "description": line.description, "quantity": line.quantity}
                     for line in obj.lines.select_related("item")]
    form, lines = _request_form(obj.kind, request.POST or None, initial=initial, lines_initial=lines_initial)
    if request.method == "POST" and _valid(form, lines):
        try:
            services.unit_request_update(request=obj, by=request.user, **_service_kwargs(obj.kind, form, lines))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("บันทึกการแก้ไขคำขอ %(ref)s แล้ว") % {"ref": obj.reference})
            return redirect("unitrequests:detail", obj.pk)
    return render(request, "unitrequests/form.html", {"form": form, "lines": lines, "kind": obj.kind, "object": obj},
                  status=400 if request.method == "POST" else 200)


REASON_LABELS = {"return": _lazy("สิ่งที่ต้องแก้ไข"), "reject": _lazy("เหตุผลที่ไม่อนุมัติ"),
                 "cancel": _lazy("เหตุผลที่ยกเลิก (ถ้ามี)")}


def _reason_form(step: str, data=None) -> ReasonForm:
    form = ReasonForm(data, prefix=step, label=REASON_LABELS[step])
    form.fields["reason"].required = step != "cancel"
    return form


def _detail(request, obj: UnitRequest, *, status: int = 200, **forms):
    user = request.user
    lines = list(obj.lines.select_related("item")) if not obj.is_loan else []
    fulfil = can_fulfil(user, obj)
    context = {
        "object": obj, "lines": lines, "events": obj.events.select_related("by"),
        "can_edit": can_edit(user, obj), "can_cancel": can_cancel(user, obj), "can_approve": can_approve(user, obj),
        "can_fulfil": fulfil, "is_fulfiller": is_fulfiller(user),
        "approve_form": ApproveForm(), "return_form": _reason_form("return"), "reject_form": _reason_form("reject"),
        "cancel_form": _reason_form("cancel"),
    }
    if fulfil and obj.is_loan:
        context["lend_form"] = LendForm(request=obj, initial={"borrower_name": obj.requested_by.get_full_name()})
    elif fulfil:
        context["prepare_form"] = PrepareForm(request=obj, lines=lines)
    shown = {"approve_form": context["can_approve"], "return_form": context["can_approve"],
             "reject_form": context["can_approve"] or fulfil, "cancel_form": context["can_cancel"],
             "prepare_form": fulfil, "lend_form": fulfil}
    for name, form in forms.items():
        if shown.get(name):
            context[name] = form
        else:  # the step is no longer offered (the request moved on): its refusal becomes a message
            flash_form_errors(request, form)
    return render(request, "unitrequests/detail.html", context, status=status)


@login_required
@require_GET
def request_detail(request, pk):
    return _detail(request, get_unit_request_for_user(request.user, pk))


@login_required
@require_POST
def request_approve(request, pk):
    obj = get_unit_request_for_user(request.user, pk)
    require(services.can_decide(request.user, obj))
    form = ApproveForm(request.POST)
    if run_form(form, lambda data: services.unit_request_approve(request=obj, by=request.user, note=data["note"])):
        messages.success(request, _("อนุมัติคำขอ %(ref)s แล้ว") % {"ref": obj.reference})
        return redirect("unitrequests:detail", pk)
    return _detail(request, obj, status=400, approve_form=form)


# The steps that take a reason: (service, who may take it, success message).
REASON_STEPS = {
    "return": (services.unit_request_return, lambda user, obj: services.can_decide(user, obj),
               _lazy("ส่งคำขอ %(ref)s กลับให้แก้ไขแล้ว")),
    "reject": (services.unit_request_reject,
               lambda user, obj: services.can_decide(user, obj) if obj.status == S.SUBMITTED else is_fulfiller(user),
               _lazy("บันทึกว่าไม่อนุมัติคำขอ %(ref)s แล้ว")),
    "cancel": (services.unit_request_cancel, services.is_requester, _lazy("ยกเลิกคำขอ %(ref)s แล้ว")),
}


@login_required
@require_POST
def request_reason_step(request, pk, step: str):
    """Return for changes, refuse, or cancel: each with its reason (optional only for a cancellation)."""
    service, allowed, done = REASON_STEPS[step]
    obj = get_unit_request_for_user(request.user, pk)
    require(allowed(request.user, obj))
    form = _reason_form(step, request.POST)
    if run_form(form, lambda data: service(request=obj, by=request.user, reason=data["reason"]), field="reason"):
        messages.success(request, done % {"ref": obj.reference})
        return redirect("unitrequests:detail", pk)
    return _detail(request, obj, status=400, **{f"{step}_form": form})


@login_required
@require_POST
def request_prepare(request, pk):
    obj = get_unit_request_for_user(request.user, pk)
    require(is_fulfiller(request.user))
    form = PrepareForm(request.POST, request=obj, lines=list(obj.lines.select_related("item")))
    if run_form(form, lambda data: services.unit_request_prepare(request=obj, by=request.user, items=form.items())):
        obj.refresh_from_db()
        messages.success(request, _("จัดทำใบเบิก %(number)s แล้ว ให้หน่วยงานลงนามรับเมื่อส่งมอบ")
                         % {"number": obj.disbursement.number})
        return redirect("unitrequests:detail", pk)
    return _detail(request, obj, status=400, prepare_form=form)


@login_required
@require_POST
def request_lend(request, pk):
    obj = get_unit_request_for_user(request.user, pk)
    require(is_fulfiller(request.user))
    form = LendForm(request.POST, request=obj)
    if form.is_valid():
        try:
            services.unit_request_lend(request=obj, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("บันทึกการให้ยืมตามคำขอ %(ref)s แล้ว") % {"ref": obj.reference})
            return redirect("unitrequests:detail", pk)
    return _detail(request, obj, status=400, lend_form=form)
