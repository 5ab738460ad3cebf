"""The yearly preventive-maintenance plan (002 §2 step 2) and the record of each maintenance (step 3)."""

import datetime as dt
from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assets.access import (
    can_plan_maintenance,
    can_record_maintenance,
    can_view_maintenance,
    get_asset_for_user,
    get_plan_item_for_user,
)
from assets.forms import MaintenanceRecordForm, PlanItemForm
from assets.maintenance_report import assets_due
from assets.models import FISCAL_MONTH_ORDER, MONTH_CHOICES, MaintenancePlanItem, MaintenanceRecord
from assets.services import maintenance_record_create, plan_item_for
from helpdesk.parsing import int_param
from helpdesk.pdf import pdf_response
from helpdesk.thai import fiscal_year


def _year_param(request) -> int:
    year = int_param(request.GET.get("year"), minimum=2500, maximum=2700)
    if year is not None:
        return year
    return fiscal_year(timezone.localdate())


@login_required
@require_GET
def plan(request):
    if not can_view_maintenance(request.user):
        raise PermissionDenied
    year = _year_param(request)
    today = timezone.localdate()
    items = list(MaintenancePlanItem.objects.filter(fiscal_year=year).select_related("unit"))
    due = assets_due(items)
    done = dict(
        MaintenanceRecord.objects.filter(plan_item__fiscal_year=year).values("plan_item_id")
        .annotate(n=Count("asset_id", distinct=True)).values_list("plan_item_id", "n")
    )
    by_month = defaultdict(list)
    for item in items:
        item.due_count = due.get((item.unit_id, item.asset_type), 0)
        item.done_count = done.get(item.pk, 0)
        item.overdue = item.is_past(today) and item.done_count < item.due_count
        by_month[item.month].append(item)
    month_names = dict(MONTH_CHOICES)
    months = []
    for month in FISCAL_MONTH_ORDER:
        month_items = by_month.get(month, [])
        months.append({
            "month": month, "name": month_names[month], "items": month_items,
            "due": sum(item.due_count for item in month_items), "done": sum(item.done_count for item in month_items),
            "overdue": any(item.overdue for item in month_items),
        })
    return render(request, "assets/maintenance_plan.html", {
        "year": year, "months": months, "overdue_items": [item for item in items if item.overdue],
        "years": range(year - 2, year + 3), "can_plan": can_plan_maintenance(request.user),
        "totals": {"due": sum(m["due"] for m in months), "done": sum(m["done"] for m in months)},
    })


@login_required
@require_http_methods(["GET", "POST"])
def plan_item_new(request):
    if not can_plan_maintenance(request.user):
        raise PermissionDenied
    form = PlanItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        item.created_by = request.user
        item._history_user = request.user
        item.save()
        messages.success(request, _("เพิ่มรายการในแผนบำรุงรักษาแล้ว"))
        return redirect(f"{reverse('assets:maintenance_plan')}?year={item.fiscal_year}")
    return render(request, "assets/plan_item_form.html", {"form": form},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def plan_item_delete(request, pk):
    item = get_plan_item_for_user(request, pk)
    if not can_plan_maintenance(request.user):
        raise PermissionDenied
    if item.records.exists():
        messages.error(request, _("ลบไม่ได้ เพราะมีการบันทึกการบำรุงรักษาตามรายการนี้แล้ว"))
    else:
        item.delete()
        messages.success(request, _("ลบรายการออกจากแผนแล้ว"))
    return redirect(f"{reverse('assets:maintenance_plan')}?year={item.fiscal_year}")


@login_required
@require_GET
def plan_item_detail(request, pk):
    item = get_plan_item_for_user(request, pk)
    assets = list(item.assets().select_related("unit").order_by("asset_number")[:1000])
    done = {
        record.asset_id: record
        for record in MaintenanceRecord.objects.filter(plan_item=item).select_related("performed_by")
        .order_by("performed_on")
    }
    rows = [{"asset": asset, "record": done.get(asset.pk)} for asset in assets]
    return render(request, "assets/plan_item_detail.html", {
        "item": item, "rows": rows, "done_count": sum(1 for row in rows if row["record"]),
        "overdue": item.is_past() and any(row["record"] is None for row in rows),
        "can_record": can_record_maintenance(request.user), "can_plan": can_plan_maintenance(request.user),
    })


@login_required
@require_http_methods(["GET", "POST"])
def record_new(request, pk):
    asset = get_asset_for_user(request, pk)
    if not can_record_maintenance(request.user):
        raise PermissionDenied
    item = None
    item_id = int_param(request.GET.get("item") or request.POST.get("item"), minimum=1)
    if item_id is not None:
        item = MaintenancePlanItem.objects.for_asset(asset).filter(pk=item_id).first()
    if item is None:
        item = plan_item_for(asset, timezone.localdate())
    initial = {"performed_on": timezone.localdate(), "checks": "\n".join(item.checklist_lines()) if item else ""}
    form = MaintenanceRecordForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            record = maintenance_record_create(asset=asset, plan_item=item, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("บันทึกการบำรุงรักษา %(number)s แล้ว") % {"number": asset.asset_number})
            repair = getattr(record, "repair_ticket", None) if record.result == record.Result.NEEDS_REPAIR else None
            if repair is not None:
                messages.warning(request, _("เปิดใบแจ้งซ่อม %(number)s สำหรับครุภัณฑ์นี้แล้ว") % {"number": repair.number})
            if record.plan_item_id and request.POST.get("next") == "plan":
                return redirect("assets:plan_item", pk=record.plan_item_id)
            return redirect("assets:detail", pk=asset.pk)
    return render(request, "assets/maintenance_form.html", {"form": form, "asset": asset, "item": item,
                                                            "next": request.GET.get("next", "")},
                  status=400 if request.method == "POST" else 200)


def _report_context(request) -> dict:
    from assets.maintenance_report import maintenance_report
    from helpdesk.dashboard import ReportScope

    year = _year_param(request)
    start, end = dt.date(year - 544, 10, 1), dt.date(year - 543, 9, 30)
    scope = ReportScope(start=start, end=end, label=_("ปีงบประมาณ %(year)s") % {"year": year})
    return {"year": year, "years": range(year - 2, year + 3), "scope": scope, "s": maintenance_report(scope)}


@login_required
@require_GET
def maintenance_report_view(request):
    """Planned, done, overdue, findings and tickets opened for a fiscal year (002 §2 step ๓)."""
    if not can_view_maintenance(request.user):
        raise PermissionDenied
    return render(request, "assets/maintenance_report.html", _report_context(request))


@login_required
@require_GET
def maintenance_report_pdf(request):
    if not can_view_maintenance(request.user):
        raise PermissionDenied
    context = {**_report_context(request), "for_pdf": True}
    return pdf_response(request, "assets/pdf/maintenance_report.html", context,
                        f"maintenance-{context['year']}.pdf", preview=request.GET.get("preview") == "1")
