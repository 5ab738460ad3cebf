"""Dashboards and report sections contributed by the domain apps (part of the request kernel).

Each app registers its pieces at start-up, from its ``AppConfig.ready()`` (usually through its
``integration`` module): a home widget with :func:`register_widget` or the :func:`widget` decorator
on its context function (``context(request) -> dict | None``, one query or a fixed few, shown to the
roles given), a section of the executive summary report with :func:`register_report_section`
(:class:`ReportSection`: ``build(scope)`` for the page and PDF, ``csv_rows(scope)`` for the CSV).
helpdesk itself imports no domain app. The home page shows the widgets of the signed-in user's roles;
the summary report shows every registered section for its scope.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q

from helpdesk.roles import Role, has_role, user_roles, user_unit


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

    def team_filter(self, field: str = "team") -> Q:
        return Q() if self.team_id is None else Q(**{f"{field}_id": self.team_id})

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """The period as aware datetimes [first day 00:00, the day after the last 00:00) in local time."""
        zone = ZoneInfo(settings.TIME_ZONE)
        return (
            dt.datetime.combine(self.start, dt.time.min, tzinfo=zone),
            dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min, tzinfo=zone),
        )

    def date_filter(self, field: str) -> Q:
        """`field` (a DateTimeField) falls inside the period, by Bangkok calendar date.

        Compared as a half-open timestamp range, so an index on the field is used on every backend.
        """
        begin, stop = self.bounds()
        return Q(**{f"{field}__gte": begin, f"{field}__lt": stop})

    def day_filter(self, field: str) -> Q:
        """`field` (a DateField) falls inside the period."""
        return Q(**{f"{field}__gte": self.start, f"{field}__lte": self.end})


@dataclass(frozen=True)
class ReportSection:
    key: str
    title: str
    template: str
    build: Callable  # (scope: ReportScope) -> dict
    order: int = 100
    csv_rows: Callable | None = field(default=None)  # (scope) -> (header, rows) for the CSV export

    # The summary report (tickets.reports) includes `template` once per section, in the HTML page
    # and in the PDF, with: `s` = build(scope), `section` = this object, `scope`, and `for_pdf`
    # (True in the PDF, where Bootstrap classes are absent: use plain <table class="bordered">).
    # csv_rows(scope) returns (header, rows); the CSV export appends them after the ticket rows
    # under a line with the section's title.


_widgets: dict[str, Widget] = {}
_sections: dict[str, ReportSection] = {}


def register_widget(key: str, *, template: str, context: Callable, roles, order: int = 100) -> None:
    _widgets[key] = Widget(key, template, context, frozenset(roles), order)


def widget(key: str, *, template: str, roles, order: int = 100) -> Callable[[Callable], Callable]:
    """:func:`register_widget` written above the context function it registers::

        @widget("network_admin", template="network/includes/_widget_admin.html", roles={Role.NETWORK_ADMIN})
        def admin_widget_context(request): ...

    The decorated module is imported from the app's ``AppConfig.ready()``, so it registers at start-up.
    """

    def decorate(context: Callable) -> Callable:
        register_widget(key, template=template, context=context, roles=roles, order=order)
        return context

    return decorate


def supervisor_to_approve(request, queryset, *, requester_field: str) -> dict | None:
    """The supervisor widget's context: ``{"to_approve": n}``, the requests of `queryset` (those waiting for
    approval) from the supervisor's unit and below, less their own; None for anyone else. One query."""
    user = request.user
    unit = user_unit(user)
    if unit is None or not has_role(user, Role.SUPERVISOR):
        return None
    waiting = queryset.filter(unit__path__startswith=unit.path).exclude(**{requester_field: user})
    return {"to_approve": waiting.count()}


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
