"""The preventive-maintenance report for a period (002 §2 step ๓): planned, done, overdue, findings and the repair
tickets the findings opened. One builder feeds the page, its PDF and the executive-summary section."""

import datetime as dt

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assets.models import Asset, MaintenancePlanItem, MaintenanceRecord
from helpdesk.dashboard import ReportScope, ReportSection, register_report_section
from helpdesk.thai import fiscal_year

OUT_OF_SERVICE = [Asset.Status.RETIRED, Asset.Status.DISPOSED]


def _items_in(scope: ReportScope) -> list[MaintenancePlanItem]:
    years = range(fiscal_year(scope.start), fiscal_year(scope.end) + 1)
    items = MaintenancePlanItem.objects.filter(scope.unit_filter("unit"), fiscal_year__in=years).select_related("unit")
    return [item for item in items if item.month_start <= scope.end and item.month_end >= scope.start]


def assets_due(items) -> dict[tuple[int, str], int]:
    """{(unit id, asset type): assets in service} for the plan lines `items` (one query; none without lines)."""
    if not items:
        return {}
    return {
        (row["unit_id"], row["asset_type"]): row["n"]
        for row in Asset.objects.exclude(status__in=OUT_OF_SERVICE)
        .filter(unit_id__in={item.unit_id for item in items}, asset_type__in={item.asset_type for item in items})
        .values("unit_id", "asset_type").annotate(n=Count("id"))
    }


def maintenance_report(scope: ReportScope, *, today: dt.date | None = None) -> dict:
    """Figures for the plan lines whose month falls in the period and the maintenance done in it (four queries)."""
    today = today or timezone.localdate()
    items = _items_in(scope)
    due = assets_due(items)
    done = dict(
        MaintenanceRecord.objects.filter(plan_item__in=[item.pk for item in items]).values("plan_item_id")
        .annotate(n=Count("asset_id", distinct=True)).values_list("plan_item_id", "n")
    ) if items else {}
    rows = []
    for item in items:
        planned = due.get((item.unit_id, item.asset_type), 0)
        finished = min(done.get(item.pk, 0), planned) if planned else done.get(item.pk, 0)
        overdue = max(planned - finished, 0) if item.is_past(today) else 0
        rows.append({"item": item, "label": str(item), "planned": planned, "done": finished, "overdue": overdue})
    records = MaintenanceRecord.objects.filter(
        scope.unit_filter("asset__unit"), performed_on__gte=scope.start, performed_on__lte=scope.end)
    found = records.aggregate(
        performed=Count("pk"),
        fixed=Count("pk", filter=Q(result=MaintenanceRecord.Result.FIXED)),
        needs_repair=Count("pk", filter=Q(result=MaintenanceRecord.Result.NEEDS_REPAIR)),
        tickets=Count("pk", filter=Q(repair_ticket__isnull=False)),
    )
    findings = list(
        records.exclude(result=MaintenanceRecord.Result.OK)
        .select_related("asset", "asset__unit", "repair_ticket").order_by("-performed_on", "-pk")[:100]
    )
    return {
        "rows": rows,
        "totals": {
            "planned": sum(row["planned"] for row in rows),
            "done": sum(row["done"] for row in rows),
            "overdue": sum(row["overdue"] for row in rows),
            **found,
        },
        "findings": findings,
    }


def maintenance_report_csv(scope: ReportScope):
    data = maintenance_report(scope)
    header = [_("รายการแผน"), _("ตามแผน"), _("ทำแล้ว"), _("เลยกำหนด")]
    rows = [[row["label"], row["planned"], row["done"], row["overdue"]] for row in data["rows"]]
    totals = data["totals"]
    rows.append([_("พบปัญหา แก้ไขแล้ว"), totals["fixed"], "", ""])
    rows.append([_("พบปัญหา ต้องส่งซ่อม"), totals["needs_repair"], "", ""])
    rows.append([_("เปิดใบแจ้งซ่อม"), totals["tickets"], "", ""])
    return header, rows


def register() -> None:
    register_report_section(ReportSection(
        "maintenance", gettext_lazy("การบำรุงรักษาเชิงป้องกัน"), "assets/includes/_maintenance_report.html",
        build=maintenance_report, order=60, csv_rows=maintenance_report_csv,
    ))
