"""`manage.py bench_growth`: the growth table's verdicts and the SVG curves from bench JSON files."""

import json
import xml.etree.ElementTree as ET
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def write_run(path, tickets, medians):
    pages = [{"label": label, "queries": 10, "median_ms": median, "p95_ms": median * 1.2, "runs": 15}
             for label, median in medians.items()]
    path.write_text(json.dumps({"tickets": tickets, "pages": pages}), encoding="utf-8")
    return str(path)


def test_growth_table_judges_pages_against_the_smallest_size(tmp_path):
    files = [
        write_run(tmp_path / "b.json", 100_000, {"job board": 30.0, "stock page": 50.0, "fiscal-year summary": 90}),
        write_run(tmp_path / "a.json", 10_000, {"job board": 25.0, "stock page": 18.0, "fiscal-year summary": 60}),
        write_run(tmp_path / "c.json", 1_000_000, {"job board": 36.0, "stock page": 350.0,
                                                   "fiscal-year summary": 200}),
    ]
    svg_path = tmp_path / "growth.svg"
    out = StringIO()
    call_command("bench_growth", *files, svg=str(svg_path), stdout=out)
    lines = out.getvalue().splitlines()
    assert "ms 10k" in lines[0] and "ms 1M" in lines[0]  # sizes sorted, whatever the order given
    board = next(line for line in lines if line.startswith("job board"))
    assert board.split()[-1] == "ok" and "1.44×" in board  # 36 / 25
    stock = next(line for line in lines if line.startswith("stock page"))
    assert stock.split()[-1] == "GROWS" and "19.44×" in stock
    summary = next(line for line in lines if line.startswith("fiscal-year summary"))
    assert summary.split()[-1] == "period"  # grows with the period asked for: shown, not judged
    assert "grows more than 1.5×: stock page" in out.getvalue()

    root = ET.fromstring(svg_path.read_text(encoding="utf-8"))  # noqa: S314 (the file this test just wrote)
    polylines = root.findall("{http://www.w3.org/2000/svg}polyline")
    assert len(polylines) == 3
    assert all(len(line.get("points").split()) == 3 for line in polylines)
    labels = [text.text for text in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "10k" in labels and "1M" in labels and any(label.startswith("stock page (19.44×)") for label in labels)


def test_growth_needs_two_sizes_and_readable_files(tmp_path):
    one = write_run(tmp_path / "a.json", 10_000, {"job board": 25.0})
    with pytest.raises(CommandError, match="two or more"):
        call_command("bench_growth", one, stdout=StringIO())
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="broken.json"):
        call_command("bench_growth", one, str(broken), stdout=StringIO())
