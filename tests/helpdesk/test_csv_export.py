"""The one CSV writer: every export neutralises spreadsheet formulas (=, +, -, @, tab, CR)."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from helpdesk.csvexport import csv_lines, safe_cell
from tests.network.conftest import internet, make_ip_request, subnet  # noqa: F401  (network fixtures)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("สมศรี ใจดี", "สมศรี ใจดี"),
        ("-3", "-3"),  # a plain number stays a number
        ("+66", "+66"),
        (-3, -3),
        (Decimal("-1.50"), Decimal("-1.50")),
        (None, ""),
    ],
)
def test_safe_cell_neutralises_formulas_but_keeps_numbers(value, expected):
    assert safe_cell(value) == expected


def test_csv_lines_start_with_a_bom_and_write_every_cell_safely():
    text = "".join(csv_lines([["a", "=1+1"], [], ["@x", 5]]))
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows == [["a", "'=1+1"], [], ["'@x", "5"]]


def test_the_network_exports_neutralise_formulas(login, requester_a, network_admin, make_ip_request):  # noqa: F811
    ip_request = make_ip_request(requester_a, requester_a.profile.unit)
    type(ip_request).objects.filter(pk=ip_request.pk).update(
        device_user="=HYPERLINK(\"http://evil\",\"x\")", location="@SUM(1+1)*cmd|' /C calc'!A0")
    client = login(network_admin)
    text = b"".join(client.get(reverse("network:ip_list"), {"format": "csv"}).streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][4] == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert rows[1][6] == "'@SUM(1+1)*cmd|' /C calc'!A0"
