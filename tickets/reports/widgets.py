"""Home-page dashboards of the repair tickets, by role (registered in ReportsConfig.ready)."""

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, When
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import urlencode

from helpdesk.dashboard import ReportScope, register_widget
from helpdesk.models import Team
from helpdesk.roles import Role, user_team, user_unit
from helpdesk.surveys.models import Invitation, SurveyService
from helpdesk.thai import fiscal_year
from tickets.models import ACTIVE_STATUSES, Category, Status, Ticket
from tickets.reports.charts import column_chart
from tickets.reports.figures import headline_figures, satisfaction
from tickets.reports.periods import BANGKOK, fiscal_year_period

LIST_URL_NAMES = ("tickets:list", "tickets:board")
LIST_ROWS = 8
# Ticket.effective_due_at in SQL: the parts clock extends the service-level target.
EFFECTIVE_DUE = Case(When(parts_due_at__gt=F("due_at"), then=F("parts_due_at")), default=F("due_at"))


def optional_url(*names: str, args=(), query: dict | None = None) -> str:
    """The first of `names` that resolves (the tickets app adds its pages over time), else ""."""
    for name in names:
        try:
            url = reverse(name, args=args)
        except NoReverseMatch:
            continue
        return f"{url}?{urlencode(query)}" if query else url
    return ""


def list_url(**query) -> str:
    return optional_url(*LIST_URL_NAMES, query=query or None)


def _rows(qs) -> list[dict]:
    """A few tickets for a widget table, with their links (one query)."""
    now = timezone.now()
    rows = []
    for ticket in qs.select_related("unit", "category", "category__parent")[:LIST_ROWS]:
        rows.append({
            "ticket": ticket,
            "url": optional_url("tickets:detail", args=[ticket.pk]),
            "overdue": ticket.is_overdue(now),
        })
    return rows


def _month_start(now: dt.datetime) -> dt.datetime:
    local = now.astimezone(BANGKOK)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def technician_context(request) -> dict | None:
    user = request.user
    team = user_team(user)
    now = timezone.now()
    mine = Ticket.objects.filter(technician=user)
    team_tickets = Ticket.objects.filter(team=team) if team else Ticket.objects.none()
    # Every figure counted here is open work: narrowing to it first lets the (team, status) and (technician,
    # status) indexes answer instead of a scan of the team's whole history.
    counts = (mine | team_tickets).filter(status__in=ACTIVE_STATUSES).aggregate(
        my_open=Count("pk", filter=Q(technician=user, status__in=ACTIVE_STATUSES)),
        team_new=Count("pk", filter=Q(team=team, status=Status.NEW)) if team else Count("pk", filter=Q(pk=None)),
        waiting_parts=Count("pk", filter=Q(team=team, status=Status.WAITING_PARTS) if team
                            else Q(technician=user, status=Status.WAITING_PARTS)),
        ready=Count("pk", filter=Q(team=team, status=Status.READY_FOR_PICKUP) if team
                    else Q(technician=user, status=Status.READY_FOR_PICKUP)),
    )
    scope_qs = team_tickets if team else mine
    counts["overdue"] = scope_qs.overdue(now).count()
    counts["callbacks"] = scope_qs.callbacks_due(now).count()
    return {
        "team": team,
        "counts": counts,
        "my_jobs": _rows(mine.active().annotate(effective_due=EFFECTIVE_DUE).order_by(
            F("effective_due").asc(nulls_last=True), "created_at")),
        "links": {
            "my_open": list_url(scope="mine", status="open"),
            "team_new": list_url(scope="team", status=Status.NEW),
            "overdue": list_url(scope="team", overdue="1"),
            "waiting_parts": list_url(scope="team", status=Status.WAITING_PARTS),
            "ready": list_url(scope="team", status=Status.READY_FOR_PICKUP),
            "callbacks": optional_url("tickets:callbacks"),
        },
    }


def oversight_context(request) -> dict | None:
    """Supervisors (their units) and the IT head (everything): open work, overdue, guarantee claims."""
    user = request.user
    now = timezone.now()
    visible = Ticket.objects.visible_to(user)
    open_rows = visible.active().values_list("team_id", "status").annotate(n=Count("pk")).order_by()
    statuses = [(key, label) for key, label in Status.choices if key in ACTIVE_STATUSES]
    matrix: dict = {}
    for team_id, status, n in open_rows:
        matrix.setdefault(team_id, {})[status] = n
    names = dict(Team.objects.filter(pk__in=[k for k in matrix if k]).values_list("pk", "name"))
    teams = []
    for team_id in sorted(matrix, key=lambda k: (k is None, names.get(k, ""))):
        cells = [matrix[team_id].get(key, 0) for key, _label in statuses]
        teams.append({"name": names.get(team_id, "ไม่ระบุทีม"), "cells": cells, "total": sum(cells)})
    column_totals = [sum(row["cells"][i] for row in teams) for i in range(len(statuses))]

    kinds = dict(Category.Kind.choices)
    overdue = dict(visible.overdue(now).values_list("category__kind").annotate(n=Count("pk")).order_by())
    open_by_kind = dict(visible.active().values_list("category__kind").annotate(n=Count("pk")).order_by())
    targets = dict(Category.objects.filter(parent__isnull=True).values_list("kind", "sla_working_days"))
    levels = [
        {"label": label, "target": targets.get(key) or Category.DEFAULT_SLA_DAYS.get(key),
         "open": open_by_kind.get(key, 0), "overdue": overdue.get(key, 0)}
        for key, label in kinds.items()
    ]
    claims = visible.guarantee_claims().filter(created_at__gte=_month_start(now)).count()
    return {
        "statuses": [label for _key, label in statuses],
        "teams": teams,
        "column_totals": column_totals,
        "open_total": sum(column_totals),
        "levels": levels,
        "overdue_total": sum(level["overdue"] for level in levels),
        "claims_this_month": claims,
        "month": now.astimezone(BANGKOK).date(),
        "links": {
            "open": list_url(scope="all", status="open"),
            "overdue": list_url(scope="all", overdue="1"),
            "claims": list_url(scope="all", guarantee="yes"),
            "report": reverse("reports:summary"),
        },
    }


def _repair_answer_days() -> int:
    days = SurveyService.objects.filter(code="repair").values_list("answer_days", flat=True).first()
    return days if days is not None else settings.HELPDESK_SURVEY_DAYS


def requester_context(request) -> dict | None:
    unit = user_unit(request.user)
    if unit is None:
        return None
    now = timezone.now()
    unit_tickets = Ticket.objects.visible_to(request.user).filter(unit=unit)
    by_status = dict(unit_tickets.active().values_list("status").annotate(n=Count("pk")).order_by())
    # Invitations still open: made within the repair service's answer window and not answered.
    open_invitations = Invitation.objects.filter(
        service__code="repair", content_type=ContentType.objects.get_for_model(Ticket), object_id=OuterRef("pk"),
        response__isnull=True,
        created_at__gte=now - dt.timedelta(days=_repair_answer_days()),
    )
    to_rate = unit_tickets.filter(status__in=(Status.DELIVERED, Status.CLOSED)).filter(
        Exists(open_invitations)
    ).exclude(technician=request.user).order_by("-delivered_at")
    return {
        "unit": unit,
        "statuses": [{"label": label, "count": by_status[key]} for key, label in Status.choices if key in by_status],
        "open_total": sum(by_status.values()),
        "ready": by_status.get(Status.READY_FOR_PICKUP, 0),
        "tickets": _rows(unit_tickets.active().order_by("-created_at")),
        "to_rate": [
            {"ticket": t, "url": reverse("surveys:answer", args=[t.survey_token])}
            for t in to_rate.annotate(survey_token=Subquery(open_invitations.values("token")[:1]))
            .only("pk", "number", "delivered_at", "tracking_token")[:LIST_ROWS]
        ],
        "links": {
            "open": list_url(status="open"),
            "new": optional_url("tickets:create"),
            "report": reverse("reports:summary"),
        },
    }


def executive_context(request) -> dict | None:
    today = timezone.localdate()
    year = fiscal_year(today)
    period = fiscal_year_period(year)
    scope = ReportScope(start=period.start, end=period.end, label="ทั้งหน่วยงาน")
    figures = headline_figures(scope)
    return {
        "year": year,
        "period": period,
        "totals": figures["totals"],
        "satisfaction": satisfaction(scope),
        "chart": column_chart(figures["monthly"], height=220),
        "links": {"report": reverse("reports:summary") + "?" + urlencode({"period": "fiscal_year",
                                                                         "fiscal_year": year})},
    }


def register() -> None:
    register_widget("tickets.technician", template="reports/widgets/technician.html", context=technician_context,
                    roles={Role.TECHNICIAN}, order=10)
    register_widget("tickets.oversight", template="reports/widgets/oversight.html", context=oversight_context,
                    roles={Role.SUPERVISOR, Role.IT_HEAD}, order=20)
    register_widget("tickets.executive", template="reports/widgets/executive.html", context=executive_context,
                    roles={Role.EXECUTIVE}, order=5)
    register_widget("tickets.requester", template="reports/widgets/requester.html", context=requester_context,
                    roles={Role.REQUESTER}, order=30)
