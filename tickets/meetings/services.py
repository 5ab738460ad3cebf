"""Booking workflow: each step one call of the request kernel (helpdesk.workflow.transition).

requested → confirmed → ready (set up and tested) → held → checked; cancelled (with a reason) from any
step before the meeting is held.
"""

import datetime as dt

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.notify import notify
from helpdesk.roles import Role, has_role
from helpdesk.workflow import ensure_not_own_request, record_created, transition

from .models import Booking, Room, VCAccount, confirm_due

S = Booking.Status
BOOKING_TRANSITIONS: dict[str, set[str]] = {
    "": {S.REQUESTED},
    S.REQUESTED: {S.CONFIRMED, S.CANCELLED},
    S.CONFIRMED: {S.READY, S.CANCELLED},
    S.READY: {S.HELD, S.CANCELLED},
    S.HELD: {S.CHECKED},
    S.CHECKED: set(),
    S.CANCELLED: set(),
}
EDITABLE = (S.REQUESTED,)
CANCELLABLE = (S.REQUESTED, S.CONFIRMED, S.READY)


def is_meeting_staff(user) -> bool:
    """The desk staff who confirm, set up and check meetings."""
    return user.is_superuser or has_role(user, Role.TECHNICIAN, Role.IT_HEAD)


def staff_users():
    return User.objects.filter(is_active=True, groups__name__in=[Role.TECHNICIAN, Role.IT_HEAD]).distinct()


def _hhmm(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%H:%M")


# Availability ---------------------------------------------------------------------------------------------

def _peak_overlap(intervals: list[tuple[dt.datetime, dt.datetime]]) -> int:
    """The largest number of the intervals running at one moment (half-open ranges)."""
    points = sorted([(start, 1) for start, _end in intervals] + [(end, -1) for _start, end in intervals],
                    key=lambda p: (p[0], p[1]))
    running = peak = 0
    for _moment, step in points:
        running += step
        peak = max(peak, running)
    return peak


def capacity_errors(*, participants: int | None, room: Room | None, vc_account: VCAccount | None) -> dict:
    errors = {}
    if participants and room is not None and participants > room.capacity:
        errors["room"] = _("ห้อง %(room)s รองรับได้ %(cap)s คน แต่มีผู้เข้าร่วม %(n)s คน") % {
            "room": room.name, "cap": room.capacity, "n": participants}
    if participants and vc_account is not None and participants > vc_account.capacity:
        errors["vc_account"] = _("บัญชี %(account)s รองรับผู้เข้าร่วมได้ %(cap)s คน แต่มีผู้เข้าร่วม %(n)s คน") % {
            "account": vc_account, "cap": vc_account.capacity, "n": participants}
    return errors


def availability_errors(*, starts_at: dt.datetime, ends_at: dt.datetime, room: Room | None,
                        vc_account: VCAccount | None, exclude_pk: int | None = None) -> dict:
    """Field → Thai message for a room or account already taken in [starts_at, ends_at)."""
    errors = {}
    others = Booking.objects.live().overlapping(starts_at, ends_at)
    if exclude_pk:
        others = others.exclude(pk=exclude_pk)
    if room is not None:
        clash = others.filter(room=room).order_by("starts_at").first()
        if clash is not None:
            errors["room"] = _("ห้อง %(room)s ไม่ว่างในช่วงเวลานี้ (มีการจองแล้ว %(start)s–%(end)s น.)") % {
                "room": room.name, "start": _hhmm(clash.starts_at), "end": _hhmm(clash.ends_at)}
    if vc_account is not None:
        intervals = [(max(a, starts_at), min(b, ends_at))
                     for a, b in others.filter(vc_account=vc_account).values_list("starts_at", "ends_at")]
        if _peak_overlap(intervals) + 1 > vc_account.concurrent_limit:
            errors["vc_account"] = _(
                "บัญชี %(account)s ถูกใช้ครบ %(limit)s การประชุมพร้อมกันแล้วในช่วงเวลานี้ กรุณาเลือกบัญชีหรือเวลาอื่น"
            ) % {"account": vc_account, "limit": vc_account.concurrent_limit}
    return errors


def _reserve(booking: Booking, *, exclude_pk: int | None = None) -> None:
    """Lock the room and the account rows (in a fixed order), then check; inside the caller's transaction.

    The row locks queue concurrent bookings of one room or account, so the second one sees the first;
    PostgreSQL's exclusion constraint is the last word should anything slip past.
    """
    room = Room.objects.select_for_update().get(pk=booking.room_id) if booking.room_id else None
    account = VCAccount.objects.select_for_update().get(pk=booking.vc_account_id) if booking.vc_account_id else None
    errors = capacity_errors(participants=booking.participants, room=room, vc_account=account)
    errors.update(availability_errors(starts_at=booking.starts_at, ends_at=booking.ends_at, room=room,
                                      vc_account=account, exclude_pk=exclude_pk))
    if room is not None and not room.is_active:
        errors.setdefault("room", _("ห้องนี้ปิดการจองแล้ว"))
    if account is not None and not account.is_active:
        errors.setdefault("vc_account", _("บัญชีนี้ปิดการจองแล้ว"))
    if errors:
        raise ValidationError(errors)
    booking.vc_exclusive = account is not None and account.concurrent_limit == 1


def _save_reserved(booking: Booking) -> None:
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as error:
        if "meetings_no_overlap" not in str(error):
            raise
        field = "room" if "room" in str(error) else "vc_account"
        raise ValidationError({field: _("ช่วงเวลานี้เพิ่งถูกจองโดยผู้อื่น กรุณาเลือกเวลาอื่น")}) from error


# Notifications ----------------------------------------------------------------------------------------------

KIND = "meeting"  # the booking's progress; the reminders have their own kinds (integration.KINDS)


def _notify(booking: Booking, *, recipients, subject: str, note: str = "", kind: str = KIND,
            survey_path: str = "") -> None:
    path = reverse("meetings:detail", args=[booking.pk])
    notify(
        recipients=recipients,
        subject=_("[%(ref)s] %(subject)s") % {"ref": booking.reference, "subject": subject},
        template="email/meetings/booking.txt",
        context={"booking": booking, "note": note, "path": path, "survey_path": survey_path,
                 "ics_path": reverse("meetings:ics", args=[booking.pk])},
        kind=kind, url=path,
    )


def _requester_emails(booking: Booking) -> list[str]:
    return [booking.requested_by.email]


def _staff_emails(booking: Booking) -> list[str]:
    if booking.assigned_to_id and booking.assigned_to.email:
        return [booking.assigned_to.email]
    return list(staff_users().values_list("email", flat=True))


# Steps -------------------------------------------------------------------------------------------------------

def booking_create(*, booking: Booking, by: User) -> Booking:
    with transaction.atomic():
        booking.status = S.REQUESTED
        booking.requested_by = by
        booking.created_at = timezone.now()  # the kernel's clock, which stamps the events too
        booking.confirm_due_at = confirm_due(booking.created_at)
        _reserve(booking)
        _save_reserved(booking)
        record_created(booking, by=by)
    _notify(booking, recipients=_staff_emails(booking), subject=_("คำขอจองห้องประชุม/ประชุมทางไกลใหม่"))
    _notify(booking, recipients=_requester_emails(booking), subject=_("ได้รับคำขอจองแล้ว รอเจ้าหน้าที่ยืนยัน"))
    return booking


def booking_update(*, booking: Booking, by: User) -> Booking:
    """Save the unit's changes to a booking not yet confirmed (the form has set the fields)."""
    with transaction.atomic():
        locked = Booking.objects.select_for_update().get(pk=booking.pk)
        if locked.status not in EDITABLE:
            raise ValidationError(_("แก้ไขได้เฉพาะการจองที่ยังไม่ได้รับการยืนยัน"))
        _reserve(booking, exclude_pk=booking.pk)
        booking.sequence = locked.sequence + 1
        _save_reserved(booking)
        booking.events.create(from_status=locked.status, to_status=locked.status, by=by, at=timezone.now(),
                              note=_("แก้ไขรายละเอียดการจอง"))
    return booking


def booking_confirm(*, booking: Booking, by: User, assigned_to: User, join_url: str = "", join_details: str = "",
                    note: str = "") -> Booking:
    ensure_not_own_request(requested_by=booking.requested_by, by=by, allowed=is_meeting_staff(by),
                           message=_("ผู้จองไม่สามารถยืนยันการจองของตนเองได้"))
    if not is_meeting_staff(assigned_to):
        raise ValidationError({"assigned_to": _("ผู้รับผิดชอบต้องเป็นเจ้าหน้าที่ผู้ให้บริการ")})

    def apply(b):
        b.confirmed_at = timezone.now()
        b.confirmed_by = by
        b.assigned_to = assigned_to
        b.join_url = join_url
        b.join_details = join_details
        b.sequence += 1

    booking = transition(Booking, booking.pk, to=S.CONFIRMED, by=by, note=note, table=BOOKING_TRANSITIONS,
                         apply=apply)
    _notify(booking, recipients=_requester_emails(booking), subject=_("ยืนยันการจองแล้ว"), note=note)
    if assigned_to != by:
        _notify(booking, recipients=[assigned_to.email], subject=_("มอบหมายให้ดูแลการประชุม"), note=note)
    return booking


def _not_after_end(b: Booking, to: str) -> None:
    if timezone.now() >= b.ends_at:
        raise ValidationError(_("การประชุมสิ้นสุดแล้ว ไม่สามารถบันทึกการติดตั้ง/ทดสอบได้"))


def _started(b: Booking, to: str) -> None:
    if timezone.now() < b.starts_at:
        raise ValidationError(_("ยังไม่ถึงเวลาเริ่มประชุม (%(time)s น.)") % {"time": _hhmm(b.starts_at)})


def _ended(b: Booking, to: str) -> None:
    if timezone.now() < b.ends_at:
        raise ValidationError(_("ตรวจสอบหลังการประชุมได้เมื่อการประชุมสิ้นสุดแล้ว (%(time)s น.)")
                              % {"time": _hhmm(b.ends_at)})


def booking_setup(*, booking: Booking, by: User, note: str) -> Booking:
    """The set-up test before the meeting (due 30 minutes before the start)."""
    if not is_meeting_staff(by):
        raise PermissionDenied

    def apply(b):
        b.setup_at = timezone.now()
        b.setup_by = by
        b.setup_note = note

    late = timezone.now() > booking.setup_due
    event_note = note + ("\n" + _("(ล่าช้ากว่ากำหนด 30 นาทีก่อนเริ่มประชุม)") if late else "")
    return transition(Booking, booking.pk, to=S.READY, by=by, note=event_note, table=BOOKING_TRANSITIONS,
                      apply=apply, guards=[_not_after_end])


def booking_hold(*, booking: Booking, by: User, note: str = "") -> Booking:
    if not is_meeting_staff(by):
        raise PermissionDenied
    return transition(Booking, booking.pk, to=S.HELD, by=by, note=note, table=BOOKING_TRANSITIONS,
                      guards=[_started])


def booking_check(*, booking: Booking, by: User, equipment_state: str, problems: str = "", note: str = "") -> Booking:
    """The after-meeting check (due 10 minutes after the end). A meeting still marked "ready" is first
    recorded as held, so the timeline shows both steps."""
    if not is_meeting_staff(by):
        raise PermissionDenied

    def apply(b):
        b.checked_at = timezone.now()
        b.checked_by = by
        b.equipment_state = equipment_state
        b.problems = problems

    with transaction.atomic():
        current = Booking.objects.select_for_update().get(pk=booking.pk)
        if current.status == S.READY:
            transition(Booking, booking.pk, to=S.HELD, by=by, table=BOOKING_TRANSITIONS, guards=[_started],
                       note=_("บันทึกพร้อมการตรวจสอบหลังการประชุม"))
        booking = transition(Booking, booking.pk, to=S.CHECKED, by=by, note=note or problems,
                             table=BOOKING_TRANSITIONS, apply=apply, guards=[_ended], on_commit=booking_checked)
    return booking


def booking_checked(booking: Booking) -> None:
    """After the check is committed: the requester is invited to the service's satisfaction survey (once;
    helpdesk.surveys sends its own notice, of kind "survey") and told the service is closed, with the link."""
    from .survey import booking_survey_invite

    with transaction.atomic():
        invitation = booking_survey_invite(booking)
    survey_path = reverse("surveys:answer", args=[invitation.token]) if invitation is not None else ""
    _notify(booking, recipients=_requester_emails(booking), subject=_("ปิดงานบริการการประชุมแล้ว"),
            note=booking.problems, survey_path=survey_path)


def booking_cancel(*, booking: Booking, by: User, reason: str) -> Booking:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลที่ยกเลิก")})

    def apply(b):
        b.cancel_reason = reason
        b.sequence += 1

    booking = transition(Booking, booking.pk, to=S.CANCELLED, by=by, note=reason, table=BOOKING_TRANSITIONS,
                         apply=apply)
    recipients = _requester_emails(booking) if by != booking.requested_by else []
    if booking.confirmed_at or by == booking.requested_by:
        recipients += _staff_emails(booking)
    _notify(booking, recipients=recipients, subject=_("ยกเลิกการจอง"), note=reason)
    return booking


def overdue_q(now: dt.datetime) -> Q:
    """Set-up not recorded 30 minutes before the start, or the check not 10 minutes after the end."""
    from .models import CHECK_AFTER, SETUP_LEAD

    return (Q(status__in=[S.REQUESTED, S.CONFIRMED], starts_at__lt=now + SETUP_LEAD)
            | Q(status__in=[S.READY, S.HELD], ends_at__lt=now - CHECK_AFTER))


def staff_queue_counts(now: dt.datetime | None = None) -> dict:
    """The desk's queue in one query."""
    from .models import CHECK_AFTER, SETUP_LEAD

    now = now or timezone.now()
    day_start = timezone.make_aware(dt.datetime.combine(timezone.localdate(now), dt.time.min))
    return Booking.objects.live().aggregate(
        to_confirm=Count("pk", filter=Q(status=S.REQUESTED)),
        setup_overdue=Count("pk", filter=Q(status__in=[S.REQUESTED, S.CONFIRMED], starts_at__lt=now + SETUP_LEAD)),
        check_overdue=Count("pk", filter=Q(status__in=[S.READY, S.HELD], ends_at__lt=now - CHECK_AFTER)),
        today=Count("pk", filter=Q(starts_at__gte=day_start, starts_at__lt=day_start + dt.timedelta(days=1))),
    )
