"""Demo organisation: areas, teams, units, one user per role, public holidays."""

import csv
import datetime as dt
import io
import random
from contextlib import contextmanager
from pathlib import Path

from django.contrib.auth.models import Group, User
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from helpdesk.models import Area, Holiday, Profile, Team, Unit
from helpdesk.roles import Role, ensure_default_roles

DEMO_PASSWORD = "demo1234"

TEAMS = [
    ("workshop", "ฝ่ายช่าง", "workshop@helpdesk.local"),
    ("service1", "ฝ่ายบริการ ๑", "service1@helpdesk.local"),
    ("service2", "ฝ่ายบริการ ๒", "service2@helpdesk.local"),
]
AREAS = [
    ("central", "กลุ่มพื้นที่ศาลาว่าการ", "workshop"),
    ("north", "กลุ่มเขตกรุงเทพเหนือ", "service1"),
    ("east", "กลุ่มเขตกรุงเทพตะวันออก", "service1"),
    ("thonburi", "กลุ่มเขตกรุงธนใต้", "service2"),
]
# (code, name, kind, parent code or None, area code, phone): the rows of demo_units.csv.
with (Path(__file__).parent / "demo_units.csv").open(encoding="utf-8", newline="") as rows:
    UNITS = [(row["code"], row["name"], row["kind"], row["parent"] or None, row["area"], row["phone"])
             for row in csv.DictReader(rows)]
# (username, first, last, roles, unit code, team code, position, phone, mobile)
USERS = [
    ("requester", "สมศรี", "ใจดี", [Role.REQUESTER], "50110", None, "นักวิชาการทะเบียนชำนาญการ", "0 2521 0522 ต่อ 12", "081 234 5678"),
    ("requester2", "ประเสริฐ", "มั่นคง", [Role.REQUESTER], "60110", None, "เจ้าพนักงานธุรการ", "0 2326 9149 ต่อ 5", "089 765 4321"),
    ("technician", "วีระ", "ช่างซ่อม", [Role.TECHNICIAN], "01200", "service1", "นายช่างไฟฟ้าชำนาญงาน", "0 2224 1350", "086 111 2233"),
    ("technician2", "อนุชา", "รักงาน", [Role.TECHNICIAN], "01200", "workshop", "นักวิชาการคอมพิวเตอร์ปฏิบัติการ", "0 2224 1351", "086 444 5566"),
    ("technician3", "กมล", "ศรีสุข", [Role.TECHNICIAN], "01200", "service2", "เจ้าพนักงานเครื่องคอมพิวเตอร์", "0 2224 1352", "086 777 8899"),
    ("supervisor", "มาลี", "ผู้นำ", [Role.SUPERVISOR, Role.REQUESTER], "50100", None, "ผู้อำนวยการเขตบางเขน", "0 2521 0521", "081 999 0000"),
    ("ithead", "ธนพล", "วิศวกร", [Role.IT_HEAD, Role.TECHNICIAN], "01200", "workshop", "ผู้อำนวยการกองระบบคอมพิวเตอร์", "0 2224 1300", "081 555 1212"),
    ("netadmin", "ชยพล", "เครือข่าย", [Role.NETWORK_ADMIN], "01200", "workshop", "นักวิชาการคอมพิวเตอร์ชำนาญการ", "0 2224 1360", "082 333 4444"),
    ("stock", "วันดี", "พัสดุ", [Role.STOCK_OFFICER], "01210", None, "เจ้าพนักงานพัสดุชำนาญงาน", "0 2224 1370", "083 222 1111"),
    ("executive", "ประยูร", "บริหาร", [Role.EXECUTIVE], "01000", None, "ปลัดกรุงเทพมหานคร", "0 2221 2141", ""),
]

# Fixed-date public holidays; moveable (lunar) ones are added by the admin each year.
FIXED_HOLIDAYS = [
    ((1, 1), "วันขึ้นปีใหม่"),
    ((4, 6), "วันจักรี"),
    ((4, 13), "วันสงกรานต์"),
    ((4, 14), "วันสงกรานต์"),
    ((4, 15), "วันสงกรานต์"),
    ((5, 1), "วันแรงงานแห่งชาติ"),
    ((5, 4), "วันฉัตรมงคล"),
    ((6, 3), "วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าฯ พระบรมราชินี"),
    ((7, 28), "วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว"),
    ((8, 12), "วันแม่แห่งชาติ"),
    ((10, 13), "วันนวมินทรมหาราช"),
    ((10, 23), "วันปิยมหาราช"),
    ((12, 5), "วันพ่อแห่งชาติ"),
    ((12, 10), "วันรัฐธรรมนูญ"),
    ((12, 31), "วันสิ้นปี"),
]


def demo_users() -> list[tuple[str, str]]:
    """(username, role labels) for the README and the run command."""
    return [(username, ", ".join(str(role.label) for role in roles)) for username, _f, _l, roles, *_rest in USERS]


def seed(command, options) -> None:
    teams = {}
    for code, name, email in TEAMS:
        teams[code], _ = Team.objects.get_or_create(code=code, defaults={"name": name, "email": email})
    areas = {}
    for code, name, team_code in AREAS:
        areas[code], _ = Area.objects.get_or_create(code=code, defaults={"name": name, "team": teams[team_code]})
    units = {}
    for code, name, kind, parent, area, phone in UNITS:
        units[code], _ = Unit.objects.get_or_create(
            code=code,
            defaults={"name": name, "kind": kind, "parent": units.get(parent), "area": areas[area], "phone": phone},
        )
    # The roles come from a data migration; a flushed test database has lost them.
    ensure_default_roles(Group)
    groups = {group.name: group for group in Group.objects.filter(name__in=Role.values)}
    for username, first, last, roles, unit, team, position, phone, mobile in USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@helpdesk.local"},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            user.groups.set([groups[role] for role in roles])
            Profile.objects.create(
                user=user, unit=units[unit], team=teams.get(team), position=position, phone=phone, mobile=mobile
            )
    for team_code, head in (("workshop", "ithead"), ("service1", "technician"), ("service2", "technician3")):
        Team.objects.filter(code=team_code, head__isnull=True).update(head=User.objects.get(username=head))
    admin, created = User.objects.get_or_create(
        username="admin",
        defaults={"first_name": "ผู้ดูแล", "last_name": "ระบบ", "email": "admin@helpdesk.local",
                  "is_staff": True, "is_superuser": True},
    )
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save(update_fields=["password"])
        Profile.objects.create(user=admin, unit=units["01200"], team=teams["workshop"], position="ผู้ดูแลระบบ")
    for year in range(2025, 2029):
        for (month, day), name in FIXED_HOLIDAYS:
            Holiday.objects.get_or_create(date=dt.date(year, month, day), defaults={"name": name})


class _AnyDatetime(type):
    def __instancecheck__(cls, value) -> bool:
        return isinstance(value, dt.datetime)


@contextmanager
def demo_clock(moment: dt.datetime):
    """Run the services as if it were `moment`, so a demo year of history keeps every invariant the services
    keep (due dates, event times, audit history, survey windows). Every clock reading in Django goes through
    `django.utils.timezone.now`, which asks the module's `datetime.now`: that is what is replaced, so field
    defaults bound to `timezone.now` see the demo moment too. For seed_demo only, never in a request."""

    class DemoDatetime(dt.datetime, metaclass=_AnyDatetime):
        @classmethod
        def now(cls, tz=None):
            return moment.astimezone(tz) if tz else timezone.make_naive(moment)

    real = timezone.datetime
    timezone.datetime = DemoDatetime
    try:
        yield
    finally:
        timezone.datetime = real


@contextmanager
def past_without_notices():
    """A past year is history, not news: the e-mails and inbox notices the services queue for after the commit
    (on_commit) while it is written are dropped, and those written at once are marked read, so nobody opens
    the demo to hundreds of stale notices.
    Inside seed_demo's transaction only (outside one, on_commit runs at once and nothing is dropped)."""
    from helpdesk.notifications.models import Notification

    connection = transaction.get_connection()
    queued = len(connection.run_on_commit)
    today = timezone.now()
    try:
        yield
    finally:
        if connection.in_atomic_block:
            del connection.run_on_commit[queued:]
        # Notices a service wrote at once (not on commit) about last month's work were read long ago.
        Notification.objects.filter(read_at__isnull=True, created_at__lt=today - dt.timedelta(days=3)).update(
            read_at=F("created_at") + dt.timedelta(hours=2))


def working_moment(rng: random.Random, day: dt.date, *, earliest: dt.time = dt.time(8, 30),
                   latest: dt.time = dt.time(16, 0)) -> dt.datetime:
    """An aware datetime in office hours on `day`, moved forward to the Monday when `day` falls on a weekend."""
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    span = (latest.hour * 60 + latest.minute) - (earliest.hour * 60 + earliest.minute)
    minutes = earliest.hour * 60 + earliest.minute + rng.randrange(span)
    naive = dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60))
    return timezone.make_aware(naive, timezone.get_current_timezone())


def png_bytes(image) -> bytes:
    """A Pillow image as the bytes of a PNG file (the demo's uploads)."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def demo_accounts(*usernames: str) -> list[User] | None:
    """The demo users by name, in that order; None when one is missing (a process's seed then skips)."""
    users = {user.username: user for user in User.objects.filter(username__in=usernames)}
    if len(users) < len(usernames):
        return None
    return [users[name] for name in usernames]
