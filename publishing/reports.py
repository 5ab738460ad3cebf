"""Monthly publishing report (002 §1 step 6): received, published, returned, time to publish, overdue."""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, F, Q
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from helpdesk.pdf import pdf_response
from helpdesk.roles import Role, has_role
from helpdesk.thai import format_date
from publishing.forms import ReportForm
from publishing.models import Event, PublishingRequest

S = PublishingRequest.Status


@dataclass
class Row:
    name: str
    received: int = 0
    published: int = 0
    returned: int = 0
    overdue: int = 0
    avg_days: float | None = None


@dataclass
class MonthlyReport:
    month: dt.date
    start: dt.datetime
    end: dt.datetime
    total: Row
    by_unit: list[Row] = field(default_factory=list)
    by_section: list[Row] = field(default_factory=list)
    posts: list[PublishingRequest] = field(default_factory=list)


def month_bounds(month: dt.date) -> tuple[dt.datetime, dt.datetime]:
    first = month.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    tz = timezone.get_current_timezone()
    return (dt.datetime.combine(first, dt.time.min, tzinfo=tz), dt.datetime.combine(following, dt.time.min, tzinfo=tz))


def build_report(queryset, month: dt.date, now: dt.datetime | None = None) -> MonthlyReport:
    now = now or timezone.now()
    start, end = month_bounds(month)
    in_month = {"gte": start, "lt": end}
    received = Q(submitted_at__gte=start, submitted_at__lt=end)
    published = Q(published_at__gte=start, published_at__lt=end)
    # Overdue: published late this month, or still at IT with its due time passed inside the month.
    late = (published & Q(published_at__gt=F("due_at"))) | Q(
        status__in=[S.APPROVED, S.ACCEPTED, S.PREVIEW], due_at__gte=start, due_at__lt=min(end, now)
    )
    aggregates = {
        "received": Count("pk", filter=received),
        "published": Count("pk", filter=published),
        "overdue": Count("pk", filter=late),
        "avg_days": Avg("working_days_to_publish", filter=published),
    }
    returns = Event.objects.filter(action="return", at__gte=in_month["gte"], at__lt=in_month["lt"],
                                   request__in=queryset.values("pk"))

    def grouped(key: str, event_key: str) -> list[Row]:
        rows = {
            item[key]: Row(name=item[key], received=item["received"], published=item["published"],
                           overdue=item["overdue"], avg_days=item["avg_days"])
            for item in queryset.values(key).annotate(**aggregates).order_by(key)
        }
        for item in returns.values(event_key).annotate(n=Count("pk")):
            rows.setdefault(item[event_key], Row(name=item[event_key])).returned = item["n"]
        return [row for _name, row in sorted(rows.items()) if row.received or row.published or row.returned
                or row.overdue]

    totals = queryset.aggregate(**aggregates)
    total = Row(name="", returned=returns.count(), **totals)
    posts = list(
        queryset.filter(published).select_related("unit", "section").order_by("published_at")
    )
    return MonthlyReport(
        month=month.replace(day=1), start=start, end=end, total=total,
        by_unit=grouped("unit__name", "request__unit__name"),
        by_section=grouped("section__name", "request__section__name"),
        posts=posts,
    )


def may_read_report(user) -> bool:
    return has_role(user, Role.IT_HEAD, Role.TECHNICIAN, Role.EXECUTIVE, Role.SUPERVISOR) or user.is_superuser


@login_required
@require_GET
def monthly_report(request):
    if not may_read_report(request.user):
        raise PermissionDenied
    form = ReportForm(request.GET or None)
    today = timezone.localdate()
    month = today.replace(day=1)
    if form.is_valid() and form.cleaned_data["month"]:
        month = form.cleaned_data["month"]
    queryset = PublishingRequest.objects.visible_to(request.user)
    report = build_report(queryset, month)
    context = {
        "report": report, "form": form, "printed_at": timezone.now(), "organisation": settings.HELPDESK_ORGANISATION,
        "month_label": format_date(report.month).split(" ", 1)[1],
        "month_param": report.month.strftime("%Y-%m"),
    }
    output = request.GET.get("format")
    if output in ("pdf", "print"):
        filename = f"publishing-report-{report.month:%Y-%m}.pdf"
        return pdf_response(request, "publishing/report_pdf.html", context, filename, preview=output == "print")
    return render(request, "publishing/report.html", context)
