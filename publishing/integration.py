"""What the publishing app adds to the home dashboard and the executive summary report."""

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.dashboard import ReportSection, register_report_section, supervisor_to_approve, widget
from helpdesk.roles import Role, has_role


@widget("publishing_approve", template="publishing/includes/_widget_supervisor.html", roles={Role.SUPERVISOR}, order=50)
def supervisor_widget_context(request) -> dict | None:
    """Requests of the supervisor's unit (and below) waiting for their approval: one query."""
    from publishing.models import PublishingRequest

    waiting = PublishingRequest.objects.filter(status=PublishingRequest.Status.SUBMITTED)
    return supervisor_to_approve(request, waiting, requester_field="requester")


@widget("publishing_it_head", template="publishing/includes/_widget_it_head.html", roles={Role.IT_HEAD}, order=50)
def it_head_widget_context(request) -> dict | None:
    """Approved requests to check, and requests at IT past their 2-working-day due time: one query."""
    from publishing.models import PublishingRequest

    user = request.user
    if not has_role(user, Role.IT_HEAD):
        return None
    S = PublishingRequest.Status
    counts = PublishingRequest.objects.aggregate(
        to_check=Count("pk", filter=Q(status=S.APPROVED) & ~Q(requester=user)),
        overdue=Count("pk", filter=Q(status__in=[S.APPROVED, S.ACCEPTED, S.PREVIEW], due_at__lt=timezone.now())),
    )
    return counts


@widget("publishing_returned", template="publishing/includes/_widget_returned.html", roles={Role.REQUESTER}, order=20)
def returned_widget_context(request) -> dict | None:
    """The requester's own requests returned for correction (hidden when there are none): one query."""
    from publishing.models import PublishingRequest

    returned = PublishingRequest.objects.filter(
        status=PublishingRequest.Status.RETURNED, requester=request.user
    ).count()
    return {"returned": returned} if returned else None


def publishing_report(scope) -> dict:
    """Requests received, published, returned and overdue in the period, by website section (002 §1 step 6)."""
    from publishing.models import Event, PublishingRequest

    S = PublishingRequest.Status
    begin, stop = scope.bounds()
    requests = PublishingRequest.objects.filter(scope.unit_filter("unit"))
    received = scope.date_filter("submitted_at")
    published = scope.date_filter("published_at")
    # Overdue: published late in the period, or still at IT with its due time passed inside the period.
    late = (published & Q(published_at__gt=F("due_at"))) | Q(
        status__in=[S.APPROVED, S.ACCEPTED, S.PREVIEW], due_at__gte=begin, due_at__lt=min(stop, timezone.now())
    )
    aggregates = {
        "received": Count("pk", filter=received),
        "published": Count("pk", filter=published),
        "overdue": Count("pk", filter=late),
    }
    rows = {
        row["section__name"]: {**row, "returned": 0}
        for row in requests.values("section__name", "section__order").annotate(**aggregates)
        .order_by("section__order", "section__name")
    }
    returns = Event.objects.filter(action="return", request__in=requests.values("pk")).filter(
        scope.date_filter("at")
    )
    for row in returns.values("request__section__name").annotate(n=Count("pk")):
        rows[row["request__section__name"]]["returned"] = row["n"]
    by_section = [
        row for row in rows.values() if row["received"] or row["published"] or row["returned"] or row["overdue"]
    ]
    totals = {key: sum(row[key] for row in by_section) for key in ("received", "published", "returned", "overdue")}
    return {"by_section": by_section, "totals": totals}


def publishing_report_csv(scope):
    data = publishing_report(scope)
    header = [_("เมนูเว็บไซต์"), _("รับคำขอ"), _("เผยแพร่"), _("ส่งกลับแก้ไข"), _("เกินกำหนด")]
    rows = [[row["section__name"], row["received"], row["published"], row["returned"], row["overdue"]]
            for row in data["by_section"]]
    totals = data["totals"]
    if rows:
        rows.append([_("รวม"), totals["received"], totals["published"], totals["returned"], totals["overdue"]])
    return header, rows


def register() -> None:
    register_report_section(
        ReportSection(
            "publishing", gettext_lazy("การเผยแพร่ข้อมูลบนเว็บไซต์"), "publishing/includes/_report_section.html",
            build=publishing_report, order=70, csv_rows=publishing_report_csv,
        )
    )
