"""The job board (technicians: their team's work) and the unit's ticket list; filters, sort, CSV."""


from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.csvexport import csv_response
from helpdesk.models import Unit
from helpdesk.pagination import CappedPaginator, SearchPaginator
from helpdesk.parsing import int_param
from helpdesk.roles import Role, has_role, sees_all_units, units_overseen_by, user_team
from helpdesk.thai import format_date
from tickets.models import Category, Status, Ticket

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
    "status", "technician", "due_at", "parts_due_at", "guarantee_of",
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
    # 100,000 tickets, against 0.4 ms). Units and categories are small tables fetched by id afterwards.
    return qs.select_related("technician", "asset").only(*BOARD_COLUMNS).prefetch_related(
        Prefetch("unit", queryset=Unit.objects.only("name")),
        Prefetch("category", queryset=Category.objects.select_related("parent").only(
            "name", "parent", "parent__name")),
    )


@login_required
def ticket_list_view(request):
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
    units = Unit.objects.all() if sees_all_units(request.user) else units_overseen_by(request.user)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "tickets/ticket_list.html",
        {
            "page": page,
            "filters": filters,
            "statuses": Status.choices,
            "categories": Category.objects.filter(is_active=True).select_related("parent"),
            "units": units.only("pk", "name", "code"),
            "sorts": SORTS,
            "page_sizes": PAGE_SIZES,
            "per_page": per_page,
            "querystring": query.urlencode(),
            "now": timezone.now(),
        },
    )




@login_required
def ticket_export_view(request):
    qs, _filters = _filtered(request)
    now = timezone.now()
    qs = qs.select_related("unit", "category", "category__parent", "team", "technician", "asset")

    def rows():
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

    return csv_response("tickets.csv", rows(), stream=False)
