"""Chart geometry for server-drawn SVG (no JavaScript): the templates only place shapes and text.

Templates: reports/includes/_chart_columns.html (monthly volume) and _chart_bars.html
(horizontal bars). Numbers are laid out here so the HTML page and the PDF draw the same picture.
"""

import math

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import gettext as _

RECEIVED_COLOUR = "#0d6efd"
DELIVERED_COLOUR = "#198754"
BAR_COLOUR = "#0d6efd"
SLA_COLOUR = "#198754"
SLA_LOW_COLOUR = "#dc3545"


def nice_ceiling(value: float) -> int:
    """The smallest 1/2/5 × 10^k not below value (at least 1), for axis maxima."""
    if value <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return int(step * magnitude)
    return int(10 * magnitude)


def axis_steps(peak: int, intervals: int = 4) -> tuple[int, int]:
    """(step, axis maximum): a whole 1/2/5 × 10^k step and at most `intervals` of them above `peak`."""
    step = nice_ceiling(peak / intervals) if peak > intervals else 1
    return step, max(step * math.ceil(peak / step), step)


def _number(value) -> str:
    if isinstance(value, float):
        return f"{value:.1f}"
    return intcomma(value)


def column_chart(monthly: list[dict], *, width: int = 640, height: int = 250) -> dict:
    """Received and delivered per month, side by side."""
    left, right, top, bottom = 48, 10, 28, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max([m["received"] for m in monthly] + [m["delivered"] for m in monthly] + [0])
    step, axis_max = axis_steps(peak)
    slot = plot_w / max(len(monthly), 1)
    bar_w = max(min(slot * 0.36, 28), 2)
    label_every = 1 if len(monthly) <= 18 else math.ceil(len(monthly) / 18)
    bars, labels = [], []
    for index, month in enumerate(monthly):
        centre = left + slot * (index + 0.5)
        for offset, key, colour in ((-bar_w, "received", RECEIVED_COLOUR), (0, "delivered", DELIVERED_COLOUR)):
            value = month[key]
            bar_h = plot_h * value / axis_max
            bars.append({
                "x": round(centre + offset, 1), "y": round(top + plot_h - bar_h, 1), "w": round(bar_w, 1),
                "h": round(bar_h, 1), "colour": colour, "value": value,
                "title": f"{month['long_label']}: {_('รับแจ้ง') if key == 'received' else _('ส่งมอบ')} {_number(value)}",
                "text": _number(value) if value and len(monthly) <= 12 else "",
                "text_x": round(centre + offset + bar_w / 2, 1), "text_y": round(top + plot_h - bar_h - 3, 1),
            })
        if index % label_every == 0:
            labels.append({"x": round(centre, 1), "y": height - bottom + 16, "text": month["label"]})
    ticks = []
    for value in range(0, axis_max + 1, step):
        y = top + plot_h - plot_h * value / axis_max
        ticks.append({"y": round(y, 1), "text_y": round(y + 4, 1), "text": _number(value)})
    return {
        "width": width, "height": height, "left": left, "right": width - right, "top": top,
        "baseline": top + plot_h, "bars": bars, "labels": labels, "ticks": ticks,
        "legend": [
            {"x": left, "colour": RECEIVED_COLOUR, "text": _("รับแจ้ง")},
            {"x": left + 90, "colour": DELIVERED_COLOUR, "text": _("ส่งมอบ")},
        ],
    }


def bar_chart(rows: list[tuple[str, float | int | None]], *, width: int = 640, percent: bool = False,
              label_width: int = 230, low_mark: float | None = None) -> dict:
    """One horizontal bar per (label, value); percentages run on a 0–100 scale."""
    row_h, top = 24, 6
    plot_left = label_width + 8
    plot_w = width - plot_left - 70
    values = [value or 0 for _label, value in rows]
    axis_max = 100 if percent else nice_ceiling(max(values + [0]))
    bars = []
    for index, (label, value) in enumerate(rows):
        y = top + index * row_h
        length = plot_w * (value or 0) / axis_max
        colour = BAR_COLOUR
        if percent:
            colour = SLA_LOW_COLOUR if low_mark is not None and value is not None and value < low_mark else SLA_COLOUR
        text = "–" if value is None else (f"{value:.1f}%" if percent else _number(value))
        bars.append({
            "label": label if len(label) <= 40 else label[:39] + "…", "full_label": label,
            "label_x": label_width, "y": y, "bar_y": y + 4, "text_y": y + 16, "x": plot_left,
            "w": round(length, 1), "h": row_h - 8, "colour": colour, "text": text,
            "text_x": round(plot_left + length + 4, 1),
        })
    height = top * 2 + row_h * max(len(rows), 1)
    return {"width": width, "height": height, "bars": bars, "axis_x": plot_left, "bottom": height - top}
