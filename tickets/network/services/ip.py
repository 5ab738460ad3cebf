"""New IP address requests and the IP registry."""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.workflow import ensure_not_own_request

from ..models import AssignmentEvent, IPAssignment, IPRequest, Subnet
from .common import (
    ensure_allowed,
    invite_survey,
    network_admin_emails,
    notify_status,
    request_file,
    request_step,
    transition,
)

S = IPRequest.Status
IP_REQUEST_TRANSITIONS: dict[str, set[str]] = {
    "": {S.SUBMITTED},
    S.SUBMITTED: {S.ASSIGNED, S.RETURNED, S.CANCELLED},
    S.RETURNED: {S.SUBMITTED, S.CANCELLED},
    S.ASSIGNED: {S.CLOSED, S.CHECK_FAILED},
    S.CHECK_FAILED: {S.CLOSED, S.CHECK_FAILED},
    S.CLOSED: set(),
    S.CANCELLED: set(),
}


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


def ip_request_create(*, request: IPRequest, by: User) -> IPRequest:
    return request_file(request, by=by, recipients=network_admin_emails(), url_name="network:ip_detail")


def ip_request_resubmit(*, request: IPRequest, by: User) -> IPRequest:
    """After the unit fixed what was returned (the edit form saved the fields)."""
    return request_step(IPRequest, request, to=S.SUBMITTED, by=by, table=IP_REQUEST_TRANSITIONS,
                        note=_("แก้ไขและส่งคำขออีกครั้ง"), fields={"return_reason": ""},
                        recipients=network_admin_emails(), url_name="network:ip_detail")


def ip_request_return(*, request: IPRequest, by: User, reason: str) -> IPRequest:
    return request_step(IPRequest, request, to=S.RETURNED, by=by, table=IP_REQUEST_TRANSITIONS, note=reason,
                        fields={"return_reason": reason}, recipients=[request.requested_by.email],
                        url_name="network:ip_detail", notice_note=reason)


def ip_request_cancel(*, request: IPRequest, by: User, note: str = "") -> IPRequest:
    def apply(r):
        r.closed_at = timezone.now()

    with transaction.atomic():
        return transition(IPRequest, request.pk, to=S.CANCELLED, by=by, note=note, table=IP_REQUEST_TRANSITIONS,
                          apply=apply)


def ip_request_assign(
    *, request: IPRequest, by: User, subnet: Subnet, ip_address: str, rights_note: str = ""
) -> IPAssignment:
    """Give the request an address. ValidationError (Thai) when the address or the MAC cannot be used.

    The form checked the same things; the partial unique indexes settle a race between two admins.
    """
    with transaction.atomic():
        locked = IPRequest.objects.select_for_update().get(pk=request.pk)
        ensure_allowed(locked, to=S.ASSIGNED, table=IP_REQUEST_TRANSITIONS)
        ensure_not_own_request(requested_by=locked.requested_by, by=by)
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

        def apply(r):
            r.subnet = subnet
            r.assigned_ip = address
            r.rights_note = rights_note

        request = transition(IPRequest, locked.pk, to=S.ASSIGNED, by=by, table=IP_REQUEST_TRANSITIONS,
                             note=_("กำหนดหมายเลข %(ip)s ในเครือข่าย %(subnet)s") % {"ip": address, "subnet": subnet},
                             apply=apply)
    notify_status(request, recipients=[request.requested_by.email], url_name="network:ip_detail")
    return assignment


def ip_request_record_checks(
    *,
    request: IPRequest,
    by: User,
    configuration_note: str,
    mis_result: str,
    mis_note: str,
    daily_plan_result: str,
    daily_plan_note: str,
    internet_result: str,
    internet_note: str,
) -> IPRequest:
    """The technician's configuration and connectivity checks; all passed closes the request."""
    values = {
        "configuration_note": configuration_note, "mis_result": mis_result, "mis_note": mis_note,
        "daily_plan_result": daily_plan_result, "daily_plan_note": daily_plan_note,
        "internet_result": internet_result, "internet_note": internet_note,
    }
    passed = all(value == "passed" for value in (mis_result, daily_plan_result, internet_result))
    now = timezone.now()

    def apply(r):
        for name, value in values.items():
            setattr(r, name, value)
        r.checked_by = by
        r.checked_at = now
        if passed:
            r.closed_at = now

    with transaction.atomic():
        request = transition(
            IPRequest, request.pk, to=S.CLOSED if passed else S.CHECK_FAILED, by=by, table=IP_REQUEST_TRANSITIONS,
            note=_("ทดสอบ MIS / Daily Plan / Internet ผ่านทั้งหมด") if passed else _("ทดสอบไม่ผ่านบางรายการ"),
            apply=apply,
        )
        if passed:
            invite_survey(request, service_code="network_ip", by=by, what=_("ขอหมายเลขไอพี"))
    if passed:
        notify_status(request, recipients=[request.requested_by.email], url_name="network:ip_detail")
    return request


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
