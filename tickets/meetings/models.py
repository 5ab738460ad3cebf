"""Meeting rooms, video-conference accounts and bookings of them (seed 001: การประชุมผ่านระบบการประชุมทางไกล).

The service sheet's three steps and their times: the desk takes the request (3 minutes), installs and tests
the system before the meeting (30 minutes before the start) and checks the room and equipment after it
(10 minutes after the end).

No double booking: a room, and a video-conference account whose concurrent-meeting limit is 1, may not
hold two live bookings whose times overlap. On PostgreSQL an exclusion constraint over ``tstzrange(starts_at,
ends_at)`` enforces it (migration 0002); every backend also checks under a row lock on the room and the
account (``services.booking_create``), which is what gives an account with a limit above 1 its limit.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from helpdesk.models import Unit, status_event_model
from helpdesk.roles import unit_q

from .uploads import agenda_upload_to

CONFIRM_TARGET = dt.timedelta(minutes=3)
# The 3-minute clock runs in office hours on working days (helpdesk.workdays, HELPDESK_OFFICE_HOURS).
SETUP_LEAD = dt.timedelta(minutes=30)
CHECK_AFTER = dt.timedelta(minutes=10)


class Room(models.Model):
    name = models.CharField(_("ชื่อห้องประชุม"), max_length=200)
    location = models.CharField(_("สถานที่"), max_length=255, help_text=_("อาคาร ชั้น"))
    capacity = models.PositiveIntegerField(_("จำนวนที่นั่ง"))
    equipment = models.TextField(_("อุปกรณ์ในห้อง"), blank=True,
                                 help_text=_("เช่น จอภาพ โปรเจกเตอร์ ไมโครโฟน กล้องประชุมทางไกล"))
    unit = models.ForeignKey(Unit, verbose_name=_("หน่วยงานเจ้าของห้อง"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="meeting_rooms")
    is_active = models.BooleanField(_("เปิดให้จอง"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("ห้องประชุม")
        verbose_name_plural = _("ห้องประชุม")

    def __str__(self) -> str:
        return self.name


class VCAccount(models.Model):
    """A video-conference account or licence (Zoom, Microsoft Teams, Webex …)."""

    class Platform(models.TextChoices):
        ZOOM = "zoom", _("Zoom")
        TEAMS = "teams", _("Microsoft Teams")
        WEBEX = "webex", _("Cisco Webex")
        MEET = "meet", _("Google Meet")
        OTHER = "other", _("อื่น ๆ")

    name = models.CharField(_("ชื่อบัญชี"), max_length=200)
    platform = models.CharField(_("แพลตฟอร์ม"), max_length=20, choices=Platform.choices)
    login = models.CharField(_("บัญชีเข้าใช้ (อีเมล)"), max_length=200, blank=True,
                             help_text=_("ไม่เก็บรหัสผ่านในระบบนี้"))
    capacity = models.PositiveIntegerField(_("จำนวนผู้เข้าร่วมสูงสุด"))
    concurrent_limit = models.PositiveSmallIntegerField(_("จำนวนการประชุมพร้อมกันสูงสุด"), default=1)
    is_active = models.BooleanField(_("เปิดให้จอง"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["platform", "name"]
        verbose_name = _("บัญชีการประชุมทางไกล")
        verbose_name_plural = _("บัญชีการประชุมทางไกล")

    def __str__(self) -> str:
        return f"{self.get_platform_display()}: {self.name}"


class BookingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Service staff see every unit; supervisors their unit and below; others their own unit."""
        return self.filter(unit_q(user, "unit"))

    def live(self):
        return self.exclude(status=Booking.Status.CANCELLED)

    def overlapping(self, starts_at: dt.datetime, ends_at: dt.datetime):
        """Half-open ranges [start, end) overlap: a meeting may start when the previous one ends."""
        return self.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)

    def between(self, begin: dt.datetime, end: dt.datetime):
        return self.overlapping(begin, end)


class Booking(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("รอเจ้าหน้าที่ยืนยัน")
        CONFIRMED = "confirmed", _("ยืนยันแล้ว")
        READY = "ready", _("ติดตั้งและทดสอบระบบแล้ว")
        HELD = "held", _("จัดประชุมแล้ว")
        CHECKED = "checked", _("ตรวจสอบหลังการประชุมแล้ว")
        CANCELLED = "cancelled", _("ยกเลิกการจอง")

    class EquipmentState(models.TextChoices):
        OK = "ok", _("เรียบร้อย ใช้งานได้ปกติ")
        ISSUES = "issues", _("พบปัญหา")

    unit = models.ForeignKey(Unit, verbose_name=_("หน่วยงาน"), on_delete=models.PROTECT,
                             related_name="meeting_bookings")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้จอง"), on_delete=models.PROTECT,
                                     related_name="meeting_bookings")
    title = models.CharField(_("หัวข้อการประชุม"), max_length=255)
    starts_at = models.DateTimeField(_("เริ่ม"), db_index=True)
    ends_at = models.DateTimeField(_("สิ้นสุด"), db_index=True)
    participants = models.PositiveIntegerField(_("จำนวนผู้เข้าร่วมประชุม"))
    room = models.ForeignKey(Room, verbose_name=_("ห้องประชุม"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="bookings")
    vc_account = models.ForeignKey(VCAccount, verbose_name=_("ระบบประชุมทางไกล"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="bookings")
    # True when the account allowed one meeting at a time when booked: the exclusion constraint covers it.
    vc_exclusive = models.BooleanField(default=False, editable=False)
    contact_name = models.CharField(_("ผู้ประสานงาน"), max_length=200)
    contact_phone = models.CharField(_("โทรศัพท์ผู้ประสานงาน"), max_length=50)
    notes = models.TextField(_("หมายเหตุ/ความต้องการเพิ่มเติม"), blank=True)
    agenda = models.FileField(_("ระเบียบวาระการประชุม (PDF)"), upload_to=agenda_upload_to, max_length=200,
                              blank=True)
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.REQUESTED,
                              db_index=True)
    assigned_to = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("เจ้าหน้าที่ผู้รับผิดชอบ"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="meeting_assignments")
    join_url = models.URLField(_("ลิงก์เข้าร่วมประชุม"), max_length=500, blank=True)
    join_details = models.CharField(_("Meeting ID / รหัสผ่านห้องประชุม"), max_length=200, blank=True)
    # When confirmation is due: 3 minutes after the request, counted from the next office opening when the
    # request came outside office hours or on a weekend or public holiday (set by booking_create).
    confirm_due_at = models.DateTimeField(_("กำหนดยืนยัน"), null=True, blank=True, editable=False)
    confirmed_at = models.DateTimeField(_("ยืนยันเมื่อ"), null=True, blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้ยืนยัน"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    setup_at = models.DateTimeField(_("ติดตั้ง/ทดสอบเมื่อ"), null=True, blank=True)
    setup_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้ติดตั้ง/ทดสอบ"), null=True,
                                 blank=True, on_delete=models.SET_NULL, related_name="+")
    setup_note = models.TextField(_("ผลการติดตั้งและทดสอบ"), blank=True)
    checked_at = models.DateTimeField(_("ตรวจสอบหลังประชุมเมื่อ"), null=True, blank=True)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("ผู้ตรวจสอบ"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    equipment_state = models.CharField(_("สภาพห้องและอุปกรณ์"), max_length=10, choices=EquipmentState.choices,
                                       blank=True)
    problems = models.TextField(_("ปัญหาที่พบ"), blank=True)
    cancel_reason = models.TextField(_("เหตุผลที่ยกเลิก"), blank=True)
    sequence = models.PositiveIntegerField(default=0, editable=False)  # iCalendar SEQUENCE: bumped on changes
    created_at = models.DateTimeField(_("จองเมื่อ"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("แก้ไขล่าสุด"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["sequence"])

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("การจองห้องประชุม/ประชุมทางไกล")
        verbose_name_plural = _("การจองห้องประชุม/ประชุมทางไกล")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="meetings_end_after_start"),
            models.CheckConstraint(condition=Q(room__isnull=False) | Q(vc_account__isnull=False),
                                   name="meetings_room_or_account"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def reference(self) -> str:
        return f"MT-{self.pk:05d}" if self.pk else "MT-ใหม่"

    @property
    def hours(self) -> float:
        return (self.ends_at - self.starts_at).total_seconds() / 3600

    # The service sheet's times --------------------------------------------------------------------
    @property
    def setup_due(self) -> dt.datetime:
        return self.starts_at - SETUP_LEAD

    @property
    def check_due(self) -> dt.datetime:
        return self.ends_at + CHECK_AFTER

    @property
    def confirm_time(self) -> dt.timedelta | None:
        """From the request (or the office opening after it) to the confirmation."""
        if not self.confirmed_at:
            return None
        clock_start = (self.confirm_due_at - CONFIRM_TARGET) if self.confirm_due_at else self.created_at
        return max(self.confirmed_at - clock_start, dt.timedelta(0))

    @property
    def confirm_time_text(self) -> str:
        elapsed = self.confirm_time
        if elapsed is None:
            return ""
        minutes, seconds = divmod(int(elapsed.total_seconds()), 60)
        hours, minutes = divmod(minutes, 60)
        if hours:
            return _("%(h)d ชั่วโมง %(m)d นาที") % {"h": hours, "m": minutes}
        return _("%(m)d นาที %(s)d วินาที") % {"m": minutes, "s": seconds}

    @property
    def confirmed_within_target(self) -> bool | None:
        elapsed = self.confirm_time
        return None if elapsed is None else elapsed <= CONFIRM_TARGET

    @property
    def setup_on_time(self) -> bool | None:
        return None if self.setup_at is None else self.setup_at <= self.setup_due

    def setup_overdue(self, now: dt.datetime | None = None) -> bool:
        S = self.Status
        return self.status in (S.REQUESTED, S.CONFIRMED) and (now or timezone.now()) > self.setup_due

    def check_overdue(self, now: dt.datetime | None = None) -> bool:
        S = self.Status
        return self.status in (S.READY, S.HELD) and (now or timezone.now()) > self.check_due

    def confirm_overdue(self, now: dt.datetime | None = None) -> bool:
        due = self.confirm_due_at or self.created_at + CONFIRM_TARGET
        return self.status == self.Status.REQUESTED and (now or timezone.now()) > due

    @property
    def where(self) -> str:
        parts = []
        if self.room_id:
            parts.append(f"{self.room.name} ({self.room.location})")
        if self.vc_account_id:
            parts.append(self.vc_account.get_platform_display())
        return " + ".join(parts)


def confirm_due(requested_at: dt.datetime) -> dt.datetime:
    """3 minutes of office time after ``requested_at`` (weekends and the holiday table skipped)."""
    from helpdesk.workdays import add_working_minutes

    return add_working_minutes(requested_at, CONFIRM_TARGET.total_seconds() / 60, run_past_closing=True)


BookingEvent = status_event_model(Booking, _("ประวัติการจอง"))
