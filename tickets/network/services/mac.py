"""MAC address changes: the rights of the assignment stay, only its MAC changes (000 3.2)."""

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import AssignmentEvent, IPAssignment, MacChangeRequest
from .common import CheckedRequestSteps
from .ip import mac_in_use_error

S = MacChangeRequest.Status
# After the change is applied the technician configures and tests MIS, Daily Plan and Internet (3.2.4).
MAC_STEPS = CheckedRequestSteps(MacChangeRequest, keyword="change", done=S.APPLIED,
                                url_name="network:mac_detail", finished_field="finished_at",
                                survey=("network_mac", gettext_lazy("เปลี่ยน MAC Address")))
MAC_CHANGE_TRANSITIONS: dict[str, set[str]] = MAC_STEPS.table


def mac_change_apply(*, change: MacChangeRequest, by: User) -> MacChangeRequest:
    """Write the new MAC into the registry; the address and its rights stay as they are."""

    def write_registry(locked: MacChangeRequest) -> IPAssignment:
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
        return assignment

    def apply(c: MacChangeRequest, assignment: IPAssignment) -> None:
        c.decided_by = by
        c.applied_at = timezone.now()

    change, _assignment = MAC_STEPS.carry_out(
        change, by=by, to=S.APPLIED, check=write_registry, apply=apply,
        note=lambda assignment: _("เปลี่ยน MAC Address ในทะเบียนแล้ว รอช่างเทคนิคตั้งค่าและทดสอบ"),
    )
    return change
