"""The job board (technicians: their team's work) and the unit's ticket list; filters, sort, CSV."""


from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.csvexport import csv_response
from helpdesk.listing import active_filter_count
from helpdesk.models import Unit
from helpdesk.pagination import CappedPaginator, SearchPaginator
from helpdesk.parsing import int_param
from helpdesk.roles import Role, has_role, is_service_staff, sees_all_units, units_overseen_by, user_team
from helpdesk.thai import format_date
from tickets.board_forms import BoardBulkForm, SavedViewForm, clean_board_query
from tickets.models import Category, SavedBoardView, Status, Ticket

SORTS = {
    "newest": ("-created_at", "-pk"),
    "oldest": ("created_at", "pk"),
    "due": ("due_at", "pk"),
    "number": ("number",),
    "-number": ("-number",),
    "status": ("status", "-created_at"),
    "unit": ("unit__name", "-created_at"),
}
PAGE_SIZES = (25, 50, 100)
# What a board row shows (templates/tickets/ticket_list.html); a ticket row has some sixty columns.
BOARD_COLUMNS = (
    "number", "created_at", "unit", "category", "asset", "device_description", "device_serial", "symptom",
    "status", "technician", "due_at", "parts_due_at", "guarantee_of", "team", "version",
    "asset__asset_number", "asset__brand", "asset__model_name",
    "technician__username", "technician__first_name", "technician__last_name",
)
CSV_LIMIT = 50_000
BOARD_COUNT_CAP = 10_000
# A text search lists at most this many matches (10 pages of 25): refine the words or filter to see others.
SEARCH_COUNT_CAP = 250


def _filtered(request):
    """Tickets the user may read, narrowed by allowlisted GET parameters."""
    user = request.user
    params = request.GET
    qs = Ticket.objects.visible_to(user)
    is_tech = has_role(user, Role.TECHNICIAN, Role.IT_HEAD) or user.is_superuser
    scope = params.get("scope", "team" if is_tech and user_team(user) else "all")
    if scope == "team" and user_team(user):
        qs = qs.for_team_of(user)
    elif scope == "mine":
        qs = qs.filter(technician=user)
    status = params.get("status", "")
    if status == "open":
        qs = qs.active()
    elif status in Status.values:
        qs = qs.filter(status=status)
    category = params.get("category", "")
    if category:
        qs = qs.filter(Q(category__code=category) | Q(category__parent__code=category))
    unit = params.get("unit", "")
    if (unit_id := int_param(unit, minimum=1)) is not None:
        qs = qs.filter(unit_id=unit_id)
    else:
        unit = ""
    guarantee = params.get("guarantee", "")
    if guarantee == "yes":
        qs = qs.filter(guarantee_of__isnull=False)
    elif guarantee == "no":
        qs = qs.filter(guarantee_of__isnull=True)
    if params.get("overdue") == "1":
        qs = qs.overdue()
    query = params.get("q", "").strip()[:100]
    if query:
        qs = qs.search(query)
    sort = params.get("sort", "newest")
    if sort not in SORTS:
        sort = "newest"
    qs = qs.order_by(*SORTS[sort])
    return qs, {"scope": scope, "status": status, "category": category, "unit": unit, "guarantee": guarantee,
                "overdue": params.get("overdue") == "1", "q": query, "sort": sort, "is_tech": is_tech}


def _board_rows(qs):
    # Two joins only: every extra table in the join multiplies PostgreSQL's planning time (5 ms with all six on
    # 100,000 tickets, against 0.4 ms). Units are a small table fetched by id afterwards (categories: below).
    return qs.select_related("technician", "asset").only(*BOARD_COLUMNS).prefetch_related(
        Prefetch("unit", queryset=Unit.objects.only("name")),
    )


def _url_by_pk(name: str):
    """`reverse(name, args=[pk])` for many rows: one reverse, then string formatting per row."""
    sentinel = "2147483647"
    head, tail = reverse(name, args=[sentinel]).split(sentinel)
    return lambda pk: f"{head}{pk}{tail}"


def prepare_board_rows(tickets, user, now) -> dict:
    """What each board row (templates/tickets/includes/_board_row.html) shows beyond the ticket's fields, worked
    out here once per page: template tags in the row ({% url %}, {% translate %}, filters) cost the board most
    of its time. Returns the labels every row shares."""
    from tickets.templatetags.ticket_tags import takeable_by

    detail_url, take_url = _url_by_pk("tickets:detail"), _url_by_pk("tickets:board_take")
    for ticket in tickets:
        ticket.row_overdue = ticket.is_overdue(now)
        ticket.row_takeable = takeable_by(ticket, user)
        ticket.row_url = detail_url(ticket.pk)
        ticket.row_take_url = take_url(ticket.pk)
        ticket.row_pick_label = _("เลือก %(number)s") % {"number": ticket.number}
        ticket.row_take_label = _("รับงาน %(number)s") % {"number": ticket.number}
    return {"guarantee_title": _("งานการันตีภายใน 30 วัน"), "guarantee_label": _("การันตี 30 วัน"),
            "unit": _("หน่วยงาน"), "device": _("อุปกรณ์"), "symptom": _("อาการ"), "technician": _("ช่าง"),
            "due": _("กำหนด"), "overdue": _("เกินกำหนด"), "take": _("รับงาน")}


@login_required
def ticket_list_view(request):
    return render(request, "tickets/ticket_list.html", board_context(request))


def board_context(request, **extra) -> dict:
    """The board page: the filtered page of tickets, the filter choices, the saved views and the bulk form.
    A fixed number of queries whatever the page size (tests/tickets/test_job_board.py)."""
    qs, filters = _filtered(request)
    per_page = int_param(request.GET.get("per_page"))
    if per_page not in PAGE_SIZES:
        per_page = 25
    if filters["q"]:
        # The search runs once: the ids of the first matches give the count and the page, whose rows are then
        # read by primary key (helpdesk.pagination.SearchPaginator).
        paginator = SearchPaginator(qs, per_page, cap=SEARCH_COUNT_CAP,
                                    fetch=lambda ids: _board_rows(Ticket.objects.filter(pk__in=ids)))
    else:
        paginator = CappedPaginator(_board_rows(qs), per_page, cap=BOARD_COUNT_CAP)
    page = paginator.get_page(request.GET.get("page"))
    # Categories, a small table, are read whole once, for the filter's choices and the rows.
    categories = {category.pk: category for category in Category.objects.select_related("parent")}
    page.object_list = list(page.object_list)
    for ticket in page.object_list:
        ticket.category = categories[ticket.category_id]
    now = timezone.now()
    row_text = prepare_board_rows(page.object_list, request.user, now)
    units = Unit.objects.all() if sees_all_units(request.user) else units_overseen_by(request.user)
    query = request.GET.copy()
    query.pop("page", None)
    staff = is_service_staff(request.user)
    context = {
        "page": page,
        "filters": filters,
        "active_filter_count": active_filter_count(_cleaned_filters(filters), {
            "scope": _default_scope(request.user, filters["is_tech"]), "status": "", "category": "", "unit": "",
            "guarantee": "", "overdue": "", "q": "",
        }),
        "statuses": Status.choices,
        "categories": [category for category in categories.values() if category.is_active],
        "units": units.only("pk", "name", "code"),
        "sorts": SORTS,
        "page_sizes": PAGE_SIZES,
        "per_page": per_page,
        "querystring": query.urlencode(),
        "now": now,
        "row_text": row_text,
        "can_bulk": staff,
    }
    if staff:
        context["saved_views"] = SavedBoardView.objects.filter(user=request.user).only("pk", "name", "query")
        context["saved_view_form"] = SavedViewForm(initial={"query": clean_board_query(request.GET)})
        context["bulk_form"] = BoardBulkForm()
    context.update(extra)
    return context


def _default_scope(user, is_tech: bool) -> str:
    return "team" if is_tech and user_team(user) else "all"


def _cleaned_filters(filters: dict) -> dict:
    """The filters as _filtered applies them (a value it ignores is no filter)."""
    return {
        **filters,
        "scope": filters["scope"] if filters["scope"] in ("team", "mine") else "all",
        "status": filters["status"] if filters["status"] == "open" or filters["status"] in Status.values else "",
        "guarantee": filters["guarantee"] if filters["guarantee"] in ("yes", "no") else "",
        "overdue": "1" if filters["overdue"] else "",
    }


@login_required
def ticket_export_view(request):
    qs, _filters = _filtered(request)
    return csv_response("tickets.csv", ticket_csv_rows(qs), stream=False)


def ticket_csv_rows(qs):
    """The board's CSV (header row first) for ``qs``: the filtered board, or the tickets picked for a bulk export."""
    now = timezone.now()
    qs = qs.select_related("unit", "category", "category__parent", "team", "technician", "asset")
    yield [
        _("เลขที่"), _("วันที่แจ้ง"), _("หน่วยงาน"), _("หมวดปัญหา"), _("อุปกรณ์"), _("อาการ"), _("สถานะ"),
        _("ทีม"), _("ช่าง"), _("รูปแบบการให้บริการ"), _("งานการันตี"), _("กำหนดแล้วเสร็จ"), _("เกินกำหนด"),
        _("วันที่ส่งมอบ"),
    ]
    for ticket in qs[:CSV_LIMIT].iterator(chunk_size=2000):
        yield (
            ticket.number,
            format_date(ticket.created_at, with_time=True),
            ticket.unit.name,
            str(ticket.category),
            ticket.device_label,
            ticket.symptom,
            ticket.get_status_display(),
            ticket.team.name if ticket.team_id else "",
            ticket.technician.get_full_name() if ticket.technician_id else "",
            ticket.get_service_mode_display(),
            _("ใช่") if ticket.guarantee_of_id else "",
            format_date(ticket.effective_due_at, with_time=True),
            _("ใช่") if ticket.is_overdue(now) else "",
            format_date(ticket.delivered_at, with_time=True),
        )
