"""The project timeline as a simple Gantt chart: geometry computed here, drawn by an inline SVG template
(templates/systems/includes/_gantt.html, autoescaped, so step names and notes never become markup)."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

LABEL_WIDTH = 235
CHART_WIDTH = 420
ROW_HEIGHT = 30
TOP = 34


@dataclass
class Bar:
    y: int
    label: str
    planned_x: float
    planned_w: float
    actual_x: float | None
    actual_w: float | None
    late: bool
    done: bool


def gantt(steps, today: dt.date | None = None) -> dict | None:
    steps = list(steps)
    if not steps:
        return None
    today = today or timezone.localdate()
    dates = [s.planned_start for s in steps] + [s.planned_end for s in steps]
    dates += [d for s in steps for d in (s.actual_start, s.actual_end) if d]
    first = min(dates)
    last = max(dates + [today])
    span = max((last - first).days + 1, 1)
    scale = CHART_WIDTH / span

    def x(day: dt.date) -> float:
        return round(LABEL_WIDTH + (day - first).days * scale, 1)

    def width(start: dt.date, end: dt.date) -> float:
        return round(max(((end - start).days + 1) * scale, 2), 1)

    bars = []
    for index, step in enumerate(steps):
        y = TOP + index * ROW_HEIGHT
        actual_x = actual_w = None
        if step.actual_start:
            end = step.actual_end or max(today, step.actual_start)
            actual_x, actual_w = x(step.actual_start), width(step.actual_start, end)
        bars.append(Bar(y=y, label=f"{step.order}. {step.get_kind_display()}", planned_x=x(step.planned_start),
                        planned_w=width(step.planned_start, step.planned_end), actual_x=actual_x,
                        actual_w=actual_w, late=step.is_late(today), done=bool(step.actual_end)))
    # Month ticks along the top.
    ticks, day = [], first.replace(day=1)
    while day <= last:
        if day >= first:
            ticks.append({"x": x(day), "label": day})
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    height = TOP + len(steps) * ROW_HEIGHT + 30  # room for the legend under the rows
    return {"bars": bars, "ticks": ticks, "width": LABEL_WIDTH + CHART_WIDTH + 45, "height": height,
            "today_x": x(today) if first <= today <= last else None, "label_width": LABEL_WIDTH,
            "bottom": height - 30}
