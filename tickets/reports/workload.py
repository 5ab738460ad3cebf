"""People and workload (003 §1.2; 001 "สรุปประเมินผลการดำเนินงาน"): by technician and by team for a period —
jobs received, closed, within the service level, average working days, time spent, re-repairs, satisfaction.

Visible to the IT head, executives (every team) and a team head (their own teams), not to other technicians."""

from collections import Counter, defaultdict

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, F, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from helpdesk.dashboard import ReportScope
from helpdesk.models import Team
from helpdesk.roles import Role, has_role
from helpdesk.surveys.models import Response
from helpdesk.workdays import WorkingCalendar
from tickets.models import Status, Ticket
from tickets.reports.figures import local_date, percent

FINISHED = [Status.DELIVERED, Status.CLOSED, Status.UNREPAIRABLE]


def workload_teams_for(user):
    """The teams a user may see the workload of (None: all), or PermissionDenied."""
    if user.is_superuser or has_role(user, Role.IT_HEAD, Role.EXECUTIVE):
        return None
    headed = list(Team.objects.filter(head=user).values_list("pk", flat=True))
    if not headed:
        raise PermissionDenied(_("รายงานภาระงานเปิดดูได้เฉพาะหัวหน้าทีม หัวหน้าศูนย์ฯ และผู้บริหาร"))
    return headed


def _blank() -> dict:
    return {"received": 0, "closed": 0, "with_target": 0, "on_time": 0, "minutes": 0, "re_repairs": 0,
            "pairs": [], "responses": 0, "score_sum": 0.0}


def workload(scope: ReportScope, *, team_ids=None) -> dict:
    """Rows per technician (grouped under their team) and per team (seven queries)."""
    tickets = Ticket.objects.filter(scope.unit_filter("unit"), technician__isnull=False)
    if team_ids is not None:
        tickets = tickets.filter(team_id__in=team_ids)
    begin, stop = scope.bounds()
    stats: dict = defaultdict(_blank)
    for team_id, tech_id, n in (tickets.filter(created_at__gte=begin, created_at__lt=stop)
                                .values_list("team_id", "technician_id").annotate(n=Count("pk")).order_by()):
        stats[(team_id, tech_id)]["received"] += n
    closed = tickets.annotate(finished=Coalesce("delivered_at", "closed_at")).filter(
        status__in=FINISHED, finished__gte=begin, finished__lt=stop)
    on_time = Q(resolved_at__lte=F("due_at")) | Q(parts_due_at__isnull=False, resolved_at__lte=F("parts_due_at"))
    for row in closed.values("team_id", "technician_id").annotate(
            n=Count("pk"), with_target=Count("pk", filter=Q(due_at__isnull=False)),
            on_time=Count("pk", filter=on_time), minutes=Sum("time_spent_minutes")).order_by():
        entry = stats[(row["team_id"], row["technician_id"])]
        entry.update(closed=row["n"], with_target=row["with_target"], on_time=row["on_time"],
                     minutes=row["minutes"] or 0)
    pairs = list(closed.filter(delivered_at__isnull=False).annotate(
        opened_on=local_date("created_at"), delivered_on=local_date("delivered_at"))
        .values_list("team_id", "technician_id", "opened_on", "delivered_on").annotate(n=Count("pk")).order_by())
    for team_id, tech_id, opened, delivered_on, n in pairs:
        stats[(team_id, tech_id)]["pairs"].append((opened, delivered_on, n))
    re_repaired = (Ticket.objects.filter(guarantee_of__in=closed.values("pk")).exclude(status=Status.CANCELLED)
                   .values_list("guarantee_of__team_id", "guarantee_of__technician_id")
                   .annotate(n=Count("guarantee_of", distinct=True)).order_by())
    for team_id, tech_id, n in re_repaired:
        stats[(team_id, tech_id)]["re_repairs"] += n
    responses = Response.objects.filter(scope.date_filter("answered_at"), scope.unit_filter("invitation__unit"),
                                        invitation__service__code="repair", invitation__provider__isnull=False)
    if team_ids is not None:
        responses = responses.filter(invitation__team_id__in=team_ids)
    for team_id, tech_id, n, mean in (responses.values_list("invitation__team_id", "invitation__provider_id")
                                      .annotate(n=Count("pk"), mean=Avg("score")).order_by()):
        entry = stats[(team_id, tech_id)]
        entry["responses"] += n
        entry["score_sum"] += float(mean or 0) * n
    users = {user.pk: user for user in get_user_model().objects.filter(pk__in={k[1] for k in stats})}
    teams = {team.pk: team for team in Team.objects.filter(pk__in={k[0] for k in stats if k[0]})}
    all_pairs = [pair for entry in stats.values() for pair in entry["pairs"]]
    calendar = WorkingCalendar(min(p[0] for p in all_pairs), max(p[1] for p in all_pairs)) if all_pairs else None

    def finish(label, entry, **extra) -> dict:
        days = Counter()
        for opened, delivered_on, n in entry["pairs"]:
            days[calendar.count(opened, delivered_on)] += n
        delivered = sum(days.values())
        return {
            "label": label, **extra,
            "received": entry["received"], "closed": entry["closed"], "on_time": entry["on_time"],
            "with_target": entry["with_target"], "sla_percent": percent(entry["on_time"], entry["with_target"]),
            "avg_days": round(sum(d * n for d, n in days.items()) / delivered, 2) if delivered else None,
            "hours": round(entry["minutes"] / 60, 1), "re_repairs": entry["re_repairs"],
            "responses": entry["responses"],
            "satisfaction": round(entry["score_sum"] / entry["responses"], 2) if entry["responses"] else None,
        }

    by_team: dict = defaultdict(list)
    for (team_id, tech_id), entry in stats.items():
        by_team[team_id].append((tech_id, entry))
    team_rows = []
    for team_id, members in sorted(by_team.items(), key=lambda item: str(teams.get(item[0], ""))):
        total = _blank()
        for _tech, entry in members:
            for key in total:
                total[key] += entry[key]
        people = sorted(
            (finish(_person(users.get(tech_id)), entry, user_id=tech_id) for tech_id, entry in members),
            key=lambda row: row["label"])
        team = teams.get(team_id)
        team_rows.append({**finish(team.name if team else _("ไม่ระบุทีม"), total, team_id=team_id), "people": people})
    return {"teams": team_rows}


def _person(user) -> str:
    if user is None:
        return "-"
    return user.get_full_name() or user.username


def workload_csv_rows(data: dict):
    yield [_("ทีม"), _("เจ้าหน้าที่"), _("รับงาน"), _("ปิดงาน"), _("ภายในกำหนด"), _("ร้อยละภายในกำหนด"),
           _("เฉลี่ยวันทำการ"), _("เวลาที่ใช้ (ชั่วโมง)"), _("ซ่อมซ้ำ"), _("ผู้ประเมิน"), _("ความพึงพอใจเฉลี่ย")]
    for team in data["teams"]:
        for row in [*team["people"], {**team, "label": _("รวมทีม")}]:
            yield [team["label"], row["label"], row["received"], row["closed"], row["on_time"],
                   "" if row["sla_percent"] is None else row["sla_percent"],
                   "" if row["avg_days"] is None else row["avg_days"], row["hours"], row["re_repairs"],
                   row["responses"], "" if row["satisfaction"] is None else row["satisfaction"]]
