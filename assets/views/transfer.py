"""CSV import (check first, then write all or nothing) and A4 label sheets with QR codes."""

import base64
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from assets.access import can_edit_assets, can_print_labels
from assets.csvio import COLUMNS, MAX_ROWS, MAX_UPLOAD_BYTES, import_assets, parse_csv, read_upload
from assets.forms import ImportForm
from assets.labels import label_sheets, stock_for
from assets.models import Asset
from assets.views.registry import asset_qr_url, filtered_assets
from helpdesk.parsing import int_list
from helpdesk.pdf import pdf_response
from helpdesk.qr import qr_png

ERRORS_SHOWN = 500
MAX_LABELS = 240  # 10 A4 sheets: WeasyPrint needs about 1–3 s per sheet, so one request stays bounded
SESSION_KEY = "assets_import_pending"


def _pending_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "asset-imports"


def _store_pending(request, text: str) -> str:
    """Keep a checked file server-side (random name) until the user confirms the import."""
    token = secrets.token_urlsafe(16)
    folder = _pending_dir()
    folder.mkdir(parents=True, exist_ok=True)
    _discard_pending(request)
    (folder / f"{token}.csv").write_text(text, encoding="utf-8")
    request.session[SESSION_KEY] = token
    return token


def _discard_pending(request) -> None:
    token = request.session.pop(SESSION_KEY, None)
    if token:
        (_pending_dir() / f"{token}.csv").unlink(missing_ok=True)


def _import_context(form, result=None, token=None):
    return {
        "form": form, "result": result, "token": token, "columns": COLUMNS, "max_rows": MAX_ROWS,
        "max_mb": MAX_UPLOAD_BYTES // (1024 * 1024),
        "errors_shown": result.errors[:ERRORS_SHOWN] if result else [],
        "preview": result.assets[:20] if result and result.ok else [],
        "asset_types": Asset.Type.choices, "acquisitions": Asset.Acquisition.choices, "statuses": Asset.Status.choices,
    }


@login_required
@require_http_methods(["GET", "POST"])
def asset_import(request):
    """Step 1: upload and check. Nothing is written here, whatever the file holds."""
    if not can_edit_assets(request.user):
        raise PermissionDenied
    if request.method == "GET":
        return render(request, "assets/asset_import.html", _import_context(ImportForm()))
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "assets/asset_import.html", _import_context(form), status=400)
    upload = form.cleaned_data["file"]
    if upload.size > MAX_UPLOAD_BYTES:
        form.add_error("file", _("ไฟล์ใหญ่เกินไป (ไม่เกิน %(mb)d MB)") % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)})
        return render(request, "assets/asset_import.html", _import_context(form), status=400)
    text, reason = read_upload(upload.read())
    if reason:
        form.add_error("file", reason)
        return render(request, "assets/asset_import.html", _import_context(form), status=400)
    result = parse_csv(text)
    token = _store_pending(request, text) if result.ok else None
    return render(request, "assets/asset_import.html", _import_context(ImportForm(), result, token),
                  status=200 if result.ok else 400)


@login_required
@require_POST
def asset_import_confirm(request):
    """Step 2: write the checked file, after checking it again (the register may have changed)."""
    if not can_edit_assets(request.user):
        raise PermissionDenied
    token = request.POST.get("token", "")
    if not token or token != request.session.get(SESSION_KEY):
        messages.error(request, _("ไม่พบไฟล์ที่ตรวจสอบไว้ กรุณาอัปโหลดไฟล์อีกครั้ง"))
        return redirect("assets:import")
    path = _pending_dir() / f"{token}.csv"
    if not path.is_file():
        request.session.pop(SESSION_KEY, None)
        messages.error(request, _("ไม่พบไฟล์ที่ตรวจสอบไว้ กรุณาอัปโหลดไฟล์อีกครั้ง"))
        return redirect("assets:import")
    result = parse_csv(path.read_text(encoding="utf-8"))
    created = import_assets(result, by=request.user) if result.ok else 0
    if not created:
        return render(request, "assets/asset_import.html", _import_context(ImportForm(), result), status=400)
    _discard_pending(request)
    messages.success(request, _("นำเข้าครุภัณฑ์ %(count)d รายการแล้ว") % {"count": created})
    return redirect(f"{reverse('assets:list')}?sort=-updated")


def _qr_png_uri(url: str) -> str:
    # PNG rather than SVG: WeasyPrint draws a sheet of raster codes about eight times faster.
    return "data:image/png;base64," + base64.b64encode(qr_png(url, box_size=6)).decode("ascii")


@login_required
@require_http_methods(["GET", "POST"])
def asset_labels(request):
    """A4 label sheets on the chosen stock (3 × 8, 3 × 7, 2 × 7): the ticked assets (POST ids) or the
    list's current filter (GET)."""
    if not can_print_labels(request.user):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else request.GET
    preview = data.get("format") == "html"
    stock = stock_for(data.get("stock"))
    if request.method == "POST" and data.get("scope") != "filter":
        ids = int_list(request.POST.getlist("ids"))
        queryset = Asset.objects.visible_to(request.user).filter(pk__in=ids[:MAX_LABELS]).select_related("unit")
    else:
        # GET, or the label form posted with scope=filter: its action URL carries the list's filter.
        _form, queryset = filtered_assets(request)
    assets = list(queryset.order_by("asset_number")[:MAX_LABELS + 1])
    if not assets:
        if request.method == "POST" and data.get("scope") != "filter":
            messages.error(request, _("กรุณาเลือกครุภัณฑ์ที่ต้องการพิมพ์ป้ายอย่างน้อย 1 รายการ"))
            return redirect("assets:list")
        raise Http404(_("ไม่พบครุภัณฑ์ตามเงื่อนไข"))
    if len(assets) > MAX_LABELS:
        messages.error(request, _("พิมพ์ป้ายได้ครั้งละไม่เกิน %(max)d รายการ กรุณากรองรายการให้น้อยลง")
                       % {"max": MAX_LABELS})
        return redirect("assets:list")
    labels = [{"asset": asset, "url": asset_qr_url(asset), "qr": _qr_png_uri(asset_qr_url(asset))} for asset in assets]
    sheets = label_sheets(labels, stock)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    context = {
        "sheets": sheets, "count": len(labels), "stock": stock,
        "half_qr": round(stock.qr_size / 2, 2), "text_left": round(stock.qr_size + 4.5, 2),
    }
    return pdf_response(request, "assets/pdf/labels.html", context, f"asset-labels-{stamp}.pdf", preview=preview)
