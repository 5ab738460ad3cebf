"""New IP address requests (3.1): file, assign or return, record checks, summary letter."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from helpdesk.correspondence.views import record_letter_response
from helpdesk.listing import ListSpec, csv_response, list_context, wants_csv
from helpdesk.thai import format_date

from .. import services
from ..access import can_edit_request, get_ip_request_for_user, is_network_admin, is_technician, require
from ..forms import AssignForm, ChecksForm, IPRequestForm, ReasonForm
from ..letters import IP as IP_LETTER
from ..models import IPRequest, Subnet
from .common import attachment, requester_unit, run_step

S = IPRequest.Status

IP_LIST = ListSpec(
    search_fields=["mac_address", "assigned_ip", "device_description", "device_user", "unit__name", "unit__code",
                   "asset__asset_number", "memo_number"],
    filters={"status": (gettext_lazy("สถานะ"), "status", list(S.choices))},
    sorts={
        "created": (gettext_lazy("วันที่ยื่น"), ("created_at",)),
        "unit": (gettext_lazy("หน่วยงาน"), ("unit__name",)),
        "status": (gettext_lazy("สถานะ"), ("status",)),
        "ip": (gettext_lazy("หมายเลขไอพี"), ("assigned_ip",)),
    },
    default_sort="-created",
    csv_header=["เลขที่คำขอ", "วันที่ยื่น", "หน่วยงาน", "อุปกรณ์", "ผู้ใช้งาน", "MAC Address", "สถานที่", "สถานะ",
                "หมายเลขไอพี", "เครือข่าย"],
    csv_row=lambda r: [r.reference, format_date(r.created_at), r.unit.name, r.device_label, r.device_user,
                       r.mac_address, r.location, r.get_status_display(), r.assigned_ip or "",
                       r.subnet.cidr if r.subnet_id else ""],
    csv_name="ip-requests",
)


@login_required
def ip_list(request):
    queryset = IPRequest.objects.visible_to(request.user).select_related("unit", "asset", "subnet")
    if wants_csv(request):
        return csv_response(request, queryset, IP_LIST)
    context = list_context(request, queryset, IP_LIST)
    return render(request, "network/ip_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def ip_create(request):
    unit = requester_unit(request.user)
    form = IPRequestForm(request.POST or None, request.FILES or None, user=request.user, unit=unit)
    if request.method == "POST" and form.is_valid():
        ip_request = form.save(commit=False)
        ip_request.unit = unit
        ip_request.requested_by = request.user
        services.ip_request_create(request=ip_request, by=request.user)
        messages.success(request, _("ยื่นคำขอ %(ref)s แล้ว") % {"ref": ip_request.reference})
        return redirect("network:ip_detail", ip_request.pk)
    return render(request, "network/ip_form.html", {"form": form, "unit": unit})


@login_required
@require_http_methods(["GET", "POST"])
def ip_edit(request, pk):
    ip_request = get_ip_request_for_user(request.user, pk)
    require(can_edit_request(request.user, ip_request))
    if ip_request.status != S.RETURNED:
        messages.error(request, _("แก้ไขได้เฉพาะคำขอที่ถูกส่งคืน"))
        return redirect("network:ip_detail", pk)
    form = IPRequestForm(request.POST or None, request.FILES or None, instance=ip_request, user=request.user,
                         unit=ip_request.unit)
    if request.method == "POST" and form.is_valid():
        form.save()
        services.ip_request_resubmit(request=ip_request, by=request.user)
        messages.success(request, _("ส่งคำขออีกครั้งแล้ว"))
        return redirect("network:ip_detail", pk)
    return render(request, "network/ip_form.html", {"form": form, "unit": ip_request.unit, "object": ip_request})


@login_required
def ip_detail(request, pk):
    ip_request = get_ip_request_for_user(request.user, pk)
    user = request.user
    context = {
        "object": ip_request,
        "events": ip_request.events.select_related("by"),
        "assignment": getattr(ip_request, "assignment", None),
        "can_assign": is_network_admin(user) and ip_request.status == S.SUBMITTED,
        "can_check": is_technician(user) and ip_request.status in (S.ASSIGNED, S.CHECK_FAILED),
        "can_edit": can_edit_request(user, ip_request) and ip_request.status == S.RETURNED,
        "can_cancel": can_edit_request(user, ip_request) and ip_request.status in (S.SUBMITTED, S.RETURNED),
        "return_form": ReasonForm(),
    }
    return render(request, "network/ip_detail.html", context)


def _assign_context(ip_request, form):
    return {"object": ip_request, "form": form, "subnets": Subnet.objects.filter(is_active=True)}


@login_required
@require_http_methods(["GET", "POST"])
def ip_assign(request, pk):
    ip_request = get_ip_request_for_user(request.user, pk)
    require(is_network_admin(request.user))
    if ip_request.status != S.SUBMITTED:
        messages.error(request, _("คำขอนี้ไม่อยู่ในสถานะรอกำหนดหมายเลขไอพี"))
        return redirect("network:ip_detail", pk)
    if request.method == "POST" and "suggest" in request.POST:
        # Suggesting changes nothing: it re-shows the form with the next free address filled in.
        data = request.POST.copy()
        subnet = Subnet.objects.filter(is_active=True, pk=data.get("subnet") or 0).first()
        if subnet is None:
            form = AssignForm(data, ip_request=ip_request)
            form.is_valid()
            return render(request, "network/ip_assign.html", _assign_context(ip_request, form))
        suggestion = subnet.next_free_address()
        if suggestion is None:
            messages.warning(request, _("เครือข่าย %(subnet)s ไม่มีหมายเลขว่างแล้ว") % {"subnet": subnet})
        data["ip_address"] = suggestion or ""
        form = AssignForm(initial=data.dict(), ip_request=ip_request)
        return render(request, "network/ip_assign.html", _assign_context(ip_request, form))
    form = AssignForm(request.POST or None, ip_request=ip_request)
    if request.method == "POST" and form.is_valid():
        try:
            assignment = services.ip_request_assign(
                request=ip_request, by=request.user, subnet=form.cleaned_data["subnet"],
                ip_address=form.cleaned_data["ip_address"], rights_note=form.cleaned_data["rights_note"],
            )
        except ValidationError as error:
            form.add_error("ip_address" if error.code and error.code.startswith("ip_") else None, error)
        else:
            messages.success(request, _("กำหนดหมายเลข %(ip)s แล้ว") % {"ip": assignment.ip_address})
            return redirect("network:ip_detail", pk)
    return render(request, "network/ip_assign.html", _assign_context(ip_request, form))


@login_required
@require_POST
def ip_return(request, pk):
    ip_request = get_ip_request_for_user(request.user, pk)
    require(is_network_admin(request.user))
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("กรุณาระบุเหตุผลที่ส่งคืน"))
        return redirect("network:ip_detail", pk)
    if run_step(request, services.ip_request_return, request=ip_request, by=request.user,
                reason=form.cleaned_data["reason"]):
        messages.success(request, _("ส่งคืนคำขอให้หน่วยงานแล้ว"))
    return redirect("network:ip_detail", pk)


@login_required
@require_POST
def ip_cancel(request, pk):
    ip_request = get_ip_request_for_user(request.user, pk)
    require(can_edit_request(request.user, ip_request))
    if run_step(request, services.ip_request_cancel, request=ip_request, by=request.user):
        messages.success(request, _("ยกเลิกคำขอแล้ว"))
    return redirect("network:ip_detail", pk)


@login_required
@require_http_methods(["GET", "POST"])
def ip_checks(request, pk):
    ip_request = get_ip_request_for_user(request.user, pk)
    require(is_technician(request.user))
    if ip_request.status not in (S.ASSIGNED, S.CHECK_FAILED):
        messages.error(request, _("บันทึกผลทดสอบได้หลังจากกำหนดหมายเลขไอพีแล้วเท่านั้น"))
        return redirect("network:ip_detail", pk)
    initial = {
        name: getattr(ip_request, name)
        for name in ("configuration_note", "mis_result", "mis_note", "daily_plan_result", "daily_plan_note",
                     "internet_result", "internet_note")
    }
    form = ChecksForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if run_step(request, services.ip_request_record_checks, request=ip_request, by=request.user,
                    **form.cleaned_data):
            ip_request.refresh_from_db()
            if ip_request.status == S.CLOSED:
                messages.success(request, _("บันทึกผลทดสอบแล้ว ปิดคำขอเรียบร้อย พิมพ์หนังสือสรุปรายงานผลได้"))
            else:
                messages.warning(request, _("บันทึกผลทดสอบแล้ว มีรายการที่ไม่ผ่าน กรุณาแก้ไขแล้วทดสอบอีกครั้ง"))
        return redirect("network:ip_detail", pk)
    return render(request, "network/ip_checks.html", {"object": ip_request, "form": form})


@login_required
def ip_letter(request, pk):
    """The summary letter to the unit (หนังสือสรุปรายงานผล) as issued by the register; staff see the draft before."""
    ip_request = get_ip_request_for_user(request.user, pk)
    if ip_request.status != S.CLOSED:
        messages.error(request, _("หนังสือสรุปรายงานผลออกได้เมื่อคำขอเสร็จสิ้นแล้ว"))
        return redirect("network:ip_detail", pk)
    return record_letter_response(request, kind=IP_LETTER, record=ip_request)


@login_required
def ip_memo(request, pk):
    ip_request = get_ip_request_for_user(request.user, pk)
    return attachment(ip_request.memo_file, f"{ip_request.reference}-memo")

