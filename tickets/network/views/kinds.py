"""The pages every network request kind shares (IP request, MAC change, account request): its page, edit after
a return, return with a reason, cancel, the technician's checks, the ID-card copy and the memo.

Each view takes the kind as the extra argument its URL passes (``path(..., request_cancel, {"kind": IP},
name="ip_cancel")``); a :class:`RequestKind` says how that kind is fetched, which form and templates it uses,
which services take its steps and what the pages tell the user.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from helpdesk.listing import ListSpec, csv_response, list_context, wants_csv

from ..access import (
    can_edit_request,
    can_open_id_card,
    can_see_personal_data,
    is_network_admin,
    is_technician,
    require,
)
from ..forms import ChecksForm, ReasonForm
from ..models import IdCardAccess
from .common import attachment, client_ip, run_step


def network_admin(user, obj) -> bool:
    return is_network_admin(user)


@dataclass(frozen=True)
class RequestKind:
    """One kind of network request as its shared pages see it (declared beside its own views)."""

    access: Callable  # (user, pk) -> the request, through its access helper (404 other unit)
    detail_url: str
    keyword: str  # the request's keyword in its services (request=, change=)
    detail_template: str
    detail_extra: Callable  # (user, obj) -> the detail page's own context
    form: type  # the filing form, also used to fix a returned request
    form_template: str
    form_extra: Callable  # (user, obj) -> (the form's extra arguments, the form page's extra context)
    create: Callable
    resubmit: Callable
    send_back: Callable
    cancel: Callable
    may_send_back: Callable = network_admin
    reason_argument: str = "reason"  # how send_back takes the reason
    reason_missing: str = gettext_lazy("กรุณาระบุเหตุผลที่ส่งคืน")
    sent_back: str = gettext_lazy("ส่งคืนคำขอให้หน่วยงานแล้ว")
    record_checks: Callable | None = None
    checks_from: tuple = ()  # statuses in which the technician records the checks
    checks_refused: str = ""
    checks_template: str = ""
    checks_closed: str = ""
    id_card_link: str = ""  # IdCardAccess's foreign key to this kind

    def step(self, request, service, obj, **kwargs) -> bool:
        return run_step(request, service, **{self.keyword: obj}, by=request.user, **kwargs)


def step_page_request(request, pk, kind: RequestKind, *, allowed, ready, refused):
    """The request of a step page: 403 unless ``allowed(user, obj)``; unless ``ready(obj)`` (its status allows
    the step) the ``refused`` message and a redirect to its page. Returns ``(obj, redirect or None)``."""
    obj = kind.access(request.user, pk)
    require(allowed(request.user, obj))
    if ready(obj):
        return obj, None
    messages.error(request, refused)
    return obj, redirect(kind.detail_url, pk)


def list_page(request, queryset, spec: ListSpec, template: str):
    """A staff list: the page, or its CSV with ``?format=csv``."""
    if wants_csv(request):
        return csv_response(request, queryset, spec)
    return render(request, template, list_context(request, queryset, spec))


def file_request(request, kind: RequestKind, form, context: dict, *, done: str = "", **fields):
    """The body of a filing page: a valid posted ``form`` becomes a new request of ``kind`` filed by the user
    (with ``fields`` set on it), then its page; otherwise the form page with ``context``."""
    if request.method == "POST" and form.is_valid():
        obj = form.save(commit=False)
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.requested_by = request.user
        kind.create(**{kind.keyword: obj}, by=request.user)
        messages.success(request, (done or _("ยื่นคำขอ %(ref)s แล้ว")) % {"ref": obj.reference})
        return redirect(kind.detail_url, obj.pk)
    return render(request, kind.form_template, {"form": form, **context})


@login_required
def request_detail(request, pk, *, kind: RequestKind):
    obj = kind.access(request.user, pk)
    status = obj.Status
    context = {
        "object": obj,
        "events": obj.events.select_related("by"),
        "can_edit": can_edit_request(request.user, obj) and obj.status == status.RETURNED,
        "can_cancel": can_edit_request(request.user, obj) and obj.status in (status.SUBMITTED, status.RETURNED),
        "return_form": ReasonForm(),
        **kind.detail_extra(request.user, obj),
    }
    if kind.record_checks is not None:
        context["can_check"] = is_technician(request.user) and obj.status in kind.checks_from
    if kind.id_card_link:
        context["can_see_personal"] = can_see_personal_data(request.user, obj)
        context["can_open_id_card"] = can_open_id_card(request.user, obj)
    return render(request, kind.detail_template, context)


@login_required
@require_http_methods(["GET", "POST"])
def request_edit(request, pk, *, kind: RequestKind):
    obj, refused = step_page_request(request, pk, kind, allowed=can_edit_request,
                                     ready=lambda obj: obj.status == obj.Status.RETURNED,
                                     refused=_("แก้ไขได้เฉพาะคำขอที่ถูกส่งคืน"))
    if refused:
        return refused
    form_arguments, extra = kind.form_extra(request.user, obj)
    form = kind.form(request.POST or None, request.FILES or None, instance=obj, **form_arguments)
    if request.method == "POST" and form.is_valid():
        form.save()
        kind.resubmit(**{kind.keyword: obj}, by=request.user)
        messages.success(request, _("ส่งคำขออีกครั้งแล้ว"))
        return redirect(kind.detail_url, pk)
    return render(request, kind.form_template, {"form": form, "object": obj, **extra})


@login_required
@require_POST
def request_return(request, pk, *, kind: RequestKind):
    obj = kind.access(request.user, pk)
    require(kind.may_send_back(request.user, obj))
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, kind.reason_missing)
    elif kind.step(request, kind.send_back, obj, **{kind.reason_argument: form.cleaned_data["reason"]}):
        messages.success(request, kind.sent_back)
    return redirect(kind.detail_url, pk)


@login_required
@require_POST
def request_cancel(request, pk, *, kind: RequestKind):
    obj = kind.access(request.user, pk)
    require(can_edit_request(request.user, obj))
    if kind.step(request, kind.cancel, obj):
        messages.success(request, _("ยกเลิกคำขอแล้ว"))
    return redirect(kind.detail_url, pk)


@login_required
@require_http_methods(["GET", "POST"])
def request_checks(request, pk, *, kind: RequestKind):
    """After the admin's step: configure the device and test MIS, Daily Plan and Internet (3.1.5, 3.2.4)."""
    obj, refused = step_page_request(request, pk, kind, allowed=lambda user, obj: is_technician(user),
                                     ready=lambda obj: obj.status in kind.checks_from, refused=kind.checks_refused)
    if refused:
        return refused
    form = ChecksForm(request.POST or None, initial={name: getattr(obj, name) for name in obj.CHECK_FIELDS})
    if request.method == "POST" and form.is_valid():
        if kind.step(request, kind.record_checks, obj, **form.cleaned_data):
            obj.refresh_from_db()
            if obj.status == obj.Status.CLOSED:
                messages.success(request, kind.checks_closed)
            else:
                messages.warning(request, _("บันทึกผลทดสอบแล้ว มีรายการที่ไม่ผ่าน กรุณาแก้ไขแล้วทดสอบอีกครั้ง"))
        return redirect(kind.detail_url, pk)
    return render(request, kind.checks_template, {"object": obj, "form": form})


@login_required
def request_id_card(request, pk, *, kind: RequestKind):
    """The ID-card copy (PDPA): the applicant and network admins only, every opening recorded."""
    obj = kind.access(request.user, pk)
    require(can_open_id_card(request.user, obj))
    if not obj.id_card:
        messages.error(request, _("ไม่มีไฟล์สำเนาบัตร (ถูกลบตามระยะเวลาเก็บรักษาแล้ว)"))
        return redirect(kind.detail_url, pk)
    response = attachment(obj.id_card, f"{obj.reference}-id-card")
    IdCardAccess.objects.create(user=request.user, remote_addr=client_ip(request), **{kind.id_card_link: obj})
    return response


@login_required
def request_memo(request, pk, *, kind: RequestKind):
    obj = kind.access(request.user, pk)
    return attachment(obj.memo_file, f"{obj.reference}-memo")


SHARED_PAGES = {
    "detail": ("", request_detail),
    "edit": ("edit/", request_edit),
    "return": ("return/", request_return),
    "cancel": ("cancel/", request_cancel),
    "checks": ("checks/", request_checks),
    "id_card": ("id-card/", request_id_card),
    "memo": ("memo/", request_memo),
}


def request_urls(route: str, name: str, kind: RequestKind, pages: list[str]) -> list:
    """The URL patterns of a kind's shared ``pages``: ``<route><pk>/<page>/`` named ``<name>_<page>``."""
    return [path(f"{route}<int:pk>/{SHARED_PAGES[page][0]}", SHARED_PAGES[page][1], {"kind": kind},
                 name=f"{name}_{page}") for page in pages]
