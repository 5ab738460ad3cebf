"""MAC address changes: the rights of the assignment stay, only its MAC changes (000 3.2)."""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.workflow import ensure_not_own_request

from ..models import AssignmentEvent, IPAssignment, MacChangeRequest
from .common import (
    ensure_allowed,
    invite_survey,
    network_admin_emails,
    notify_status,
    request_file,
    request_step,
    transition,
)
from .ip import mac_in_use_error

S = MacChangeRequest.Status
MAC_CHANGE_TRANSITIONS: dict[str, set[str]] = {
    "": {S.SUBMITTED},
    S.SUBMITTED: {S.APPLIED, S.RETURNED, S.CANCELLED},
    S.RETURNED: {S.SUBMITTED, S.CANCELLED},
    S.APPLIED: {S.CLOSED, S.CHECK_FAILED},
    S.CHECK_FAILED: {S.CLOSED, S.CHECK_FAILED},
    S.CLOSED: set(),
    S.CANCELLED: set(),
}


def mac_change_create(*, change: MacChangeRequest, by: User) -> MacChangeRequest:
    return request_file(change, by=by, recipients=network_admin_emails(), url_name="network:mac_detail")


def mac_change_resubmit(*, change: MacChangeRequest, by: User) -> MacChangeRequest:
    return request_step(MacChangeRequest, change, to=S.SUBMITTED, by=by, table=MAC_CHANGE_TRANSITIONS,
                        note=_("แก้ไขและส่งคำขออีกครั้ง"), fields={"return_reason": ""},
                        recipients=network_admin_emails(), url_name="network:mac_detail")


def mac_change_return(*, change: MacChangeRequest, by: User, reason: str) -> MacChangeRequest:
    return request_step(MacChangeRequest, change, to=S.RETURNED, by=by, table=MAC_CHANGE_TRANSITIONS, note=reason,
                        fields={"return_reason": reason}, recipients=[change.requested_by.email],
                        url_name="network:mac_detail", notice_note=reason)


def mac_change_cancel(*, change: MacChangeRequest, by: User) -> MacChangeRequest:
    with transaction.atomic():
        return transition(MacChangeRequest, change.pk, to=S.CANCELLED, by=by, table=MAC_CHANGE_TRANSITIONS,
                          apply=lambda c: setattr(c, "finished_at", timezone.now()))


def mac_change_apply(*, change: MacChangeRequest, by: User) -> MacChangeRequest:
    """Write the new MAC into the registry; the address and its rights stay as they are."""
    with transaction.atomic():
        locked = MacChangeRequest.objects.select_for_update().get(pk=change.pk)
        ensure_allowed(locked, to=S.APPLIED, table=MAC_CHANGE_TRANSITIONS)
        ensure_not_own_request(requested_by=locked.requested_by, by=by)
        assignment = IPAssignment.objects.select_for_update().get(pk=locked.assignment_id)
        if not assignment.active:
            raise ValidationError(_("หมายเลขไอพีนี้ถูกคืนไปแล้ว จึงเปลี่ยน MAC Address ไม่ได้"), code="released")
        if assignment.mac_address != locked.old_mac:
            raise ValidationError(
                _("MAC Address เดิมในคำขอ (%(old)s) ไม่ตรงกับทะเบียน (%(current)s)")
                % {"old": locked.old_mac, "current": assignment.mac_address},
                code="old_mac_mismatch",
            )
        error = mac_in_use_error(locked.new_mac, exclude_assignment_id=assignment.pk)
        if error is not None:
            raise error
        assignment.mac_address = locked.new_mac
        try:
            with transaction.atomic():
                assignment.save(update_fields=["mac_address"])
        except IntegrityError as integrity_error:
            raise ValidationError(
                _("MAC Address %(mac)s เพิ่งถูกกำหนดให้หมายเลขอื่น") % {"mac": locked.new_mac}, code="mac_in_use"
            ) from integrity_error
        assignment.events.create(
            kind=AssignmentEvent.Kind.MAC_CHANGED, by=by, old_mac=locked.old_mac, new_mac=locked.new_mac,
            note=f"{locked.reference}: {locked.reason}",
        )

        def apply(c):
            c.decided_by = by
            c.applied_at = timezone.now()

        change = transition(MacChangeRequest, locked.pk, to=S.APPLIED, by=by, table=MAC_CHANGE_TRANSITIONS,
                            note=_("เปลี่ยน MAC Address ในทะเบียนแล้ว รอช่างเทคนิคตั้งค่าและทดสอบ"), apply=apply)
    notify_status(change, recipients=[change.requested_by.email], url_name="network:mac_detail")
    return change


def mac_change_record_checks(
    *,
    change: MacChangeRequest,
    by: User,
    configuration_note: str,
    mis_result: str,
    mis_note: str,
    daily_plan_result: str,
    daily_plan_note: str,
    internet_result: str,
    internet_note: str,
) -> MacChangeRequest:
    """After the change is applied the technician configures and tests MIS, Daily Plan and Internet (3.2.4);
    the request closes only when all three pass."""
    values = {
        "configuration_note": configuration_note, "mis_result": mis_result, "mis_note": mis_note,
        "daily_plan_result": daily_plan_result, "daily_plan_note": daily_plan_note,
        "internet_result": internet_result, "internet_note": internet_note,
    }
    passed = all(value == "passed" for value in (mis_result, daily_plan_result, internet_result))
    now = timezone.now()

    def apply(c):
        for name, value in values.items():
            setattr(c, name, value)
        c.checked_by = by
        c.checked_at = now
        if passed:
            c.finished_at = now

    with transaction.atomic():
        change = transition(
            MacChangeRequest, change.pk, to=S.CLOSED if passed else S.CHECK_FAILED, by=by,
            table=MAC_CHANGE_TRANSITIONS,
            note=_("ทดสอบ MIS / Daily Plan / Internet ผ่านทั้งหมด") if passed else _("ทดสอบไม่ผ่านบางรายการ"),
            apply=apply,
        )
        if passed:
            invite_survey(change, service_code="network_mac", by=by, what=_("เปลี่ยน MAC Address"))
    if passed:
        notify_status(change, recipients=[change.requested_by.email], url_name="network:mac_detail")
    return change
