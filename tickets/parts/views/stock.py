"""The stock page (balances, reorder warnings), the stock card per item and fiscal year, ledger entries."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, F, Min, Q, Sum, Value, Window
from django.db.models.functions import Coalesce
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from helpdesk.listing import active_filter_count
from helpdesk.parsing import int_param
from helpdesk.pdf import pdf_response
from helpdesk.thai import fiscal_year, fiscal_year_bounds
from tickets.parts.access import get_item_for_user, require_parts_reader
from tickets.parts.forms import AdjustmentForm, ReceiptForm, ReturnForm, apply_service_error
from tickets.parts.models import Item, Movement
from tickets.parts.services import can_keep_stock, stock_adjust, stock_receive, stock_return
from tickets.parts.views.common import csv_response, paginate, sort_param

ITEM_SORTS = {
    "code": ("code",),
    "name": ("name", "code"),
    "balance": ("balance", "code"),
    "-balance": ("-balance", "code"),
}
CARD_PAGE_SIZE = 100
LOW_STOCK_ROWS = 20


@login_required
@require_GET
def stock(request):
    require_parts_reader(request)
    qs = Item.objects.with_balance()
    q = (request.GET.get("q") or "").strip()[:100]
    if q:
        qs = qs.filter(Q(code__icontains=q) | Q(name__icontains=q))
    kind = request.GET.get("kind", "")
    if kind in Item.Kind.values:
        qs = qs.filter(kind=kind)
    show = request.GET.get("show", "active")
    if show == "active":
        qs = qs.filter(is_active=True)
    elif show == "low":
        qs = qs.filter(is_active=True, reorder_level__gt=0, balance__lte=F("reorder_level"))
    sort, ordering = sort_param(request, ITEM_SORTS, "code")
    qs = qs.order_by(*ordering)
    if request.GET.get("format") == "csv":
        header = [_("รหัส"), _("รายการ"), _("ประเภท"), _("หน่วยนับ"), _("คงเหลือ"), _("จุดสั่งซื้อ"),
                  _("ราคามาตรฐาน"), _("มูลค่าคงเหลือ"), _("ใช้งาน")]
        rows = (
            [i.code, i.name, i.get_kind_display(), i.unit_of_measure, i.balance, i.reorder_level, i.standard_cost,
             i.balance * i.standard_cost, _("ใช่") if i.is_active else _("ไม่")]
            for i in qs
        )
        return csv_response("stock.csv", header, rows)
    low_stock = list(Item.objects.at_or_below_reorder().order_by("balance", "code")[:LOW_STOCK_ROWS])
    return render(request, "parts/stock.html", {
        "page": paginate(request, qs), "q": q, "kind": kind, "show": show, "sort": sort, "kinds": Item.Kind.choices,
        "low_stock": low_stock, "can_keep_stock": can_keep_stock(request.user),
        "active_filter_count": active_filter_count({"q": q, "kind": kind, "show": show},
                                                   {"q": "", "kind": "", "show": "active"}),
    })


def _year_param(request, first_movement: dt.datetime | None) -> tuple[int, list[int]]:
    current = fiscal_year(timezone.localdate())
    first = fiscal_year(first_movement) if first_movement else current
    years = list(range(current, min(first, current) - 1, -1))
    year = int_param(request.GET.get("fy"))
    if year not in years:
        year = current
    return year, years


def _year_range(year: int) -> tuple[dt.datetime, dt.datetime]:
    start, end = fiscal_year_bounds(year)
    tz = timezone.get_current_timezone()
    return (dt.datetime.combine(start, dt.time.min, tzinfo=tz),
            dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz))


def stock_card_data(item: Item, year: int) -> dict:
    """Opening balance, the year's movements with a running balance (a window sum), and the year's totals."""
    start, end = _year_range(year)
    ledger = Movement.objects.filter(item=item)
    summary = ledger.aggregate(
        opening=Coalesce(Sum("quantity", filter=Q(at__lt=start)), Value(0)),
        received=Coalesce(Sum("quantity", filter=Q(at__gte=start, at__lt=end, quantity__gt=0)), Value(0)),
        issued=Coalesce(Sum("quantity", filter=Q(at__gte=start, at__lt=end, quantity__lt=0)), Value(0)),
        count=Count("pk", filter=Q(at__gte=start, at__lt=end)),
    )
    rows = (
        ledger.filter(at__gte=start, at__lt=end)
        .select_related("created_by", "part_request__ticket", "part_request__item", "disbursement__unit")
        .annotate(running=Window(Sum("quantity"), order_by=[F("at").asc(), F("pk").asc()]) + summary["opening"])
        .order_by("at", "pk")
    )
    closing = summary["opening"] + summary["received"] + summary["issued"]
    return {"item": item, "year": year, "rows": rows, "opening": summary["opening"], "received": summary["received"],
            "issued": -summary["issued"], "closing": closing, "count": summary["count"]}


def _card_of(request, pk: int):
    """The item, the budget year asked for (of those with movements) and its stock card's figures."""
    item = get_item_for_user(request, pk)
    first = Movement.objects.filter(item=item).aggregate(first=Min("at"))["first"]
    year, years = _year_param(request, first)
    return item, year, years, stock_card_data(item, year)


@login_required
@require_GET
def stock_card(request, pk: int):
    item, _year, years, data = _card_of(request, pk)
    data["page"] = paginate(request, data.pop("rows"), CARD_PAGE_SIZE)
    data["show_totals"] = not data["page"].has_next()
    can_keep = can_keep_stock(request.user)
    data.update({"years": years, "can_keep_stock": can_keep, "balance": item.current_balance()})
    if can_keep:
        data.update({"receipt_form": ReceiptForm(prefix="receipt"), "return_form": ReturnForm(prefix="return"),
                     "adjust_form": AdjustmentForm(prefix="adjust")})
    return render(request, "parts/stock_card.html", data)


@login_required
@require_GET
def stock_card_pdf(request, pk: int):
    item, year, _years, data = _card_of(request, pk)
    data["printed_at"] = timezone.now()
    return pdf_response(request, "parts/pdf/stock_card.html", data, f"stock-card-{item.code}-{year}.pdf",
                        preview=request.GET.get("preview") == "1")


MOVEMENT_FORMS = {"receipt": ReceiptForm, "return": ReturnForm, "adjust": AdjustmentForm}


@login_required
@require_POST
def record_movement(request, pk: int, kind: str):
    if kind not in MOVEMENT_FORMS:
        raise PermissionDenied
    item = get_item_for_user(request, pk)
    if not can_keep_stock(request.user):
        raise PermissionDenied
    form = MOVEMENT_FORMS[kind](request.POST, prefix=kind)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if kind == "receipt":
                stock_receive(item=item, quantity=data["quantity"], vendor=data["vendor"], reference=data["reference"],
                              unit_cost=data["unit_cost"], by=request.user)
            elif kind == "return":
                stock_return(item=item, quantity=data["quantity"], reason=data["reason"], by=request.user)
            else:
                stock_adjust(item=item, delta=data["delta"], reason=data["reason"], by=request.user)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("บันทึกรายการแล้ว คงเหลือ %(balance)s %(uom)s")
                             % {"balance": item.current_balance(), "uom": item.unit_of_measure})
            return redirect("parts:stock_card", item.pk)
    first = Movement.objects.filter(item=item).aggregate(first=Min("at"))["first"]
    year, years = _year_param(request, first)
    data = stock_card_data(item, year)
    data["page"] = paginate(request, data.pop("rows"), CARD_PAGE_SIZE)
    data["show_totals"] = not data["page"].has_next()
    data.update({"years": years, "can_keep_stock": True, "balance": item.current_balance(),
                 "receipt_form": ReceiptForm(prefix="receipt"), "return_form": ReturnForm(prefix="return"),
                 "adjust_form": AdjustmentForm(prefix="adjust"), "open_form": kind})
    data[f"{'adjust' if kind == 'adjust' else kind}_form"] = form
    return render(request, "parts/stock_card.html", data)
