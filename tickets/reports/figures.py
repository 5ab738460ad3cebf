"""The ticket figures of the summary report, all from aggregate queries.

Definitions (shown as footnotes in the report):
- received: tickets opened in the period; still open: of those, the ones not yet finished now;
- delivered: tickets handed over (delivered_at) in the period;
- within target: of the delivered tickets with a target, the ones whose repair was finished
  (resolved_at, else delivered_at) by the effective due time (due_at, extended by the parts clock);
- working days to delivery: WorkingCalendar.count(created_at, delivered_at), Bangkok dates;
  median and 90th percentile by linear interpolation (as PostgreSQL's percentile_cont);
- guarantee claims: tickets opened in the period as a 30-day guarantee claim (cancelled ones left out);
- re-repair rate: of the delivered tickets, the share with a (not cancelled) guarantee claim
  linked to them (a claim is opened within 30 days of delivery, SPEC §1);
- satisfaction: surveys answered in the period; satisfied = overall score 4 or 5 (seed 004 KPI);
- replacement candidates: assets with at least 3 repair tickets (not cancelled) in the
  12 months ending with the period.
"""

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Avg, Count, F, Q
from django.db.models.functions import Coalesce, TruncDate

from helpdesk.dashboard import ReportScope
from helpdesk.models import Team, Unit
from helpdesk.workdays import WorkingCalendar
from tickets.models import ACTIVE_STATUSES, Category, Channel, SatisfactionSurvey, Status, Ticket
from tickets.reports.periods import BANGKOK, day_bounds, month_label, months_between

REPLACEMENT_MIN_REPAIRS = 3
TOP_ASSETS = 10
MAX_CANDIDATES = 100


def percent(part: int | float, whole: int | float) -> float | None:
    """part/whole as a percentage with one decimal, None when there is nothing to divide."""
    if not whole:
        return None
    return round(100 * part / whole, 1)


def percentile_cont(counts: dict[int, int], fraction: float) -> float | None:
    """The percentile of a multiset given as {value: count}, interpolated like percentile_cont."""
    total = sum(counts.values())
    if total == 0:
        return None
    rank = fraction * (total - 1)
    low_index, high_index = math.floor(rank), math.ceil(rank)
    low = high = None
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if low is None and low_index < seen:
            low = value
        if high_index < seen:
            high = value
            break
    return round(low + (high - low) * (rank - low_index), 2)


def scoped_tickets(scope: ReportScope):
    return Ticket.objects.filter(scope.unit_filter("unit")).filter(scope.team_filter("team"))


def _on_time_filter():
    """Conditional for Count(filter=...): finished by the effective due time."""
    return Q(finished__lte=F("due_at")) | Q(parts_due_at__isnull=False, finished__lte=F("parts_due_at"))


@dataclass
class Group:
    key: object
    label: str
    received: int = 0
    open: int = 0
    delivered: int = 0
    with_target: int = 0
    on_time: int = 0
    parent_label: str = ""
    kind: str = ""
    sort_order: int = 0
    children: list = field(default_factory=list)

    @property
    def sla_percent(self) -> float | None:
        return percent(self.on_time, self.with_target)


def _grouped(received, delivered, column: str) -> dict:
    """{key: Group} with received/open from the received set and delivered/SLA from the delivered set."""
    groups: dict = {}
    for row in received.values(column).annotate(
        n=Count("pk"), still_open=Count("pk", filter=Q(status__in=ACTIVE_STATUSES))
    ).order_by():
        group = groups.setdefault(row[column], Group(row[column], ""))
        group.received, group.open = row["n"], row["still_open"]
    for row in (
        delivered.annotate(finished=Coalesce("resolved_at", "delivered_at"))
        .values(column)
        .annotate(
            n=Count("pk"),
            with_target=Count("pk", filter=Q(due_at__isnull=False)),
            on_time=Count("pk", filter=_on_time_filter()),
        )
        .order_by()
    ):
        group = groups.setdefault(row[column], Group(row[column], ""))
        group.delivered, group.with_target, group.on_time = row["n"], row["with_target"], row["on_time"]
    return groups


def _sorted(groups) -> list[Group]:
    return sorted(groups, key=lambda g: (-g.received, -g.delivered, g.label))


def _month_aggregates(column: str, months: list[tuple[dt.date, dt.date]]) -> dict:
    aggregates = {}
    for index, (first, last) in enumerate(months):
        begin, stop = day_bounds(first, last)
        aggregates[f"m{index}"] = Count("pk", filter=Q(**{f"{column}__gte": begin, f"{column}__lt": stop}))
    return aggregates


def _received_and_delivered(scope: ReportScope):
    begin, stop = scope.bounds()
    base = scoped_tickets(scope)
    return base.filter(created_at__gte=begin, created_at__lt=stop), base.filter(delivered_at__gte=begin,
                                                                                delivered_at__lt=stop)


def headline_figures(scope: ReportScope) -> dict:
    """Totals, service level, re-repair rate and the month-by-month volume (four queries)."""
    received, delivered = _received_and_delivered(scope)
    months = months_between(scope.start, scope.end)
    totals = received.aggregate(
        received=Count("pk"),
        open=Count("pk", filter=Q(status__in=ACTIVE_STATUSES)),
        cancelled=Count("pk", filter=Q(status=Status.CANCELLED)),
        unrepairable=Count("pk", filter=Q(status=Status.UNREPAIRABLE)),
        guarantee_claims=Count("pk", filter=Q(guarantee_of__isnull=False) & ~Q(status=Status.CANCELLED)),
        **_month_aggregates("created_at", months),
    )
    delivered_totals = delivered.annotate(finished=Coalesce("resolved_at", "delivered_at")).aggregate(
        delivered=Count("pk"),
        with_target=Count("pk", filter=Q(due_at__isnull=False)),
        on_time=Count("pk", filter=_on_time_filter()),
        **_month_aggregates("delivered_at", months),
    )
    monthly = [
        {
            "first": first,
            "label": month_label(first, short=True),
            "long_label": month_label(first),
            "received": totals.pop(f"m{index}"),
            "delivered": delivered_totals.pop(f"m{index}"),
        }
        for index, (first, _last) in enumerate(months)
    ]
    returned = (
        Ticket.objects.filter(guarantee_of__in=delivered.values("pk"))
        .exclude(status=Status.CANCELLED)
        .values("guarantee_of")
        .distinct()
        .count()
    )
    return {
        "totals": {
            **totals,
            **delivered_totals,
            "sla_percent": percent(delivered_totals["on_time"], delivered_totals["with_target"]),
            "re_repaired": returned,
            "re_repair_percent": percent(returned, delivered_totals["delivered"]),
        },
        "monthly": monthly,
    }


def ticket_figures(scope: ReportScope) -> dict:
    """Every ticket figure of the summary report for `scope`."""
    received, delivered = _received_and_delivered(scope)
    return {
        **headline_figures(scope),
        "categories": _by_category(received, delivered),
        "units": _by_unit(received, delivered),
        "teams": _by_team(received, delivered),
        "channels": _by_channel(received),
        "statuses": _by_status(received),
        "working_days": working_days_to_delivery(delivered),
        "satisfaction": satisfaction(scope),
        "assets": most_repaired_assets(received),
        "replacement": replacement_candidates(scope),
    }


def _by_category(received, delivered) -> dict:
    groups = _grouped(received, delivered, "category_id")
    categories = {c.pk: c for c in Category.objects.select_related("parent")}
    roots: dict[int, Group] = {}
    for group in groups.values():
        category = categories[group.key]
        root = category.parent or category
        group.label = category.name
        group.parent_label = root.name if category.parent_id else ""
        total = roots.setdefault(root.pk, Group(root.pk, root.name))
        total.kind = root.kind
        total.sort_order = root.sort_order
        for name in ("received", "open", "delivered", "with_target", "on_time"):
            setattr(total, name, getattr(total, name) + getattr(group, name))
    main = sorted(roots.values(), key=lambda g: (g.sort_order, g.label))
    for total in main:
        total.children = _sorted(
            g for g in groups.values()
            if (categories[g.key].parent_id or categories[g.key].pk) == total.key
        )
    return {"main": main}


def _by_unit(received, delivered) -> list[Group]:
    groups = _grouped(received, delivered, "unit_id")
    names = dict(Unit.objects.filter(pk__in=list(groups)).values_list("pk", "name"))
    codes = dict(Unit.objects.filter(pk__in=list(groups)).values_list("pk", "code"))
    for group in groups.values():
        group.label = names.get(group.key, "")
        group.parent_label = codes.get(group.key, "")
    return _sorted(groups.values())


def _by_team(received, delivered) -> list[Group]:
    groups = _grouped(received, delivered, "team_id")
    names = dict(Team.objects.values_list("pk", "name"))
    for group in groups.values():
        group.label = names.get(group.key, "") if group.key else "ไม่ระบุทีม"
    return _sorted(groups.values())


def _by_channel(received) -> list[dict]:
    counts = dict(received.values_list("channel").annotate(n=Count("pk")).order_by())
    return [{"key": key, "label": label, "count": counts.get(key, 0)} for key, label in Channel.choices]


def _by_status(received) -> list[dict]:
    counts = dict(received.values_list("status").annotate(n=Count("pk")).order_by())
    return [{"key": key, "label": label, "count": counts[key]} for key, label in Status.choices if counts.get(key)]


def working_days_to_delivery(delivered) -> dict:
    """Median, 90th percentile and mean working days from opening to delivery.

    The database groups the delivered tickets by (opened, delivered) Bangkok date, so Python
    sees at most one row per pair of days, however many tickets there are.
    """
    pairs = list(
        delivered.annotate(
            opened_on=TruncDate("created_at", tzinfo=BANGKOK), delivered_on=TruncDate("delivered_at", tzinfo=BANGKOK)
        )
        .values_list("opened_on", "delivered_on")
        .annotate(n=Count("pk"))
        .order_by()
    )
    if not pairs:
        return {"count": 0, "median": None, "p90": None, "mean": None}
    first = min(opened for opened, _delivered, _n in pairs)
    last = max(delivered_on for _opened, delivered_on, _n in pairs)
    calendar = WorkingCalendar(first, last)
    counts: Counter = Counter()
    for opened, delivered_on, n in pairs:
        counts[calendar.count(opened, delivered_on)] += n
    total = sum(counts.values())
    return {
        "count": total,
        "median": percentile_cont(counts, 0.5),
        "p90": percentile_cont(counts, 0.9),
        "mean": round(sum(days * n for days, n in counts.items()) / total, 2),
    }


def satisfaction(scope: ReportScope) -> dict:
    surveys = SatisfactionSurvey.objects.filter(scope.date_filter("answered_at")).filter(
        scope.unit_filter("ticket__unit")
    ).filter(scope.team_filter("ticket__team"))
    aspects = (("speed", "ความรวดเร็ว"), ("quality", "คุณภาพงานซ่อม"), ("courtesy", "ความสุภาพของเจ้าหน้าที่"),
               ("overall", "ความพึงพอใจโดยรวม"))
    row = surveys.aggregate(
        responses=Count("pk"),
        satisfied=Count("pk", filter=Q(overall__gte=4)),
        **{f"avg_{key}": Avg(key) for key, _label in aspects},
        **{f"score{n}": Count("pk", filter=Q(overall=n)) for n in range(1, 6)},
    )
    figures = {"responses": row["responses"], "satisfied": row["satisfied"],
               "satisfied_percent": percent(row["satisfied"], row["responses"])}
    for key, _label in aspects:
        value = row[f"avg_{key}"]
        figures[key] = None if value is None else round(value, 2)
    figures["aspects"] = [{"label": label, "value": figures[key]} for key, label in aspects]
    figures["distribution"] = [{"score": n, "count": row[f"score{n}"]} for n in range(5, 0, -1)]
    return figures


ASSET_FIELDS = ("asset_id", "asset__asset_number", "asset__asset_type", "asset__brand", "asset__model_name",
                "asset__unit__name")


def _asset_rows(qs) -> list[dict]:
    from assets.models import Asset

    types = dict(Asset.Type.choices)
    return [
        {
            "id": row["asset_id"],
            "number": row["asset__asset_number"],
            "type": types.get(row["asset__asset_type"], row["asset__asset_type"]),
            "model": " ".join(part for part in (row["asset__brand"], row["asset__model_name"]) if part),
            "unit": row["asset__unit__name"],
            "repairs": row["repairs"],
        }
        for row in qs
    ]


def most_repaired_assets(received) -> list[dict]:
    qs = (
        received.filter(asset__isnull=False)
        .exclude(status=Status.CANCELLED)
        .values(*ASSET_FIELDS)
        .annotate(repairs=Count("pk"))
        .order_by("-repairs", "asset__asset_number")[:TOP_ASSETS]
    )
    return _asset_rows(qs)


def replacement_candidates(scope: ReportScope) -> dict:
    """Assets repaired at least 3 times in the 12 months that end with the period."""
    _begin, stop = scope.bounds()
    since = stop - dt.timedelta(days=365)
    qs = (
        scoped_tickets(scope)
        .filter(asset__isnull=False, created_at__gte=since, created_at__lt=stop)
        .exclude(status=Status.CANCELLED)
        .values(*ASSET_FIELDS)
        .annotate(repairs=Count("pk"))
        .filter(repairs__gte=REPLACEMENT_MIN_REPAIRS)
        .order_by("-repairs", "asset__asset_number")
    )
    rows = _asset_rows(qs[: MAX_CANDIDATES + 1])
    return {
        "since": since.astimezone(BANGKOK).date(),
        "until": scope.end,
        "rows": rows[:MAX_CANDIDATES],
        "truncated": len(rows) > MAX_CANDIDATES,
        "min_repairs": REPLACEMENT_MIN_REPAIRS,
    }

