"""Demo data: a catalogue of computer parts and consumables, receipts, disbursements, part requests in every
state (on the tickets the tickets demo created, when there are any). `--movements N` adds N ledger lines for
benchmarks. Safe to run twice."""

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth.models import User
from django.utils import timezone

from helpdesk.models import Unit
from helpdesk.roles import Role
from tickets.models import Status, Ticket
from tickets.parts.defaults import ensure_default_permissions
from tickets.parts.models import Disbursement, Item, Movement, PartRequest

SCALE_PREFIX = "SCALE-"
YEAR_REFERENCE = "ใบส่งของประจำเดือน "
# (item code, symptom, category code) of the monthly repairs that used a part from stock
YEAR_REPAIRS = [
    ("PSU-450", "เปิดเครื่องไม่ติด พาวเวอร์ซัพพลายไหม้", "hw-computer"),
    ("RAM-DDR4-8", "เครื่องช้ามาก หน่วยความจำไม่พอ", "hw-computer"),
    ("SSD-256", "ฮาร์ดดิสก์เสีย เปิด Windows ไม่ขึ้น", "hw-computer"),
    ("UPS-BAT-9AH", "เครื่องสำรองไฟสำรองไฟได้ไม่ถึงนาที", "hw-ups"),
    ("FAN-CPU", "พัดลม CPU ไม่หมุน เครื่องดับเอง", "hw-computer"),
    ("CMOS-CR2032", "วันเวลาในเครื่องเพี้ยนทุกครั้งที่เปิด", "hw-computer"),
]

# (code, name, kind, unit of measure, reorder level, standard cost, opening stock)
CATALOGUE = [
    ("TN-HP85A", "ตลับหมึก HP 85A (CE285A)", "consumable", "ตลับ", 5, "2390.00", 24),
    ("TN-HP107A", "ตลับหมึก HP 107A (W1107A)", "consumable", "ตลับ", 4, "1590.00", 12),
    ("TN-BR2360", "ตลับหมึก Brother TN-2360", "consumable", "ตลับ", 4, "1890.00", 10),
    ("DR-BR2355", "ดรัม Brother DR-2355", "consumable", "ชิ้น", 2, "2450.00", 2),
    ("INK-EP003BK", "หมึกเติม Epson 003 สีดำ", "consumable", "ขวด", 6, "250.00", 30),
    ("RAM-DDR4-8", "RAM DDR4 8GB 3200MHz", "part", "แผ่น", 4, "950.00", 12),
    ("RAM-DDR4-16", "RAM DDR4 16GB 3200MHz", "part", "แผ่น", 2, "1790.00", 4),
    ("SSD-256", "SSD SATA 2.5\" 256GB", "part", "ลูก", 3, "890.00", 10),
    ("SSD-512", "SSD M.2 NVMe 512GB", "part", "ลูก", 2, "1450.00", 5),
    ("HDD-1TB", "ฮาร์ดดิสก์ 3.5\" 1TB", "part", "ลูก", 2, "1550.00", 3),
    ("KB-USB", "คีย์บอร์ด USB ภาษาไทย/อังกฤษ", "consumable", "ชิ้น", 5, "250.00", 20),
    ("MS-USB", "เมาส์ USB (Optical)", "consumable", "ตัว", 5, "180.00", 25),
    ("PSU-450", "พาวเวอร์ซัพพลาย 450W", "part", "ตัว", 2, "1150.00", 1),
    ("LAN-CAT6-3M", "สาย LAN Cat6 ยาว 3 เมตร", "consumable", "เส้น", 10, "95.00", 40),
    ("LAN-CAT6-305", "สาย LAN Cat6 ม้วน 305 เมตร", "consumable", "ม้วน", 1, "3900.00", 2),
    ("RJ45-CAT6", "หัว RJ45 Cat6 (ถุง 100 หัว)", "consumable", "ถุง", 2, "450.00", 4),
    ("UPS-BAT-9AH", "แบตเตอรี่ UPS 12V 9Ah", "part", "ลูก", 4, "690.00", 6),
    ("CMOS-CR2032", "ถ่าน CMOS CR2032", "consumable", "ก้อน", 10, "25.00", 50),
    ("FAN-CPU", "พัดลมระบายความร้อน CPU", "part", "ตัว", 2, "350.00", 3),
    ("HDMI-VGA", "สายแปลง HDMI เป็น VGA", "consumable", "เส้น", 3, "290.00", 6),
    ("PASTE-CPU", "ซิลิโคนระบายความร้อน (Thermal paste)", "consumable", "หลอด", 3, "120.00", 8),
    ("WIFI-USB", "ตัวรับสัญญาณ Wi-Fi USB 600Mbps", "part", "ตัว", 2, "390.00", 1),
]
VENDORS = ["บริษัท ไอที ซิตี้ จำกัด (มหาชน)", "ห้างหุ้นส่วนจำกัด คอมพ์เซ็นเตอร์", "บริษัท แอดไวซ์ ไอที อินฟินิท จำกัด"]

# (unit code, purpose, [(item code, qty)], signed by (name, position) or None for a draft, days ago)
DISBURSEMENTS = [
    ("50110", "เปลี่ยนตลับหมึกเครื่องพิมพ์งานทะเบียนราษฎร", [("TN-HP85A", 3), ("MS-USB", 2)],
     ("นางสาวพรทิพย์ แสงทอง", "เจ้าพนักงานปกครองชำนาญงาน"), 40),
    ("60110", "วัสดุคอมพิวเตอร์สำหรับจุดบริการประชาชน", [("KB-USB", 4), ("MS-USB", 4), ("LAN-CAT6-3M", 6)],
     ("นายสุรชัย บุญมา", "เจ้าพนักงานธุรการปฏิบัติงาน"), 21),
    ("03200", "เปลี่ยนดรัมและหมึกเครื่องพิมพ์ Brother ห้องบัญชี", [("TN-BR2360", 2), ("INK-EP003BK", 4)],
     ("นางวราภรณ์ ศรีสวัสดิ์", "นักวิชาการเงินและบัญชีชำนาญการ"), 7),
    ("70100", "สำรองหมึกพิมพ์ไตรมาสที่ ๒", [("TN-HP107A", 2), ("TN-HP85A", 2)], None, 1),
]


def add_arguments(parser):
    parser.add_argument("--movements", type=int, default=0,
                        help="parts: add stock-ledger movements up to this many benchmark rows (e.g. 50000)")


def seed(command, options) -> None:
    ensure_default_permissions()  # from a data migration; a flushed database has lost them
    stock_user = User.objects.filter(username="stock").first()
    items = _catalogue()
    if not Movement.objects.exclude(reference__startswith=SCALE_PREFIX).exists():
        _receipts(items, stock_user)
    if not Disbursement.objects.exists():
        _disbursements(items, stock_user)
    if not PartRequest.objects.exists():
        made = _part_requests(items, stock_user)
        command.stdout.write(f"parts: {made} part requests on demo tickets")
    if not Movement.objects.filter(reference__startswith=YEAR_REFERENCE).exists():
        from helpdesk.demo import past_without_notices

        with past_without_notices():
            made = year_of_parts(items, stock_user)
        command.stdout.write(f"parts: {made} repairs with parts over the last twelve months")
    wanted = options.get("movements") or 0
    if wanted:
        added = scale_movements(wanted, items=list(items.values()), by=stock_user)
        command.stdout.write(f"parts: {added} benchmark ledger movements added")


def _catalogue() -> dict[str, Item]:
    items = {}
    for code, name, kind, uom, reorder, cost, _stock in CATALOGUE:
        items[code], _created = Item.objects.get_or_create(
            code=code, defaults={"name": name, "kind": kind, "unit_of_measure": uom, "reorder_level": reorder,
                                 "standard_cost": Decimal(cost)},
        )
    return items


def _receipts(items: dict[str, Item], by) -> None:
    from tickets.parts.services import stock_receive

    when = timezone.now() - dt.timedelta(days=75)
    for index, (code, _n, _k, _u, _r, cost, opening) in enumerate(CATALOGUE):
        if opening:
            stock_receive(item=items[code], quantity=opening, vendor=VENDORS[index % len(VENDORS)],
                          reference=f"ใบส่งของ {6900 + index}", unit_cost=Decimal(cost), by=by,
                          at=when + dt.timedelta(hours=index))


def _disbursements(items: dict[str, Item], stock_user) -> None:
    from tickets.parts.services import disbursement_create, disbursement_hand_over

    preparer = User.objects.filter(username="technician").first() or stock_user
    now = timezone.now()
    for unit_code, purpose, lines, signer, days_ago in DISBURSEMENTS:
        unit = Unit.objects.filter(code=unit_code).first()
        if unit is None or preparer is None:
            continue
        when = now - dt.timedelta(days=days_ago)
        disbursement = disbursement_create(unit=unit, purpose=purpose, by=preparer, now=when,
                                           lines=[(items[code], quantity) for code, quantity in lines])
        if signer:
            disbursement_hand_over(disbursement=disbursement, by=stock_user or preparer, received_by_name=signer[0],
                                   received_by_position=signer[1], signed_at=when + dt.timedelta(hours=3))


def _technician_for(ticket: Ticket):
    if ticket.technician_id:
        return ticket.technician
    return (User.objects.filter(groups__name=Role.TECHNICIAN, profile__team=ticket.team_id).order_by("pk").first()
            if ticket.team_id else None)


def _part_requests(items: dict[str, Item], stock_user) -> int:
    """One request in each state, spread over in-progress demo tickets (none when there are no tickets)."""
    from tickets.parts.services import part_request_create, part_request_transition

    if stock_user is None:
        return 0
    # The tickets demo's "waiting for parts" tickets get the requests that explain the wait; in-progress
    # tickets only when there are none, so the demo keeps a ticket in progress.
    tickets = []
    for status in (Status.WAITING_PARTS, Status.IN_PROGRESS):
        tickets = [t for t in Ticket.objects.filter(status=status).select_related("team")
                   .order_by("created_at")[:12] if _technician_for(t) is not None]
        if tickets:
            break
    if not tickets:
        return 0
    today = timezone.localdate()
    order = {"vendor": VENDORS[0], "order_reference": f"ใบสั่งซื้อ {today.year + 543}/0117",
             "order_date": today - dt.timedelta(days=20)}
    # (item code or None, free text, quantity, steps after "requested")
    plans = [
        ("RAM-DDR4-8", "", 1, []),
        ("SSD-256", "", 1, [("approved", {})]),
        (None, "จอภาพ LED 19.5 นิ้ว", 1, [("rejected", {"note": "ครุภัณฑ์อายุเกิน 7 ปี ให้เสนอจำหน่ายและขอจัดหาทดแทน"})]),
        ("PSU-450", "", 1, [("approved", {}), ("issued", {})]),
        (None, "เมนบอร์ด Intel H110 (LGA1151)", 1, [("approved", {}), ("procurement", {})]),
        (None, "ชุดลูกยางดึงกระดาษ HP LaserJet M402", 1, [
            ("approved", {}), ("procurement", {}),
            ("ordered", {**order, "expected_date": today - dt.timedelta(days=5)})]),
        (None, "แบตเตอรี่โน้ตบุ๊ก Lenovo ThinkPad L14", 1, [
            ("approved", {}), ("procurement", {}),
            ("ordered", {**order, "expected_date": today + dt.timedelta(days=10)})]),
        ("FAN-CPU", "", 1, [("approved", {}), ("procurement", {}),
                            ("ordered", {**order, "expected_date": today - dt.timedelta(days=2)}),
                            ("received", {"cost": Decimal("380.00")})]),
        ("UPS-BAT-9AH", "", 2, [("approved", {}), ("issued", {}), ("installed", {})]),
        ("CMOS-CR2032", "", 1, [("approved", {}), ("issued", {}), ("cancelled", {"note": "เปลี่ยนถ่านแล้วยังบูตไม่ได้ ปัญหาอยู่ที่เมนบอร์ด"})]),
    ]
    made = 0
    for index, (code, text, quantity, steps) in enumerate(plans):
        ticket = tickets[index % len(tickets)]
        ticket.refresh_from_db()
        if ticket.status not in (Status.IN_PROGRESS, Status.WAITING_PARTS):
            continue
        technician = _technician_for(ticket)
        request = part_request_create(
            ticket=ticket, by=technician, item=items[code] if code else None, description=text, quantity=quantity,
            reason="ตรวจสอบแล้วอะไหล่ชำรุด ต้องเปลี่ยนเพื่อให้ใช้งานได้ตามปกติ",
            estimated_cost=None if code else Decimal("1500.00"),
        )
        for to, fields in steps:
            by = technician if to in ("installed", "cancelled") else stock_user
            part_request_transition(part_request=request, to=to, by=by, **fields)
        made += 1
    return made


def scale_movements(total: int, *, items: list[Item], by=None, seed: int = 2570) -> int:
    """Bring the benchmark ledger lines up to `total`, spread over three fiscal years; never below zero per item.

    Only benchmark rows (reference SCALE-…) count towards `total`, so running it twice adds nothing.
    """
    existing = Movement.objects.filter(reference__startswith=SCALE_PREFIX).count()
    missing = total - existing
    if missing <= 0 or not items:
        return 0
    rng = random.Random(seed + existing)
    end = timezone.now() - dt.timedelta(days=90)
    start = end - dt.timedelta(days=3 * 365)
    step = (end - start) / missing
    balance = {item.pk: 0 for item in items}
    batch: list[Movement] = []
    for index in range(missing):
        item = items[index % len(items)]
        at = start + step * index
        if balance[item.pk] < 5:
            quantity, kind, vendor = 40 + rng.randint(0, 20), Movement.Kind.RECEIPT, VENDORS[index % len(VENDORS)]
            reason = ""
        else:
            quantity, kind, vendor = -rng.randint(1, min(5, balance[item.pk])), Movement.Kind.ISSUE, ""
            reason = "เบิกใช้งานตามใบเบิก (ข้อมูลทดสอบปริมาณ)"
        balance[item.pk] += quantity
        batch.append(Movement(item=item, kind=kind, quantity=quantity, at=at, vendor=vendor, reason=reason,
                              reference=f"{SCALE_PREFIX}{existing + index + 1:07d}", unit_cost=item.standard_cost,
                              created_by=by))
        if len(batch) >= 5000:
            Movement.objects.bulk_create(batch)
            batch = []
    Movement.objects.bulk_create(batch)
    from tickets.parts.services import recount_on_hand

    recount_on_hand(item.pk for item in items)  # the rows bypassed the ledger service: one set-based UPDATE
    return missing


def year_of_parts(items: dict[str, Item], stock_user) -> int:
    """Twelve months of parts work on the demo clock: a restock and two repairs that install a part from stock
    each month (request → approve → issue → install → deliver → close), and a hand-over of consumables."""
    from helpdesk.demo import demo_clock, working_moment
    from tickets.models import Category
    from tickets.parts.services import (
        disbursement_create,
        disbursement_hand_over,
        part_request_create,
        part_request_transition,
        stock_receive,
    )
    from tickets.services import ticket_assign, ticket_create, ticket_record_work, ticket_transition

    technician = User.objects.filter(username="technician").first()
    ithead = User.objects.filter(username="ithead").first()
    units = list(Unit.objects.filter(area__team__code="service1").order_by("code"))
    if stock_user is None or technician is None or ithead is None or not units:
        return 0
    rng = random.Random(2571)
    categories = {category.code: category for category in Category.objects.filter(code__in=("hw-computer", "hw-ups"))}
    today = timezone.localdate()
    repairs = 0
    for month in range(12, 0, -1):
        first_day = today - dt.timedelta(days=30 * month)
        picks = [YEAR_REPAIRS[(2 * month + offset) % len(YEAR_REPAIRS)] for offset in (0, 1)]
        with demo_clock(working_moment(rng, first_day)):
            # The month's parts, and the consumables handed over mid-month: the ledger never dips below zero.
            for code, quantity in [(pick[0], 2) for pick in picks] + [("MS-USB", 1), ("KB-USB", 1), ("LAN-CAT6-3M", 2)]:
                item = items[code]
                stock_receive(item=item, quantity=quantity, vendor=VENDORS[month % len(VENDORS)],
                              reference=f"{YEAR_REFERENCE}{month:02d}-{code}", unit_cost=item.standard_cost,
                              by=stock_user, at=timezone.now())
        for index, (code, symptom, category_code) in enumerate(picks):
            start = working_moment(rng, first_day + dt.timedelta(days=3 + 9 * index))
            unit = units[(month + index) % len(units)]
            moments = [start + dt.timedelta(hours=hours) for hours in (1, 2, 3, 26, 28, 30, 50, 75, 170)]
            with demo_clock(start):
                ticket = ticket_create(
                    unit=unit, category=categories[category_code], symptom="[ข้อมูลตัวอย่าง] " + symptom,
                    requester_name="นางสาวพรทิพย์ แสงทอง", requester_phone=unit.phone or "0 2221 2141",
                    by=technician, channel="phone", device_description="เครื่องในห้องธุรการ", now=start)
            with demo_clock(moments[0]):
                ticket_assign(ticket=ticket, technician=technician, by=ithead)
                ticket = ticket_transition(ticket=ticket, to=Status.IN_PROGRESS, by=technician)
            with demo_clock(moments[1]):
                request = part_request_create(ticket=ticket, by=technician, item=items[code], quantity=1,
                                              reason="ตรวจสอบแล้วอะไหล่ชำรุด ต้องเปลี่ยนเพื่อให้ใช้งานได้ตามปกติ")
            for to, at in (("approved", moments[2]), ("issued", moments[3]), ("installed", moments[4])):
                with demo_clock(at):
                    part_request_transition(part_request=request, to=to,
                                            by=technician if to == "installed" else stock_user)
            ticket.refresh_from_db()
            with demo_clock(moments[5]):
                ticket_record_work(ticket=ticket, by=technician, diagnosis="ตรวจสอบตามคู่มือแนวทางการแก้ไขปัญหา",
                                   cause="อะไหล่เสื่อมสภาพ", fix=f"เปลี่ยน{items[code].name}และทดสอบการใช้งาน",
                                   time_spent_minutes=90)
            for to, at in ((Status.QUALITY_CHECK, moments[5]), (Status.READY_FOR_PICKUP, moments[6]),
                           (Status.DELIVERED, moments[7]), (Status.CLOSED, moments[8])):
                if at >= timezone.now():
                    break
                with demo_clock(at):
                    fields = {"received_by_name": ticket.requester_name} if to == Status.DELIVERED else {}
                    ticket = ticket_transition(ticket=ticket, to=to, by=technician, **fields)
            repairs += 1
        handed = working_moment(rng, first_day + dt.timedelta(days=15))
        with demo_clock(handed):
            disbursement = disbursement_create(
                unit=units[month % len(units)], purpose="วัสดุคอมพิวเตอร์ประจำเดือน", by=technician, now=handed,
                lines=[(items["MS-USB"], 1), (items["KB-USB"], 1), (items["LAN-CAT6-3M"], 2)])
            disbursement_hand_over(disbursement=disbursement, by=stock_user, received_by_name="นายสุรชัย บุญมา",
                                   received_by_position="เจ้าพนักงานธุรการ", signed_at=handed)
    return repairs
