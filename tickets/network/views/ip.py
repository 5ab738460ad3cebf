"""New IP address requests (3.1): file, assign or return, record checks, summary letter."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from helpdesk.correspondence.views import record_letter_response
from helpdesk.listing import ListSpec
from helpdesk.thai import format_date

from .. import services
from ..access import get_ip_request_for_user, is_network_admin
from ..forms import AssignForm, IPRequestForm
from ..letters import IP as IP_LETTER
from ..models import IPRequest, Subnet
from .common import requester_unit
from .kinds import RequestKind, file_request, list_page, network_admin, step_page_request

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


IP = RequestKind(
    access=get_ip_request_for_user, detail_url="network:ip_detail",
    detail_template="network/ip_detail.html", detail_extra=lambda user, ip_request: {
        "assignment": getattr(ip_request, "assignment", None),
        "can_assign": is_network_admin(user) and ip_request.status == S.SUBMITTED,
    },
    form=IPRequestForm, form_template="network/ip_form.html",
    form_extra=lambda user, ip_request: ({"user": user, "unit": ip_request.unit}, {"unit": ip_request.unit}),
    **services.IP_STEPS.shared_steps(),
    checks_template="network/ip_checks.html",
    checks_refused=gettext_lazy("บันทึกผลทดสอบได้หลังจากกำหนดหมายเลขไอพีแล้วเท่านั้น"),
    checks_closed=gettext_lazy("บันทึกผลทดสอบแล้ว ปิดคำขอเรียบร้อย พิมพ์หนังสือสรุปรายงานผลได้"),
)


@login_required
def ip_list(request):
    queryset = IPRequest.objects.visible_to(request.user).select_related("unit", "asset", "subnet")
    return list_page(request, queryset, IP_LIST, "network/ip_list.html")


@login_required
@require_http_methods(["GET", "POST"])
def ip_create(request):
    unit = requester_unit(request.user)
    form = IPRequestForm(request.POST or None, request.FILES or None, user=request.user, unit=unit)
    return file_request(request, IP, form, {"unit": unit}, unit=unit)


def _assign_context(ip_request, form):
    return {"object": ip_request, "form": form, "subnets": Subnet.objects.filter(is_active=True)}


@login_required
@require_http_methods(["GET", "POST"])
def ip_assign(request, pk):
    ip_request, refused = step_page_request(request, pk, IP, allowed=network_admin,
                                            ready=lambda r: r.status == S.SUBMITTED,
                                            refused=_("คำขอนี้ไม่อยู่ในสถานะรอกำหนดหมายเลขไอพี"))
    if refused:
        return refused
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
def ip_letter(request, pk):
    """The summary letter to the unit (หนังสือสรุปรายงานผล) as issued by the register; staff see the draft before."""
    ip_request = get_ip_request_for_user(request.user, pk)
    if ip_request.status != S.CLOSED:
        messages.error(request, _("หนังสือสรุปรายงานผลออกได้เมื่อคำขอเสร็จสิ้นแล้ว"))
        return redirect("network:ip_detail", pk)
    return record_letter_response(request, kind=IP_LETTER, record=ip_request)
