"""Service-account requests (3.3, 003 §6.7) and the account registry. No password anywhere."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from helpdesk.listing import ListSpec, csv_response, list_context, wants_csv
from helpdesk.models import Unit
from helpdesk.parsing import int_param
from helpdesk.roles import sees_all_units, units_overseen_by
from helpdesk.thai import format_date

from .. import services
from ..access import (
    can_approve_account,
    can_edit_request,
    can_open_id_card,
    can_see_personal_data,
    get_account_request_for_user,
    is_network_admin,
    require,
)
from ..forms import AccountCompleteForm, AccountRequestForm, ReasonForm
from ..models import AccountRequest, IdCardAccess, Service, ServiceAccount
from .common import attachment, client_ip, requester_unit, run_step

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


@login_required
def account_request_list(request):
    queryset = AccountRequest.objects.visible_to(request.user).select_related("unit", "service")
    spec = account_request_spec()
    if wants_csv(request):
        return csv_response(request, queryset, spec)
    return render(request, "network/account_request_list.html", list_context(request, queryset, spec))


@login_required
def account_list(request):
    """The registry: which accounts a person (search) or a unit (filter) has."""
    queryset = ServiceAccount.objects.visible_to(request.user).select_related("unit", "service")
    spec = account_registry_spec(request.user)
    if wants_csv(request):
        return csv_response(request, queryset, spec)
    return render(request, "network/account_list.html", list_context(request, queryset, spec))


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
    if request.method == "POST" and form.is_valid():
        account_request = form.save(commit=False)
        account_request.requested_by = request.user
        services.account_request_create(request=account_request, by=request.user)
        messages.success(request, _("ยื่นคำขอ %(ref)s แล้ว รอผู้บังคับบัญชาอนุมัติ") % {"ref": account_request.reference})
        return redirect("network:account_request_detail", account_request.pk)
    return render(request, "network/account_request_form.html", {"form": form, "unit": unit})


@login_required
@require_http_methods(["GET", "POST"])
def account_request_edit(request, pk):
    account_request = get_account_request_for_user(request.user, pk)
    require(can_edit_request(request.user, account_request))
    if account_request.status != S.RETURNED:
        messages.error(request, _("แก้ไขได้เฉพาะคำขอที่ถูกส่งคืน"))
        return redirect("network:account_request_detail", pk)
    form = AccountRequestForm(request.POST or None, request.FILES or None, instance=account_request,
                              unit=account_request.unit)
    if request.method == "POST" and form.is_valid():
        form.save()
        services.account_request_resubmit(request=account_request, by=request.user)
        messages.success(request, _("ส่งคำขออีกครั้งแล้ว"))
        return redirect("network:account_request_detail", pk)
    return render(request, "network/account_request_form.html",
                  {"form": form, "unit": account_request.unit, "object": account_request})


@login_required
def account_request_detail(request, pk):
    account_request = get_account_request_for_user(request.user, pk)
    user = request.user
    context = {
        "object": account_request,
        "events": account_request.events.select_related("by"),
        "can_see_personal": can_see_personal_data(user, account_request),
        "can_open_id_card": can_open_id_card(user, account_request),
        "can_approve": can_approve_account(user, account_request) and account_request.status == S.SUBMITTED,
        "can_complete": is_network_admin(user) and account_request.status == S.APPROVED,
        "can_edit": can_edit_request(user, account_request) and account_request.status == S.RETURNED,
        "can_cancel": can_edit_request(user, account_request) and account_request.status in (S.SUBMITTED,
                                                                                             S.RETURNED),
        "return_form": ReasonForm(),
    }
    return render(request, "network/account_request_detail.html", context)


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
@require_POST
def account_request_return(request, pk):
    """Incomplete: the supervisor (before approval) or the admin (after) sends it back with a note."""
    account_request = get_account_request_for_user(request.user, pk)
    if account_request.status == S.APPROVED:
        require(is_network_admin(request.user))
    else:
        require(can_approve_account(request.user, account_request))
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("กรุณาระบุสิ่งที่ต้องแก้ไข"))
    elif run_step(request, services.account_request_return, request=account_request, by=request.user,
                  note=form.cleaned_data["reason"]):
        messages.success(request, _("ส่งคืนคำขอให้ผู้ขอแก้ไขแล้ว"))
    return redirect("network:account_request_detail", pk)


@login_required
@require_POST
def account_request_cancel(request, pk):
    account_request = get_account_request_for_user(request.user, pk)
    require(can_edit_request(request.user, account_request))
    if run_step(request, services.account_request_cancel, request=account_request, by=request.user):
        messages.success(request, _("ยกเลิกคำขอแล้ว"))
    return redirect("network:account_request_detail", pk)


@login_required
@require_http_methods(["GET", "POST"])
def account_request_complete(request, pk):
    account_request = get_account_request_for_user(request.user, pk)
    require(is_network_admin(request.user))
    if account_request.status != S.APPROVED:
        messages.error(request, _("ดำเนินการได้เฉพาะคำขอที่ผู้บังคับบัญชาอนุมัติแล้ว"))
        return redirect("network:account_request_detail", pk)
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


def _id_card_response(request, account_request):
    require(can_open_id_card(request.user, account_request))
    if not account_request.id_card:
        messages.error(request, _("ไม่มีไฟล์สำเนาบัตร (ถูกลบตามระยะเวลาเก็บรักษาแล้ว)"))
        return redirect("network:account_request_detail", account_request.pk)
    response = attachment(account_request.id_card, f"{account_request.reference}-id-card")
    IdCardAccess.objects.create(user=request.user, account_request=account_request, remote_addr=client_ip(request))
    return response


@login_required
def account_request_id_card(request, pk):
    return _id_card_response(request, get_account_request_for_user(request.user, pk))


@login_required
def account_request_memo(request, pk):
    account_request = get_account_request_for_user(request.user, pk)
    return attachment(account_request.memo_file, f"{account_request.reference}-memo")


