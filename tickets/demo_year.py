"""A year of repair work for the demo: about 330 tickets over the last twelve months, in every status,
category, unit and team, with guarantee claims, replacement loans and hand-overs.

Each ticket is planned first (its moments in office hours, oldest first), then run through the ticket
services on the demo clock (helpdesk.demo.demo_clock), so numbers, due dates, the timeline, the asset
register and the survey invitations are what the services would have written on those days.
Deterministic (seeded) and run once: the marker on the symptom tells a second run the year is there.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils import timezone

from assets.models import Asset
from helpdesk.demo import demo_clock, past_without_notices, working_moment
from helpdesk.models import Unit
from helpdesk.roles import Role
from tickets.models import Category, Channel, Status, Ticket

YEAR_MARKER = "[ข้อมูลตัวอย่าง] "
SEED = 2569
PER_MONTH = (24, 32)

# Category code → (asset types it is about, symptoms)
SYMPTOMS = {
    "hw-computer": ((Asset.Type.COMPUTER, Asset.Type.NOTEBOOK), [
        "เปิดเครื่องไม่ติด ไฟสถานะไม่ขึ้น", "เครื่องดับเองระหว่างใช้งาน", "มีเสียงบี๊บยาวตอนเปิดเครื่อง",
        "เครื่องช้ามาก ค้างบ่อย", "พัดลมมีเสียงดังผิดปกติ"]),
    "hw-monitor": ((Asset.Type.MONITOR,), ["จอภาพไม่แสดงผล", "จอมีเส้นแนวตั้ง", "จอกะพริบตลอดเวลา"]),
    "hw-printer": ((Asset.Type.PRINTER,), [
        "กระดาษติดบ่อย", "พิมพ์ออกมาเป็นรอยดำ", "พิมพ์งานไม่ออก ขึ้นสถานะ offline", "หมึกไม่ออกบางสี"]),
    "hw-scanner": ((Asset.Type.SCANNER,), ["สแกนแล้วภาพเป็นเส้น", "เครื่องสแกนดึงกระดาษไม่เข้า"]),
    "hw-ups": ((Asset.Type.UPS,), ["เครื่องสำรองไฟมีเสียงร้องตลอด", "ไฟดับแล้วเครื่องสำรองไฟไม่จ่ายไฟ"]),
    "hw-other": ((), ["เครื่องฉายภาพห้องประชุมไม่ติด", "ลำโพงห้องประชุมไม่มีเสียง"]),
    "sw-os": ((Asset.Type.COMPUTER, Asset.Type.NOTEBOOK), [
        "Windows เปิดไม่ขึ้น วนรีสตาร์ท", "จอฟ้า (Blue screen) ทุกครั้งที่เปิดเครื่อง", "ลืมรหัสผ่านเข้าเครื่อง"]),
    "sw-office": ((Asset.Type.COMPUTER, Asset.Type.NOTEBOOK), [
        "เปิดไฟล์ Excel แล้วโปรแกรมค้าง", "Word แจ้งว่าไม่ได้เปิดใช้งานลิขสิทธิ์"]),
    "sw-driver": ((Asset.Type.COMPUTER,), ["ติดตั้งไดรเวอร์เครื่องพิมพ์ไม่ได้", "เครื่องไม่รู้จักเครื่องอ่านบัตร"]),
    "sw-virus": ((Asset.Type.COMPUTER, Asset.Type.NOTEBOOK), [
        "มีหน้าต่างโฆษณาเด้งขึ้นตลอดเวลา", "ไฟล์ในแฟลชไดรฟ์กลายเป็นทางลัด"]),
    "sw-mis": ((), ["เข้าระบบ MIS ไม่ได้ แจ้งรหัสผ่านผิด", "ระบบสารบรรณอิเล็กทรอนิกส์แนบไฟล์ไม่ได้"]),
    "sw-internet": ((), ["เปิดเว็บไซต์ราชการไม่ได้", "เบราว์เซอร์แจ้งใบรับรองไม่ถูกต้อง"]),
    "sw-portal": ((), ["เข้าเว็บพอร์ทัลไม่ได้", "ข่าวในเว็บพอร์ทัลไม่แสดงรูปภาพ"]),
    "sw-install": ((Asset.Type.COMPUTER, Asset.Type.NOTEBOOK), [
        "ขอติดตั้งโปรแกรมอ่านบัตรประชาชน", "ขอติดตั้งฟอนต์สารบรรณ TH Sarabun"]),
    "nw-connection": ((), ["เชื่อมต่ออินเทอร์เน็ตไม่ได้ทั้งห้อง", "Wi-Fi หลุดบ่อย", "สาย LAN ที่โต๊ะใช้งานไม่ได้"]),
    "nw-ipmac": ((), ["เครื่องใหม่ยังไม่ได้รับ IP Address", "IP ชนกับเครื่องอื่นในสำนักงาน"]),
    "nw-account": ((), ["ขอรีเซ็ตรหัสผ่านอีเมล", "บัญชีผู้ใช้ถูกล็อก เข้าระบบไม่ได้"]),
}
# Most requests are about computers and printers, as in the 000 manual's statistics.
CATEGORY_WEIGHTS = {"hw-computer": 10, "hw-printer": 8, "sw-os": 5, "sw-office": 4, "nw-connection": 5,
                    "nw-account": 4, "hw-monitor": 3, "hw-ups": 3, "sw-mis": 3, "sw-virus": 3}
PEOPLE = ["นางสาวพรทิพย์ แสงทอง", "นายสุรชัย บุญมา", "นางวราภรณ์ ศรีสวัสดิ์", "นายณัฐพล ทองดี", "นางสาวกมลวรรณ ใจงาม",
          "นายอำนาจ สุขเกษม", "นางจันทร์เพ็ญ ศรีประเสริฐ", "นายวิชัย พึ่งบุญ", "นางสาวปิยะนุช แก้วมณี"]
POSITIONS = ["เจ้าพนักงานธุรการ", "นักจัดการงานทั่วไป", "เจ้าพนักงานการเงินและบัญชี", "นักวิชาการพัสดุ"]
CAUSES = ["อุปกรณ์เสื่อมสภาพตามอายุการใช้งาน", "ฝุ่นสะสมภายในเครื่อง", "ไฟล์ระบบเสียหาย", "ตั้งค่าไม่ถูกต้อง",
          "สายสัญญาณชำรุด"]
FIXES = ["เปลี่ยนอุปกรณ์และทดสอบการใช้งาน", "ทำความสะอาดและทดสอบ", "ติดตั้งระบบปฏิบัติการใหม่และสำรองข้อมูลคืน",
         "ตั้งค่าใหม่ตามคู่มือ", "เปลี่ยนสายและทดสอบการเชื่อมต่อ"]
R, IP, WP, AV, QC, RP, D, C = (Status.RECEIVED, Status.IN_PROGRESS, Status.WAITING_PARTS, Status.AT_VENDOR,
                               Status.QUALITY_CHECK, Status.READY_FOR_PICKUP, Status.DELIVERED, Status.CLOSED)
# The ways a job goes, by final status (a path is the steps after "new").
PATHS = {
    Status.NEW: [[]],
    R: [[R]],
    IP: [[R, IP], [IP]],
    WP: [[R, IP, WP]],
    AV: [[R, IP, AV]],
    QC: [[R, IP, QC]],
    RP: [[R, IP, QC, RP], [IP, QC, RP]],
    D: [[R, IP, QC, RP, D], [IP, QC, RP, D], [R, IP, WP, IP, QC, RP, D], [R, IP, AV, QC, RP, D]],
    C: [[R, IP, QC, RP, D, C], [IP, QC, RP, D, C], [R, IP, WP, IP, QC, RP, D, C], [R, IP, AV, QC, RP, D, C]],
    Status.CANCELLED: [[Status.CANCELLED], [R, Status.CANCELLED]],
    Status.UNREPAIRABLE: [[R, IP, Status.UNREPAIRABLE]],
}
# Final status weights by the ticket's age: old work is finished, this fortnight's is still on the board.
BY_AGE = [
    (14, {Status.NEW: 14, R: 12, IP: 22, WP: 10, AV: 4, QC: 8, RP: 10, D: 12, Status.CANCELLED: 3}),
    (45, {IP: 6, WP: 6, AV: 4, QC: 3, RP: 5, D: 25, C: 40, Status.CANCELLED: 5, Status.UNREPAIRABLE: 4}),
    (400, {C: 70, D: 6, Status.CANCELLED: 8, Status.UNREPAIRABLE: 7, AV: 1, WP: 1}),
]
GAP_HOURS = {R: (0.5, 4), IP: (1, 30), WP: (4, 24), AV: (4, 48), QC: (2, 72), RP: (1, 24), D: (4, 72),
             C: (24, 120), Status.CANCELLED: (1, 48), Status.UNREPAIRABLE: (24, 96)}
NOTES = {WP: "รออะไหล่จากงานพัสดุ", Status.CANCELLED: "หน่วยงานแจ้งยกเลิก ใช้งานได้แล้ว",
         Status.UNREPAIRABLE: "ไม่คุ้มค่าซ่อม เสนอจำหน่าย"}


@dataclass
class Plan:
    created_at: dt.datetime
    unit: Unit
    category: Category
    symptom: str
    status: str
    steps: list[tuple[str, dt.datetime]] = field(default_factory=list)
    asset: Asset | None = None
    guarantee_of: "Plan | None" = None
    loan: bool = False


def _statuses_for(age_days: float) -> dict:
    return next(weights for limit, weights in BY_AGE if age_days <= limit)


def _steps(rng: random.Random, created: dt.datetime, status: str, now: dt.datetime) -> list[tuple[str, dt.datetime]]:
    path = rng.choice(PATHS[status])
    gaps = [dt.timedelta(hours=rng.uniform(*GAP_HOURS[step])) for step in path]
    room = (now - created) * 0.9
    total = sum(gaps, dt.timedelta())
    if total > room:  # a young ticket moved faster than usual
        gaps = [gap * (room / total) for gap in gaps]
    steps, at = [], created
    for step, gap in zip(path, gaps, strict=True):
        at += max(gap, dt.timedelta(minutes=5))
        steps.append((step, min(at, now - dt.timedelta(minutes=1))))
    return steps


def plan_year(units: list[Unit], categories: list[Category], assets: list[Asset], now: dt.datetime,
              seed: int = SEED) -> list[Plan]:
    """The year's tickets, oldest first: every unit, category and final status at least once."""
    rng = random.Random(seed)
    today = timezone.localdate(now)
    days = []
    for month in range(12):
        count = rng.randint(*PER_MONTH)
        start = 30 * month
        days += [today - dt.timedelta(days=start + rng.randrange(30)) for _ in range(count)]
    moments = sorted(min(working_moment(rng, day), now - dt.timedelta(minutes=30)) for day in days)
    weighted = [c for c in categories for _ in range(CATEGORY_WEIGHTS.get(c.code, 1))]
    picked_categories = [*categories, *(rng.choice(weighted) for _ in range(len(moments) - len(categories)))]
    picked_units = [*units, *(rng.choice(units) for _ in range(len(moments) - len(units)))]
    rng.shuffle(picked_categories)
    rng.shuffle(picked_units)
    free = {}
    for asset in assets:
        free.setdefault((asset.unit_id, asset.asset_type), []).append(asset)
    plans = []
    for created, unit, category in zip(moments, picked_units, picked_categories, strict=True):
        age = (now - created).total_seconds() / 86400
        weights = _statuses_for(age)
        status = rng.choices(list(weights), list(weights.values()))[0]
        types, symptoms = SYMPTOMS[category.code]
        asset = None
        for asset_type in types:
            if free.get((unit.pk, asset_type)):
                asset = free[(unit.pk, asset_type)].pop(rng.randrange(len(free[(unit.pk, asset_type)])))
                break
        plans.append(Plan(created_at=created, unit=unit, category=category, symptom=rng.choice(symptoms),
                          status=status, asset=asset))
    # The newest tickets take the statuses nobody drew, so every status is on the board.
    missing = [status for status in Status.values if status not in {plan.status for plan in plans}]
    for plan, status in zip(reversed(plans), missing, strict=False):
        plan.status = status
    for plan in plans:
        plan.steps = _steps(rng, plan.created_at, plan.status, now)
        plan.loan = plan.asset is not None and plan.asset.asset_type == Asset.Type.COMPUTER and rng.random() < 0.3 \
            and any(step == IP for step, _at in plan.steps)
    plans += _guarantee_claims(rng, plans, now)
    plans.sort(key=lambda plan: plan.created_at)
    return plans


def _guarantee_claims(rng: random.Random, plans: list[Plan], now: dt.datetime) -> list[Plan]:
    """The same fault again within 30 days of delivery (000 §1.1): a claim on about one repair in thirty."""
    claims = []
    for plan in plans:
        delivered = next((at for step, at in plan.steps if step == D), None)
        if plan.asset is None or delivered is None or rng.random() > 0.06:
            continue
        day = (delivered + dt.timedelta(days=rng.randint(4, 20))).date()
        created = working_moment(rng, day)
        if created >= now - dt.timedelta(days=1):
            continue
        status = rng.choices(list(_statuses_for((now - created).days)),
                             list(_statuses_for((now - created).days).values()))[0]
        claim = Plan(created_at=created, unit=plan.unit, category=plan.category, status=status, asset=plan.asset,
                     symptom="อาการเดิมกลับมาอีกหลังรับเครื่องคืน " + plan.symptom, guarantee_of=plan)
        claim.steps = _steps(rng, created, status, now)
        claims.append(claim)
    return claims


def seed_year(command) -> None:
    if Ticket.objects.filter(symptom__startswith=YEAR_MARKER).exists():
        return
    User = get_user_model()
    ithead = User.objects.filter(username="ithead").first()
    technicians: dict[int, list] = {}
    for user in User.objects.filter(groups__name=Role.TECHNICIAN).select_related("profile").order_by("pk"):
        technicians.setdefault(user.profile.team_id, []).append(user)
    requesters = {user.profile.unit_id: user for user in
                  User.objects.filter(groups__name=Role.REQUESTER).select_related("profile").order_by("-pk")}
    units = list(Unit.objects.filter(area__isnull=False).order_by("code"))
    if ithead is None or not units:
        command.stdout.write("tickets: demo users or units missing, the year of tickets is skipped")
        return
    categories = list(Category.objects.filter(parent__isnull=False, code__in=SYMPTOMS).order_by("sort_order"))
    in_tickets = Ticket.objects.filter(asset__isnull=False).values("asset_id")
    assets = list(Asset.objects.filter(status=Asset.Status.IN_USE).exclude(pk__in=in_tickets).order_by("asset_number"))
    spares = list(Asset.objects.filter(status=Asset.Status.SPARE,
                                       asset_type__in=(Asset.Type.COMPUTER, Asset.Type.NOTEBOOK))
                  .order_by("asset_number"))
    now = timezone.now()
    rng = random.Random(SEED + 1)
    made: dict[int, Ticket] = {}
    spare_free_at = {spare.pk: now - dt.timedelta(days=400) for spare in spares}
    with past_without_notices():
        for plan in plan_year(units, categories, assets, now):
            technician = rng.choice(technicians.get(plan.unit.area.team_id) or [ithead])
            ticket = _open(plan, rng, requesters, technician, made)
            made[id(plan)] = ticket
            _work(plan, ticket, rng, technician, ithead, spares, spare_free_at)
    command.stdout.write(f"tickets: {len(made)} tickets over the last twelve months")


def _open(plan: Plan, rng: random.Random, requesters: dict, technician, made: dict) -> Ticket:
    from tickets.services import ticket_create

    requester = requesters.get(plan.unit.pk)
    channel = Channel.WEB if requester else rng.choice([Channel.PHONE, Channel.PAPER, Channel.MEMO, Channel.WEB])
    name = requester.get_full_name() if requester else rng.choice(PEOPLE)
    memo = {}
    if channel == Channel.MEMO:
        memo = {"memo_number": f"กท {plan.unit.code[:4]}/{rng.randint(100, 999)}",
                "memo_date": timezone.localdate(plan.created_at) - dt.timedelta(days=rng.randint(0, 2))}
    with demo_clock(plan.created_at):
        return ticket_create(
            unit=plan.unit, category=plan.category, symptom=YEAR_MARKER + plan.symptom, requester=requester,
            requester_name=name, requester_position=rng.choice(POSITIONS),
            requester_phone=plan.unit.phone or "0 2221 2141", by=requester or technician, channel=channel,
            asset=plan.asset, device_description="" if plan.asset else "อุปกรณ์ในสำนักงาน (ไม่มีเลขครุภัณฑ์)",
            now=plan.created_at, **memo,
        )


def _work(plan: Plan, ticket: Ticket, rng: random.Random, technician, ithead, spares: list, spare_free_at: dict):
    from tickets.services import ticket_assign, ticket_record_work, ticket_transition
    from tickets.services.handover import ticket_confirm_handover
    from tickets.services.loans import ticket_lend_replacement, ticket_return_replacement

    if not plan.steps or plan.steps[0][0] == Status.CANCELLED:
        _steps_on_clock(plan.steps, ticket, technician)
        return
    with demo_clock(plan.steps[0][1] - dt.timedelta(minutes=2)):
        ticket_assign(ticket=ticket, technician=technician, by=ithead)
    loan = None
    for step, at in plan.steps:
        with demo_clock(at):
            if step in (QC, Status.UNREPAIRABLE):
                ticket_record_work(
                    ticket=ticket, by=technician, diagnosis="ตรวจสอบตามคู่มือแนวทางการแก้ไขปัญหา",
                    cause=rng.choice(CAUSES), fix=rng.choice(FIXES) if step == QC else "",
                    guide_followed=ticket.category.guide, time_spent_minutes=rng.choice((30, 45, 60, 90, 120, 180)),
                    reinstalled=ticket.category.kind == Category.Kind.SOFTWARE and rng.random() < 0.4)
            if loan is not None and step in (RP, D, Status.UNREPAIRABLE, Status.CANCELLED):
                ticket_return_replacement(link=loan, condition="สภาพดี ใช้งานได้ปกติ", by=technician)
                spare_free_at[loan.loan.asset_id] = at
                loan = None
            fields = {"received_by_name": ticket.requester_name} if step == D else {}
            if step == AV:
                fields = {"vendor_claim_ref": f"RMA-{rng.randint(100000, 999999)}"}
            ticket = ticket_transition(ticket=ticket, to=step, by=technician, note=NOTES.get(step, ""), **fields)
            if step == IP and plan.loan and loan is None:
                spare = next((s for s in spares if spare_free_at[s.pk] < at), None)
                if spare is not None:
                    loan = ticket_lend_replacement(ticket=ticket, asset=spare, by=technician,
                                                   due_date=timezone.localdate(at) + dt.timedelta(days=14))
                    spare_free_at[spare.pk] = at + dt.timedelta(days=3650)  # until it is returned
            if step == D and rng.random() < 0.6:
                ticket_confirm_handover(ticket=ticket, by=technician, method="paper",
                                        receiver_name=ticket.requester_name,
                                        receiver_position=ticket.requester_position or "เจ้าหน้าที่ธุรการ",
                                        works=True, note="ลงนามในใบรับมอบแล้ว", received_at=at)


def _steps_on_clock(steps, ticket: Ticket, technician) -> None:
    from tickets.services import ticket_transition

    for step, at in steps:
        with demo_clock(at):
            ticket = ticket_transition(ticket=ticket, to=step, by=technician, note=NOTES.get(step, ""))
