"""Demo data: meeting rooms, video-conference accounts and bookings in every state this week. Safe to run twice.

Past steps are recorded at the times they would have happened (the clock is moved for each step), so the
timeline, the 3-minute and 30-minute measures and the report show realistic figures.
"""

import datetime as dt
from contextlib import contextmanager
from unittest import mock

from django.contrib.auth.models import User
from django.utils import timezone

from helpdesk.models import Unit
from helpdesk.surveys.services import survey_submit

from . import services
from .models import Booking, Room, VCAccount
from .survey import booking_survey_invite

ROOMS = [
    ("ห้องประชุมศาลาว่าการ 1", "อาคาร 1 ชั้น 2", 40, "จอ LED 86 นิ้ว, ไมโครโฟนประชุม 20 ชุด, กล้อง PTZ สำหรับประชุมทางไกล",
     "01200"),
    ("ห้องประชุมกองกลาง", "อาคาร 2 ชั้น 3", 16, "โปรเจกเตอร์, ลำโพง, เว็บแคม 4K", "01200"),
    ("ห้องประชุมสำนักงานเขตบางเขน", "อาคารสำนักงานเขต ชั้น 4", 25, "จอภาพ 75 นิ้ว, ไมโครโฟนไร้สาย 4 ตัว", "50100"),
]
ACCOUNTS = [
    ("Zoom หน่วยงาน (บัญชี 1)", VCAccount.Platform.ZOOM, "zoom1@helpdesk.local", 300, 1),
    ("Zoom หน่วยงาน (บัญชี 2)", VCAccount.Platform.ZOOM, "zoom2@helpdesk.local", 100, 1),
    ("Microsoft Teams องค์กร", VCAccount.Platform.TEAMS, "teams@helpdesk.local", 300, 3),
]
FIRST_TITLE = "ประชุมคณะทำงานปรับปรุงฐานข้อมูลทะเบียนราษฎร"
JOIN = {
    VCAccount.Platform.ZOOM: ("https://zoom.us/j/91234567890", "Meeting ID 912 3456 7890 · Passcode 2569"),
    VCAccount.Platform.TEAMS: ("https://teams.microsoft.com/l/meetup-join/19%3ameeting_demo", "รหัสการประชุม 456 789 123"),
}


@contextmanager
def _at(moment: dt.datetime):
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def seed(command, options) -> None:
    units = {u.code: u for u in Unit.objects.filter(code__in=["01200", "50100", "50110", "60110", "04100"])}
    if len(units) < 4:
        return
    rooms = []
    for name, location, capacity, equipment, unit_code in ROOMS:
        room, _ = Room.objects.get_or_create(name=name, defaults={
            "location": location, "capacity": capacity, "equipment": equipment, "unit": units.get(unit_code)})
        rooms.append(room)
    accounts = []
    for name, platform, login, capacity, limit in ACCOUNTS:
        account, _ = VCAccount.objects.get_or_create(name=name, defaults={
            "platform": platform, "login": login, "capacity": capacity, "concurrent_limit": limit})
        accounts.append(account)
    if Booking.objects.filter(title=FIRST_TITLE).exists():
        return
    people = {u.username: u for u in User.objects.filter(
        username__in=["requester", "requester2", "supervisor", "technician", "technician3", "ithead"])}
    if len(people) < 6:
        return

    today = timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday())

    def at(day: dt.date, hh: int, mm: int = 0) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(day, dt.time(hh, mm)))

    def book(who, unit_code, title, day, start, end, participants, room=None, account=None, *, steps=(),
             confirm_after=dt.timedelta(minutes=2), problems="", rating=None, comment=""):
        starts_at, ends_at = at(day, *start), at(day, *end)
        booked_at = min(starts_at - dt.timedelta(days=2), timezone.now() - dt.timedelta(hours=1))
        while timezone.localtime(booked_at).weekday() >= 5:  # requests come in on working days
            booked_at -= dt.timedelta(days=1)
        booking = Booking(
            unit=units[unit_code], title=title, starts_at=starts_at, ends_at=ends_at, participants=participants,
            room=room, vc_account=account, contact_name=who.get_full_name(), contact_phone=who.profile.phone,
            notes="ขอไมโครโฟนไร้สายเพิ่ม 2 ตัว และน้ำดื่มสำหรับผู้เข้าร่วม" if room else "",
        )
        with _at(booked_at):
            services.booking_create(booking=booking, by=who)
        tech = people["technician"]
        if "confirm" in steps:
            with _at(booked_at + confirm_after):
                services.booking_confirm(
                    booking=booking, by=tech, assigned_to=people["technician3"] if account else tech,
                    join_url=JOIN[account.platform][0] if account else "",
                    join_details=JOIN[account.platform][1] if account else "",
                )
        if "setup" in steps:
            with _at(starts_at - dt.timedelta(minutes=45 if "late" not in steps else 10)):
                services.booking_setup(booking=booking, by=tech, note="ทดสอบภาพ เสียง และการเชื่อมต่ออินเทอร์เน็ตเรียบร้อย")
        if "check" in steps:
            with _at(ends_at + dt.timedelta(minutes=8)):
                services.booking_check(booking=booking, by=tech, problems=problems,
                                       equipment_state="issues" if problems else "ok")
                # The invitation (the hook makes it on commit too; it is made once) and the requester's answer.
                invitation = booking_survey_invite(Booking.objects.get(pk=booking.pk))
            if invitation is not None and rating:  # answered two hours after the meeting
                questions = list(invitation.service.questions.filter(is_active=True))
                survey_submit(invitation=invitation, by=who, comment=comment,
                              ratings={q.pk: (rating if q.is_overall else min(5, rating + n % 2))
                                       for n, q in enumerate(questions)},
                              now=ends_at + dt.timedelta(hours=2))
        if "cancel" in steps:
            with _at(booked_at + dt.timedelta(hours=3)):
                services.booking_cancel(booking=booking, by=who, reason="เลื่อนการประชุมตามหนังสือสั่งการ")
        return booking

    req, req2, sup = people["requester"], people["requester2"], people["supervisor"]
    big, small, district = rooms
    zoom1, zoom2, teams = accounts
    last_week = monday - dt.timedelta(days=7)
    book(req, "50110", FIRST_TITLE, last_week + dt.timedelta(days=1), (9, 0), (12, 0),
         20, big, zoom1, steps=("confirm", "setup", "check"), rating=5, comment="ภาพและเสียงชัดเจน เจ้าหน้าที่เตรียมพร้อมก่อนเวลา")
    book(req2, "60110", "ประชุมชี้แจงโครงการสวัสดิการผู้สูงอายุ", last_week + dt.timedelta(days=2), (13, 30), (16, 0),
         60, None, teams, steps=("confirm", "setup", "late", "check"), confirm_after=dt.timedelta(minutes=12),
         problems="เสียงจากห้องประชุมปลายทางขาดเป็นช่วง ๆ ประมาณ 10 นาที ได้แจ้งผู้ให้บริการอินเทอร์เน็ตแล้ว",
         rating=3, comment="เสียงขาดช่วงระหว่างประชุม อยากให้ทดสอบระบบเร็วกว่านี้")
    book(sup, "50100", "ประชุมผู้บริหารสำนักงานเขตบางเขนประจำเดือน", last_week + dt.timedelta(days=3), (10, 0), (11, 30),
         18, district, None, steps=("confirm", "setup", "check"))
    book(req, "50110", "อบรมการใช้ระบบสารบรรณอิเล็กทรอนิกส์", monday + dt.timedelta(days=1), (9, 0), (12, 0), 35, big,
         zoom1, steps=("confirm",))
    book(req2, "60110", "ประชุมติดตามการเบิกจ่ายงบประมาณ", monday + dt.timedelta(days=1), (13, 0), (15, 0), 12, small,
         None, steps=("confirm",))
    book(sup, "50100", "ประชุมทางไกลกับสำนักการศึกษา", monday + dt.timedelta(days=2), (10, 0), (11, 0), 8, None, zoom2)
    book(req, "50110", "ประชุมคณะกรรมการตรวจรับพัสดุ", monday + dt.timedelta(days=3), (14, 0), (16, 0), 10, small,
         None)
    book(req2, "60110", "ประชุมเตรียมงานวันเด็กแห่งชาติ", monday + dt.timedelta(days=3), (9, 30), (11, 0), 30, big, teams,
         steps=("cancel",))
    book(req2, "60110", "สัมมนาเครือข่ายอาสาสมัครชุมชน (ออนไลน์)", monday + dt.timedelta(days=4), (13, 0), (16, 30),
         150, None, teams, steps=("confirm",))
    book(req, "50110", "ประชุมซักซ้อมแนวทางการจัดเก็บภาษีที่ดิน", monday + dt.timedelta(days=4), (13, 0), (15, 0), 20,
         None, teams, steps=("confirm",))
