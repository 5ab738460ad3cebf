"""`manage.py bench_growth`: the growth table and curves from `manage.py bench --json` runs at several sizes.

`make bench-growth` measures 10,000, 100,000 and 1,000,000 tickets, each in its own database, and then runs this
command on the three JSON files. Issue 23's rule: what a user waits for stays within 1.5× of its time at the
smallest size, whatever the history; pages that are allowed to grow with the work asked for (the summaries and
their PDF) are shown but not judged. `--svg` draws the curves (server time against tickets, both on log scales)
for docs/scale.md.
"""

import json
import math
from pathlib import Path
from xml.sax.saxutils import escape

from django.core.management.base import BaseCommand, CommandError

FLAT_LIMIT = 1.5
# Pages that grow with the period or the work asked for, not judged against the flat rule.
NOT_JUDGED = ("fiscal-year summary", "fiscal-year summary PDF")
COLOURS = ("#0d6efd", "#198754", "#dc3545", "#fd7e14", "#6f42c1", "#20c997", "#6c757d", "#d63384", "#0dcaf0",
           "#ffc107", "#212529", "#6610f2", "#adb5bd", "#198754", "#0a58ca", "#b02a37", "#997404", "#146c43")


def load(paths: list[str]) -> list[dict]:
    runs = []
    for path in paths:
        try:
            runs.append(json.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, ValueError) as error:
            raise CommandError(f"{path}: {error}") from error
    if len(runs) < 2:
        raise CommandError("give two or more JSON files from `manage.py bench --json`")
    return sorted(runs, key=lambda run: run["tickets"])


def growth_rows(runs: list[dict]) -> list[dict]:
    """A row a page: its queries and median at every size, the ratio of the largest to the smallest, a verdict."""
    labels = [page["label"] for page in runs[0]["pages"]]
    rows = []
    for label in labels:
        by_size = [next((page for page in run["pages"] if page["label"] == label), None) for run in runs]
        if any(page is None for page in by_size):
            continue
        ratio = by_size[-1]["median_ms"] / by_size[0]["median_ms"] if by_size[0]["median_ms"] else math.inf
        judged = label not in NOT_JUDGED
        rows.append({
            "label": label,
            "queries": [page["queries"] for page in by_size],
            "medians": [page["median_ms"] for page in by_size],
            "ratio": ratio,
            "verdict": ("ok" if ratio <= FLAT_LIMIT else "GROWS") if judged else "period",
        })
    return rows


def _size(tickets: int) -> str:
    return f"{tickets // 1_000_000}M" if tickets >= 1_000_000 and tickets % 1_000_000 == 0 else f"{tickets // 1000}k"


def table(runs: list[dict], rows: list[dict]) -> list[str]:
    sizes = [_size(run["tickets"]) for run in runs]
    head = f"{'page':<26}{'queries':>16}" + "".join(f"{'ms ' + size:>10}" for size in sizes)
    lines = [head + f"{'largest/smallest':>18}  flat ≤ {FLAT_LIMIT}×"]
    for row in rows:
        queries = "/".join(str(count) for count in row["queries"])
        medians = "".join(f"{median:>10.1f}" for median in row["medians"])
        lines.append(f"{row['label']:<26}{queries:>16}{medians}{row['ratio']:>17.2f}×  {row['verdict']}")
    return lines


def svg(runs: list[dict], rows: list[dict], *, width: int = 760, height: int = 420) -> str:
    """Median server time against tickets, one line a page, log scales on both axes."""
    left, right, top, bottom = 60, 230, 20, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    tickets = [run["tickets"] for run in runs]
    medians = [median for row in rows for median in row["medians"]]
    low_x, high_x = math.log10(tickets[0]), math.log10(tickets[-1])
    low_y = math.floor(math.log10(max(min(medians), 0.1)))
    high_y = math.ceil(math.log10(max(medians)))
    if high_y == low_y:
        high_y += 1

    def x(value: float) -> float:
        return left + (math.log10(value) - low_x) / ((high_x - low_x) or 1) * plot_w

    def y(value: float) -> float:
        return top + plot_h - (math.log10(max(value, 0.1)) - low_y) / (high_y - low_y) * plot_h

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
             f'<rect width="{width}" height="{height}" fill="#fff"/>']
    for power in range(low_y, high_y + 1):
        level = y(10 ** power)
        parts.append(f'<line x1="{left}" y1="{level:.1f}" x2="{left + plot_w}" y2="{level:.1f}" stroke="#dee2e6"/>')
        parts.append(f'<text x="{left - 6}" y="{level + 4:.1f}" text-anchor="end">{10 ** power:g} ms</text>')
    for count in tickets:
        at = x(count)
        parts.append(f'<line x1="{at:.1f}" y1="{top}" x2="{at:.1f}" y2="{top + plot_h}" stroke="#dee2e6"/>')
        parts.append(f'<text x="{at:.1f}" y="{top + plot_h + 16}" text-anchor="middle">{_size(count)}</text>')
    parts.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 8}" text-anchor="middle">'
                 'tickets in the database (log scale); median server time (log scale)</text>')
    for index, row in enumerate(rows):
        colour = COLOURS[index % len(COLOURS)]
        dash = ' stroke-dasharray="4 3"' if row["verdict"] == "period" else ""
        pairs = zip(tickets, row["medians"], strict=True)
        points = " ".join(f"{x(count):.1f},{y(median):.1f}" for count, median in pairs)
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
        key_y = top + 6 + index * 20
        parts.append(f'<line x1="{left + plot_w + 14}" y1="{key_y}" x2="{left + plot_w + 34}" y2="{key_y}" '
                     f'stroke="{colour}" stroke-width="2"{dash}/>')
        parts.append(f'<text x="{left + plot_w + 40}" y="{key_y + 4}">{escape(row["label"])} '
                     f'({row["ratio"]:.2f}×)</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


class Command(BaseCommand):
    help = "Print the growth table (and draw the curves) from `manage.py bench --json` files at several sizes."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="JSON files written by `manage.py bench --json FILE`")
        parser.add_argument("--svg", help="write the growth curves to this SVG file")

    def handle(self, *args, **options):
        runs = load(options["files"])
        rows = growth_rows(runs)
        for line in table(runs, rows):
            self.stdout.write(line)
        growing = [row["label"] for row in rows if row["verdict"] == "GROWS"]
        self.stdout.write(f"grows more than {FLAT_LIMIT}×: {', '.join(growing) if growing else 'none'}")
        if options["svg"]:
            Path(options["svg"]).write_text(svg(runs, rows), encoding="utf-8")
            self.stdout.write(f"curves written to {options['svg']}")
