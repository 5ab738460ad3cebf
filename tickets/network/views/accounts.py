"""Service-account requests (3.3, 003 §6.7) and the account registry. No password anywhere."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from helpdesk.listing import ListSpec
from helpdesk.models import Unit
from helpdesk.parsing import int_param
from helpdesk.roles import sees_all_units, units_overseen_by
from helpdesk.thai import format_date

from .. import services
from ..access import (
    can_approve_account,
    get_account_request_for_user,
    is_network_admin,
    require,
)
from ..forms import AccountCompleteForm, AccountRequestForm
from ..models import AccountRequest, Service, ServiceAccount
from .common import requester_unit, run_step
from .kinds import RequestKind, file_request, list_page, network_admin, step_page_request

S = AccountRequest.Status


def account_request_spec() -> ListSpec:
    services_choices = [(str(pk), name) for pk, name in Service.objects.values_list("pk", "name")]
    return ListSpec(
        search_fields=["person_name", "person_position", "unit__name", "unit__code", "issued_user_id",
                       "memo_number"],
        filters={
            "status": (_("สถานะ"), "status", list(S.choices)),
            "kind": (_("ประเภทคำขอ"), "kind", list(AccountRequest.Kind.choices)),
            "service": (_("บริการ"), "service_id", services_choices),
        },
        sorts={"created": (_("วันที่ยื่น"), ("created_at",)), "person": (_("ชื่อผู้ใช้งาน"), ("person_name",)),
               "unit": (_("หน่วยงาน"), ("unit__name",)), "status": (_("สถานะ"), ("status",))},
        default_sort="-created",
        # No phone numbers or ID cards in exports: personal data stays on the access-checked pages.
        csv_header=["เลขที่คำขอ", "วันที่ยื่น", "บริการ", "ประเภท", "ชื่อ-สกุล", "ตำแหน่ง", "หน่วยงาน", "สถานะ",
                    "ชื่อผู้ใช้", "อีเมล", "ช่องทางแจ้ง", "ส่งมอบเมื่อ"],
        csv_row=lambda r: [r.reference, format_date(r.created_at), r.service.name, r.get_kind_display(),
                           r.person_name, r.person_position, r.unit.name, r.get_status_display(), r.issued_user_id,
                           r.issued_email, r.get_delivery_method_display(), format_date(r.delivered_at)],
        csv_name="account-requests",
    )


def account_registry_spec(user) -> ListSpec:
    units = Unit.objects.all() if sees_all_units(user) else units_overseen_by(user)
    return ListSpec(
        search_fields=["person_name", "person_position", "user_id", "email", "unit__name", "unit__code"],
        filters={
            "service": (_("บริการ"), "service_id",
                        [(str(pk), name) for pk, name in Service.objects.values_list("pk", "name")]),
            "unit": (_("หน่วยงาน"), "unit_id", [(str(pk), name) for pk, name in units.values_list("pk", "name")]),
            "active": (_("สถานะ"), "is_active", [("True", _("ใช้งานอยู่")), ("False", _("ปิดแล้ว"))]),
        },
        sorts={"person": (_("ชื่อ-สกุล"), ("person_name",)), "user_id": (_("ชื่อผู้ใช้"), ("user_id",)),
               "unit": (_("หน่วยงาน"), ("unit__name",)), "opened": (_("เปิดใช้เมื่อ"), ("opened_at",))},
        default_sort="person",
        csv_header=["บริการ", "ชื่อผู้ใช้", "อีเมล", "ชื่อ-สกุล", "ตำแหน่ง", "หน่วยงาน", "สถานะ", "เปิดใช้เมื่อ",
                    "ปิดเมื่อ"],
        csv_row=lambda a: [a.service.name, a.user_id, a.email, a.person_name, a.person_position, a.unit.name,
                           "ใช้งานอยู่" if a.is_active else "ปิดแล้ว", format_date(a.opened_at),
                           format_date(a.closed_at)],
        csv_name="service-accounts",
    )


def _detail_extra(user, account_request: AccountRequest) -> dict:
    return {
        "can_approve": can_approve_account(user, account_request) and account_request.status == S.SUBMITTED,
        "can_complete": is_network_admin(user) and account_request.status == S.APPROVED,
    }


def _may_send_back(user, account_request: AccountRequest) -> bool:
    """Incomplete: the supervisor (before approval) or the admin (after) sends it back with a note."""
    if account_request.status == S.APPROVED:
        return is_network_admin(user)
    return can_approve_account(user, account_request)


ACCOUNT = RequestKind(
    access=get_account_request_for_user, detail_url="network:account_request_detail", keyword="request",
    detail_template="network/account_request_detail.html", detail_extra=_detail_extra,
    form=AccountRequestForm, form_template="network/account_request_form.html",
    form_extra=lambda user, account_request: ({"unit": account_request.unit}, {"unit": account_request.unit}),
    create=services.account_request_create, resubmit=services.account_request_resubmit,
    send_back=services.account_request_return, cancel=services.account_request_cancel,
    may_send_back=_may_send_back, reason_argument="note",
    reason_missing=gettext_lazy("กรุณาระบุสิ่งที่ต้องแก้ไข"), sent_back=gettext_lazy("ส่งคืนคำขอให้ผู้ขอแก้ไขแล้ว"),
    id_card_link="account_request",
)


@login_required
def account_request_list(request):
    queryset = AccountRequest.objects.visible_to(request.user).select_related("unit", "service")
    return list_page(request, queryset, account_request_spec(), "network/account_request_list.html")


@login_required
def account_list(request):
    """The registry: which accounts a person (search) or a unit (filter) has."""
    queryset = ServiceAccount.objects.visible_to(request.user).select_related("unit", "service")
    return list_page(request, queryset, account_registry_spec(request.user), "network/account_list.html")


@login_required
@require_http_methods(["GET", "POST"])
def account_request_create(request):
    unit = requester_unit(request.user)
    initial = {}
    account_id = int_param(request.GET.get("account"), minimum=1)
    if account_id is not None:
        account = ServiceAccount.objects.filter(pk=account_id, unit=unit, is_active=True).first()
        if account is not None:
            initial = {"service": account.service_id, "account": account.pk, "person_name": account.person_name,
                       "person_position": account.person_position,
                       "kind": request.GET.get("kind") if request.GET.get("kind") in ("reset", "close") else None}
    form = AccountRequestForm(request.POST or None, request.FILES or None, unit=unit, initial=initial)
    return file_request(request, ACCOUNT, form, {"unit": unit}, done=_("ยื่นคำขอ %(ref)s แล้ว รอผู้บังคับบัญชาอนุมัติ"))


@login_required
@require_POST
def account_request_approve(request, pk):
    account_request = get_account_request_for_user(request.user, pk)
    require(can_approve_account(request.user, account_request))
    if run_step(request, services.account_request_approve, request=account_request, by=request.user,
                note=request.POST.get("note", "")[:2000]):
        messages.success(request, _("อนุมัติคำขอแล้ว ส่งต่อผู้ดูแลระบบ"))
    return redirect("network:account_request_detail", pk)


@login_required
@require_http_methods(["GET", "POST"])
def account_request_complete(request, pk):
    account_request, refused = step_page_request(request, pk, ACCOUNT, allowed=network_admin,
                                                 ready=lambda r: r.status == S.APPROVED,
                                                 refused=_("ดำเนินการได้เฉพาะคำขอที่ผู้บังคับบัญชาอนุมัติแล้ว"))
    if refused:
        return refused
    form = AccountCompleteForm(request.POST or None, account_request=account_request)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_request_complete(request=account_request, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("user_id" if error.code == "user_id_taken" else None, error)
        else:
            messages.success(request, _("บันทึกการดำเนินการแล้ว"))
            return redirect("network:account_request_detail", pk)
    return render(request, "network/account_complete.html", {"object": account_request, "form": form})
