"""The publishing workflow: one transition table, one function that moves a request through it.

Every status change (views, admin, demo data) goes through `request_transition`, one call of the kernel
(helpdesk.workflow.transition) per step; every change of
the text or the files goes through the content functions below, which void a standing approval.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from helpdesk.notify import notify
from helpdesk.roles import Role, has_role, is_supervisor_of, supervisors_of, user_unit
from helpdesk.workdays import add_working_days, working_days_between
from helpdesk.workflow import (
    TransitionNotAllowed,
    ensure_not_own_request,
    record_created,
    transition,
    write_event,
)
from publishing.files import CheckedFile
from publishing.models import (
    SLA_WORKING_DAYS,
    Approval,
    Attachment,
    Event,
    PublishingRequest,
    Section,
    is_publishing_staff,
)

S = PublishingRequest.Status


class TransitionError(Exception):
    """The request is not in a state that allows the action (someone else moved it first)."""


class ApprovalVoided(Exception):
    """The text or a file no longer matches what the supervisor approved; the request went back to approval."""


@dataclass(frozen=True)
class Transition:
    sources: frozenset
    target: str
    label: Any
    needs_note: bool = False


# The whole workflow in one table: action → (allowed source statuses, target status).
TRANSITIONS: dict[str, Transition] = {
    "submit": Transition(frozenset({S.DRAFT, S.RETURNED}), S.SUBMITTED, gettext_lazy("ส่งขออนุมัติ")),
    "recall": Transition(frozenset({S.SUBMITTED, S.APPROVED}), S.DRAFT, gettext_lazy("ดึงกลับมาแก้ไข")),
    "approve": Transition(frozenset({S.SUBMITTED}), S.APPROVED, gettext_lazy("ผู้บังคับบัญชาอนุมัติ")),
    "return": Transition(frozenset({S.SUBMITTED, S.APPROVED}), S.RETURNED, gettext_lazy("ส่งกลับแก้ไข"), True),
    "accept": Transition(frozenset({S.APPROVED}), S.ACCEPTED, gettext_lazy("ตรวจสอบผ่าน รับเรื่อง")),
    "void": Transition(
        frozenset({S.APPROVED, S.ACCEPTED, S.PREVIEW}), S.SUBMITTED, gettext_lazy("การอนุมัติถูกยกเลิก"), True
    ),
    "preview": Transition(frozenset({S.ACCEPTED}), S.PREVIEW, gettext_lazy("เผยแพร่ชั่วคราว (ตัวอย่าง)")),
    "unpreview": Transition(frozenset({S.PREVIEW}), S.ACCEPTED, gettext_lazy("กลับไปจัดทำ")),
    "publish": Transition(frozenset({S.PREVIEW}), S.PUBLISHED, pgettext_lazy("action", "เผยแพร่")),
    "withdraw": Transition(
        frozenset({S.DRAFT, S.SUBMITTED, S.RETURNED, S.APPROVED, S.ACCEPTED, S.PREVIEW, S.PUBLISHED}),
        S.WITHDRAWN,
        gettext_lazy("ถอนเรื่อง"),
        True,
    ),
}

ACTION_LABELS = {name: t.label for name, t in TRANSITIONS.items()} | {
    "create": gettext_lazy("สร้างคำขอ"),
    "edit": gettext_lazy("แก้ไขเนื้อหา"),
    "file_added": gettext_lazy("แนบไฟล์"),
    "file_replaced": gettext_lazy("เปลี่ยนไฟล์"),
    "file_removed": gettext_lazy("ลบไฟล์"),
}

# States in which IT staff prepare the post; a content change here voids the approval.
PREPARATION_STATES = frozenset({S.APPROVED, S.ACCEPTED, S.PREVIEW})
REQUESTER_EDIT_STATES = frozenset({S.DRAFT, S.RETURNED})


def is_approver_for(user: User, unit) -> bool:
    """A supervisor of the request's unit or of a unit above it."""
    return is_supervisor_of(user, unit)


def approvers_of(unit):
    return supervisors_of(unit)


def _may(action: str, user: User, obj: PublishingRequest) -> bool:
    is_requester = obj.requester_id == user.pk
    if action in ("submit", "recall"):
        return is_requester
    if action == "approve":
        return not is_requester and is_approver_for(user, obj.unit)
    if action == "return":
        if is_requester:
            return False
        if obj.status == S.SUBMITTED:
            return is_approver_for(user, obj.unit)
        return has_role(user, Role.IT_HEAD)
    if action == "accept":
        return not is_requester and has_role(user, Role.IT_HEAD)
    if action in ("preview", "unpreview", "publish"):
        return is_publishing_staff(user)
    if action == "withdraw":
        return is_requester or is_publishing_staff(user)
    # "void" is only reached from the content functions, which check their own caller.
    return action == "void"


def allowed_actions(user: User, obj: PublishingRequest) -> set[str]:
    """Actions the user may take on the request now (for showing buttons)."""
    return {
        name for name, t in TRANSITIONS.items() if name != "void" and obj.status in t.sources and _may(name, user, obj)
    }


def may_edit_content(user: User, obj: PublishingRequest) -> bool:
    if obj.status in REQUESTER_EDIT_STATES:
        return obj.requester_id == user.pk
    return obj.status in PREPARATION_STATES and is_publishing_staff(user)


def _locked(obj: PublishingRequest) -> PublishingRequest:
    return _LOCK_QUERYSET.select_for_update().get(pk=obj.pk)


_LOCK_QUERYSET = PublishingRequest.objects.select_related("unit", "requester")
_FINGERPRINT_CHECKED = frozenset({"accept", "preview", "publish"})


class _NeedsVoid(Exception):
    """Raised under the lock when the approval no longer matches: the step is undone and the request voided."""


def _event(obj: PublishingRequest, *, action: str, by: User | None, from_status: str, note: str = "") -> Event:
    return write_event(obj, from_status=from_status, to_status=obj.status, by=by, note=note, action=action)


def _void_approvals(obj: PublishingRequest, reason: str) -> int:
    return obj.approvals.filter(voided_at__isnull=True).update(voided_at=timezone.now(), void_reason=reason[:255])


def _fingerprint_ok(obj: PublishingRequest) -> bool:
    approval = obj.valid_approval()
    return approval is not None and approval.matches(obj.current_fingerprint())


def _may_take(action: str, by: User, obj: PublishingRequest) -> bool:
    """`_may`, with the approval rule for the two approvals: nobody approves or accepts their own request."""
    if action in ("approve", "accept"):
        role_ok = is_approver_for(by, obj.unit) if action == "approve" else has_role(by, Role.IT_HEAD)
        ensure_not_own_request(requested_by=obj.requester, by=by, allowed=role_ok)
        return True
    return _may(action, by, obj)


def _step(
    action: str, obj: PublishingRequest, *, by: User, note: str, apply, guards=(), notify_note: str | None = None
) -> PublishingRequest:
    """One kernel transition by `action`; the kernel's refusal becomes this workflow's TransitionError."""
    step = TRANSITIONS[action]
    told = note if notify_note is None else notify_note
    try:
        return transition(
            PublishingRequest, obj.pk, to=step.target, by=by, note=note,
            table={source: {step.target} for source in step.sources}, queryset=_LOCK_QUERYSET,
            permitted=lambda locked: _may_take(action, by, locked), guards=guards, apply=apply,
            event_fields={"action": action}, on_commit=lambda saved: _notify(saved, action, by=by, note=told),
        )
    except TransitionNotAllowed:
        raise TransitionError(
            _("สถานะของคำขอเปลี่ยนไปแล้ว ไม่สามารถ%(action)s ได้") % {"action": step.label}
        ) from None


def request_transition(
    *,
    request: PublishingRequest,
    action: str,
    by: User,
    note: str = "",
    checklist: dict[str, bool] | None = None,
    external_url: str = "",
) -> PublishingRequest:
    """Move `request` by `action` through the kernel (helpdesk.workflow.transition): row-locked, one event row.
    Raises PermissionDenied, TransitionError, ApprovalVoided (the approval no longer matches; the request
    went back to approval)."""
    step = TRANSITIONS.get(action)
    if step is None:
        raise TransitionError(action)
    note = (note or "").strip()
    if step.needs_note and not note:
        raise TransitionError(_("ต้องระบุเหตุผล"))
    now = timezone.now()

    def approval_still_matches(locked: PublishingRequest, to: str) -> None:
        if action in _FINGERPRINT_CHECKED and not _fingerprint_ok(locked):
            raise _NeedsVoid

    def apply(locked: PublishingRequest) -> None:
        _apply(locked, action, by=by, now=now, note=note, checklist=checklist or {}, external_url=external_url)

    try:
        obj = _step(action, request, by=by, note=note, apply=apply, guards=[approval_still_matches])
    except _NeedsVoid:
        reason = _("เนื้อหาหรือไฟล์แนบไม่ตรงกับที่ผู้บังคับบัญชาอนุมัติ")
        _step("void", request, by=by, note=reason, apply=lambda locked: _void_approvals(locked, reason),
              notify_note=note)
        request.refresh_from_db()
        raise ApprovalVoided from None
    request.refresh_from_db()
    return obj


def _apply(obj, action: str, *, by, now, note: str, checklist: dict, external_url: str) -> None:
    if action == "submit":
        if not obj.body.strip():
            raise TransitionError(_("ต้องมีเนื้อหาก่อนส่ง"))
        obj.submitted_at = obj.submitted_at or now
        obj.return_reason = ""
        _void_approvals(obj, _("ส่งขออนุมัติใหม่"))
    elif action == "recall":
        _void_approvals(obj, _("ผู้ขอดึงคำขอกลับมาแก้ไข"))
        obj.reached_it_at = obj.due_at = None
    elif action == "approve":
        fingerprint = obj.current_fingerprint()
        Approval.objects.create(
            request=obj, approver=by, approved_at=now, text_sha256=fingerprint["text"], files=fingerprint["files"],
            note=note,
        )
        obj.reached_it_at = now
        obj.due_at = add_working_days(now, SLA_WORKING_DAYS)
    elif action == "return":
        obj.return_reason = note
        _void_approvals(obj, _("ส่งกลับแก้ไข"))
        obj.reached_it_at = obj.due_at = None
    elif action == "accept":
        if not all(checklist.get(key) for key in ("check_rules", "check_oia", "check_chain")):
            raise TransitionError(_("ต้องตรวจครบทุกข้อก่อนรับเรื่อง"))
        obj.check_rules = obj.check_oia = obj.check_chain = True
        obj.check_notes = note
        obj.checked_by = by
        obj.accepted_at = now
    elif action == "preview":
        obj.new_preview_token()
        obj.previewed_at = now
        obj.verify_display = obj.verify_positions = obj.verify_fonts = obj.verify_downloads = False
    elif action == "unpreview":
        obj.preview_token = ""
    elif action == "publish":
        keys = ("verify_display", "verify_positions", "verify_fonts", "verify_downloads")
        if not all(checklist.get(key) for key in keys):
            raise TransitionError(_("ต้องตรวจการแสดงผล ตำแหน่ง ตัวอักษร และการดาวน์โหลดให้ครบก่อนเผยแพร่"))
        for key in keys:
            setattr(obj, key, True)
        obj.published_at = now
        obj.published_by = by
        obj.external_url = external_url
        if obj.reached_it_at:
            obj.working_days_to_publish = working_days_between(obj.reached_it_at, now)
        from helpdesk.surveys.services import survey_invite

        survey_invite(record=obj, service_code="publishing", label=f"{obj.number} {obj.title}",
                      unit=obj.unit, team=obj.unit.team, served=obj.requester, provider=by, at=now)
    elif action == "withdraw":
        obj.withdrawn_reason = note
        obj.withdrawn_at = now
        obj.preview_token = ""


def _content_changed(obj: PublishingRequest, *, by: User, what: str) -> None:
    """After an edit inside the locked transaction: a request past approval goes back to approval."""
    if obj.status not in PREPARATION_STATES:
        return
    if _fingerprint_ok(obj):
        return  # e.g. only the menu changed: the signed text and files are untouched
    previous = obj.status
    reason = _("มีการเปลี่ยนแปลงหลังอนุมัติ: %(what)s") % {"what": what}
    _void_approvals(obj, reason)
    obj.status = S.SUBMITTED
    obj.reached_it_at = obj.due_at = None
    obj.preview_token = ""
    obj.save()
    _event(obj, action="void", by=by, from_status=previous, note=reason)
    transaction.on_commit(lambda: _notify(obj, "void", by=by, note=reason))


def _check_editor(obj: PublishingRequest, by: User) -> None:
    if not may_edit_content(by, obj):
        raise PermissionDenied


def request_create(
    *, by: User, title: str, body: str, body_format: str, section: Section, wanted_on, expires_on,
    files: list[CheckedFile],
) -> PublishingRequest:
    unit = user_unit(by)
    if unit is None:
        raise PermissionDenied
    with transaction.atomic():
        obj = PublishingRequest.objects.create(
            requester=by, unit=unit, title=title, body=body, body_format=body_format, section=section,
            wanted_on=wanted_on, expires_on=expires_on,
        )
        for checked in files:
            _store(obj, checked, by)
        record_created(obj, by=by, action="create")
    return obj


def request_update_content(*, request: PublishingRequest, by: User, data: dict[str, Any]) -> PublishingRequest:
    """Save edited fields (title, body, body_format, section, wanted_on, expires_on)."""
    with transaction.atomic():
        obj = _locked(request)
        _check_editor(obj, by)
        changed = [field for field, value in data.items() if getattr(obj, field) != value]
        if not changed:
            return obj
        for field, value in data.items():
            setattr(obj, field, value)
        obj.save()
        labels = ", ".join(str(PublishingRequest._meta.get_field(f).verbose_name) for f in changed)
        _event(obj, action="edit", by=by, from_status=obj.status, note=labels)
        _content_changed(obj, by=by, what=labels)
    request.refresh_from_db()
    return obj


def _store(obj: PublishingRequest, checked: CheckedFile, by: User) -> Attachment:
    return Attachment.store(checked, by=by, request=obj)


def attachment_add(*, request: PublishingRequest, by: User, checked: CheckedFile) -> Attachment:
    with transaction.atomic():
        obj = _locked(request)
        _check_editor(obj, by)
        attachment = _store(obj, checked, by)
        _event(obj, action="file_added", by=by, from_status=obj.status, note=checked.name)
        _content_changed(obj, by=by, what=_("แนบไฟล์ %(name)s") % {"name": checked.name})
    request.refresh_from_db()
    return attachment


def attachment_replace(*, attachment: Attachment, by: User, checked: CheckedFile) -> Attachment:
    with transaction.atomic():
        obj = _locked(attachment.request)
        _check_editor(obj, by)
        attachment = Attachment.objects.select_for_update().get(pk=attachment.pk, request=obj)
        old_name = attachment.original_name
        old_file = attachment.file.name
        attachment.original_name = checked.name
        attachment.kind = checked.kind
        attachment.content_type = checked.content_type
        attachment.size = checked.size
        attachment.sha256 = checked.sha256
        attachment.uploaded_by = by
        attachment.file.save(checked.name, checked.upload, save=False)
        attachment.save()
        note = f"{old_name} → {checked.name}"
        _event(obj, action="file_replaced", by=by, from_status=obj.status, note=note)
        _content_changed(obj, by=by, what=_("เปลี่ยนไฟล์ %(note)s") % {"note": note})
        if obj.submitted_at is None:
            storage = attachment.file.storage
            transaction.on_commit(lambda: storage.delete(old_file))
    return attachment


def attachment_delete(*, attachment: Attachment, by: User) -> None:
    with transaction.atomic():
        obj = _locked(attachment.request)
        _check_editor(obj, by)
        attachment = Attachment.objects.select_for_update().get(pk=attachment.pk, request=obj)
        name, stored, storage = attachment.original_name, attachment.file.name, attachment.file.storage
        attachment.delete()
        _event(obj, action="file_removed", by=by, from_status=obj.status, note=name)
        _content_changed(obj, by=by, what=_("ลบไฟล์ %(name)s") % {"name": name})
        # Bytes of a file someone already saw in a submitted request stay on disk for the history.
        if obj.submitted_at is None:
            transaction.on_commit(lambda: storage.delete(stored))


# --- Notifications -----------------------------------------------------------------------------


def _notify(obj: PublishingRequest, action: str, *, by: User, note: str) -> None:
    from django.conf import settings

    site = settings.SITE_URL
    context = {
        "req": obj,
        "note": note,
        "actor": by,
        "detail_url": site + obj.get_absolute_url(),
        "public_url": site + obj.get_public_url(),
        "preview_url": site + obj.get_preview_url() if obj.preview_token else "",
    }
    requester = [obj.requester.email]
    if action in ("submit", "void"):
        recipients = [u.email for u in approvers_of(obj.unit)]
        if action == "void":
            recipients += requester
        subject = _("[เผยแพร่เว็บไซต์] รออนุมัติ: %(title)s") % {"title": obj.title}
    elif action == "approve":
        recipients = [
            u.email for u in User.objects.filter(is_active=True, groups__name=Role.IT_HEAD).distinct()
        ] + requester
        subject = _("[เผยแพร่เว็บไซต์] อนุมัติแล้ว รอตรวจสอบ: %(title)s") % {"title": obj.title}
    elif action == "return":
        recipients = requester
        subject = _("[เผยแพร่เว็บไซต์] ส่งกลับแก้ไข: %(title)s") % {"title": obj.title}
    elif action == "preview":
        recipients = requester
        subject = _("[เผยแพร่เว็บไซต์] โปรดตรวจสอบตัวอย่าง: %(title)s") % {"title": obj.title}
    elif action == "publish":
        recipients = requester
        subject = _("[เผยแพร่เว็บไซต์] เผยแพร่แล้ว: %(title)s") % {"title": obj.title}
    elif action == "withdraw" and by.pk != obj.requester_id:
        recipients = requester
        subject = _("[เผยแพร่เว็บไซต์] ถอนเรื่อง: %(title)s") % {"title": obj.title}
    else:
        return
    context["action_label"] = ACTION_LABELS.get(action, action)
    notify(recipients=recipients, subject=subject, template="email/publishing_event.txt", context=context,
           kind="publishing", url=obj.get_absolute_url())

