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

from django.db import connection
from django.db.models import Avg, Count, DateField, Exists, F, Func, OuterRef, Q, Value
from django.db.models.functions import Coalesce, TruncDate

from helpdesk.dashboard import ReportScope
from helpdesk.models import Team, Unit
from helpdesk.surveys.models import Answer, Response
from helpdesk.workdays import WorkingCalendar
from tickets.models import ACTIVE_STATUSES, Category, Channel, Status, Ticket, TicketLoan
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


# Grouped rows of the received and delivered tickets, at (category, unit, team) grain: the
# per-category, per-unit and per-team tables are sums over them, so each is one pass, not three.
CUBE = ("category_id", "unit_id", "team_id")


def _received_cube(received) -> list[tuple]:
    return list(
        received.values_list(*CUBE)
        .annotate(n=Count("pk"), still_open=Count("pk", filter=Q(status__in=ACTIVE_STATUSES)))
        .order_by()
    )


def _delivered_cube(delivered) -> list[tuple]:
    return list(
        delivered.annotate(finished=Coalesce("resolved_at", "delivered_at"))
        .values_list(*CUBE)
        .annotate(
            n=Count("pk"),
            with_target=Count("pk", filter=Q(due_at__isnull=False)),
            on_time=Count("pk", filter=_on_time_filter()),
            re_repaired=_re_repaired_count(),
        )
        .order_by()
    )


def _grouped(received_cube, delivered_cube, position: int) -> dict:
    """{key: Group} summing the cube rows by the key at `position` of CUBE."""
    groups: dict = {}
    for row in received_cube:
        group = groups.setdefault(row[position], Group(row[position], ""))
        group.received += row[3]
        group.open += row[4]
    for row in delivered_cube:
        group = groups.setdefault(row[position], Group(row[position], ""))
        group.delivered += row[3]
        group.with_target += row[4]
        group.on_time += row[5]
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


def _received_mix(received, months) -> dict:
    """One pass over the received tickets: by channel × status, with the monthly counts, the claims and the
    long repairs (with a replacement device lent); cancelled tickets are neither claims nor repairs."""
    lent = Exists(TicketLoan.objects.filter(ticket=OuterRef("pk")))
    rows = list(
        received.values_list("channel", "status")
        .annotate(
            n=Count("pk"),
            claims=Count("pk", filter=Q(guarantee_of__isnull=False)),
            long_repairs=Count("pk", filter=Q(long_repair=True)),
            long_lent=Count("pk", filter=Q(long_repair=True) & Q(lent)),
            **_month_aggregates("created_at", months),
        )
        .order_by()
    )
    channels: Counter = Counter()
    statuses: Counter = Counter()
    monthly = [0] * len(months)
    claims = long_repairs = long_lent = 0
    for channel, status, n, status_claims, status_long, status_lent, *per_month in rows:
        channels[channel] += n
        statuses[status] += n
        if status != Status.CANCELLED:
            claims += status_claims
            long_repairs += status_long
            long_lent += status_lent
        for index, count in enumerate(per_month):
            monthly[index] += count
    totals = {
        "received": sum(statuses.values()),
        "open": sum(n for status, n in statuses.items() if status in ACTIVE_STATUSES),
        "cancelled": statuses[Status.CANCELLED],
        "unrepairable": statuses[Status.UNREPAIRABLE],
        "guarantee_claims": claims,
    }
    return {
        "totals": totals,
        "monthly": monthly,
        "channels": [{"key": key, "label": label, "count": channels[key]} for key, label in Channel.choices],
        "statuses": [{"key": key, "label": label, "count": statuses[key]} for key, label in Status.choices
                     if statuses[key]],
        "long_repairs": {"total": long_repairs, "with_replacement": long_lent,
                         "percent": percent(long_lent, long_repairs)},
    }


def _re_repaired_count() -> Count:
    """Delivered tickets with a (not cancelled) guarantee claim, as an aggregate of the delivery pass."""
    # From the period's deliveries to their claims (index on guarantee_of), not from every claim ever made.
    # The IS NOT NULL tells the planner claims are few (else it hashes every ticket ever made).
    claims = Ticket.objects.filter(guarantee_of__isnull=False, guarantee_of=OuterRef("pk")).exclude(
        status=Status.CANCELLED)
    return Count("pk", filter=Q(Exists(claims)))


def _monthly(months, received: list[int], delivered: list[int]) -> list[dict]:
    return [
        {
            "first": first,
            "label": month_label(first, short=True),
            "long_label": month_label(first),
            "received": received[index],
            "delivered": delivered[index],
        }
        for index, (first, _last) in enumerate(months)
    ]


def _delivered_totals(delivered: int, with_target: int, on_time: int, re_repaired: int) -> dict:
    return {
        "delivered": delivered,
        "with_target": with_target,
        "on_time": on_time,
        "sla_percent": percent(on_time, with_target),
        "re_repaired": re_repaired,
        "re_repair_percent": percent(re_repaired, delivered),
    }


def headline_figures(scope: ReportScope) -> dict:
    """Totals, service level, re-repair rate and the month-by-month volume (two queries)."""
    received, delivered = _received_and_delivered(scope)
    months = months_between(scope.start, scope.end)
    mix = _received_mix(received, months)
    row = delivered.annotate(finished=Coalesce("resolved_at", "delivered_at")).aggregate(
        delivered=Count("pk"),
        with_target=Count("pk", filter=Q(due_at__isnull=False)),
        on_time=Count("pk", filter=_on_time_filter()),
        re_repaired=_re_repaired_count(),
        **_month_aggregates("delivered_at", months),
    )
    return {
        "totals": {**mix["totals"], **_delivered_totals(row["delivered"], row["with_target"], row["on_time"],
                                                        row["re_repaired"])},
        "monthly": _monthly(months, mix["monthly"], [row[f"m{index}"] for index in range(len(months))]),
    }


def ticket_figures(scope: ReportScope) -> dict:
    """Every ticket figure of the summary report for `scope` (five passes over the period's rows)."""
    received, delivered = _received_and_delivered(scope)
    months = months_between(scope.start, scope.end)
    mix = _received_mix(received, months)
    received_cube, delivered_cube = _received_cube(received), _delivered_cube(delivered)
    pairs = _delivery_pairs(delivered)
    delivered_monthly = [0] * len(months)
    month_index = {(first.year, first.month): index for index, (first, _last) in enumerate(months)}
    for _opened, delivered_on, n in pairs:
        delivered_monthly[month_index[(delivered_on.year, delivered_on.month)]] += n
    totals = _delivered_totals(*(sum(row[position] for row in delivered_cube) for position in (3, 4, 5, 6)))
    return {
        "totals": {**mix["totals"], **totals},
        "monthly": _monthly(months, mix["monthly"], delivered_monthly),
        "categories": _by_category(received_cube, delivered_cube),
        "units": _by_unit(received_cube, delivered_cube),
        "teams": _by_team(received_cube, delivered_cube),
        "channels": mix["channels"],
        "statuses": mix["statuses"],
        "working_days": working_days_from_pairs(pairs),
        "satisfaction": satisfaction(scope),
        "long_repairs": mix["long_repairs"],
        **asset_figures(scope),
    }


def _by_category(received_cube, delivered_cube) -> dict:
    groups = _grouped(received_cube, delivered_cube, 0)
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


def _by_unit(received_cube, delivered_cube) -> list[Group]:
    groups = _grouped(received_cube, delivered_cube, 1)
    units = {pk: (code, name) for pk, code, name in Unit.objects.filter(pk__in=list(groups)).values_list(
        "pk", "code", "name")}
    for group in groups.values():
        group.parent_label, group.label = units.get(group.key, ("", ""))
    return _sorted(groups.values())


def _by_team(received_cube, delivered_cube) -> list[Group]:
    groups = _grouped(received_cube, delivered_cube, 2)
    names = dict(Team.objects.values_list("pk", "name"))
    for group in groups.values():
        group.label = names.get(group.key, "") if group.key else "ไม่ระบุทีม"
    return _sorted(groups.values())


def local_date(column: str):
    """The Bangkok calendar date of a timestamp column, as plain SQL on every backend.

    PostgreSQL's TruncDate is already `(col AT TIME ZONE 'Asia/Bangkok')::date`; on SQLite TruncDate
    calls a Python function per row, so a fixed-offset zone uses SQLite's own date(col, '+420 minutes').
    """
    january, july = (BANGKOK.utcoffset(dt.datetime(2001, month, 1)) for month in (1, 7))
    if connection.vendor == "sqlite" and january == july:
        minutes = int(january.total_seconds() // 60)
        return Func(F(column), Value(f"{minutes:+d} minutes"), function="date", output_field=DateField())
    return TruncDate(column, tzinfo=BANGKOK)


def _delivery_pairs(delivered) -> list[tuple[dt.date, dt.date, int]]:
    """Delivered tickets counted by (opened, delivered) Bangkok date: at most one row per pair of days."""
    return list(
        delivered.annotate(opened_on=local_date("created_at"), delivered_on=local_date("delivered_at"))
        .values_list("opened_on", "delivered_on")
        .annotate(n=Count("pk"))
        .order_by()
    )


def working_days_from_pairs(pairs) -> dict:
    """Median, 90th percentile and mean working days from opening to delivery (one holiday query)."""
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


def working_days_to_delivery(delivered) -> dict:
    return working_days_from_pairs(_delivery_pairs(delivered))


def satisfaction(scope: ReportScope) -> dict:
    """Repair surveys answered in the period (helpdesk.surveys, service "repair"): two queries."""
    responses = Response.objects.filter(
        scope.date_filter("answered_at"), scope.unit_filter("invitation__unit"),
        scope.team_filter("invitation__team"), invitation__service__code="repair",
    )
    # The score is the overall question's rating (an integer for repairs); n ± 0.5 also bins mean scores.
    row = responses.aggregate(
        responses=Count("pk"),
        satisfied=Count("pk", filter=Q(score__gte=4)),
        **{f"score{n}": Count("pk", filter=Q(score__gte=n - 0.5, score__lt=n + 0.5)) for n in range(1, 6)},
    )
    aspects = (
        Answer.objects.filter(response__in=responses)
        .values("question_id", "question__text", "question__order")
        .annotate(mean=Avg("rating"))
        .order_by("question__order", "question_id")
    )
    return {
        "responses": row["responses"], "satisfied": row["satisfied"],
        "satisfied_percent": percent(row["satisfied"], row["responses"]),
        "aspects": [{"label": a["question__text"], "value": round(float(a["mean"]), 2)} for a in aspects],
        "distribution": [{"score": n, "count": row[f"score{n}"]} for n in range(5, 0, -1)],
    }


def _year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28) + dt.timedelta(days=1)


def _asset_details(ids) -> dict[int, dict]:
    from assets.models import Asset

    types = dict(Asset.Type.choices)
    return {
        pk: {"id": pk, "number": number, "type": types.get(kind, kind),
             "model": " ".join(part for part in (brand, model) if part), "unit": unit}
        for pk, number, kind, brand, model, unit in Asset.objects.filter(pk__in=list(ids)).values_list(
            "pk", "asset_number", "asset_type", "brand", "model_name", "unit__name")
    }


def asset_figures(scope: ReportScope) -> dict:
    """Assets repaired most in the period and replacement candidates (≥ 3 repairs in the 12 months
    ending with the period), from one grouped pass; cancelled tickets are not repairs."""
    begin, stop = scope.bounds()
    until = scope.end
    since_day = _year_before(until + dt.timedelta(days=1))
    since = day_bounds(since_day, since_day)[0]
    rows = list(
        scoped_tickets(scope)
        .filter(asset__isnull=False, created_at__gte=min(begin, since), created_at__lt=stop)
        .exclude(status=Status.CANCELLED)
        .values_list("asset_id")
        .annotate(
            in_period=Count("pk", filter=Q(created_at__gte=begin)),
            in_year=Count("pk", filter=Q(created_at__gte=since)),
        )
        .order_by()
    )
    top = sorted((row for row in rows if row[1]), key=lambda row: (-row[1], row[0]))[:TOP_ASSETS]
    candidates = sorted((row for row in rows if row[2] >= REPLACEMENT_MIN_REPAIRS),
                        key=lambda row: (-row[2], row[0]))
    details = _asset_details({row[0] for row in top} | {row[0] for row in candidates[:MAX_CANDIDATES]})

    def listed(selected, position):
        return sorted(({**details[row[0]], "repairs": row[position]} for row in selected),
                      key=lambda item: (-item["repairs"], item["number"]))

    return {
        "assets": listed(top, 1),
        "replacement": {
            "since": since_day,
            "until": until,
            "rows": listed(candidates[:MAX_CANDIDATES], 2),
            "truncated": len(candidates) > MAX_CANDIDATES,
            "min_repairs": REPLACEMENT_MIN_REPAIRS,
        },
    }
