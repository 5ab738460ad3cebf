"""Demo asset register: a few hundred realistic assets, warranties ending soon, leases, loans and a maintenance plan.

``--assets N`` adds N more generated assets for scale tests (bulk, with history). Running twice changes nothing.
"""

import csv
import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

from django.contrib.auth.models import User
from django.utils import timezone

from assets.models import Asset, AssetLoan, MaintenancePlanItem, MaintenanceRecord
from helpdesk.models import Unit
from helpdesk.thai import fiscal_year

BASE_COUNT = 320
YEARS = 7  # budget years 2562–2568
# (type, number prefix, share, [(brand, model, price, spec)]), from the rows of demo_catalogue.csv.
CATALOGUE = []
with (Path(__file__).parent / "demo_catalogue.csv").open(encoding="utf-8", newline="") as rows:
    for row in csv.DictReader(rows):
        if not CATALOGUE or CATALOGUE[-1][1] != row["number_prefix"]:
            CATALOGUE.append((Asset.Type(row["type"]), row["number_prefix"], int(row["share"]), []))
        CATALOGUE[-1][3].append((row["brand"], row["model"], int(row["price"]), row["spec"]))
VENDORS = [
    ("บริษัท ไอที ซิตี้ จำกัด (มหาชน)", "0 2123 4567 · service@example.co.th"),
    ("บริษัท ซินเน็ค (ประเทศไทย) จำกัด (มหาชน)", "0 2553 8888"),
    ("บริษัท สยามคอมพิวเตอร์เซอร์วิส จำกัด", "0 2512 3344 · 081 234 5566"),
    ("ห้างหุ้นส่วนจำกัด พีซีโปรเทค", "0 2939 1122"),
]
LESSOR = ("บริษัท เอ็มเอฟอีซี จำกัด (มหาชน)", "0 2821 7999 · helpdesk@example.co.th")
ROOMS = ["ห้องทะเบียน ชั้น 1", "ห้องธุรการ ชั้น 2", "ห้องผู้อำนวยการ ชั้น 3", "ห้องประชุม ชั้น 3", "ห้องการเงิน ชั้น 2",
         "ห้องเซิร์ฟเวอร์ ชั้น 4", "ห้องพัสดุ ชั้น 1"]
PEOPLE = ["นางสาวสมศรี ใจดี", "นายประเสริฐ มั่นคง", "นางมาลี ผู้นำ", "นายวีระ ช่างซ่อม", "นางสาวกมลา ศรีสุข",
          "นายธนพล วิศวกร", "นางวันดี พัสดุ"]


def add_arguments(parser):
    parser.add_argument("--assets", type=int, default=0, help="add this many generated assets for scale tests")


def _weighted_types():
    return [entry for entry in CATALOGUE for _ in range(entry[2])]


def _number(prefix: str, index: int) -> str:
    return f"{prefix}-{index // YEARS + 1:04d}/{2562 + index % YEARS}"


def build_asset(index: int, units: list[Unit], rng: random.Random, today: dt.date) -> Asset:
    asset_type, prefix, _share, models = rng.choice(_weighted_types())
    brand, model, price, spec = rng.choice(models)
    budget_year = 2562 + index % YEARS
    acquired = dt.date(budget_year - 543 - 1, rng.randint(10, 12), rng.randint(1, 28)) + dt.timedelta(
        days=rng.randint(0, 250))
    acquired = min(acquired, today)
    leased = asset_type in (Asset.Type.COMPUTER, Asset.Type.NOTEBOOK, Asset.Type.PRINTER) and rng.random() < 0.15
    roll = rng.random()
    if roll < 0.08:
        warranty_end = today + dt.timedelta(days=rng.randint(1, 59))  # ending soon
    else:
        warranty_end = acquired + dt.timedelta(days=365 * rng.choice((1, 2, 3, 3, 5)))
    status = rng.choices(
        [Asset.Status.IN_USE, Asset.Status.SPARE, Asset.Status.IN_REPAIR, Asset.Status.RETIRED, Asset.Status.DISPOSED],
        weights=[80, 8, 5, 4, 3],
    )[0]
    vendor, contact = LESSOR if leased else rng.choice(VENDORS)
    return Asset(
        asset_number=_number(prefix, index), asset_type=asset_type, brand=brand, model_name=model,
        serial_number="" if asset_type == Asset.Type.SOFTWARE else f"{brand[:2].upper()}{rng.randrange(10**9):09d}",
        specification=spec, unit=rng.choice(units), location=rng.choice(ROOMS), custodian=rng.choice(PEOPLE),
        acquired_date=acquired, acquisition=Asset.Acquisition.LEASE if leased else Asset.Acquisition.PURCHASE,
        price=None if leased else Decimal(price), budget_year=budget_year, vendor_name=vendor,
        vendor_contact=contact, warranty_end=warranty_end,
        lease_end=dt.date(budget_year - 543 + 3, 9, 30) if leased else None,
        licence_key=(f"{rng.randrange(16**5):05X}-{rng.randrange(16**5):05X}-{rng.randrange(16**5):05X}"
                     if asset_type == Asset.Type.SOFTWARE else ""),
        status=status,
    )


def create_assets(start: int, count: int, units: list[Unit], seed: int, by=None) -> int:
    """Create assets number ``start`` … ``start + count - 1`` that do not exist yet; returns how many were new."""
    from simple_history.utils import bulk_create_with_history

    rng = random.Random(seed)
    today = timezone.localdate()
    candidates = [build_asset(index, units, rng, today) for index in range(start, start + count)]
    created = 0
    for chunk_start in range(0, len(candidates), 2000):
        chunk = candidates[chunk_start:chunk_start + 2000]
        existing = set(Asset.objects.filter(asset_number__in=[a.asset_number for a in chunk])
                       .values_list("asset_number", flat=True))
        new = [asset for asset in chunk if asset.asset_number not in existing]
        if new:
            bulk_create_with_history(new, Asset, batch_size=1000, default_user=by,
                                     default_change_reason="ข้อมูลตัวอย่าง")
            created += len(new)
    return created


def seed(command, options) -> None:
    units = list(Unit.objects.exclude(code__in=["01000", "02000", "03000", "04000"]).order_by("code"))
    if not units:
        return
    stock = User.objects.filter(username="stock").first()
    created = create_assets(0, BASE_COUNT, units, seed=2569, by=stock)
    extra = options.get("assets") or 0
    if extra:
        created += create_assets(BASE_COUNT, extra, units, seed=2570, by=stock)
    _seed_loans()
    _seed_plan()
    command.stdout.write(f"Assets: {created} new, {Asset.objects.count()} in the register.")


def _seed_loans() -> None:
    if AssetLoan.objects.exists():
        return
    technician = User.objects.filter(username="technician").first()
    borrowers = {unit.code: unit for unit in Unit.objects.filter(code__in=["50110", "60110", "70100", "50200"])}
    if not borrowers:
        return
    today = timezone.localdate()
    spares = list(Asset.objects.filter(status=Asset.Status.SPARE).order_by("asset_number")[:8])
    plans = [  # (lent days ago, due in days, returned?)
        (20, -6, False), (40, -12, False), (3, 11, False), (1, 6, False), (60, -30, True), (30, -2, True),
        (10, 20, False), (5, 2, False),
    ]
    names = ["นายประเสริฐ มั่นคง", "นางสาวสมศรี ใจดี", "นายอนุชา รักงาน", "นางมาลี ผู้นำ"]
    for number, (asset, (ago, due_in, returned)) in enumerate(zip(spares, plans, strict=False)):
        unit = list(borrowers.values())[number % len(borrowers)]
        loan = AssetLoan(
            asset=asset, borrower_unit=unit, borrower_name=names[number % len(names)],
            purpose="ใช้แทนเครื่องที่ส่งซ่อม" if number % 2 == 0 else "ใช้ในการประชุม/อบรม",
            lent_on=today - dt.timedelta(days=ago), due_date=today + dt.timedelta(days=due_in),
            lent_by=technician, previous_status=asset.status,
        )
        if returned:
            loan.returned_at = timezone.now() - dt.timedelta(days=1)
            loan.return_condition = "สภาพดี ใช้งานได้ปกติ"
            loan.received_by = technician
        loan.save()
        if not returned:
            asset.status = Asset.Status.ON_LOAN
            asset.save(update_fields=["status", "updated_at"])


def _seed_plan() -> None:
    today = timezone.localdate()
    year = fiscal_year(today)
    ithead = User.objects.filter(username="ithead").first()
    technician = User.objects.filter(username="technician").first()
    lines = [
        ("50110", Asset.Type.COMPUTER, 11,
         "ทำความสะอาดภายในเครื่องและพัดลม\nตรวจสอบ Windows Update และแอนตี้ไวรัส\nสำรองข้อมูล"),
        ("50110", Asset.Type.PRINTER, 12, "ล้างหัวพิมพ์\nตรวจสอบระดับหมึก\nทำความสะอาดลูกยางดึงกระดาษ"),
        ("50100", Asset.Type.UPS, 1, "ทดสอบการสำรองไฟ\nตรวจสอบแบตเตอรี่ (อายุเกิน 2 ปีให้เปลี่ยน)"),
        ("60110", Asset.Type.COMPUTER, 2, "ทำความสะอาดภายในเครื่องและพัดลม\nตรวจสอบ Windows Update และแอนตี้ไวรัส"),
        ("01200", Asset.Type.NETWORK, 3, "ตรวจสอบไฟสถานะพอร์ต\nสำรองค่า configuration\nตรวจสอบเฟิร์มแวร์"),
        ("70100", Asset.Type.COMPUTER, 5, "ทำความสะอาดภายในเครื่องและพัดลม"),
        ("50110", Asset.Type.COMPUTER, 5, "ทำความสะอาดภายในเครื่องและพัดลม\nตรวจสอบพื้นที่ดิสก์"),
        ("50200", Asset.Type.PRINTER, 7, "ล้างหัวพิมพ์\nตรวจสอบระดับหมึก"),
    ]
    units = {unit.code: unit for unit in Unit.objects.filter(code__in={line[0] for line in lines})}
    items = []
    for code, asset_type, month, checklist in lines:
        if code not in units:
            continue
        item, _ = MaintenancePlanItem.objects.get_or_create(
            fiscal_year=year, month=month, unit=units[code], asset_type=asset_type,
            defaults={"checklist": checklist, "created_by": ithead},
        )
        items.append(item)
    if MaintenanceRecord.objects.exists():
        return
    # Past months are mostly done, leaving a few overdue machines to chase.
    for item in items:
        if not item.is_past(today):
            continue
        for position, asset in enumerate(item.assets().order_by("asset_number")):
            if position % 4 == 3:
                continue
            MaintenanceRecord.objects.create(
                asset=asset, plan_item=item, performed_on=item.month_start + dt.timedelta(days=position % 20),
                checks="\n".join(item.checklist_lines()), findings="" if position % 3 else "มีฝุ่นสะสม ทำความสะอาดแล้ว",
                result=MaintenanceRecord.Result.OK if position % 3 else MaintenanceRecord.Result.FIXED,
                performed_by=technician,
            )


