"""Time the CSV import of a generated file (default 10,000 rows): check, then write, then roll back.

    python manage.py bench_asset_import --rows 10000 [--keep]
"""

import csv
import io
import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from assets.csvio import COLUMNS, import_assets, parse_csv, read_upload
from assets.demo import CATALOGUE
from helpdesk.models import Unit


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Generate a CSV of N assets, import it through the real import path and print the time taken."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000)
        parser.add_argument("--keep", action="store_true", help="keep the imported assets (default: roll back)")

    def handle(self, *args, rows, keep, **options):
        units = list(Unit.objects.values_list("code", flat=True)[:50])
        if not units:
            raise CommandError("no units: run seed_demo first")
        rng = random.Random(rows)
        header = [column.thai for column in COLUMNS if column.kind != "info"]
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        for index in range(rows):
            asset_type, _prefix, _share, models = rng.choice(CATALOGUE)
            brand, model, price, spec = rng.choice(models)
            values = {
                "asset_number": f"9999-{index // 9000 + 100:03d}-{index % 9000 + 1:04d}/2568",
                "asset_type": str(asset_type.label), "brand": brand, "model_name": model,
                "serial_number": f"BENCH{index:08d}", "specification": spec, "unit": rng.choice(units),
                "location": "ห้องธุรการ ชั้น 2", "custodian": "นางสาวสมศรี ใจดี", "acquired_date": "15/03/2568",
                "acquisition": "จัดซื้อ", "price": f"{price:,}.00", "budget_year": "2568",
                "vendor_name": "บริษัท ไอที ซิตี้ จำกัด (มหาชน)", "vendor_contact": "0 2123 4567",
                "warranty_end": "14/03/2571", "lease_end": "", "licence_key": "", "status": "ใช้งาน", "notes": "",
            }
            writer.writerow([values[column.field] for column in COLUMNS if column.kind != "info"])
        raw = ("\ufeff" + buffer.getvalue()).encode("utf-8")
        self.stdout.write(f"Generated {rows} rows ({len(raw) / 1024 / 1024:.1f} MB).")

        started = time.perf_counter()
        text, reason = read_upload(raw)
        if reason:
            raise CommandError(reason)
        result = parse_csv(text)
        checked = time.perf_counter()
        if not result.ok:
            raise CommandError(f"{len(result.errors)} row errors, e.g. {result.errors[:3]} {result.file_errors}")
        try:
            with transaction.atomic():
                created = import_assets(result, by=None)
                written = time.perf_counter()
                if not keep:
                    raise _Rollback
        except _Rollback:
            pass
        self.stdout.write(
            f"Checked {result.row_count} rows in {checked - started:.2f} s, wrote {created} assets in "
            f"{written - checked:.2f} s: total {written - started:.2f} s"
            + ("" if keep else " (rolled back)")
        )
