"""Unit requests' workflow: each step one call of the request kernel (helpdesk.workflow.transition).

submitted → approved (the unit's supervisor) → preparing (a draft disbursement of the stock) → fulfilled (the
disbursement handed over, signed for by the unit); a loan goes approved → fulfilled when the asset is lent.
A supervisor returns a request for changes (returned → submitted when the requester sends it again) or refuses
it; the stock officer or technician may refuse an approved one; each refusal carries its reason. The requester
may cancel it until it is being prepared.
"""

import datetime as dt
from collections.abc import Sequence

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from assets.models import Asset
from assets.services import loan_create
from helpdesk.notify import notify
from helpdesk.roles import Role, has_role, is_supervisor_of, supervisors_of, team_for_unit, user_unit
from helpdesk.workflow import ensure_not_own_request, record_created, transition
from tickets.plugins.disbursements import disbursement_prepare

from .models import UnitRequest, UnitRequestLine

S = UnitRequest.Status
UNIT_REQUEST_TRANSITIONS: dict[str, set[str]] = {
    "": {S.SUBMITTED},
    S.SUBMITTED: {S.APPROVED, S.RETURNED, S.REJECTED, S.CANCELLED},
    S.RETURNED: {S.SUBMITTED, S.CANCELLED},
    S.APPROVED: {S.PREPARING, S.FULFILLED, S.REJECTED, S.CANCELLED},
    S.PREPARING: {S.FULFILLED, S.APPROVED},  # back to approved when the draft disbursement is cancelled
    S.FULFILLED: set(),
    S.REJECTED: set(),
    S.CANCELLED: set(),
}
EDITABLE = (S.SUBMITTED, S.RETURNED)
CANCELLABLE = (S.SUBMITTED, S.RETURNED, S.APPROVED)
MAX_QUANTITY = 10_000
KIND = "unitrequest"

# (item or None, free text, quantity)
Line = tuple[object, str, int]


# Who may do what ------------------------------------------------------------------------------------------

def can_file(user) -> bool:
    """A unit's staff file requests for their unit."""
    return user_unit(user) is not None and has_role(user, Role.REQUESTER, Role.SUPERVISOR)


def is_fulfiller(user) -> bool:
    """The stock officer and the technicians hand consumables and equipment to units (000 §1.1 steps ๖–๘)."""
    return user.is_superuser or has_role(user, Role.STOCK_OFFICER, Role.TECHNICIAN)


def can_decide(user, obj: UnitRequest) -> bool:
    """A supervisor of the request's unit (or a unit above it) who did not file it."""
    return obj.requested_by_id != user.pk and is_supervisor_of(user, obj.unit)


def is_requester(user, obj: UnitRequest) -> bool:
    return obj.requested_by_id == user.pk


# Checks every entry point shares -------------------------------------------------------------------------

def check_lines(lines: Sequence[Line]) -> list[Line]:
    """At least one line; each a stock item or a free-text name, with a whole quantity of 1 or more."""
    cleaned = []
    for item, description, quantity in lines:
        description = (description or "").strip()
        if item is None and not description:
            continue
        if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= MAX_QUANTITY:
            raise ValidationError(_("จำนวนต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง %(max)s") % {"max": f"{MAX_QUANTITY:,}"},
                                  code="quantity")
        cleaned.append((item, description if item is None else "", quantity))
    if not cleaned:
        raise ValidationError(_("กรุณาระบุวัสดุที่ขออย่างน้อย 1 รายการ"), code="no_lines")
    return cleaned


def check_loan(*, equipment_type: str, loan_from: dt.date | None, loan_until: dt.date | None) -> None:
    errors = {}
    if equipment_type not in Asset.Type.values:
        errors["equipment_type"] = _("กรุณาเลือกประเภทครุภัณฑ์/อุปกรณ์ที่ต้องการยืม")
    if loan_from is None:
        errors["loan_from"] = _("กรุณาระบุวันที่เริ่มยืม")
    elif loan_from < timezone.localdate():
        errors["loan_from"] = _("วันที่เริ่มยืมต้องไม่เป็นวันที่ผ่านมาแล้ว")
    if loan_until is None:
        errors["loan_until"] = _("กรุณาระบุวันที่ส่งคืน")
    elif loan_from is not None and loan_until < loan_from:
        errors["loan_until"] = _("วันที่ส่งคืนต้องไม่ก่อนวันที่เริ่มยืม")
    if errors:
        raise ValidationError(errors)


def _check_purpose(purpose: str) -> str:
    purpose = (purpose or "").strip()
    if not purpose:
        raise ValidationError({"purpose": _("กรุณาระบุวัตถุประสงค์")})
    return purpose


def _reason(reason: str, message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": message})
    return reason


# Notices ---------------------------------------------------------------------------------------------------

def _emails(users) -> list[str]:
    return [user.email for user in users if user is not None and user.email]


def _staff_emails(obj: UnitRequest) -> list[str]:
    """Who fulfils: the stock officers, and the technicians of the team serving the unit's area."""
    staff = User.objects.filter(is_active=True, groups__name=Role.STOCK_OFFICER)
    team = team_for_unit(obj.unit)
    if team is not None:
        staff = staff | User.objects.filter(is_active=True, groups__name=Role.TECHNICIAN, profile__team=team)
    return list(staff.distinct().values_list("email", flat=True))


def _notify(obj: UnitRequest, *, recipients: list[str], note: str = "") -> None:
    path = reverse("unitrequests:detail", args=[obj.pk])
    notify(
        recipients=[address for address in dict.fromkeys(recipients) if address],
        subject=_("[%(ref)s] %(status)s") % {"ref": obj.reference, "status": obj.get_status_display()},
        template="email/unitrequests/status.txt",
        context={"obj": obj, "note": note, "path": path},
        kind=KIND, url=path,
    )


def _supervisor_emails(obj: UnitRequest) -> list[str]:
    return _emails(user for user in supervisors_of(obj.unit) if user.pk != obj.requested_by_id)


def _step(obj: UnitRequest, *, to: str, by, note: str = "", apply=None, permitted=None, recipients=None,
          guards=()) -> UnitRequest:
    """One kernel transition; the notice goes out after the commit."""
    return transition(
        UnitRequest, obj.pk, to=to, by=by, note=note, table=UNIT_REQUEST_TRANSITIONS, apply=apply,
        permitted=permitted, guards=guards,
        on_commit=(lambda saved: _notify(saved, recipients=recipients(saved), note=note)) if recipients else None,
    )


# Steps -----------------------------------------------------------------------------------------------------

def _save_lines(obj: UnitRequest, lines: list[Line]) -> None:
    obj.lines.all().delete()
    UnitRequestLine.objects.bulk_create(
        UnitRequestLine(request=obj, item=item, description=description, quantity=quantity)
        for item, description, quantity in lines
    )


def _loan_fields(*, equipment_type: str, equipment_detail: str, loan_from, loan_until) -> dict:
    check_loan(equipment_type=equipment_type, loan_from=loan_from, loan_until=loan_until)
    return {"equipment_type": equipment_type, "equipment_detail": (equipment_detail or "").strip(),
            "loan_from": loan_from, "loan_until": loan_until}


def unit_request_create(*, kind: str, purpose: str, by, lines: Sequence[Line] = (), equipment_type: str = "",
                        equipment_detail: str = "", loan_from: dt.date | None = None,
                        loan_until: dt.date | None = None) -> UnitRequest:
    """File a request for the filer's unit; its supervisors are told."""
    if not can_file(by):
        raise PermissionDenied(_("ยื่นคำขอได้เฉพาะเจ้าหน้าที่ของหน่วยงาน"))
    purpose = _check_purpose(purpose)
    fields = {}
    checked: list[Line] = []
    if kind == UnitRequest.Kind.LOAN:
        fields = _loan_fields(equipment_type=equipment_type, equipment_detail=equipment_detail, loan_from=loan_from,
                              loan_until=loan_until)
    elif kind == UnitRequest.Kind.CONSUMABLES:
        checked = check_lines(lines)
    else:
        raise ValidationError(_("ประเภทคำขอไม่ถูกต้อง"), code="kind")
    with transaction.atomic():
        obj = UnitRequest.objects.create(kind=kind, unit=user_unit(by), requested_by=by, purpose=purpose,
                                         status=S.SUBMITTED, created_at=timezone.now(), **fields)
        _save_lines(obj, checked)
        record_created(obj, by=by)
    _notify(obj, recipients=_supervisor_emails(obj))
    return obj


def unit_request_update(*, request: UnitRequest, by, purpose: str, lines: Sequence[Line] = (),
                        equipment_type: str = "", equipment_detail: str = "", loan_from: dt.date | None = None,
                        loan_until: dt.date | None = None) -> UnitRequest:
    """The requester changes a request not yet decided; a returned one goes back to the supervisor."""
    purpose = _check_purpose(purpose)
    fields, checked = {}, []
    if request.is_loan:
        fields = _loan_fields(equipment_type=equipment_type, equipment_detail=equipment_detail, loan_from=loan_from,
                              loan_until=loan_until)
    else:
        checked = check_lines(lines)
    with transaction.atomic():
        locked = UnitRequest.objects.select_for_update().get(pk=request.pk)
        if not is_requester(by, locked):
            raise PermissionDenied
        if locked.status not in EDITABLE:
            raise ValidationError(_("แก้ไขได้เฉพาะคำขอที่รออนุมัติหรือถูกส่งกลับให้แก้ไข"), code="not_editable")
        locked.purpose = purpose
        for name, value in fields.items():
            setattr(locked, name, value)
        locked._history_user = by
        locked.save()
        if not locked.is_loan:
            _save_lines(locked, checked)
        if locked.status == S.RETURNED:
            return _step(locked, to=S.SUBMITTED, by=by, note=_("แก้ไขตามที่ส่งกลับและส่งใหม่"),
                         recipients=_supervisor_emails)
    return UnitRequest.objects.get(pk=request.pk)


def unit_request_approve(*, request: UnitRequest, by, note: str = "") -> UnitRequest:
    ensure_not_own_request(requested_by=request.requested_by, by=by, allowed=is_supervisor_of(by, request.unit))

    def apply(obj):
        obj.decided_by, obj.decided_at, obj.reason = by, timezone.now(), ""

    return _step(request, to=S.APPROVED, by=by, note=note, apply=apply, permitted=lambda obj: can_decide(by, obj),
                 recipients=lambda obj: _emails([obj.requested_by]) + _staff_emails(obj))


def unit_request_return(*, request: UnitRequest, by, reason: str) -> UnitRequest:
    """Back to the requester for changes, with what to change."""
    ensure_not_own_request(requested_by=request.requested_by, by=by, allowed=is_supervisor_of(by, request.unit))
    reason = _reason(reason, _("กรุณาระบุสิ่งที่ต้องแก้ไข"))

    def apply(obj):
        obj.decided_by, obj.decided_at, obj.reason = by, timezone.now(), reason

    return _step(request, to=S.RETURNED, by=by, note=reason, apply=apply, permitted=lambda obj: can_decide(by, obj),
                 recipients=lambda obj: _emails([obj.requested_by]))


def unit_request_reject(*, request: UnitRequest, by, reason: str) -> UnitRequest:
    """Refused, with the reason: by the supervisor before approval, by the stock/technician staff after it."""
    reason = _reason(reason, _("กรุณาระบุเหตุผลที่ไม่อนุมัติ"))
    if request.status == S.SUBMITTED:
        ensure_not_own_request(requested_by=request.requested_by, by=by,
                               allowed=is_supervisor_of(by, request.unit))
    elif not is_fulfiller(by):
        raise PermissionDenied

    def permitted(obj):
        return can_decide(by, obj) if obj.status == S.SUBMITTED else is_fulfiller(by)

    def apply(obj):
        obj.reason = reason
        if obj.transition_from == S.SUBMITTED:
            obj.decided_by, obj.decided_at = by, timezone.now()

    return _step(request, to=S.REJECTED, by=by, note=reason, apply=apply, permitted=permitted,
                 recipients=lambda obj: _emails([obj.requested_by]))


def unit_request_cancel(*, request: UnitRequest, by, reason: str = "") -> UnitRequest:
    def recipients(obj):
        return _staff_emails(obj) if obj.transition_from == S.APPROVED else _supervisor_emails(obj)

    return _step(request, to=S.CANCELLED, by=by, note=(reason or "").strip() or _("ผู้ขอยกเลิกคำขอ"),
                 permitted=lambda obj: is_requester(by, obj) and obj.status in CANCELLABLE, recipients=recipients)


def unit_request_prepare(*, request: UnitRequest, by, items: dict[int, object]) -> UnitRequest:
    """Prepare the disbursement of an approved consumables request through the stock's own service.

    ``items`` maps each line's id to the stock item given out for it (a free-text line needs one). The stock is
    checked now, and again under lock when the unit signs for the goods on the disbursement's page.
    """
    if not is_fulfiller(by):
        raise PermissionDenied

    def apply(obj):
        if obj.is_loan:
            raise ValidationError(_("คำขอยืมครุภัณฑ์ให้บันทึกการให้ยืม ไม่ใช่ใบเบิก"), code="kind")
        lines = list(obj.lines.all())
        wanted: dict[int, int] = {}
        stock = {}
        for line in lines:
            item = items.get(line.pk) or line.item
            if item is None:
                raise ValidationError(_("กรุณาเลือกรายการในคลังสำหรับ “%(name)s”") % {"name": line.description},
                                      code="no_item")
            if line.item_id is None:
                line.item = item
                line.save(update_fields=["item"])
            wanted[item.pk] = wanted.get(item.pk, 0) + line.quantity
            stock[item.pk] = item
        purpose = _("ตามคำขอใช้วัสดุ %(ref)s: %(purpose)s") % {"ref": obj.reference, "purpose": obj.purpose}
        obj.disbursement = disbursement_prepare(
            unit=obj.unit, purpose=purpose[:500], lines=[(stock[pk], quantity) for pk, quantity in wanted.items()],
            by=by)

    return _step(request, to=S.PREPARING, by=by, apply=apply, permitted=lambda obj: is_fulfiller(by),
                 note=_("จัดทำใบเบิกจ่ายวัสดุแล้ว รอหน่วยงานลงนามรับ"),
                 recipients=lambda obj: _emails([obj.requested_by]))


def unit_request_lend(*, request: UnitRequest, by, asset: Asset, borrower_name: str) -> UnitRequest:
    """Lend an asset for an approved loan request through the asset register (the asset becomes "on loan")."""
    if not is_fulfiller(by):
        raise PermissionDenied

    def apply(obj):
        if not obj.is_loan:
            raise ValidationError(_("คำขอใช้วัสดุให้จัดทำใบเบิกจ่าย ไม่ใช่การให้ยืม"), code="kind")
        if asset.asset_type != obj.equipment_type:
            raise ValidationError({"asset": _("ครุภัณฑ์ที่ให้ยืมต้องเป็นประเภท “%(type)s” ตามคำขอ")
                                   % {"type": obj.get_equipment_type_display()}})
        purpose = _("ตามคำขอยืม %(ref)s: %(purpose)s") % {"ref": obj.reference, "purpose": obj.purpose}
        obj.loan = loan_create(asset=asset, borrower_unit=obj.unit, borrower_name=borrower_name,
                               purpose=purpose[:255], due_date=obj.loan_until, by=by)
        obj.fulfilled_by, obj.fulfilled_at = by, timezone.now()

    return _step(request, to=S.FULFILLED, by=by, apply=apply, permitted=lambda obj: is_fulfiller(by),
                 note=_("ให้ยืม %(asset)s แก่ %(name)s") % {"asset": asset.asset_number, "name": borrower_name},
                 recipients=lambda obj: _emails([obj.requested_by, obj.decided_by]))


# The stock tells us about a disbursement prepared for a request (tickets.plugins.disbursements) ---------------

def on_disbursement_handed_over(disbursement, by) -> None:
    """The unit signed for the goods: the request it was prepared for is fulfilled (same transaction)."""
    for obj in UnitRequest.objects.filter(disbursement_id=disbursement.pk, status=S.PREPARING):
        def apply(locked):
            locked.fulfilled_by, locked.fulfilled_at = by, disbursement.handed_over_at or timezone.now()

        note = _("ส่งมอบตามใบเบิก %(number)s ผู้รับมอบ %(name)s") % {
            "number": disbursement.number, "name": disbursement.received_by_name}
        _step(obj, to=S.FULFILLED, by=by, note=note, apply=apply,
              recipients=lambda saved: _emails([saved.requested_by, saved.decided_by]))


def on_disbursement_cancelled(disbursement, by, reason: str) -> None:
    """The draft was cancelled: the request is approved again, ready for a new disbursement."""
    for obj in UnitRequest.objects.filter(disbursement_id=disbursement.pk, status=S.PREPARING):
        def apply(locked):
            locked.disbursement = None

        note = _("ยกเลิกใบเบิก %(number)s: %(reason)s") % {"number": disbursement.number, "reason": reason}
        _step(obj, to=S.APPROVED, by=by, note=note, apply=apply)


def disbursement_request_links(disbursement) -> list[tuple[str, str]]:
    return [(_("คำขอใช้วัสดุ %(ref)s") % {"ref": obj.reference}, reverse("unitrequests:detail", args=[obj.pk]))
            for obj in UnitRequest.objects.filter(disbursement_id=disbursement.pk).only("pk")]
