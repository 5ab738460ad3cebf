"""Data-request workflow: each step is one call of the kernel (helpdesk.workflow.transition)."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.correspondence.models import IssuedDocument
from helpdesk.correspondence.services import document_issue
from helpdesk.notify import notify
from helpdesk.retention import purge_file
from helpdesk.roles import Role, has_role
from helpdesk.workdays import WorkingCalendar, add_working_days
from helpdesk.workflow import ensure_not_own_request, record_created, transition

from .models import CRITERIA, DataFile, DataRequest, DeputyApprover, is_deputy_director

S = DataRequest.Status
DATA_REQUEST_TRANSITIONS: dict[str, set[str]] = {
    "": {S.RECEIVED},
    S.RECEIVED: {S.SCREENING, S.CANCELLED},
    S.SCREENING: {S.ACCEPTED, S.REFUSED, S.CANCELLED},
    S.ACCEPTED: {S.PREPARING},
    S.PREPARING: {S.REVIEW},
    # The head of ICT passes the data on or returns it to the officer (002 §3 step 3).
    S.REVIEW: {S.APPROVAL, S.PREPARING},
    # The deputy director approves and signs, or returns it for correction (step 4).
    S.APPROVAL: {S.APPROVED, S.PREPARING},
    S.APPROVED: {S.REPLIED},
    # A refusal still gets a reply letter.
    S.REFUSED: {S.REPLIED},
    S.REPLIED: {S.CLOSED},
    S.CLOSED: set(),
    S.CANCELLED: set(),
}
ANSWER_WORKING_DAYS = 3
# The letters issued through the outgoing register (registered in letters.py).
REPLY_KIND = "datarequest_reply"
SUMMARY_KIND = "datarequest_summary"
# The draft reply can be read while the work is checked and approved; it is numbered when sent.
REPLY_DRAFT_STATUSES = (S.REVIEW, S.APPROVAL, S.APPROVED, S.REFUSED, S.REPLIED, S.CLOSED)
NOTICE_KIND = "data_request"


def due_at_for(received_at: dt.datetime) -> dt.datetime:
    """The 3-working-day answer time (002 §3) from the letter's receipt, weekends and holidays skipped."""
    return add_working_days(received_at, ANSWER_WORKING_DAYS)


def _emails(users) -> list[str]:
    return [user.email for user in users if user and user.email]


def it_heads() -> list[User]:
    return list(User.objects.filter(is_active=True, groups__name=Role.IT_HEAD).distinct())


def deputy_directors() -> list[User]:
    named = DeputyApprover.objects.filter(is_active=True, user__is_active=True).values_list("user_id", flat=True)
    role = Group.objects.filter(name=Role.DEPUTY_DIRECTOR).values_list("user", flat=True)
    return list(User.objects.filter(is_active=True, pk__in=[*named, *[pk for pk in role if pk]]))


def _notify(obj: DataRequest, recipients: list[str], note: str = "") -> None:
    if not recipients:
        return
    path = reverse("datarequests:detail", args=[obj.pk])
    notify(
        recipients=recipients,
        subject=_("[%(ref)s] %(status)s") % {"ref": obj.reference, "status": obj.get_status_display()},
        template="email/datarequests/status.txt",
        context={"obj": obj, "note": note, "path": path}, kind=NOTICE_KIND, url=path,
    )


def _after(recipients_of):
    def on_commit(obj):
        _notify(obj, _emails(recipients_of(obj)))

    return on_commit


def _step(obj: DataRequest, *, to: str, by: User, note: str = "", apply=None, guards=(), notify_to=None):
    return transition(DataRequest, obj.pk, to=to, by=by, note=note, table=DATA_REQUEST_TRANSITIONS, apply=apply,
                      guards=guards, on_commit=_after(notify_to) if notify_to else None)


def data_request_create(*, request: DataRequest, by: User) -> DataRequest:
    """Record an incoming letter (staff) or a unit's online request; the clock starts at ``received_at``."""
    with transaction.atomic():
        request.recorded_by = by
        request.status = S.RECEIVED
        request.due_at = due_at_for(request.received_at)
        request.save()
        record_created(request, by=by)
    transaction.on_commit(lambda: _notify(request, _emails(it_heads())))
    return request


def data_request_update(*, request: DataRequest, by: User) -> DataRequest:
    """Correct the letter's details before screening; a changed receipt time moves the clock."""
    with transaction.atomic():
        locked = DataRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status not in (S.RECEIVED, S.SCREENING):
            raise ValidationError(_("แก้ไขรายละเอียดหนังสือได้ก่อนหัวหน้า ICT พิจารณาเสร็จเท่านั้น"), code="locked")
        request.status = locked.status
        request.due_at = due_at_for(request.received_at)
        request.save()
    return request


def data_request_start_screening(*, request: DataRequest, by: User) -> DataRequest:
    return _step(request, to=S.SCREENING, by=by, note=_("หัวหน้า ICT รับพิจารณาหนังสือ"))


def _screening_apply(by: User, criteria: dict[str, bool], note: str):
    now = timezone.now()

    def apply(r: DataRequest) -> None:
        for name in CRITERIA:
            setattr(r, name, bool(criteria.get(name)))
        r.screening_note = note
        r.screened_by = by
        r.screened_at = now

    return apply


def data_request_accept(*, request: DataRequest, by: User, officer: User, criteria: dict[str, bool],
                        note: str = "") -> DataRequest:
    """The letter meets the criteria: assign an officer to prepare the data."""
    screening = _screening_apply(by, criteria, note)

    def apply(r: DataRequest) -> None:
        screening(r)
        r.officer = officer
        r.refusal_reason = ""

    text = _("รับเรื่องและมอบหมาย %(name)s") % {"name": officer.get_full_name() or officer.username}
    return _step(request, to=S.ACCEPTED, by=by, note=f"{text}\n{note}".strip(), apply=apply,
                 notify_to=lambda r: [r.officer])


def data_request_refuse(*, request: DataRequest, by: User, reason: str, criteria: dict[str, bool],
                        officer: User, note: str = "") -> DataRequest:
    """The letter does not meet the criteria: an officer sends a refusal letter to the requester."""
    screening = _screening_apply(by, criteria, note)

    def apply(r: DataRequest) -> None:
        screening(r)
        r.refusal_reason = reason
        r.outcome = DataRequest.Outcome.REFUSED
        r.officer = officer

    return _step(request, to=S.REFUSED, by=by, note=reason, apply=apply, notify_to=lambda r: [r.officer])


def data_request_start_preparing(*, request: DataRequest, by: User) -> DataRequest:
    return _step(request, to=S.PREPARING, by=by, note=_("เริ่มจัดทำข้อมูล"))


def data_file_add(*, request: DataRequest, by: User, upload, kind, is_personal: bool, description: str = "",
                  name: str) -> DataFile:
    with transaction.atomic():
        locked = DataRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status != S.PREPARING:
            raise ValidationError(_("แนบไฟล์ได้เฉพาะระหว่างจัดทำข้อมูล"), code="not_preparing")
        data_file = DataFile(request=locked, name=name, content_type=kind.content_type, size=upload.size,
                             is_personal=is_personal, description=description, uploaded_by=by)
        data_file._kind_ext = kind.ext
        data_file.file.save(name, upload, save=False)
        data_file.save()
    return data_file


def data_file_remove(*, data_file: DataFile, by: User) -> None:
    with transaction.atomic():
        locked = DataRequest.objects.select_for_update().get(pk=data_file.request_id)
        if locked.status != S.PREPARING:
            raise ValidationError(_("ลบไฟล์ได้เฉพาะระหว่างจัดทำข้อมูล"), code="not_preparing")
        name, storage = data_file.file.name, data_file.file.storage
        data_file.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def data_request_submit(*, request: DataRequest, by: User, cover_memo: str) -> DataRequest:
    """The officer sends the prepared data and the cover memo to the head of ICT."""

    def has_files(r: DataRequest, to: str) -> None:
        if not r.files.exists():
            raise ValidationError(_("กรุณาแนบไฟล์ข้อมูลที่จัดทำอย่างน้อย 1 ไฟล์ก่อนส่งตรวจ"), code="no_files")

    def apply(r: DataRequest) -> None:
        r.cover_memo = cover_memo
        r.submitted_at = timezone.now()
        r.return_note = ""

    return _step(request, to=S.REVIEW, by=by, note=_("ส่งข้อมูลและบันทึกนำเสนอให้หัวหน้า ICT ตรวจสอบ"),
                 apply=apply, guards=[has_files], notify_to=lambda r: it_heads())


def _not_own_preparation(by: User, allowed: bool):
    def guard(r: DataRequest, to: str) -> None:
        ensure_not_own_request(requested_by=[r.officer_id], by=by, allowed=allowed,
                               message=_("ผู้จัดทำข้อมูลไม่สามารถตรวจสอบหรืออนุมัติงานของตนเองได้"))

    return guard


def _is_it_head(user: User) -> bool:
    return user.is_superuser or has_role(user, Role.IT_HEAD)


def data_request_review_pass(*, request: DataRequest, by: User, note: str = "") -> DataRequest:
    def apply(r: DataRequest) -> None:
        r.reviewed_by = by
        r.reviewed_at = timezone.now()

    return _step(request, to=S.APPROVAL, by=by, note=note or _("หัวหน้า ICT ตรวจสอบแล้ว เสนอรองผู้อำนวยการ"),
                 apply=apply, guards=[_not_own_preparation(by, _is_it_head(by))],
                 notify_to=lambda r: deputy_directors())


def _return_to_officer(request: DataRequest, *, by: User, note: str, allowed: bool, notify_to) -> DataRequest:
    """The reviewer or the approver sends the work back to the officer with what to change."""

    def apply(r: DataRequest) -> None:
        r.return_note = note
        r.reviewed_by = None
        r.reviewed_at = None

    return _step(request, to=S.PREPARING, by=by, note=note, apply=apply, guards=[_not_own_preparation(by, allowed)],
                 notify_to=notify_to)


def data_request_review_return(*, request: DataRequest, by: User, note: str) -> DataRequest:
    return _return_to_officer(request, by=by, note=note, allowed=_is_it_head(by), notify_to=lambda r: [r.officer])


def data_request_approve(*, request: DataRequest, by: User, note: str = "") -> DataRequest:
    def apply(r: DataRequest) -> None:
        r.approved_by = by
        r.approved_at = timezone.now()
        r.outcome = DataRequest.Outcome.GRANTED

    return _step(request, to=S.APPROVED, by=by, note=note or _("รองผู้อำนวยการอนุมัติและลงนามหนังสือตอบ"),
                 apply=apply, guards=[_not_own_preparation(by, is_deputy_director(by))],
                 notify_to=lambda r: [r.officer])


def data_request_approval_return(*, request: DataRequest, by: User, note: str) -> DataRequest:
    return _return_to_officer(request, by=by, note=note, allowed=is_deputy_director(by),
                              notify_to=lambda r: [r.officer, *it_heads()])


def current_document(obj: DataRequest, kind: str):
    """The issued (not cancelled) letter of `kind` for the request, newest first."""
    return IssuedDocument.objects.for_record(obj).filter(kind=kind).current().order_by("-issued_at").first()


def _issue(obj: DataRequest, kind: str, by: User):
    """The request's current letter of `kind`, issued through the outgoing register if it has none yet."""
    return current_document(obj, kind) or document_issue(kind=kind, target=obj, by=by)


def data_request_send_reply(*, request: DataRequest, by: User, sent_at: dt.datetime, sent_method: str,
                            sent_note: str = "") -> DataRequest:
    """The external letter (granted or refused) goes out: it takes its number and date from the outgoing
    register in the same transaction that records when and how it was sent."""
    with transaction.atomic():
        locked = DataRequest.objects.select_for_update(of=("self",)) \
            .select_related("unit", "recorded_by", "officer").get(pk=request.pk)
        if locked.status not in (S.APPROVED, S.REFUSED):
            raise ValidationError(_("ส่งหนังสือตอบได้เมื่อรองผู้อำนวยการอนุมัติแล้วหรือหัวหน้า ICT ไม่ให้ข้อมูล"),
                                  code="not_ready")
        locked.sent_at, locked.sent_method, locked.sent_note = sent_at, sent_method, sent_note
        document = _issue(locked, REPLY_KIND, by)

        def apply(r: DataRequest) -> None:
            r.reply_number = document.number
            r.reply_date = document.issued_on
            r.sent_at = sent_at
            r.sent_method = sent_method
            r.sent_note = sent_note
            r.sent_by = by

        method = dict(DataRequest._meta.get_field("sent_method").choices).get(sent_method, sent_method)
        return _step(request, to=S.REPLIED, by=by, apply=apply,
                     note=_("ส่งหนังสือตอบที่ %(no)s ทาง%(method)s") % {"no": document.number, "method": method},
                     notify_to=lambda r: [r.recorded_by] if r.unit_id else [])


def data_request_close(*, request: DataRequest, by: User, summary: str) -> DataRequest:
    """Record the summary report and issue its memo (บันทึกข้อความรายงานสรุปผล) through the register; the
    retention clock of personal files starts."""
    def apply(r: DataRequest) -> None:
        r.summary = summary
        r.closed_at = timezone.now()

    with transaction.atomic():
        closed = _step(request, to=S.CLOSED, by=by, note=_("บันทึกและสรุปผลการดำเนินงาน"), apply=apply,
                       notify_to=lambda r: it_heads())
        closed = DataRequest.objects.select_related("unit", "officer", "approved_by").get(pk=closed.pk)
        _issue(closed, SUMMARY_KIND, by)
    return closed


def data_request_cancel(*, request: DataRequest, by: User, note: str) -> DataRequest:
    return _step(request, to=S.CANCELLED, by=by, note=note,
                 apply=lambda r: setattr(r, "closed_at", timezone.now()))


# --- The clock -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Clock:
    state: str  # "ok", "near", "overdue", "done_on_time", "done_late"
    working_days_taken: int | None


def clock_for(request: DataRequest, *, now: dt.datetime, calendar: WorkingCalendar) -> Clock:
    """Where the request stands against its 3 working days (one calendar for a whole page)."""
    if request.sent_at is not None:
        taken = calendar.count(request.received_at, request.sent_at)
        return Clock("done_on_time" if request.sent_at <= request.due_at else "done_late", taken)
    if not request.is_open:
        return Clock("ok", None)
    if now > request.due_at:
        return Clock("overdue", None)
    if request.due_at < near_limit(now, calendar):
        return Clock("near", None)
    return Clock("ok", None)


def near_limit(now: dt.datetime, calendar: WorkingCalendar) -> dt.datetime:
    """Requests due before this moment are *near*: due today or on the next working day."""
    next_working_day = calendar.add(timezone.localtime(now).date(), 1)
    return dt.datetime.combine(next_working_day + dt.timedelta(days=1), dt.time.min,
                               tzinfo=timezone.get_current_timezone())


def calendar_around(now: dt.datetime, *, days_back: int = 400) -> WorkingCalendar:
    today = timezone.localtime(now).date()
    return WorkingCalendar(today - dt.timedelta(days=days_back), today + dt.timedelta(days=60))


# --- PDPA retention -------------------------------------------------------------------------------


def retention_days() -> int:
    return int(getattr(settings, "HELPDESK_DATA_FILE_RETENTION_DAYS", 90))


def data_files_purge(*, days: int | None = None, now: dt.datetime | None = None, dry_run: bool = False) -> int:
    """Delete personal-data files of requests closed (or cancelled) more than ``days`` ago; record each."""
    now = now or timezone.now()
    days = retention_days() if days is None else days
    cutoff = now - dt.timedelta(days=days)
    due = DataFile.objects.filter(is_personal=True, purged_at__isnull=True, request__closed_at__lte=cutoff)
    due = due.exclude(file="")
    if dry_run:
        return due.count()
    note = _("ลบไฟล์ข้อมูลส่วนบุคคล “%(name)s” ตามระยะเวลาเก็บรักษา (%(days)s วันหลังปิดเรื่อง)")
    purged = 0
    for pk in due.values_list("pk", flat=True):

        def record(data_file: DataFile) -> None:
            request = data_file.request
            request.events.create(from_status=request.status, to_status=request.status, by=None, at=now,
                                  note=note % {"name": data_file.name, "days": days})

        if purge_file(DataFile, pk, field="file", purged_field="purged_at", now=now, record=record):
            purged += 1
    return purged
