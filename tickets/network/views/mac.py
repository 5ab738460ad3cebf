"""MAC address changes (3.2)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from helpdesk.listing import ListSpec, csv_response, list_context, wants_csv
from helpdesk.thai import format_date

from .. import services
from ..access import (
    can_edit_request,
    can_open_id_card,
    can_see_personal_data,
    get_assignment_for_user,
    get_mac_change_for_user,
    is_network_admin,
    is_technician,
    is_unit_member,
    require,
)
from ..forms import ChecksForm, MacChangeForm, ReasonForm
from ..models import IdCardAccess, MacChangeRequest
from .common import attachment, client_ip, run_step

S = MacChangeRequest.Status

MAC_LIST = ListSpec(
    search_fields=["old_mac", "new_mac", "assignment__ip_address", "unit__name", "unit__code"],
    filters={"status": (gettext_lazy("สถานะ"), "status", list(S.choices))},
    sorts={"created": (gettext_lazy("วันที่ยื่น"), ("created_at",)), "unit": (gettext_lazy("หน่วยงาน"), ("unit__name",)),
           "status": (gettext_lazy("สถานะ"), ("status",))},
    default_sort="-created",
    csv_header=["เลขที่คำขอ", "วันที่ยื่น", "หน่วยงาน", "หมายเลขไอพี", "MAC เดิม", "MAC ใหม่", "สถานะ", "เสร็จสิ้นเมื่อ"],
    csv_row=lambda c: [c.reference, format_date(c.created_at), c.unit.name, c.assignment.ip_address, c.old_mac,
                       c.new_mac, c.get_status_display(), format_date(c.finished_at)],
    csv_name="mac-changes",
)


@login_required
def mac_list(request):
    queryset = MacChangeRequest.objects.visible_to(request.user).select_related("unit", "assignment")
    if wants_csv(request):
        return csv_response(request, queryset, MAC_LIST)
    return render(request, "network/mac_list.html", list_context(request, queryset, MAC_LIST))


@login_required
@require_http_methods(["GET", "POST"])
def mac_create(request, assignment_pk):
    assignment = get_assignment_for_user(request.user, assignment_pk)
    require(is_unit_member(request.user, assignment) or is_technician(request.user))
    if not assignment.active:
        messages.error(request, _("หมายเลขไอพีนี้ถูกคืนไปแล้ว"))
        return redirect("network:registry_detail", assignment.pk)
    form = MacChangeForm(request.POST or None, request.FILES or None, assignment=assignment)
    if request.method == "POST" and form.is_valid():
        change = form.save(commit=False)
        change.requested_by = request.user
        services.mac_change_create(change=change, by=request.user)
        messages.success(request, _("ยื่นคำขอ %(ref)s แล้ว") % {"ref": change.reference})
        return redirect("network:mac_detail", change.pk)
    return render(request, "network/mac_form.html", {"form": form, "assignment": assignment})


@login_required
@require_http_methods(["GET", "POST"])
def mac_edit(request, pk):
    change = get_mac_change_for_user(request.user, pk)
    require(can_edit_request(request.user, change))
    if change.status != S.RETURNED:
        messages.error(request, _("แก้ไขได้เฉพาะคำขอที่ถูกส่งคืน"))
        return redirect("network:mac_detail", pk)
    form = MacChangeForm(request.POST or None, request.FILES or None, instance=change, assignment=change.assignment)
    if request.method == "POST" and form.is_valid():
        form.save()
        services.mac_change_resubmit(change=change, by=request.user)
        messages.success(request, _("ส่งคำขออีกครั้งแล้ว"))
        return redirect("network:mac_detail", pk)
    return render(request, "network/mac_form.html", {"form": form, "assignment": change.assignment,
                                                      "object": change})


@login_required
def mac_detail(request, pk):
    change = get_mac_change_for_user(request.user, pk)
    user = request.user
    context = {
        "object": change,
        "events": change.events.select_related("by"),
        "can_see_personal": can_see_personal_data(user, change),
        "can_open_id_card": can_open_id_card(user, change),
        "can_decide": is_network_admin(user) and change.status == S.SUBMITTED,
        "can_edit": can_edit_request(user, change) and change.status == S.RETURNED,
        "can_cancel": can_edit_request(user, change) and change.status in (S.SUBMITTED, S.RETURNED),
        "return_form": ReasonForm(),
        "can_check": is_technician(user) and change.status in (S.APPLIED, S.CHECK_FAILED),
    }
    return render(request, "network/mac_detail.html", context)


@login_required
@require_POST
def mac_apply(request, pk):
    change = get_mac_change_for_user(request.user, pk)
    require(is_network_admin(request.user))
    if run_step(request, services.mac_change_apply, change=change, by=request.user):
        messages.success(request, _("เปลี่ยน MAC Address ในทะเบียนแล้ว สิทธิการใช้งานคงเดิม"))
    return redirect("network:mac_detail", pk)


@login_required
@require_http_methods(["GET", "POST"])
def mac_checks(request, pk):
    """After the change is applied: configure the device and test MIS, Daily Plan and Internet (3.2.4)."""
    change = get_mac_change_for_user(request.user, pk)
    require(is_technician(request.user))
    if change.status not in (S.APPLIED, S.CHECK_FAILED):
        messages.error(request, _("บันทึกผลทดสอบได้หลังจากเปลี่ยน MAC Address ในทะเบียนแล้วเท่านั้น"))
        return redirect("network:mac_detail", pk)
    form = ChecksForm(request.POST or None, initial={name: getattr(change, name) for name in change.CHECK_FIELDS})
    if request.method == "POST" and form.is_valid():
        if run_step(request, services.mac_change_record_checks, change=change, by=request.user, **form.cleaned_data):
            change.refresh_from_db()
            if change.status == S.CLOSED:
                messages.success(request, _("บันทึกผลทดสอบแล้ว ปิดคำขอเรียบร้อย"))
            else:
                messages.warning(request, _("บันทึกผลทดสอบแล้ว มีรายการที่ไม่ผ่าน กรุณาแก้ไขแล้วทดสอบอีกครั้ง"))
        return redirect("network:mac_detail", pk)
    return render(request, "network/mac_checks.html", {"object": change, "form": form})


@login_required
@require_POST
def mac_return(request, pk):
    change = get_mac_change_for_user(request.user, pk)
    require(is_network_admin(request.user))
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("กรุณาระบุเหตุผลที่ส่งคืน"))
    elif run_step(request, services.mac_change_return, change=change, by=request.user,
                  reason=form.cleaned_data["reason"]):
        messages.success(request, _("ส่งคืนคำขอให้หน่วยงานแล้ว"))
    return redirect("network:mac_detail", pk)


@login_required
@require_POST
def mac_cancel(request, pk):
    change = get_mac_change_for_user(request.user, pk)
    require(can_edit_request(request.user, change))
    if run_step(request, services.mac_change_cancel, change=change, by=request.user):
        messages.success(request, _("ยกเลิกคำขอแล้ว"))
    return redirect("network:mac_detail", pk)


@login_required
def mac_id_card(request, pk):
    change = get_mac_change_for_user(request.user, pk)
    require(can_open_id_card(request.user, change))
    if not change.id_card:
        messages.error(request, _("ไม่มีไฟล์สำเนาบัตร (ถูกลบตามระยะเวลาเก็บรักษาแล้ว)"))
        return redirect("network:mac_detail", pk)
    response = attachment(change.id_card, f"{change.reference}-id-card")
    IdCardAccess.objects.create(user=request.user, mac_change=change, remote_addr=client_ip(request))
    return response


