"""CSV import and export of the asset register, in the shape units keep it in Excel.

Import is all-or-nothing: every row is checked first (row number, column, reason in Thai) and nothing
is written unless every row is valid; the write is one transaction. Export produces a file the import
accepts. It is written through the one CSV writer (helpdesk.csvexport), which gives text cells that a
spreadsheet would run as a formula (=, +, -, @, tab, CR) a leading apostrophe; the import removes it again.
"""

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import filetype
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from assets.models import Asset, validate_asset_number
from helpdesk.csvexport import FORMULA_TRIGGERS, csv_lines, defuse_formula  # noqa: F401  (csv_lines: old imports)
from helpdesk.models import Unit
from helpdesk.parsing import parse_be_date
from helpdesk.thai import BE_OFFSET

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000


@dataclass(frozen=True)
class Column:
    field: str
    english: str
    thai: str
    kind: str = "text"  # text, choice, date, price, year, unit, info
    required: bool = False


COLUMNS = [
    Column("asset_number", "asset_number", "เลขครุภัณฑ์", required=True),
    Column("asset_type", "asset_type", "ประเภท", "choice", required=True),
    Column("brand", "brand", "ยี่ห้อ"),
    Column("model_name", "model", "รุ่น"),
    Column("serial_number", "serial_number", "หมายเลขเครื่อง"),
    Column("specification", "specification", "รายละเอียดคุณลักษณะ"),
    Column("unit", "unit_code", "รหัสหน่วยงาน", "unit", required=True),
    Column("unit_name", "unit_name", "ชื่อหน่วยงาน", "info"),
    Column("location", "location", "สถานที่ตั้ง"),
    Column("custodian", "custodian", "ผู้รับผิดชอบ"),
    Column("acquired_date", "acquired_date", "วันที่ได้มา", "date"),
    Column("acquisition", "acquisition", "วิธีการได้มา", "choice"),
    Column("price", "price", "ราคา", "price"),
    Column("budget_year", "budget_year", "ปีงบประมาณ", "year"),
    Column("vendor_name", "vendor", "ผู้ขาย", ),
    Column("vendor_contact", "vendor_contact", "ข้อมูลติดต่อผู้ขาย"),
    Column("warranty_end", "warranty_end", "สิ้นสุดการรับประกัน", "date"),
    Column("lease_end", "lease_end", "สิ้นสุดสัญญาเช่า", "date"),
    Column("licence_key", "licence_key", "รหัสลิขสิทธิ์"),
    Column("status", "status", "สถานะ", "choice"),
    Column("notes", "notes", "หมายเหตุ"),
]
HEADER_ALIASES = {
    **{column.english: column for column in COLUMNS},
    **{column.thai: column for column in COLUMNS},
    "model_name": COLUMNS[3], "vendor_name": COLUMNS[14], "license_key": COLUMNS[18], "unit": COLUMNS[6],
    "หน่วยงาน": COLUMNS[6], "serial": COLUMNS[4], "type": COLUMNS[1],
}
CHOICE_ENUMS = {"asset_type": Asset.Type, "acquisition": Asset.Acquisition, "status": Asset.Status}


def _normalise_header(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").strip().strip('"').split()).lower()


def _choice_lookup() -> dict[str, dict[str, str]]:
    lookup = {}
    with translation.override("th"):
        for name, enum in CHOICE_ENUMS.items():
            lookup[name] = {}
            for value, label in enum.choices:
                lookup[name][value.lower()] = value
                lookup[name][str(label).lower()] = value
    with translation.override("en"):
        for name, enum in CHOICE_ENUMS.items():
            for value, label in enum.choices:
                lookup[name].setdefault(str(label).lower(), value)
    return lookup


# ---------------------------------------------------------------- export


def _format_date(value: dt.date | None) -> str:
    return f"{value.day:02d}/{value.month:02d}/{value.year + BE_OFFSET}" if value else ""


def export_rows(assets: Iterable[Asset], *, include_licence_keys: bool) -> Iterator[list[str]]:
    """The header row (Thai) and one row per asset; assets need ``unit`` selected."""
    columns = [c for c in COLUMNS if include_licence_keys or c.field != "licence_key"]
    yield [column.thai for column in columns]
    with translation.override("th"):
        for asset in assets:
            row = []
            for column in columns:
                if column.kind == "unit":
                    value = asset.unit.code
                elif column.kind == "info":
                    value = defuse_formula(asset.unit.name)
                elif column.kind == "choice":
                    value = str(getattr(asset, f"get_{column.field}_display")())
                elif column.kind == "date":
                    value = _format_date(getattr(asset, column.field))
                elif column.kind in ("price", "year"):
                    raw = getattr(asset, column.field)
                    value = "" if raw is None else str(raw)
                else:
                    value = defuse_formula(getattr(asset, column.field) or "")
                row.append(value)
            yield row


# ---------------------------------------------------------------- import


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportResult:
    assets: list[Asset] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    row_count: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_errors and bool(self.assets)


def read_upload(raw: bytes) -> tuple[str | None, str | None]:
    """(text, None) for a UTF-8 CSV file, else (None, Thai reason)."""
    if len(raw) > MAX_UPLOAD_BYTES:
        return None, _("ไฟล์ใหญ่เกินไป (ไม่เกิน %(mb)d MB)") % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)}
    if not raw.strip():
        return None, _("ไฟล์ว่างเปล่า")
    kind = filetype.guess(raw[:8192])
    if kind is not None:
        if kind.extension in ("xlsx", "xls", "zip", "ole"):
            return None, _("ไฟล์นี้เป็นไฟล์ Excel กรุณาบันทึกเป็น “CSV UTF-8 (Comma delimited)” แล้วนำเข้าใหม่")
        return None, _("ไฟล์นี้ไม่ใช่ไฟล์ CSV (พบไฟล์ชนิด %(kind)s)") % {"kind": kind.extension}
    if b"\x00" in raw:
        return None, _("ไฟล์นี้ไม่ใช่ไฟล์ข้อความ CSV")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return None, _("ไฟล์ต้องเข้ารหัส UTF-8 (ใน Excel เลือกบันทึกเป็น “CSV UTF-8”)")


class _RowParser:
    def __init__(self, result: ImportResult):
        self.result = result
        self.choices = _choice_lookup()
        self.max_lengths = {
            f.name: f.max_length for f in Asset._meta.get_fields() if getattr(f, "max_length", None)
        }

    def error(self, row: int, column: str, message: str) -> None:
        self.result.errors.append(RowError(row, column, message))

    def parse(self, row_number: int, cells: dict[Column, tuple[str, str]], units: dict[str, Unit]) -> dict | None:
        values: dict = {}
        ok = True
        for column, (header, raw) in cells.items():
            text = raw.strip()
            if text[:1] == "'" and text[1:2] in FORMULA_TRIGGERS:
                text = text[1:]
            if not text:
                if column.required:
                    self.error(row_number, header, _("ต้องระบุค่า"))
                    ok = False
                continue
            try:
                value = self.convert(column, text, units)
            except ValueError as reason:
                self.error(row_number, header, str(reason))
                ok = False
                continue
            if value is not None:
                values[column.field] = value
        return values if ok else None

    def convert(self, column: Column, text: str, units: dict[str, Unit]):
        kind = column.kind
        if kind == "info":
            return None
        if kind == "unit":
            unit = units.get(text)
            if unit is None:
                raise ValueError(_("ไม่พบรหัสหน่วยงาน “%(code)s”") % {"code": text})
            return unit
        if kind == "choice":
            value = self.choices[column.field].get(" ".join(text.split()).lower())
            if value is None:
                allowed = ", ".join(str(label) for label in CHOICE_ENUMS[column.field].labels)
                raise ValueError(_("ค่า “%(value)s” ไม่อยู่ในตัวเลือก (%(allowed)s)") % {"value": text, "allowed": allowed})
            if column.field == "status" and value == Asset.Status.ON_LOAN:
                raise ValueError(_("สถานะ “ให้ยืม” นำเข้าไม่ได้ ให้บันทึกการยืมในระบบแทน"))
            return value
        if kind == "date":
            try:
                day = parse_be_date(text)
            except (ValueError, TypeError):
                raise ValueError(
                    _("วันที่ “%(value)s” ไม่ถูกต้อง (ใช้ วว/ดด/ปปปป พ.ศ. เช่น 15/03/2566)") % {"value": text}
                ) from None
            if not 1950 <= day.year <= 2200:
                raise ValueError(_("วันที่ “%(value)s” ไม่ถูกต้อง (ปีไม่สมเหตุสมผล)") % {"value": text})
            return day
        if kind == "price":
            cleaned = text.replace(",", "").replace("บาท", "").strip()
            try:
                price = Decimal(cleaned)
            except InvalidOperation:
                raise ValueError(_("ราคา “%(value)s” ไม่ใช่ตัวเลข") % {"value": text}) from None
            if not price.is_finite() or price < 0 or price >= Decimal("1e10"):
                raise ValueError(_("ราคา “%(value)s” ต้องเป็นจำนวนเงินไม่ติดลบ") % {"value": text})
            return price.quantize(Decimal("0.01"))
        if kind == "year":
            if not text.isdigit() or not 2400 <= int(text) <= 2700:
                raise ValueError(_("ปีงบประมาณ “%(value)s” ต้องเป็นปี พ.ศ. 4 หลัก เช่น 2566") % {"value": text})
            return int(text)
        if column.field == "asset_number":
            try:
                validate_asset_number(text)
            except Exception:
                raise ValueError(
                    _("เลขครุภัณฑ์ “%(value)s” ไม่อยู่ในรูปแบบ 7440-001-0001/2566") % {"value": text}
                ) from None
        limit = self.max_lengths.get(column.field)
        if limit and len(text) > limit:
            raise ValueError(_("ยาวเกิน %(limit)d ตัวอักษร") % {"limit": limit})
        return text


def parse_csv(text: str) -> ImportResult:
    """Check every row; ``result.assets`` are unsaved Asset objects when ``result.ok``."""
    result = ImportResult()
    sample = text[:4096]
    first_line = sample.splitlines()[0] if sample.splitlines() else ""
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = list(reader)
    except csv.Error as error:
        result.file_errors.append(_("อ่านไฟล์ CSV ไม่ได้: %(error)s") % {"error": error})
        return result
    if not rows:
        result.file_errors.append(_("ไฟล์ว่างเปล่า"))
        return result
    headers = rows[0]
    result.headers = headers
    columns: list[Column | None] = []
    seen: set[Column] = set()
    for header in headers:
        column = HEADER_ALIASES.get(_normalise_header(header))
        if column is None and _normalise_header(header):
            result.file_errors.append(_("ไม่รู้จักคอลัมน์ “%(header)s”") % {"header": header.strip()})
        elif column in seen:
            result.file_errors.append(_("คอลัมน์ “%(header)s” ซ้ำกัน") % {"header": header.strip()})
        if column is not None:
            seen.add(column)
        columns.append(column)
    for column in COLUMNS:
        if column.required and column not in seen:
            result.file_errors.append(
                _("ไม่มีคอลัมน์ “%(thai)s” (%(english)s)") % {"thai": column.thai, "english": column.english}
            )
    data_rows = [(number, row) for number, row in enumerate(rows[1:], start=2) if any(cell.strip() for cell in row)]
    if len(data_rows) > MAX_ROWS:
        result.file_errors.append(_("นำเข้าได้ครั้งละไม่เกิน %(max)d แถว") % {"max": MAX_ROWS})
    if result.file_errors:
        return result
    if not data_rows:
        result.file_errors.append(_("ไม่มีข้อมูลครุภัณฑ์ในไฟล์"))
        return result
    result.row_count = len(data_rows)

    unit_column = columns.index(COLUMNS[6])
    codes = {row[unit_column].strip() for _n, row in data_rows if len(row) > unit_column}
    units = {unit.code: unit for unit in Unit.objects.filter(code__in=codes)}
    parser = _RowParser(result)
    header_of = {column: headers[i].strip() for i, column in enumerate(columns) if column is not None}
    parsed: list[tuple[int, dict]] = []
    for number, row in data_rows:
        if len(row) > len(headers):
            parser.error(number, "", _("มีจำนวนช่องมากกว่าหัวคอลัมน์ (%(n)d ช่อง)") % {"n": len(row)})
            continue
        cells = {
            column: (header_of[column], row[i] if i < len(row) else "")
            for i, column in enumerate(columns) if column is not None
        }
        values = parser.parse(number, cells, units)
        if values is not None:
            parsed.append((number, values))

    number_header = header_of[COLUMNS[0]]
    first_row_of: dict[str, int] = {}
    for number, values in parsed:
        asset_number = values["asset_number"]
        if asset_number in first_row_of:
            parser.error(number, number_header, _("เลขครุภัณฑ์ “%(value)s” ซ้ำกับแถวที่ %(row)d ในไฟล์")
                         % {"value": asset_number, "row": first_row_of[asset_number]})
        else:
            first_row_of[asset_number] = number
    existing = _existing_numbers(list(first_row_of))
    for number, values in parsed:
        if values["asset_number"] in existing and first_row_of.get(values["asset_number"]) == number:
            parser.error(number, number_header, _("เลขครุภัณฑ์ “%(value)s” มีอยู่ในทะเบียนแล้ว")
                         % {"value": values["asset_number"]})
        if values.get("lease_end") and values.get("acquisition") != Asset.Acquisition.LEASE:
            parser.error(number, header_of.get(COLUMNS[17], ""),
                         _("ระบุวันสิ้นสุดสัญญาเช่าได้เฉพาะครุภัณฑ์ที่ได้มาโดยการเช่า"))
    result.errors.sort(key=lambda error: error.row)
    if not result.errors:
        result.assets = [Asset(**values) for _n, values in parsed]
    return result


def _existing_numbers(numbers: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(numbers), 900):  # stay under SQLite's bound-parameter limit
        chunk = numbers[start:start + 900]
        found.update(Asset.objects.filter(asset_number__in=chunk).values_list("asset_number", flat=True))
    return found


def import_assets(result: ImportResult, *, by) -> int:
    """Write a fully valid import in one transaction; returns the number of assets created."""
    if not result.ok:
        raise ValueError("import has errors")
    try:
        with transaction.atomic():
            created = bulk_create_with_history(result.assets, Asset, batch_size=500, default_user=by,
                                               default_change_reason="นำเข้าจากไฟล์ CSV")
    except IntegrityError:
        result.assets = []
        result.file_errors.append(_("มีผู้บันทึกเลขครุภัณฑ์ซ้ำกับไฟล์นี้ระหว่างนำเข้า กรุณาตรวจสอบไฟล์อีกครั้ง"))
        return 0
    return len(created)
