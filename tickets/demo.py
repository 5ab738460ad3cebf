"""Demo tickets: every status, guarantee claims, phone call-backs; `--tickets N` fills N tickets for benchmarks."""

import csv
import datetime as dt
import io
import json
import random
import secrets
import time

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from assets.models import Asset
from helpdesk.demo import demo_clock
from helpdesk.models import Unit
from helpdesk.roles import Role
from helpdesk.thai import fiscal_year
from helpdesk.workdays import WorkingCalendar
from tickets.categories import ensure_default_categories
from tickets.demo_year import seed_year
from tickets.models import (
    ACTIVE_STATUSES,
    Category,
    Channel,
    FiscalYearCounter,
    ServiceMode,
    Status,
    Ticket,
    TicketEvent,
)
from tickets.services import ticket_assign, ticket_create, ticket_record_work, ticket_transition
from tickets.services.intake import format_number

MARKER = "[ตัวอย่าง] "
# (asset number, type, brand, model, serial, unit code, warranty days from today or None)
DEMO_ASSETS = [
    ("7440-001-0901/2566", Asset.Type.COMPUTER, "Dell", "OptiPlex 7090", "DL7090A01", "50110", None),
    ("7440-001-0902/2566", Asset.Type.COMPUTER, "Lenovo", "ThinkCentre M70s", "LN70S0002", "50110", 200),
    ("7440-005-0903/2566", Asset.Type.PRINTER, "HP", "LaserJet Pro M404dn", "HPM404003", "50110", None),
    ("7440-001-0904/2567", Asset.Type.NOTEBOOK, "Acer", "TravelMate P214", "ACP214004", "60110", None),
    ("7440-001-0905/2567", Asset.Type.COMPUTER, "HP", "ProDesk 400 G7", "HP400G705", "60110", None),
    ("7440-001-0906/2567", Asset.Type.COMPUTER, "Dell", "Vostro 3681", "DLV368106", "50110", None),
    ("7440-001-0907/2565", Asset.Type.COMPUTER, "Lenovo", "ThinkCentre M720", "LNM720007", "01210", None),
    ("7440-003-0908/2562", Asset.Type.MONITOR, "Samsung", "S22F350FH", "SMS22F008", "50110", None),
]
SPARE_ASSET = ("7440-001-0990/2565", Asset.Type.NOTEBOOK, "Lenovo", "ThinkPad E14", "LNE140990", "01200", None)
# (asset index or None, category code, symptom, target status)
DEMO_TICKETS = [
    (0, "hw-computer", "เปิดเครื่องไม่ติด ไฟสถานะไม่ขึ้น", Status.NEW),
    (2, "hw-printer", "เครื่องพิมพ์กระดาษติดบ่อย พิมพ์ออกมาเป็นรอยดำ", Status.RECEIVED),
    (3, "sw-office", "เปิดไฟล์ Excel แล้วโปรแกรมค้าง", Status.IN_PROGRESS),
    (4, "hw-computer", "เครื่องดับเองระหว่างใช้งาน มีเสียงดังจากพัดลม", Status.WAITING_PARTS),
    (1, "hw-computer", "จอฟ้า (Blue screen) ทุกครั้งที่เปิดเครื่อง", Status.AT_VENDOR),
    (5, "sw-virus", "มีหน้าต่างโฆษณาเด้งขึ้นตลอดเวลา", Status.QUALITY_CHECK),
    (None, "nw-connection", "เชื่อมต่ออินเทอร์เน็ตไม่ได้ทั้งห้อง", Status.READY_FOR_PICKUP),
    (6, "hw-computer", "เปิดเครื่องแล้วมีเสียงบี๊บยาว", Status.DELIVERED),
    (None, "sw-mis", "เข้าระบบ MIS ไม่ได้ แจ้งรหัสผ่านผิด", Status.CLOSED),
    (None, "hw-ups", "เครื่องสำรองไฟมีเสียงร้องตลอด", Status.CANCELLED),
    (7, "hw-monitor", "จอภาพมีเส้นแนวตั้งเต็มจอ", Status.UNREPAIRABLE),
]
PATHS = {
    Status.NEW: [],
    Status.RECEIVED: [Status.RECEIVED],
    Status.IN_PROGRESS: [Status.RECEIVED, Status.IN_PROGRESS],
    Status.WAITING_PARTS: [Status.RECEIVED, Status.IN_PROGRESS, Status.WAITING_PARTS],
    Status.AT_VENDOR: [Status.RECEIVED, Status.IN_PROGRESS, Status.AT_VENDOR],
    Status.QUALITY_CHECK: [Status.RECEIVED, Status.IN_PROGRESS, Status.QUALITY_CHECK],
    Status.READY_FOR_PICKUP: [Status.IN_PROGRESS, Status.QUALITY_CHECK, Status.READY_FOR_PICKUP],
    Status.DELIVERED: [Status.RECEIVED, Status.IN_PROGRESS, Status.QUALITY_CHECK, Status.READY_FOR_PICKUP,
                       Status.DELIVERED],
    Status.CLOSED: [Status.IN_PROGRESS, Status.QUALITY_CHECK, Status.READY_FOR_PICKUP, Status.DELIVERED,
                    Status.CLOSED],
    Status.CANCELLED: [Status.CANCELLED],
    Status.UNREPAIRABLE: [Status.RECEIVED, Status.IN_PROGRESS, Status.UNREPAIRABLE],
}
FIELDS = {
    Status.AT_VENDOR: {"vendor_claim_ref": "RMA-256901"},
    Status.DELIVERED: {"received_by_name": "นางสาวสมใจ รับมอบ"},
}
NOTES = {
    Status.WAITING_PARTS: "รอพาวเวอร์ซัพพลาย 500W จากงานพัสดุ",
    Status.CANCELLED: "หน่วยงานแจ้งยกเลิก เครื่องใช้งานได้แล้ว",
    Status.UNREPAIRABLE: "แผงวงจรจอภาพเสีย ไม่คุ้มค่าซ่อม เสนอจำหน่าย",
}


def add_arguments(parser) -> None:
    parser.add_argument(
        "--tickets", type=int, default=0,
        help="Fill the database up to N tickets in total (bulk, for benchmarks; e.g. 100000).",
    )
    parser.add_argument(
        "--tickets-per-day", type=int, default=BULK_TICKETS_PER_DAY,
        help="How many bulk tickets a day: the history is N / this many days long.",
    )


def seed(command, options) -> None:
    ensure_default_categories(Category)  # from a data migration; a flushed database has lost them
    _seed_examples(command)
    seed_year(command)


def seed_scale(command, options) -> None:
    """After every app's demo (which adds tickets of its own): top the tickets up to exactly `--tickets`."""
    target = options.get("tickets") or 0
    if target:
        started = time.monotonic()
        created = bulk_tickets(target, per_day=options.get("tickets_per_day") or BULK_TICKETS_PER_DAY)
        command.stdout.write(f"tickets: {created} bulk tickets created in {time.monotonic() - started:.1f} s "
                             f"({Ticket.objects.count()} in total)")


def _asset(spec, units):
    number, kind, brand, model, serial, unit_code, warranty_days = spec
    asset, _ = Asset.objects.get_or_create(
        asset_number=number,
        defaults={"asset_type": kind, "brand": brand, "model_name": model, "serial_number": serial,
                  "unit": units[unit_code], "vendor_name": "บริษัท คอมพิวเตอร์ไทย จำกัด",
                  "vendor_contact": "02 555 0101 ฝ่ายบริการหลังการขาย",
                  "warranty_end": timezone.localdate() + dt.timedelta(days=warranty_days) if warranty_days else None,
                  "status": Asset.Status.SPARE if spec is SPARE_ASSET else Asset.Status.IN_USE},
    )
    return asset


def _seed_examples(command) -> None:
    if Ticket.objects.filter(symptom__startswith=MARKER).exists():
        return
    User = get_user_model()
    users = {user.username: user for user in User.objects.filter(
        username__in=["requester", "requester2", "technician", "technician3", "ithead"])}
    if len(users) < 5:
        command.stdout.write("tickets: demo users missing, skipped")
        return
    units = {unit.code: unit for unit in Unit.objects.filter(code__in={spec[5] for spec in DEMO_ASSETS} | {"01200"})}
    assets = [_asset(spec, units) for spec in DEMO_ASSETS]
    _asset(SPARE_ASSET, units)
    ithead = users["ithead"]
    now = timezone.now()
    for index, (asset_index, code, symptom, target) in enumerate(DEMO_TICKETS):
        created = now - dt.timedelta(days=len(DEMO_TICKETS) - index, hours=3)
        requester = users["requester2"] if asset_index in (3, 4) else users["requester"]
        asset = assets[asset_index] if asset_index is not None else None
        unit = asset.unit if asset else requester.profile.unit
        ticket = ticket_create(
            unit=unit, category=Category.objects.get(code=code), symptom=MARKER + symptom,
            requester=requester, requester_name=requester.get_full_name(),
            requester_position=requester.profile.position, requester_phone=requester.profile.phone,
            by=requester, asset=asset, device_description="" if asset else "เครื่องคอมพิวเตอร์ห้องประชุม",
            now=created,
        )
        technician = User.objects.filter(groups__name=Role.TECHNICIAN, profile__team=ticket.team).first() or ithead
        # Each step an hour after the last, on the demo clock: the timeline reads as the day it happened.
        with demo_clock(created + dt.timedelta(minutes=30)):
            if target not in (Status.NEW, Status.CANCELLED):
                ticket_assign(ticket=ticket, technician=technician, by=ithead)
        for hours, step in enumerate(PATHS[target], start=1):
            with demo_clock(created + dt.timedelta(hours=hours)):
                if step in (Status.QUALITY_CHECK, Status.UNREPAIRABLE):
                    ticket_record_work(ticket=ticket, by=technician, diagnosis="ตรวจสอบตามคู่มือแนวทางการแก้ไขปัญหา",
                                       cause="อุปกรณ์เสื่อมสภาพตามอายุการใช้งาน", fix="เปลี่ยนอุปกรณ์และทดสอบการใช้งาน",
                                       guide_followed=ticket.category.guide, time_spent_minutes=90,
                                       reinstalled=ticket.category.kind == Category.Kind.SOFTWARE)
                ticket_transition(ticket=ticket, to=step, by=technician, note=NOTES.get(step, ""),
                                  **FIELDS.get(step, {}))
    # A guarantee claim: the delivered computer (asset 6) comes back with the same problem a few days later.
    delivered = Ticket.objects.get(asset=assets[6], status=Status.DELIVERED)
    # Hand-over (000 §1.1 step ๑๑): the unit signed the paper receipt that day, the device worked then.
    from tickets.services.handover import ticket_confirm_handover

    ticket_confirm_handover(ticket=delivered, by=delivered.technician or ithead, method="paper",
                            receiver_name=delivered.received_by_name or delivered.requester_name,
                            receiver_position=delivered.requester_position or "เจ้าหน้าที่ธุรการ", works=True,
                            note="ลงนามในใบรับมอบแล้ว", received_at=delivered.delivered_at)
    requester = users["requester"]
    ticket_create(
        unit=assets[6].unit, category=delivered.category, symptom=MARKER + "อาการเดิมกลับมาอีก เปิดเครื่องแล้วมีเสียงบี๊บ",
        requester_name="นายประสิทธิ์ ธุรการ", requester_phone="0 2224 1303", by=ithead, asset=assets[6],
        channel=Channel.MEMO, memo_number="กท 0101/2569", memo_date=timezone.localdate() - dt.timedelta(days=1),
    )
    # Phone calls with a promised call-back (003 §6.1): one due soon, one already late.
    for hours, symptom in ((2, "พิมพ์งานไม่ออก ขึ้นข้อความ offline"), (-1, "ลืมรหัสผ่านเข้าเครื่อง")):
        ticket_create(
            unit=requester.profile.unit, category=Category.objects.get(code="hw-printer" if hours > 0 else "sw-os"),
            symptom=MARKER + symptom, requester_name="นางวิไล โทรแจ้ง", requester_phone="0 2521 0522 ต่อ 15",
            by=users["technician"], channel=Channel.PHONE, device_description="เครื่องในห้องทะเบียน",
            callback_due_at=now + dt.timedelta(hours=hours),
        )
    command.stdout.write(f"tickets: {Ticket.objects.filter(symptom__startswith=MARKER).count()} demo tickets")


BULK_SYMPTOMS = [
    ("hw-computer", "เปิดเครื่องไม่ติด"), ("hw-computer", "เครื่องช้ามาก ค้างบ่อย"), ("hw-monitor", "จอภาพไม่แสดงผล"),
    ("hw-printer", "กระดาษติด"), ("hw-printer", "พิมพ์ไม่ออก"), ("hw-ups", "UPS ไม่สำรองไฟ"),
    ("sw-os", "Windows เปิดไม่ขึ้น"), ("sw-office", "Word เปิดไฟล์ไม่ได้"), ("sw-virus", "ติดไวรัส"),
    ("sw-mis", "เข้าระบบ MIS ไม่ได้"), ("nw-connection", "ต่ออินเทอร์เน็ตไม่ได้"), ("nw-account", "ขอรีเซ็ตรหัสผ่านอีเมล"),
]
BULK_STATUSES = [
    (Status.DELIVERED, 50), (Status.CLOSED, 20), (Status.NEW, 5), (Status.RECEIVED, 3), (Status.IN_PROGRESS, 8),
    (Status.WAITING_PARTS, 4), (Status.AT_VENDOR, 1), (Status.QUALITY_CHECK, 2), (Status.READY_FOR_PICKUP, 2),
    (Status.CANCELLED, 3), (Status.UNREPAIRABLE, 2),
]
FINISHED_STATUSES, FINISHED_WEIGHTS = zip(*[(status, weight) for status, weight in BULK_STATUSES
                                            if status not in ACTIVE_STATUSES], strict=True)
BULK_ASSETS_PER_UNIT = 40
# The benchmark's history grows in length, not density: a large city IT service (~44,000 jobs a year), so
# 10k, 100k and 1M tickets are about 3 months, 2.3 years and 23 years of the same daily work; and, as in real
# life, old jobs are finished: only the last weeks hold open work (a few parts or vendor cases linger for months).
BULK_TICKETS_PER_DAY = 120
BULK_LINGERING = [(Status.WAITING_PARTS, 3), (Status.AT_VENDOR, 1)]


def bulk_status(rng: random.Random, age_days: int, statuses, weights) -> str:
    """A benchmark ticket's status by its age: open work only among recent tickets. A finished job's dates run
    up to five days past its creation, so the last six days hold only open work (no delivery in the future)."""
    if age_days < 6:
        return rng.choice([status for status in statuses if status in ACTIVE_STATUSES])
    if age_days < 30:
        return rng.choices(statuses, weights)[0]
    if age_days < 180 and rng.random() < 0.01:
        return rng.choices(*zip(*BULK_LINGERING, strict=True))[0]
    return rng.choices(FINISHED_STATUSES, FINISHED_WEIGHTS)[0]


def _bulk_assets(units) -> dict[int, list[int]]:
    """A register of assets per unit for the benchmark tickets (created once)."""
    existing = set(Asset.objects.filter(asset_number__startswith="7440-009-").values_list("asset_number", flat=True))
    new = []
    for unit_index, unit in enumerate(units):
        for n in range(BULK_ASSETS_PER_UNIT):
            number = f"7440-009-{unit_index * BULK_ASSETS_PER_UNIT + n + 1:04d}/2566"
            if number not in existing:
                new.append(Asset(asset_number=number, asset_type=Asset.Type.COMPUTER, brand="Dell",
                                 model_name="OptiPlex 3080", serial_number=f"BULK{unit_index:03d}{n:03d}", unit=unit))
    Asset.objects.bulk_create(new, batch_size=2000)
    by_unit: dict[int, list[int]] = {}
    for pk, unit_id in Asset.objects.filter(asset_number__startswith="7440-009-").values_list("pk", "unit_id"):
        by_unit.setdefault(unit_id, []).append(pk)
    return by_unit


def _datetime_adapter():
    if connection.vendor == "sqlite":
        # What Django's SQLite backend stores for an aware datetime (naive UTC text), without its per-call overhead.
        return lambda value: str(value.astimezone(dt.UTC).replace(tzinfo=None))
    return connection.ops.adapt_datetimefield_value


def _copy_text(value) -> str:
    """One value as PostgreSQL's COPY (CSV format, NULL written as \\N) reads it."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _raw_inserter(model):
    """A bulk INSERT for `model` taking dicts by attname: COPY on PostgreSQL (a row costs a few microseconds;
    psycopg2's executemany is one round trip a row), an executemany INSERT on SQLite (the ORM's per-field
    compilation is what makes bulk_create too slow for 100,000 rows there)."""
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    quote = connection.ops.quote_name
    names = [field.attname for field in fields]
    defaults = {field.attname: field.get_default() for field in fields}
    table, columns = quote(model._meta.db_table), ", ".join(quote(field.column) for field in fields)
    if connection.vendor == "postgresql":
        # Table and column names come from the model's own metadata, quoted; the values travel as CSV data.
        copy = f"COPY {table} ({columns}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"

        def copy_rows(rows: list[dict], batch: int = 50_000) -> None:
            with connection.cursor() as cursor:
                for start in range(0, len(rows), batch):
                    buffer = io.StringIO()
                    writer = csv.writer(buffer)
                    for row in rows[start:start + batch]:
                        values = {**defaults, **row}
                        writer.writerow([_copy_text(values[name]) for name in names])
                    buffer.seek(0)
                    cursor.copy_expert(copy, buffer)

        return copy_rows
    sql = "INSERT INTO {} ({}) VALUES ({})".format(table, columns, ", ".join(["%s"] * len(fields)))  # noqa: S608
    adapters = []
    for field in fields:
        internal = field.get_internal_type()
        if internal == "DateTimeField":
            adapters.append(_datetime_adapter())
        elif internal == "DateField":
            adapters.append(connection.ops.adapt_datefield_value)
        elif internal == "JSONField":
            adapters.append(lambda value, field=field: field.get_db_prep_value(value, connection))
        else:
            adapters.append(None)

    def insert(rows: list[dict], batch: int = 5000) -> None:
        with connection.cursor() as cursor:
            for start in range(0, len(rows), batch):
                params = []
                for row in rows[start:start + batch]:
                    values = {**defaults, **row}
                    params.append(tuple(
                        adapter(values[name]) if adapter and values[name] is not None else values[name]
                        for name, adapter in zip(names, adapters, strict=True)
                    ))
                cursor.executemany(sql, params)

    return insert


def bulk_tickets(total: int, *, seed: int = 2570, per_day: int = BULK_TICKETS_PER_DAY) -> int:
    """Create tickets until there are `total`, with numbers, tokens and events precomputed.

    Numbers continue each fiscal year's counter (locked), so they stay unique and gap-free.
    History rows (simple_history) are not written for these synthetic tickets.
    """
    missing = total - Ticket.objects.count()
    if missing <= 0:
        return 0
    rng = random.Random(seed + missing)
    units = list(Unit.objects.select_related("area__team").order_by("pk"))
    categories = {category.code: category for category in Category.objects.filter(parent__isnull=False)}
    User = get_user_model()
    technicians_by_team: dict[int, list[int]] = {}
    for pk, team_id in User.objects.filter(groups__name=Role.TECHNICIAN).values_list("pk", "profile__team"):
        technicians_by_team.setdefault(team_id, []).append(pk)
    assets = _bulk_assets(units)
    now = timezone.now()
    span_days = max(60, missing // per_day)
    starts = sorted(now - dt.timedelta(minutes=rng.randrange(span_days * 24 * 60)) for _ in range(missing))
    calendar = WorkingCalendar(starts[0].date() - dt.timedelta(days=1), now.date() + dt.timedelta(days=60))
    statuses, weights = zip(*BULK_STATUSES, strict=True)
    channels = list(Channel.values)
    bangkok = timezone.get_current_timezone()
    due_dates: dict[tuple[dt.date, int], dt.date] = {}
    insert_tickets = _raw_inserter(Ticket)
    insert_events = _raw_inserter(TicketEvent)
    with transaction.atomic():
        years = sorted({fiscal_year(moment) for moment in starts})
        counters = {}
        for year in years:
            FiscalYearCounter.objects.get_or_create(fiscal_year=year)
            counters[year] = FiscalYearCounter.objects.select_for_update().get(pk=year)
        tickets = []
        for created_at in starts:
            local_day = created_at.astimezone(bangkok).date()
            year = local_day.year + 544 if local_day.month >= 10 else local_day.year + 543
            counters[year].last_number += 1
            sequence = counters[year].last_number
            unit = rng.choice(units)
            code, symptom = rng.choice(BULK_SYMPTOMS)
            category = categories[code]
            key = (local_day, category.target_working_days)
            if key not in due_dates:
                due_dates[key] = calendar.add(local_day, category.target_working_days)
            due_at = created_at + (due_dates[key] - local_day)
            team_id = unit.area.team_id if unit.area_id else None
            status = bulk_status(rng, (now - created_at).days, statuses, weights)
            unit_assets = assets.get(unit.pk) or [None]
            asset_id = rng.choice(unit_assets) if rng.random() < 0.7 else None
            techs = technicians_by_team.get(team_id) or [None]
            worked = status not in (Status.NEW, Status.CANCELLED)
            resolved = created_at + dt.timedelta(hours=rng.randrange(2, 72))
            done = status in (Status.DELIVERED, Status.CLOSED)
            finished = status in (Status.CLOSED, Status.CANCELLED, Status.UNREPAIRABLE)
            waiting = status == Status.WAITING_PARTS
            tickets.append({
                "number": format_number(year, sequence), "fiscal_year": year, "sequence": sequence,
                "tracking_token": secrets.token_urlsafe(24), "unit_id": unit.pk, "requester_name": "ผู้แจ้งตัวอย่าง",
                "requester_phone": "0 2000 0000", "asset_id": asset_id,
                "device_description": "" if asset_id else "อุปกรณ์ไม่มีเลขครุภัณฑ์", "category_id": category.pk,
                "symptom": symptom, "channel": rng.choice(channels), "team_id": team_id,
                "technician_id": rng.choice(techs) if worked else None, "status": status,
                "service_mode": ServiceMode.ONE_STOP,
                "cause": "อุปกรณ์เสื่อมสภาพ" if done else "", "fix": "เปลี่ยนอุปกรณ์และทดสอบ" if done else "",
                "time_spent_minutes": rng.randrange(15, 240) if done else 0,
                "received_by_name": "ผู้รับมอบตัวอย่าง" if done else "",
                "due_at": due_at, "created_at": created_at,
                "updated_at": now,
                "received_at": created_at + dt.timedelta(hours=1) if worked else None,
                "resolved_at": resolved if done or status == Status.UNREPAIRABLE else None,
                "delivered_at": resolved + dt.timedelta(hours=20) if done else None,
                "closed_at": resolved + dt.timedelta(days=2) if finished else None,
                "parts_waiting_since": created_at + dt.timedelta(days=1) if waiting else None,
                "parts_due_at": created_at + dt.timedelta(days=91) if waiting else None,
                "vendor_claim_ref": "RMA-BULK" if status == Status.AT_VENDOR else "",
            })
        insert_tickets(tickets)
        for counter in counters.values():
            counter.save(update_fields=["last_number"])
        pks = dict(Ticket.objects.filter(fiscal_year__in=years).values_list("number", "pk"))
        events = []
        for ticket in tickets:
            pk = pks[ticket["number"]]
            events.append({"ticket_id": pk, "kind": TicketEvent.Kind.CREATED, "at": ticket["created_at"],
                           "to_status": Status.NEW})
            if ticket["status"] != Status.NEW:
                events.append({
                    "ticket_id": pk, "kind": TicketEvent.Kind.STATUS, "actor_id": ticket["technician_id"],
                    "at": (ticket["closed_at"] or ticket["delivered_at"] or ticket["received_at"]
                           or ticket["created_at"]),
                    "from_status": Status.NEW, "to_status": ticket["status"],
                })
        insert_events(events)
    return len(tickets)
