"""The one CSV writer: every export in the product (assets, tickets, parts, network, publishing,
reports) writes through it.

A text cell that a spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return) is written with a leading apostrophe, so Excel/LibreOffice show it as
text. Real numbers (``int``, ``Decimal``, ``float``, or text that is nothing but a signed number)
stay numbers. The output starts with a BOM so Excel opens Thai UTF-8 text correctly.
"""

import csv
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def safe_cell(value) -> str | int | float | Decimal:
    """One cell as a spreadsheet will not execute it (CSV/formula injection)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return value
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def defuse_formula(text: str) -> str:
    """Text form of :func:`safe_cell` (for code that builds rows of strings)."""
    return str(safe_cell(text))


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[Iterable]) -> Iterator[str]:
    """CSV text line by line: the BOM, then every row with each cell through :func:`safe_cell`.

    An empty row (``[]``) gives a blank line (section breaks in the report export).
    """
    writer = csv.writer(_Echo())
    yield BOM
    for row in rows:
        yield writer.writerow([safe_cell(value) for value in row])


def csv_response(
    filename: str, rows: Iterable[Iterable], *, stream: bool = True
) -> HttpResponse | StreamingHttpResponse:
    """An ``attachment`` download of ``rows`` (header row first) through the one writer; streamed
    unless ``stream=False`` (small, capped exports)."""
    if stream:
        response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse("".join(csv_lines(rows)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
