"""Dashboards and report sections contributed by the domain apps.

Each app registers its pieces in its AppConfig.ready(); helpdesk itself imports no
domain app. The home page shows the widgets of the signed-in user's roles; the
summary report shows every registered section for its scope.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q

from helpdesk.roles import user_roles


@dataclass(frozen=True)
class Widget:
    key: str
    template: str
    context: Callable  # (request) -> dict | None; None hides the widget
    roles: frozenset[str]
    order: int = 100


@dataclass(frozen=True)
class ReportScope:
    """A period (inclusive dates, Asia/Bangkok) and optionally a set of units or a team."""

    start: dt.date
    end: dt.date
    unit_ids: tuple[int, ...] | None = None  # None: the whole agency
    team_id: int | None = None
    label: str = ""

    def unit_filter(self, field: str = "unit") -> Q:
        return Q() if self.unit_ids is None else Q(**{f"{field}__in": self.unit_ids})

    def date_filter(self, field: str) -> Q:
        """`field` (a DateTimeField) falls inside the period, by Bangkok calendar date."""
        return Q(**{f"{field}__date__gte": self.start, f"{field}__date__lte": self.end})


@dataclass(frozen=True)
class ReportSection:
    key: str
    title: str
    template: str
    build: Callable  # (scope: ReportScope) -> dict
    order: int = 100
    csv_rows: Callable | None = field(default=None)  # (scope) -> (header, rows) for the CSV export


_widgets: dict[str, Widget] = {}
_sections: dict[str, ReportSection] = {}


def register_widget(key: str, *, template: str, context: Callable, roles, order: int = 100) -> None:
    _widgets[key] = Widget(key, template, context, frozenset(roles), order)


def register_report_section(section: ReportSection) -> None:
    _sections[section.key] = section


def widgets_for(request) -> list[tuple[Widget, dict]]:
    """The widgets the user's roles may see, each with its context, in order."""
    held = user_roles(request.user)
    shown = []
    for widget in sorted(_widgets.values(), key=lambda w: (w.order, w.key)):
        if widget.roles & held:
            context = widget.context(request)
            if context is not None:
                shown.append((widget, context))
    return shown


def report_sections() -> list[ReportSection]:
    return sorted(_sections.values(), key=lambda s: (s.order, s.key))
