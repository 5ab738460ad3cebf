"""The satisfaction section of the summary report: the KPI against the target by service, unit and team,
with the number of answers and the response rate (invitations made in the period)."""

from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from helpdesk.dashboard import ReportSection, register_report_section


def satisfaction_report(scope) -> dict:
    """Two queries: the services, and the invitations of the period grouped by service, unit and team."""
    from helpdesk.surveys.models import Invitation, SurveyService

    services = {s.pk: s for s in SurveyService.objects.all()}
    grouped = (
        Invitation.objects.filter(scope.date_filter("created_at"), scope.unit_filter("unit"), scope.team_filter("team"))
        .values("service", "unit__name", "team__name")
        .annotate(invited=Count("pk"), responses=Count("response"),
                  satisfied=Count("response", filter=Q(response__score__gte=4)), total=Sum("response__score"))
        .order_by()
    )
    by_service, by_unit, by_team = {}, {}, {}
    for row in grouped:
        for table, key in ((by_service, (row["service"],)), (by_unit, (row["service"], row["unit__name"])),
                           (by_team, (row["service"], row["team__name"]))):
            acc = table.setdefault(key, {"invited": 0, "responses": 0, "satisfied": 0, "total": Decimal(0)})
            acc["invited"] += row["invited"]
            acc["responses"] += row["responses"]
            acc["satisfied"] += row["satisfied"]
            acc["total"] += row["total"] or 0

    def rows(table, name_key=None):
        out = []
        for key, acc in table.items():
            if name_key and not key[1]:
                continue
            figures = _figures(services[key[0]], acc)
            if name_key:
                figures[name_key] = key[1]
            out.append(figures)
        return sorted(out, key=lambda r: (r.get(name_key) or "", r["service_name"]) if name_key else r["service_name"])

    return {"services": rows(by_service), "units": rows(by_unit, "unit__name"), "teams": rows(by_team, "team__name")}


def _figures(service, acc) -> dict:
    from helpdesk.surveys.services import kpi_percent

    mean = acc["total"] / acc["responses"] if acc["responses"] else None
    kpi = kpi_percent(service.method, responses=acc["responses"], satisfied=acc["satisfied"], mean=mean)
    return {
        "invited": acc["invited"],
        "responses": acc["responses"],
        "satisfied": acc["satisfied"],
        "service_name": service.name,
        "method_label": service.get_method_display(),
        "target": service.target_percent,
        "kpi": kpi,
        "met": None if kpi is None else kpi >= service.target_percent,
        "mean": None if mean is None else round(float(mean), 2),
        "rate": round(acc["responses"] * 100 / acc["invited"], 1) if acc["invited"] else None,
    }


def satisfaction_report_csv(scope):
    data = satisfaction_report(scope)
    header = [_("บริการ"), _("หน่วยงาน/ทีม"), _("ส่งแบบประเมิน"), _("ตอบ"), _("อัตราการตอบ (%)"),
              _("ร้อยละความพึงพอใจ"), _("เป้าหมาย (%)"), _("วิธีคิด")]

    def line(row, where):
        return [row["service_name"], where, row["invited"], row["responses"], row["rate"] if row["rate"] is not None
                else "", row["kpi"] if row["kpi"] is not None else "", row["target"], row["method_label"]]

    rows = [line(row, _("ทั้งหมด")) for row in data["services"]]
    rows += [line(row, row["unit__name"]) for row in data["units"]]
    rows += [line(row, row["team__name"]) for row in data["teams"]]
    return header, rows


def register() -> None:
    register_report_section(
        ReportSection(
            "satisfaction_kpi", gettext_lazy("ร้อยละความพึงพอใจเทียบเป้าหมาย"),
            "surveys/includes/_report_section.html", build=satisfaction_report, order=95,
            csv_rows=satisfaction_report_csv,
        )
    )
