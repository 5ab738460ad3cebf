"""Everything the summary report template needs: ticket figures, charts, the registered sections."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from helpdesk.dashboard import ReportScope, report_sections
from tickets.reports.charts import bar_chart, column_chart
from tickets.reports.figures import ticket_figures
from tickets.reports.periods import Period

# Delivered-within-target below this share is drawn in red.
SLA_WARNING_PERCENT = 80.0
CATEGORY_CHART_ROWS = 12


def report_context(scope: ReportScope, period: Period, user, *, now=None) -> dict:
    figures = ticket_figures(scope)
    categories = figures["categories"]["main"]
    sub_rows = sorted(
        (child for main in categories for child in main.children),
        key=lambda g: (-g.received, g.label),
    )[:CATEGORY_CHART_ROWS]
    sla_rows = [(main.label, main.sla_percent) for main in categories if main.with_target]
    if figures["totals"]["with_target"]:
        sla_rows.append((_("รวมทุกหมวด"), figures["totals"]["sla_percent"]))
    sections = [(section, section.build(scope)) for section in report_sections()]
    return {
        "scope": scope,
        "period": period,
        "figures": figures,
        "charts": {
            "monthly": column_chart(figures["monthly"]),
            "categories": bar_chart(
                [(f"{g.parent_label} › {g.label}" if g.parent_label else g.label, g.received) for g in sub_rows]
            ),
            "sla": bar_chart(sla_rows, percent=True, low_mark=SLA_WARNING_PERCENT),
        },
        "sla_warning_percent": SLA_WARNING_PERCENT,
        "sections": sections,
        "organisation": settings.HELPDESK_ORGANISATION,
        "printed_by": user.get_full_name() or user.get_username(),
        "printed_at": now or timezone.now(),
    }
