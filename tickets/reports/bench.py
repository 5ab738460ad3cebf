"""A fast bulk generator of realistic tickets for the report benchmark (bench_reports).

Tickets are written with bulk_create (numbers and tracking tokens precomputed, no history rows,
no e-mail) and marked with BENCH_MARK in the symptom so a later run reuses them.
"""

import datetime as dt
import random
import secrets

from django.contrib.auth.models import Group, User
from django.db import transaction
from django.db.models import Max

from assets.models import Asset
from helpdesk.models import Area, Profile, Team, Unit
from helpdesk.roles import Role
from helpdesk.surveys.models import Answer, Invitation, Question, Response, SurveyService
from helpdesk.thai import fiscal_year_bounds
from helpdesk.workdays import WorkingCalendar
from tickets.models import Category, Channel, FiscalYearCounter, ServiceMode, Status, Ticket
from tickets.reports.periods import BANGKOK

BENCH_MARK = "[bench]"
BENCH_USER = "bench_executive"
BATCH = 5000
ASSETS = 3000

SYMPTOMS = ["เปิดเครื่องไม่ติด", "เครื่องพิมพ์กระดาษติด", "เข้าอินเทอร์เน็ตไม่ได้", "โปรแกรมค้าง", "จอภาพไม่แสดงผล",
            "ติดไวรัส", "ลืมรหัสผ่าน", "UPS มีเสียงเตือน"]
ACTIVE_MIX = [Status.NEW, Status.RECEIVED, Status.IN_PROGRESS, Status.WAITING_PARTS, Status.AT_VENDOR,
              Status.QUALITY_CHECK, Status.READY_FOR_PICKUP]


def bench_ticket_count(year_be: int) -> int:
    return Ticket.objects.filter(fiscal_year=year_be, symptom__startswith=BENCH_MARK).count()


def _organisation() -> list[Unit]:
    units = list(Unit.objects.select_related("area"))
    if units:
        return units
    teams = [Team.objects.create(code=f"bench{n}", name=f"ทีมบริการ {n}") for n in range(1, 4)]
    areas = [Area.objects.create(code=f"bench-area{n}", name=f"พื้นที่ {n}", team=teams[n % 3]) for n in range(4)]
    for n in range(60):
        Unit.objects.create(code=f"B{n:04d}", name=f"หน่วยงานทดสอบ {n + 1}", kind=Unit.Kind.SECTION,
                            area=areas[n % 4])
    return list(Unit.objects.select_related("area"))


def bench_user() -> User:
    user, created = User.objects.get_or_create(username=BENCH_USER, defaults={"first_name": "ผู้บริหาร",
                                                                              "last_name": "ทดสอบความเร็ว"})
    if created:
        user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get_or_create(name=Role.EXECUTIVE)[0])
        Profile.objects.create(user=user, unit=Unit.objects.order_by("pk").first(), position="ผู้บริหาร")
    return user


def _assets(units: list[Unit], rng: random.Random) -> list[Asset]:
    existing = list(Asset.objects.filter(notes=BENCH_MARK))
    if existing:
        return existing
    Asset.objects.bulk_create(
        [
            Asset(asset_number=f"7440-{900 + n // 10000:03d}-{n % 10000:04d}/2569", asset_type=Asset.Type.COMPUTER,
                  brand=rng.choice(["Dell", "HP", "Lenovo", "Acer"]), model_name="Bench", unit=rng.choice(units),
                  notes=BENCH_MARK)
            for n in range(ASSETS)
        ],
        batch_size=BATCH,
    )
    return list(Asset.objects.filter(notes=BENCH_MARK))


def seed_bench_tickets(count: int, year_be: int, *, seed: int = 2570, log=print) -> int:
    """Create `count` tickets spread over fiscal year `year_be`; returns how many were created."""
    rng = random.Random(seed)
    units = _organisation()
    categories = [c for c in Category.objects.select_related("parent") if c.parent_id]
    weights = [5 if c.kind == Category.Kind.HARDWARE else 3 if c.kind == Category.Kind.SOFTWARE else 2
               for c in categories]
    assets = _assets(units, rng)
    assets_by_unit: dict[int, list[Asset]] = {}
    for asset in assets:
        assets_by_unit.setdefault(asset.unit_id, []).append(asset)
    start, end = fiscal_year_bounds(year_be)
    begin = dt.datetime.combine(start, dt.time(8), tzinfo=BANGKOK)
    span = (dt.datetime.combine(end, dt.time(17), tzinfo=BANGKOK) - begin).total_seconds()
    calendar = WorkingCalendar(start - dt.timedelta(days=1), end + dt.timedelta(days=400))
    counter, _ = FiscalYearCounter.objects.get_or_create(fiscal_year=year_be)
    first_sequence = max(counter.last_number, Ticket.objects.filter(fiscal_year=year_be).aggregate(
        m=Max("sequence"))["m"] or 0) + 1
    moments = sorted(begin + dt.timedelta(seconds=rng.random() * span) for _ in range(count))

    tickets: list[Ticket] = []
    last_delivery: dict[int, int] = {}  # asset id → index of its latest delivered ticket
    claims: list[tuple[int, int]] = []
    for index, created in enumerate(moments):
        unit = rng.choice(units)
        category = rng.choices(categories, weights)[0]
        unit_assets = assets_by_unit.get(unit.pk)
        asset = rng.choice(unit_assets) if unit_assets and rng.random() < 0.6 else None
        due = calendar.add(created, category.target_working_days)
        roll = rng.random()
        status, resolved, delivered, closed, parts_since, parts_due = Status.NEW, None, None, None, None, None
        if roll < 0.86:
            work_days = min(int(rng.expovariate(0.45)), 25)
            resolved = calendar.add(created, work_days) + dt.timedelta(minutes=rng.randint(0, 240))
            delivered = resolved + dt.timedelta(hours=rng.choice([1, 2, 4, 24, 48]))
            status = Status.CLOSED if rng.random() < 0.3 else Status.DELIVERED
            if rng.random() < 0.08:
                parts_since = created + dt.timedelta(days=1)
                parts_due = parts_since + dt.timedelta(days=90)
        elif roll < 0.91:
            status, closed = Status.CANCELLED, created + dt.timedelta(hours=3)
        elif roll < 0.93:
            status, closed = Status.UNREPAIRABLE, created + dt.timedelta(days=5)
            resolved = closed
        else:
            status = rng.choice(ACTIVE_MIX)
        if asset is not None and asset.pk in last_delivery:
            previous = tickets[last_delivery[asset.pk]]
            if (previous.delivered_at and previous.delivered_at < created
                    and (created - previous.delivered_at).days <= 30 and rng.random() < 0.15):
                claims.append((index, last_delivery[asset.pk]))
        sequence = first_sequence + index
        tickets.append(Ticket(
            number=f"{year_be}-{sequence:05d}", fiscal_year=year_be, sequence=sequence,
            tracking_token=secrets.token_urlsafe(24), unit=unit, requester_name="ผู้แจ้งทดสอบ",
            requester_phone="02 000 0000", asset=asset, device_description="" if asset else "อุปกรณ์ทั่วไป",
            category=category, symptom=f"{BENCH_MARK} {rng.choice(SYMPTOMS)}",
            channel=rng.choices(Channel.values, [6, 2, 1, 3])[0], team=unit.area.team, status=status,
            service_mode=ServiceMode.ONE_STOP, due_at=due, parts_waiting_since=parts_since, parts_due_at=parts_due,
            created_at=created, received_at=created + dt.timedelta(hours=1) if status != Status.NEW else None,
            resolved_at=resolved, delivered_at=delivered, closed_at=closed,
            received_by_name="ผู้รับทดสอบ" if delivered else "", time_spent_minutes=rng.randint(10, 300),
        ))
        if asset is not None and delivered is not None:
            last_delivery[asset.pk] = index

    with transaction.atomic():
        for offset in range(0, len(tickets), BATCH):
            Ticket.objects.bulk_create(tickets[offset:offset + BATCH])
            log(f"  {min(offset + BATCH, len(tickets)):,} / {len(tickets):,} tickets")
        claimed = []
        for index, previous in claims:
            ticket = tickets[index]
            ticket.guarantee_of_id = tickets[previous].pk
            ticket.service_mode = ServiceMode.ON_SITE
            claimed.append(ticket)
        Ticket.objects.bulk_update(claimed, ["guarantee_of", "service_mode"], batch_size=BATCH)
        surveys = _bench_surveys(tickets, rng)
        FiscalYearCounter.objects.filter(pk=year_be).update(last_number=first_sequence + count - 1)
    log(f"  {len(claimed):,} guarantee claims, {len(surveys):,} surveys")
    return len(tickets)


def _bench_surveys(tickets, rng) -> list:
    """An invitation for every delivered ticket, answered for about half of them (repair service)."""
    from django.contrib.contenttypes.models import ContentType

    service = SurveyService.objects.get(code="repair")
    questions = list(Question.objects.filter(service=service, is_active=True))
    ticket_type = ContentType.objects.get_for_model(Ticket)
    delivered = [t for t in tickets if t.delivered_at is not None]
    invitations = Invitation.objects.bulk_create([
        Invitation(service=service, content_type=ticket_type, object_id=t.pk, token=secrets.token_urlsafe(24),
                   label=f"ใบแจ้งซ่อม {t.number}", unit_id=t.unit_id, team_id=t.team_id, created_at=t.delivered_at)
        for t in delivered
    ], batch_size=BATCH)
    responses, ratings = [], []
    for invitation, ticket in zip(invitations, delivered, strict=True):
        if rng.random() < 0.5:
            overall = rng.choices([5, 4, 3, 2, 1], [45, 35, 12, 5, 3])[0]
            responses.append(Response(invitation=invitation, score=overall,
                                      answered_at=ticket.delivered_at + dt.timedelta(hours=rng.randint(1, 72))))
            ratings.append([overall if q.is_overall else max(1, min(5, overall + rng.randint(-1, 1)))
                            for q in questions])
    Response.objects.bulk_create(responses, batch_size=BATCH)
    Answer.objects.bulk_create(
        [Answer(response=r, question=q, rating=value)
         for r, values in zip(responses, ratings, strict=True) for q, value in zip(questions, values, strict=True)],
        batch_size=BATCH,
    )
    return responses
