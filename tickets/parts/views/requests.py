"""Part requests on a ticket, their lifecycle buttons, and the stock officer's queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from helpdesk.forms import run_form
from helpdesk.listing import active_filter_count
from helpdesk.roles import Role, has_role, user_team
from tickets.parts.access import get_part_request_for_user, get_ticket_for_parts, require_parts_reader
from tickets.parts.forms import NoteForm, OrderForm, PartRequestForm, ReceivedForm
from tickets.parts.letters import PROCURED
from tickets.parts.models import PART_TRANSITIONS, PartRequest, PartRequestStatus
from tickets.parts.services import (
    balances,
    can_keep_stock,
    can_transition,
    part_request_create,
    part_request_transition,
)
from tickets.parts.services.requests import REQUESTABLE_TICKET_STATUSES
from tickets.parts.views.common import csv_response, paginate, safe_next, sort_param

S = PartRequestStatus

# Button → (target status, form). One table, shared by the ticket page and the queue.
ACTIONS: dict[str, tuple[str, type]] = {
    "approve": (S.APPROVED, NoteForm),
    "reject": (S.REJECTED, NoteForm),
    "issue": (S.ISSUED, NoteForm),
    "procure": (S.PROCUREMENT, NoteForm),
    "order": (S.ORDERED, OrderForm),
    "receive": (S.RECEIVED, ReceivedForm),
    "install": (S.INSTALLED, NoteForm),
    "cancel": (S.CANCELLED, NoteForm),
}
ACTION_LABELS = {
    "approve": gettext_lazy("อนุมัติ"), "reject": gettext_lazy("ไม่อนุมัติ"), "issue": gettext_lazy("จ่ายจากคลัง"),
    "procure": gettext_lazy("ส่งงานพัสดุจัดซื้อ"), "order": gettext_lazy("บันทึกการสั่งซื้อ"),
    "receive": gettext_lazy("บันทึกรับของ"), "install": gettext_lazy("ติดตั้งแล้ว"), "cancel": gettext_lazy("ยกเลิกคำขอ"),
}
# Actions whose form has more than a note, or whose note is required: shown folded out.
ACTIONS_WITH_FORM = {"reject", "order", "receive", "cancel"}


def issuable(part_request: PartRequest, on_hand: dict[int, int]) -> bool:
    """"Issue from stock" is offered only for a catalogue item whose stock on hand covers the quantity."""
    return part_request.item_id is not None and on_hand.get(part_request.item_id, 0) >= part_request.quantity


def actions_for(user, part_request: PartRequest, on_hand: dict[int, int]) -> list[dict]:
    """The buttons `user` may press; `on_hand` is the stock balance per item (stock.balances, one query)."""
    allowed = PART_TRANSITIONS[part_request.status]
    result = []
    for action, (to, form_class) in ACTIONS.items():
        if action == "issue" and not issuable(part_request, on_hand):
            continue
        if to in allowed and can_transition(user, part_request, to):
            result.append({"name": action, "label": ACTION_LABELS[action], "form": form_class(prefix=f"{action}"),
                           "expanded": action in ACTIONS_WITH_FORM})
    return result


def _ticket_parts_context(request, ticket, *, request_form=None, failed=None) -> dict:
    rows = list(
        PartRequest.objects.filter(ticket=ticket)
        .select_related("item", "requested_by", "decided_by")
        .prefetch_related("events__actor")
        .order_by("created_at", "pk")
    )
    on_hand = balances(row.item_id for row in rows if row.item_id)
    for row in rows:
        row.ticket = ticket
        row.actions = actions_for(request.user, row, on_hand)
        row.on_hand = on_hand.get(row.item_id, 0) if row.item_id else None
        row.short_of_stock = row.item_id is not None and row.on_hand < row.quantity
        if failed and failed[0] == row.pk:
            for action in row.actions:
                if action["name"] == failed[1]:
                    action["form"], action["expanded"] = failed[2], True
    can_request = ticket.can_act(request.user) and ticket.status in REQUESTABLE_TICKET_STATUSES
    installed_cost = sum((row.cost or 0) for row in rows if row.status == S.INSTALLED)
    return {
        "ticket": ticket,
        "rows": rows,
        "form": request_form or (PartRequestForm() if can_request else None),
        "can_request": can_request,
        "installed_cost": installed_cost,
        "today": timezone.localdate(),
        "procured_statuses": PROCURED,
    }


@login_required
@require_GET
def ticket_parts(request, ticket_pk: int):
    ticket = get_ticket_for_parts(request, ticket_pk)
    return render(request, "parts/ticket_parts.html", _ticket_parts_context(request, ticket))


@login_required
@require_POST
def request_create(request, ticket_pk: int):
    ticket = get_ticket_for_parts(request, ticket_pk)
    form = PartRequestForm(request.POST)
    if run_form(form, lambda data: part_request_create(
        ticket=ticket, by=request.user, item=data["item"], description=data["description"],
        quantity=data["quantity"], reason=data["reason"], estimated_cost=data["estimated_cost"],
    )):
        messages.success(request, _("บันทึกคำขออะไหล่แล้ว"))
        return redirect("parts:ticket_parts", ticket.pk)
    context = _ticket_parts_context(request, ticket, request_form=form)
    context["form"] = form
    return render(request, "parts/ticket_parts.html", context)


@login_required
@require_POST
def request_transition(request, pk: int, action: str):
    if action not in ACTIONS:
        raise Http404
    part_request = get_part_request_for_user(request, pk)
    to, form_class = ACTIONS[action]
    form = form_class(request.POST, prefix=action)
    if run_form(form, lambda data: part_request_transition(
        part_request=part_request, to=to, by=request.user, note=data.get("note", ""),
        **{k: v for k, v in data.items() if k != "note"},
    )):
        messages.success(request, _("“%(part)s”: %(status)s") % {"part": part_request.part_name,
                                                                 "status": S(to).label})
        return redirect(safe_next(request, part_request.get_absolute_url()))
    ticket = get_ticket_for_parts(request, part_request.ticket_id)
    context = _ticket_parts_context(request, ticket, failed=(part_request.pk, action, form))
    context["action_error"] = True
    context["action_messages"] = form.non_field_errors()
    return render(request, "parts/ticket_parts.html", context)


QUEUE_ROWS = 100


@login_required
@require_GET
def queue(request):
    """The stock officer's work: to approve, to issue/order, overdue orders, waiting to be installed."""
    require_parts_reader(request)
    user = request.user
    today = timezone.localdate()
    base = PartRequest.objects.select_related("item", "ticket", "ticket__unit", "ticket__team", "requested_by")
    if not (can_keep_stock(user) or has_role(user, Role.IT_HEAD, Role.EXECUTIVE) or user.is_superuser):
        team = user_team(user)
        base = base.filter(ticket__team=team) if team else base.none()
    sections = [
        ("approve", _("รออนุมัติ"), base.filter(status=S.REQUESTED).order_by("created_at")),
        ("order", _("รอจ่ายจากคลัง/จัดซื้อ"), base.filter(status__in=[S.APPROVED, S.PROCUREMENT])
         .order_by("decided_at", "created_at")),
        ("overdue", _("สั่งซื้อแล้ว เกินกำหนดส่ง"), base.filter(status=S.ORDERED, expected_date__lt=today)
         .order_by("expected_date")),
        ("ordered", _("สั่งซื้อแล้ว รอส่งของ"), base.filter(status=S.ORDERED, expected_date__gte=today)
         .order_by("expected_date")),
        ("install", _("ได้รับ/จ่ายแล้ว รอติดตั้ง"), base.filter(status__in=[S.ISSUED, S.RECEIVED])
         .order_by("issued_at")),
    ]
    fetched = [(key, title, list(qs[: QUEUE_ROWS + 1])) for key, title, qs in sections]
    on_hand = balances({row.item_id for _key, _title, rows in fetched for row in rows if row.item_id})
    shown = []
    for key, title, rows in fetched:
        for row in rows:
            row.actions = actions_for(user, row, on_hand)
        shown.append({"key": key, "title": title, "rows": rows[:QUEUE_ROWS], "more": len(rows) > QUEUE_ROWS})
    return render(request, "parts/queue.html", {"sections": shown, "today": today})


REQUEST_SORTS = {
    "-created": ("-created_at", "-pk"),
    "created": ("created_at", "pk"),
    "status": ("status", "-created_at"),
    "ticket": ("ticket__number", "pk"),
    "-cost": ("-cost", "-pk"),
}


@login_required
@require_GET
def request_list(request):
    require_parts_reader(request)
    qs = PartRequest.objects.visible_to(request.user).select_related("item", "ticket", "ticket__unit", "requested_by")
    q = (request.GET.get("q") or "").strip()[:100]
    if q:
        qs = qs.filter(Q(ticket__number__icontains=q) | Q(item__name__icontains=q) | Q(item__code__icontains=q)
                       | Q(description__icontains=q) | Q(order_reference__icontains=q) | Q(vendor__icontains=q))
    status = request.GET.get("status", "")
    if status in S.values:
        qs = qs.filter(status=status)
    sort, ordering = sort_param(request, REQUEST_SORTS, "-created")
    qs = qs.order_by(*ordering)
    if request.GET.get("format") == "csv":
        header = [_("ใบแจ้งซ่อม"), _("หน่วยงาน"), _("อะไหล่"), _("จำนวน"), _("สถานะ"), _("ราคาประมาณการ"),
                  _("ราคาจริง"), _("ผู้ขาย"), _("เลขที่ใบสั่งซื้อ"), _("วันที่ขอ")]
        rows = (
            [r.ticket.number, r.ticket.unit.name, r.part_name, r.quantity, r.get_status_display(),
             r.estimated_cost, r.cost, r.vendor, r.order_reference, timezone.localtime(r.created_at).date()]
            for r in qs.iterator(chunk_size=2000)
        )
        return csv_response("part-requests.csv", header, rows)
    return render(request, "parts/request_list.html", {
        "page": paginate(request, qs), "q": q, "status": status, "sort": sort, "statuses": S.choices,
        "sorts": REQUEST_SORTS,
        "active_filter_count": active_filter_count({"q": q, "status": status}, {"q": "", "status": ""}),
    })
