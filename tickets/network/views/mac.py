"""MAC address changes (3.2)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from helpdesk.listing import ListSpec
from helpdesk.thai import format_date

from .. import services
from ..access import (
    get_assignment_for_user,
    get_mac_change_for_user,
    is_network_admin,
    is_technician,
    is_unit_member,
    require,
)
from ..forms import MacChangeForm
from ..models import MacChangeRequest
from .common import run_step
from .kinds import RequestKind, file_request, list_page

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


MAC = RequestKind(
    access=get_mac_change_for_user, detail_url="network:mac_detail",
    detail_template="network/mac_detail.html", detail_extra=lambda user, change: {
        "can_decide": is_network_admin(user) and change.status == S.SUBMITTED,
    },
    form=MacChangeForm, form_template="network/mac_form.html",
    form_extra=lambda user, change: ({"assignment": change.assignment}, {"assignment": change.assignment}),
    **services.MAC_STEPS.shared_steps(),
    checks_template="network/mac_checks.html",
    checks_refused=gettext_lazy("บันทึกผลทดสอบได้หลังจากเปลี่ยน MAC Address ในทะเบียนแล้วเท่านั้น"),
    checks_closed=gettext_lazy("บันทึกผลทดสอบแล้ว ปิดคำขอเรียบร้อย"), id_card_link="mac_change",
)


@login_required
def mac_list(request):
    queryset = MacChangeRequest.objects.visible_to(request.user).select_related("unit", "assignment")
    return list_page(request, queryset, MAC_LIST, "network/mac_list.html")


@login_required
@require_http_methods(["GET", "POST"])
def mac_create(request, assignment_pk):
    assignment = get_assignment_for_user(request.user, assignment_pk)
    require(is_unit_member(request.user, assignment) or is_technician(request.user))
    if not assignment.active:
        messages.error(request, _("หมายเลขไอพีนี้ถูกคืนไปแล้ว"))
        return redirect("network:registry_detail", assignment.pk)
    form = MacChangeForm(request.POST or None, request.FILES or None, assignment=assignment)
    return file_request(request, MAC, form, {"assignment": assignment})


@login_required
@require_POST
def mac_apply(request, pk):
    change = get_mac_change_for_user(request.user, pk)
    require(is_network_admin(request.user))
    if run_step(request, services.mac_change_apply, change=change, by=request.user):
        messages.success(request, _("เปลี่ยน MAC Address ในทะเบียนแล้ว สิทธิการใช้งานคงเดิม"))
    return redirect("network:mac_detail", pk)
