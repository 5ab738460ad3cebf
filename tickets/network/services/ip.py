"""New IP address requests and the IP registry."""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import AssignmentEvent, IPAssignment, IPRequest, Subnet
from .common import CheckedRequestSteps

S = IPRequest.Status
IP_STEPS = CheckedRequestSteps(IPRequest, keyword="request", done=S.ASSIGNED,
                               url_name="network:ip_detail", finished_field="closed_at",
                               survey=("network_ip", gettext_lazy("ขอหมายเลขไอพี")))
IP_REQUEST_TRANSITIONS: dict[str, set[str]] = IP_STEPS.table


def mac_in_use_error(mac: str, *, exclude_assignment_id: int | None = None) -> ValidationError | None:
    """A ValidationError naming the holder when ``mac`` is active on another assignment."""
    holders = IPAssignment.objects.filter(mac_address=mac, active=True).select_related("unit")
    if exclude_assignment_id:
        holders = holders.exclude(pk=exclude_assignment_id)
    holder = holders.first()
    if holder is None:
        return None
    return ValidationError(
        _("MAC Address %(mac)s ใช้งานอยู่แล้วกับหมายเลขไอพี %(ip)s ของ %(unit)s")
        % {"mac": mac, "ip": holder.ip_address, "unit": holder.unit.name},
        code="mac_in_use",
    )


def ip_request_assign(
    *, request: IPRequest, by: User, subnet: Subnet, ip_address: str, rights_note: str = ""
) -> IPAssignment:
    """Give the request an address. ValidationError (Thai) when the address or the MAC cannot be used.

    The form checked the same things; the partial unique indexes settle a race between two admins.
    """

    def register(locked: IPRequest) -> IPAssignment:
        address = subnet.check_address(ip_address)
        mac_error = mac_in_use_error(locked.mac_address)
        if mac_error is not None:
            raise mac_error
        try:
            with transaction.atomic():
                assignment = IPAssignment.objects.create(
                    subnet=subnet, ip_address=address, mac_address=locked.mac_address, unit=locked.unit,
                    asset=locked.asset, device_description=locked.device_description,
                    device_user=locked.device_user, location=locked.location, request=locked, assigned_by=by,
                )
        except IntegrityError as error:
            # Another admin took the address (or the MAC) between our check and our insert.
            raise ValidationError(
                _("หมายเลข %(ip)s หรือ MAC Address %(mac)s เพิ่งถูกกำหนดให้คำขออื่นโดยผู้ดูแลระบบอีกท่าน "
                  "กรุณาเลือกหมายเลขใหม่") % {"ip": address, "mac": locked.mac_address},
                code="ip_taken_concurrently",
            ) from error
        AssignmentEvent.objects.bulk_create([
            AssignmentEvent(assignment=assignment, kind=AssignmentEvent.Kind.REQUESTED, at=locked.created_at,
                            by=locked.requested_by, new_mac=locked.mac_address, note=locked.reference),
            AssignmentEvent(assignment=assignment, kind=AssignmentEvent.Kind.ASSIGNED, by=by,
                            new_mac=locked.mac_address, note=rights_note),
        ])
        return assignment

    def apply(r: IPRequest, assignment: IPAssignment) -> None:
        r.subnet = subnet
        r.assigned_ip = assignment.ip_address
        r.rights_note = rights_note

    _request, assignment = IP_STEPS.carry_out(
        request, by=by, to=S.ASSIGNED, check=register, apply=apply,
        note=lambda assignment: _("กำหนดหมายเลข %(ip)s ในเครือข่าย %(subnet)s")
        % {"ip": assignment.ip_address, "subnet": subnet},
    )
    return assignment


def assignment_release(*, assignment: IPAssignment, by: User, reason: str) -> IPAssignment:
    with transaction.atomic():
        locked = IPAssignment.objects.select_for_update().get(pk=assignment.pk)
        if not locked.active:
            raise ValidationError(_("หมายเลขไอพีนี้ถูกคืนไปแล้ว"), code="already_released")
        locked.active = False
        locked.released_at = timezone.now()
        locked.released_by = by
        locked.release_reason = reason
        locked.save()
        locked.events.create(kind=AssignmentEvent.Kind.RELEASED, by=by, old_mac=locked.mac_address, note=reason)
    return locked
