"""What the meetings app plugs into the kernel: reminders, a dashboard widget and a report section."""

import datetime as dt
import functools

from django.contrib.auth.models import User
from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.dashboard import ReportSection, register_report_section, register_widget
from helpdesk.reminders import Due, register_source
from helpdesk.roles import Role
from helpdesk.thai import format_date

REMIND_AHEAD = dt.timedelta(minutes=30)  # the set-up reminder goes 30 minutes before the set-up is due
UPCOMING_AHEAD = dt.timedelta(days=1)  # the requester's reminder, a day before the meeting
LOOK_BACK = dt.timedelta(days=7)  # unchecked meetings keep being flagged for a week


def meetings_due(now: dt.datetime):
    """The notices due at ``now`` (see helpdesk.reminders): confirmation late (3-minute target), set-up
    soon/overdue (30 minutes before the start), after-meeting check due/overdue (10 minutes after the end),
    and the requester's reminder the day before."""
    from .models import SETUP_LEAD, Booking
    from .services import staff_users

    S = Booking.Status
    bookings = list(
        Booking.objects.filter(
            Q(status=S.REQUESTED) | Q(starts_at__lte=now + UPCOMING_AHEAD + SETUP_LEAD),
            status__in=[S.REQUESTED, S.CONFIRMED, S.READY, S.HELD], starts_at__gte=now - LOOK_BACK,
        ).select_related("requested_by", "assigned_to", "room", "vc_account", "unit")
    )
    if not bookings:
        return
    staff = tuple(staff_users())
    heads = tuple(User.objects.filter(is_active=True, groups__name=Role.IT_HEAD))

    def responsible(b) -> tuple:
        return (b.assigned_to,) if b.assigned_to_id else staff

    for b in bookings:
        notice = functools.partial(_notice, b)
        if b.confirm_overdue(now):
            yield notice("confirm_overdue", "meeting_confirm_overdue", staff,
                         _("%(ref)s ยังไม่ได้ยืนยันการจอง (เป้าหมาย 3 นาที): %(title)s"),
                         b.confirm_due_at or b.created_at)
        if b.status in (S.REQUESTED, S.CONFIRMED):
            if b.setup_due - REMIND_AHEAD <= now <= b.setup_due:
                yield notice("setup_due", "meeting_setup_due", responsible(b),
                             _("%(ref)s ถึงเวลาติดตั้ง/ทดสอบระบบก่อนประชุม: %(title)s"), b.setup_due)
            elif now > b.setup_due:
                yield notice("setup_overdue", "meeting_setup_overdue", {*responsible(b), *heads},
                             _("%(ref)s เลยกำหนดติดตั้ง/ทดสอบระบบ (30 นาทีก่อนประชุม): %(title)s"), b.setup_due)
        if b.status in (S.READY, S.HELD) and now >= b.ends_at:
            if now <= b.check_due:
                yield notice("check_due", "meeting_check_due", responsible(b),
                             _("%(ref)s ตรวจสอบห้องและอุปกรณ์หลังการประชุม: %(title)s"), b.check_due)
            else:
                yield notice("check_overdue", "meeting_check_overdue", {*responsible(b), *heads},
                             _("%(ref)s เลยกำหนดตรวจสอบหลังการประชุม (10 นาทีหลังเลิกประชุม): %(title)s"),
                             b.check_due)
        if b.status in (S.CONFIRMED, S.READY) and b.starts_at - UPCOMING_AHEAD <= now < b.starts_at:
            yield notice("upcoming", "meeting_upcoming", (b.requested_by,),
                         _("เตือนการประชุม %(ref)s: %(title)s"), b.starts_at)


def _notice(b, stage: str, kind: str, recipients, subject: str, deadline: dt.datetime) -> Due:
    """One notice about booking ``b``; the deadline is part of the key, so a booking moved to another time
    is reminded again."""
    message = _("%(when)s %(start)s–%(end)s น. %(where)s (%(unit)s, %(n)s คน)") % {
        "when": format_date(b.starts_at), "start": _hhmm(b.starts_at), "end": _hhmm(b.ends_at),
        "where": b.where, "unit": b.unit.name, "n": b.participants}
    return Due(f"meetings.{stage}:{b.pk}:{int(deadline.timestamp())}", kind, tuple(recipients),
               subject % {"ref": b.reference, "title": b.title}, message=message,
               url=reverse("meetings:detail", args=[b.pk]), context={"booking": b})


def _hhmm(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%H:%M")


def staff_widget_context(request) -> dict | None:
    """The desk's queue counts and today's meetings: two queries."""
    from .models import Booking
    from .services import is_meeting_staff, staff_queue_counts

    if not is_meeting_staff(request.user):
        return None
    now = timezone.now()
    day_start = timezone.make_aware(dt.datetime.combine(timezone.localdate(now), dt.time.min))
    today = (Booking.objects.live().between(day_start, day_start + dt.timedelta(days=1))
             .select_related("room", "vc_account", "unit").order_by("starts_at", "pk")[:8])
    return {**staff_queue_counts(now), "meetings": list(today), "now": now}


def meetings_report(scope) -> dict:
    """Meetings held in the period (by start time, Bangkok dates): count and hours by unit, room and platform;
    confirmation within 3 minutes; set-up done at least 30 minutes before; problems found."""
    from .models import CHECK_AFTER, SETUP_LEAD, Booking, VCAccount

    S = Booking.Status
    now = timezone.now()
    base = Booking.objects.filter(scope.unit_filter("unit"), scope.date_filter("starts_at"))
    meetings = base.exclude(status=S.CANCELLED)
    duration = ExpressionWrapper(F("ends_at") - F("starts_at"), output_field=DurationField())
    platforms = dict(VCAccount.Platform.choices)
    # One grouped query, folded three ways in Python.
    groups = meetings.values("unit__name", "room__name", "vc_account__platform").annotate(
        n=Count("pk"), time=Sum(duration)).order_by()
    tallies: dict[str, dict] = {"unit": {}, "room": {}, "platform": {}}
    for row in groups:
        hours = row["time"].total_seconds() / 3600 if row["time"] else 0
        for kind, key in (("unit", row["unit__name"]), ("room", row["room__name"]),
                          ("platform", platforms.get(row["vc_account__platform"]))):
            if key:
                n, h = tallies[kind].get(key, (0, 0.0))
                tallies[kind][key] = (n + row["n"], h + hours)

    def rows(kind):
        ordered = sorted(tallies[kind].items(), key=lambda item: (-item[1][0], item[0]))
        return [{"label": key, "n": n, "hours": round(h, 1)} for key, (n, h) in ordered]

    counts = base.aggregate(
        total=Count("pk", filter=~Q(status=S.CANCELLED)),
        cancelled=Count("pk", filter=Q(status=S.CANCELLED)),
        confirmed=Count("pk", filter=~Q(status=S.CANCELLED) & Q(confirmed_at__isnull=False)),
        confirmed_on_time=Count("pk", filter=~Q(status=S.CANCELLED) & Q(confirmed_at__lte=F("confirm_due_at"))),
        set_up=Count("pk", filter=~Q(status=S.CANCELLED) & Q(setup_at__isnull=False)),
        # Only meetings whose set-up (30 minutes before) or check (10 minutes after) has fallen due count.
        setup_was_due=Count("pk", filter=~Q(status=S.CANCELLED) & Q(starts_at__lte=now + SETUP_LEAD)),
        check_was_due=Count("pk", filter=~Q(status=S.CANCELLED) & Q(ends_at__lte=now - CHECK_AFTER)),
        set_up_on_time=Count("pk", filter=~Q(status=S.CANCELLED) & Q(setup_at__lte=F("starts_at") - SETUP_LEAD)),
        checked=Count("pk", filter=Q(status=S.CHECKED)),
        with_problems=Count("pk", filter=Q(status=S.CHECKED, equipment_state=Booking.EquipmentState.ISSUES)),
    )

    def share(part, whole):
        return round(100 * part / whole, 1) if whole else None

    problems = list(
        meetings.filter(equipment_state=Booking.EquipmentState.ISSUES)
        .select_related("room", "vc_account", "unit").order_by("starts_at")[:50]
    ) if counts["with_problems"] else []
    by_unit = rows("unit")
    from .survey import NO_SURVEY, satisfaction_of

    return {
        "by_unit": by_unit, "by_room": rows("room"), "by_platform": rows("platform"), "counts": counts,
        "hours": round(sum(r["hours"] for r in by_unit), 1),
        "confirm_share": share(counts["confirmed_on_time"], counts["confirmed"]),
        "setup_share": share(counts["set_up_on_time"], counts["setup_was_due"]),
        "problems": problems,
        "satisfaction": satisfaction_of(meetings) if counts["total"] else NO_SURVEY,
    }


def meetings_report_csv(scope):
    data = meetings_report(scope)
    header = [_("จำแนกตาม"), _("รายการ"), _("จำนวนการประชุม"), _("จำนวนชั่วโมง")]
    rows = [[_("หน่วยงาน"), r["label"], r["n"], r["hours"]] for r in data["by_unit"]]
    rows += [[_("ห้องประชุม"), r["label"], r["n"], r["hours"]] for r in data["by_room"]]
    rows += [[_("แพลตฟอร์ม"), r["label"], r["n"], r["hours"]] for r in data["by_platform"]]
    rows.append([_("ยืนยันภายใน 3 นาที (ร้อยละ)"), "", data["confirm_share"] if data["confirm_share"] is not None
                 else "-", ""])
    rows.append([_("ติดตั้งเสร็จก่อนประชุมอย่างน้อย 30 นาที (ร้อยละ)"), "",
                 data["setup_share"] if data["setup_share"] is not None else "-", ""])
    rows.append([_("พบปัญหาหลังการประชุม (ครั้ง)"), "", data["counts"]["with_problems"], ""])
    sat = data["satisfaction"]
    if sat["service"] is not None:
        rows.append([_("ร้อยละความพึงพอใจ (เป้าหมาย %(target)s)") % {"target": sat["target"]},
                     _("ตอบ %(n)s จาก %(m)s") % {"n": sat["responses"], "m": sat["invited"]},
                     sat["kpi"] if sat["kpi"] is not None else "-", ""])
    return header, rows


KINDS = [
    ("meeting", gettext_lazy("การจองห้องประชุม/ประชุมทางไกล: คำขอ การยืนยัน การยกเลิก")),
    ("meeting_confirm_overdue", gettext_lazy("การจองประชุมยังไม่ได้ยืนยัน (เกิน 3 นาที)")),
    ("meeting_setup_due", gettext_lazy("ถึงเวลาติดตั้ง/ทดสอบระบบก่อนประชุม")),
    ("meeting_setup_overdue", gettext_lazy("เลยกำหนดติดตั้ง/ทดสอบระบบก่อนประชุม")),
    ("meeting_check_due", gettext_lazy("ถึงเวลาตรวจสอบห้องและอุปกรณ์หลังการประชุม")),
    ("meeting_check_overdue", gettext_lazy("เลยกำหนดตรวจสอบหลังการประชุม")),
    ("meeting_upcoming", gettext_lazy("เตือนการประชุมล่วงหน้า 1 วัน")),
]


def register() -> None:
    from helpdesk.notifications.kinds import register_kind

    for code, label in KINDS:
        register_kind(code, label)
    register_source(meetings_due)
    register_widget(
        "meetings_staff", template="meetings/includes/_widget_staff.html", context=staff_widget_context,
        roles={Role.TECHNICIAN, Role.IT_HEAD}, order=35,
    )
    register_report_section(
        ReportSection(
            "meetings", gettext_lazy("การประชุมและการประชุมทางไกล"), "meetings/includes/_report_section.html",
            build=meetings_report, order=85, csv_rows=meetings_report_csv,
        )
    )

