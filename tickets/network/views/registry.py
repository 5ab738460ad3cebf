"""The IP registry: search, history of each assignment, release, CSV."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from helpdesk.listing import ListSpec, csv_response, list_context, wants_csv
from helpdesk.steps import step_view
from helpdesk.thai import format_date

from .. import services
from ..access import get_assignment_for_user, is_network_admin, is_technician, is_unit_member
from ..forms import ReasonForm
from ..macs import normalise_mac
from ..models import IPAssignment, MacChangeRequest, Subnet


def registry_spec() -> ListSpec:
    subnets = [(str(pk), f"{name} ({cidr})") for pk, name, cidr in Subnet.objects.values_list("pk", "name", "cidr")]
    return ListSpec(
        search_fields=["ip_address", "mac_address", "unit__name", "unit__code", "asset__asset_number",
                       "device_user", "device_description", "location"],
        filters={
            "active": (_("สถานะ"), "active", [("True", _("ใช้งานอยู่")), ("False", _("คืนหมายเลขแล้ว"))]),
            "subnet": (_("เครือข่าย"), "subnet_id", subnets),
        },
        sorts={
            "ip": (_("หมายเลขไอพี"), ("ip_address",)),
            "unit": (_("หน่วยงาน"), ("unit__name",)),
            "assigned": (_("วันที่กำหนด"), ("assigned_at",)),
        },
        default_sort="ip",
        csv_header=["หมายเลขไอพี", "MAC Address", "เครือข่าย", "หน่วยงาน", "อุปกรณ์", "ผู้ใช้งาน", "สถานที่",
                    "กำหนดเมื่อ", "สถานะ", "คืนเมื่อ"],
        csv_row=lambda a: [a.ip_address, a.mac_address, a.subnet.cidr, a.unit.name, a.device_label, a.device_user,
                           a.location, format_date(a.assigned_at), "ใช้งานอยู่" if a.active else "คืนแล้ว",
                           format_date(a.released_at)],
        csv_name="ip-registry",
    )


@login_required
def registry_list(request):
    queryset = IPAssignment.objects.visible_to(request.user).select_related("subnet", "unit", "asset")
    # A MAC typed in any spelling finds the stored normal form.
    q = (request.GET.get("q") or "").strip()
    try:
        mac = normalise_mac(q) if q else ""
    except ValidationError:
        mac = ""
    if mac:
        request.GET = request.GET.copy()
        request.GET["q"] = ""
        queryset = queryset.filter(Q(mac_address=mac) | Q(events__old_mac=mac) | Q(events__new_mac=mac)).distinct()
    spec = registry_spec()
    if wants_csv(request):
        return csv_response(request, queryset, spec)
    context = list_context(request, queryset, spec)
    if mac:
        context["q"] = q
    return render(request, "network/registry_list.html", context)


@login_required
def registry_detail(request, pk):
    assignment = get_assignment_for_user(request.user, pk)
    user = request.user
    context = {
        "object": assignment,
        "events": assignment.events.select_related("by"),
        "mac_changes": assignment.mac_changes.select_related("requested_by"),
        "can_release": is_network_admin(user) and assignment.active,
        "can_request_mac_change": assignment.active
        and (is_unit_member(user, assignment) or is_technician(user))
        and not assignment.mac_changes.filter(
            status__in=[MacChangeRequest.Status.SUBMITTED, MacChangeRequest.Status.RETURNED]
        ).exists(),
        "release_form": ReasonForm(),
    }
    return render(request, "network/registry_detail.html", context)


def _release_refused(request, assignment, form):
    messages.error(request, _("กรุณาระบุเหตุผลที่คืนหมายเลข"))
    return redirect("network:registry_detail", assignment.pk)


registry_release = step_view(
    services.assignment_release, lookup=get_assignment_for_user, argument="assignment",
    allowed=lambda user, assignment: is_network_admin(user), form=ReasonForm, invalid=_release_refused,
    redirect_to="network:registry_detail",
    done=lambda posted: _("คืนหมายเลข %(ip)s แล้ว") % {"ip": posted.obj.ip_address})
