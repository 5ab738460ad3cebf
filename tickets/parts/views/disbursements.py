"""Disbursements of consumables to units: prepare, hand over with the unit's signature, the slip as PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, DecimalField, ExpressionWrapper, F, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from helpdesk.forms import run_form
from helpdesk.pdf import pdf_response
from tickets.parts.access import get_disbursement_for_user
from tickets.parts.forms import CancelForm, DisbursementForm, DisbursementLineFormSet, HandOverForm, apply_service_error
from tickets.parts.models import Disbursement
from tickets.parts.services import (
    balances,
    can_disburse,
    disbursement_cancel,
    disbursement_create,
    disbursement_hand_over,
)
from tickets.parts.views.common import csv_response, paginate, sort_param
from tickets.plugins.disbursements import disbursement_links

DISBURSEMENT_SORTS = {
    "-created": ("-created_at", "-pk"),
    "created": ("created_at", "pk"),
    "number": ("number",),
    "unit": ("unit__code", "-created_at"),
}


@login_required
@require_GET
def disbursement_list(request):
    qs = (
        Disbursement.objects.visible_to(request.user)
        .select_related("unit", "prepared_by")
        .annotate(line_count=Count("lines"))
    )
    q = (request.GET.get("q") or "").strip()[:100]
    if q:
        qs = qs.filter(Q(number__icontains=q) | Q(unit__name__icontains=q) | Q(unit__code__icontains=q)
                       | Q(purpose__icontains=q) | Q(received_by_name__icontains=q))
    status = request.GET.get("status", "")
    if status in Disbursement.Status.values:
        qs = qs.filter(status=status)
    sort, ordering = sort_param(request, DISBURSEMENT_SORTS, "-created")
    qs = qs.order_by(*ordering)
    if request.GET.get("format") == "csv":
        header = [_("เลขที่"), _("หน่วยงาน"), _("วัตถุประสงค์"), _("สถานะ"), _("จำนวนรายการ"), _("ผู้รับมอบ"),
                  _("วันที่ลงนามรับ")]
        rows = (
            [d.number, d.unit.name, d.purpose, d.get_status_display(), d.line_count, d.received_by_name,
             timezone.localtime(d.signed_at).date() if d.signed_at else ""]
            for d in qs.iterator(chunk_size=2000)
        )
        return csv_response("disbursements.csv", header, rows)
    return render(request, "parts/disbursement_list.html", {
        "page": paginate(request, qs), "q": q, "status": status, "sort": sort,
        "statuses": Disbursement.Status.choices, "can_disburse": can_disburse(request.user),
    })


@login_required
@require_http_methods(["GET", "POST"])
def disbursement_new(request):
    if not can_disburse(request.user):
        raise PermissionDenied
    form = DisbursementForm(request.POST or None)
    lines = DisbursementLineFormSet(request.POST or None, prefix="lines")
    if request.method == "POST" and form.is_valid() and lines.is_valid():
        data = form.cleaned_data
        try:
            disbursement = disbursement_create(unit=data["unit"], purpose=data["purpose"], ticket=data["ticket"],
                                               lines=lines.lines(), by=request.user)
        except ValidationError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("จัดทำใบเบิก %(number)s แล้ว พิมพ์ใบเบิกให้หน่วยงานลงนามรับ")
                             % {"number": disbursement.number})
            return redirect(disbursement)
    return render(request, "parts/disbursement_form.html", {"form": form, "lines": lines})


def _line_rows(disbursement):
    amount = ExpressionWrapper(F("quantity") * F("unit_cost"), output_field=DecimalField(max_digits=14,
                                                                                         decimal_places=2))
    rows = list(disbursement.lines.select_related("item").annotate(amount_value=amount).order_by("pk"))
    total = sum((row.amount_value for row in rows), 0)
    return rows, total


def _detail_context(request, disbursement, **extra) -> dict:
    rows, total = _line_rows(disbursement)
    acting = can_disburse(request.user) and disbursement.is_draft
    if acting:
        on_hand = balances(row.item_id for row in rows)
        for row in rows:
            row.on_hand = on_hand.get(row.item_id, 0)
    context = {
        "disbursement": disbursement, "rows": rows, "total": total, "can_act": acting,
        "hand_over_form": HandOverForm() if acting else None, "cancel_form": CancelForm() if acting else None,
        "source_links": disbursement_links(disbursement),
    }
    context.update(extra)
    return context


@login_required
@require_GET
def disbursement_detail(request, pk: int):
    disbursement = get_disbursement_for_user(request, pk)
    return render(request, "parts/disbursement_detail.html", _detail_context(request, disbursement))


def _refused(request, disbursement, form_name: str, form):
    """The page again with the refused form, or (when the slip can no longer be acted on) its errors as messages."""
    context = _detail_context(request, disbursement)
    if context["can_act"]:
        context[form_name] = form
    else:
        messages.error(request, " ".join(str(e) for e in form.non_field_errors()))
    return render(request, "parts/disbursement_detail.html", context)


def _slip_step(form_class, form_name: str, step, success):
    """A store officer's step on a slip as a view: a valid `form_class` form runs `step(request, disbursement, form,
    data)` (one service call) and goes back to the slip with `success` (``%(number)s``: the slip's number)."""

    @login_required
    @require_POST
    def view(request, pk: int):
        disbursement = get_disbursement_for_user(request, pk)
        if not can_disburse(request.user):
            raise PermissionDenied
        form = form_class(request.POST)
        if run_form(form, lambda data: step(request, disbursement, form, data)):
            messages.success(request, success % {"number": disbursement.number})
            return redirect(disbursement)
        return _refused(request, disbursement, form_name, form)

    return view


disbursement_hand_over_view = _slip_step(
    HandOverForm, "hand_over_form",
    lambda request, disbursement, form, data: disbursement_hand_over(
        disbursement=disbursement, by=request.user, received_by_name=data["received_by_name"],
        received_by_position=data["received_by_position"], signed_at=form.signed_at(),
    ),
    _lazy("บันทึกการส่งมอบ %(number)s แล้ว ตัดยอดคลังเรียบร้อย"),
)

disbursement_cancel_view = _slip_step(
    CancelForm, "cancel_form",
    lambda request, disbursement, form, data: disbursement_cancel(disbursement=disbursement, by=request.user,
                                                                  reason=data["reason"]),
    _lazy("ยกเลิกใบเบิก %(number)s แล้ว"),
)


@login_required
@require_GET
def disbursement_slip(request, pk: int):
    disbursement = get_disbursement_for_user(request, pk)
    rows, total = _line_rows(disbursement)
    context = {"disbursement": disbursement, "rows": rows, "total": total, "printed_at": timezone.now()}
    return pdf_response(request, "parts/pdf/disbursement_slip.html", context,
                        f"disbursement-{disbursement.pk}.pdf", preview=request.GET.get("preview") == "1")
