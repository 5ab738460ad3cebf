"""The asset list, page, create/edit forms and the "report a problem" entry point of the QR label."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from assets.access import (
    can_edit_assets,
    can_print_labels,
    can_record_maintenance,
    can_see_licence_keys,
    get_asset_for_user,
)
from assets.csvio import export_rows
from assets.forms import SORT_LABELS, AssetFilterForm, AssetForm
from assets.labels import STOCK_CHOICES
from assets.models import Asset
from assets.sections import asset_sections
from helpdesk.csvexport import csv_response
from helpdesk.roles import is_service_staff, team_for_unit

HISTORY_SHOWN = 30


def asset_qr_url(asset: Asset) -> str:
    """The absolute URL a label's QR code carries: the asset page, marked as coming from the label."""
    return f"{settings.SITE_URL}{reverse('assets:detail', args=[asset.pk])}?from=qr"


def filtered_assets(request):
    form = AssetFilterForm(request.GET or None, user=request.user)
    queryset = form.filter(Asset.objects.visible_to(request.user).select_related("unit"))
    return form, queryset


@login_required
@require_GET
def asset_list(request):
    form, queryset = filtered_assets(request)
    page = Paginator(queryset, form.page_size()).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "assets/asset_list.html", {
        "form": form, "page": page, "assets": page.object_list, "query": query.urlencode(),
        "label_stocks": STOCK_CHOICES,
        "today": timezone.localdate(), "can_edit": can_edit_assets(request.user),
        "can_print": can_print_labels(request.user), "sort_labels": SORT_LABELS,
    })


@login_required
@require_GET
def asset_export(request):
    _form, queryset = filtered_assets(request)
    rows = export_rows(queryset.iterator(chunk_size=2000), include_licence_keys=can_see_licence_keys(request.user))
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return csv_response(f"assets-{stamp}.csv", rows)


def _history_entries(asset: Asset) -> list[dict]:
    """The latest changes, newest first, each with the fields that changed."""
    records = list(asset.history.select_related("history_user").order_by("-history_date", "-history_id")
                   [:HISTORY_SHOWN + 1])
    fields = {f.name: f for f in Asset._meta.get_fields() if hasattr(f, "verbose_name")}
    hidden = {"updated_at", "created_at"}
    entries = []
    for index, record in enumerate(records[:HISTORY_SHOWN]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous, excluded_fields=hidden)
            for change in delta.changes:
                changes.append({"field": change.field, "label": fields[change.field].verbose_name,
                                "old": change.old, "new": change.new})
        user = record.history_user
        who = (user.get_full_name() or user.username) if user else _("ระบบ")
        entries.append({"record": record, "changes": changes, "who": who})
    return entries




@login_required
@require_GET
def asset_detail(request, pk):
    asset = get_asset_for_user(request, pk)
    if request.GET.get("from") == "qr" and not is_service_staff(request.user):
        return redirect("assets:report", pk=asset.pk)
    loans = list(asset.loans.select_related("borrower_unit", "lent_by", "received_by")[:50])
    records = list(asset.maintenance_records.select_related("performed_by", "plan_item", "repair_ticket")[:50])
    history = _history_entries(asset)
    _label_history_values(history)
    return render(request, "assets/asset_detail.html", {
        "asset": asset, "loans": loans, "open_loan": next((loan for loan in loans if loan.is_open), None),
        "maintenance_records": records, "history": history, "today": timezone.localdate(),
        "can_edit": can_edit_assets(request.user), "show_licence_key": can_see_licence_keys(request.user),
        "can_record_maintenance": can_record_maintenance(request.user),
        "can_print": can_print_labels(request.user), "qr_url": asset_qr_url(asset),
        "from_qr": request.GET.get("from") == "qr", "asset_sections": asset_sections(request, asset),
    })


def _label_history_values(history: list[dict]) -> None:
    """Show choices by their Thai labels, the unit by name and licence keys never in the clear."""
    from helpdesk.models import Unit

    unit_ids = {value for entry in history for change in entry["changes"] if change["field"] == "unit"
                for value in (change["old"], change["new"]) if value}
    units = {unit.pk: str(unit) for unit in Unit.objects.filter(pk__in=unit_ids)} if unit_ids else {}
    for entry in history:
        for change in entry["changes"]:
            field = Asset._meta.get_field(change["field"])
            for key in ("old", "new"):
                value = change[key]
                if change["field"] == "licence_key":
                    change[key] = "••••••" if value else ""
                elif field.choices:
                    change[key] = dict(field.choices).get(value, value)
                elif change["field"] == "unit":
                    change[key] = units.get(value, value)


@login_required
@require_GET
def asset_report(request, pk):
    """Where a label's QR code leads a unit user: report a problem with this asset."""
    asset = get_asset_for_user(request, pk)
    return render(request, "assets/asset_report.html", {
        "asset": asset, "team": team_for_unit(asset.unit), "today": timezone.localdate(),
    })


@login_required
@require_http_methods(["GET", "POST"])
def asset_create(request):
    if not can_edit_assets(request.user):
        raise PermissionDenied
    form = AssetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        asset = form.save()
        messages.success(request, _("บันทึกครุภัณฑ์ %(number)s แล้ว") % {"number": asset.asset_number})
        return redirect("assets:detail", pk=asset.pk)
    return render(request, "assets/asset_form.html", {"form": form, "asset": None})


@login_required
@require_http_methods(["GET", "POST"])
def asset_edit(request, pk):
    asset = get_asset_for_user(request, pk, edit=True)
    form = AssetForm(request.POST or None, instance=asset)
    if request.method == "POST" and form.is_valid():
        if form.has_changed():
            form.save()
            messages.success(request, _("บันทึกการแก้ไขครุภัณฑ์ %(number)s แล้ว") % {"number": asset.asset_number})
        return redirect("assets:detail", pk=asset.pk)
    return render(request, "assets/asset_form.html", {"form": form, "asset": asset})
