"""Malformed input never gives a 500: huge date components, huge or odd integers in filters, NUL bytes
(one date parser and one integer-filter helper, helpdesk/parsing.py); the app caps request sizes."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assets.models import Asset
from helpdesk.parsing import BEDateField, int_param, parse_be_date
from tests.assets.test_asset_csv import CONFIRM, IMPORT, THAI_HEADER

HUGE = "99999999999999999999999"


@pytest.mark.parametrize("text", [
    f"1/1/{HUGE}", f"{HUGE}/1/2566", f"1/{HUGE}/2566", f"{HUGE}-01-01", "2566-99999999999999-1", "1/1/0",
    "15/03/2566\x00", "1e5/1/2566", "²/1/2566", "15/03/25660",
])
def test_the_date_parser_refuses_hostile_dates_with_a_value_error(text):
    with pytest.raises(ValueError):
        parse_be_date(text)


def test_the_date_parser_reads_be_ce_iso_and_thai_digits():
    assert parse_be_date("15/03/2569") == parse_be_date("2026-03-15") == parse_be_date("๑๕/๐๓/๒๕๖๙")
    assert parse_be_date("15.3.2026") == dt.date(2026, 3, 15)


def test_the_date_field_gives_a_thai_form_error():
    field = BEDateField()
    with pytest.raises(Exception) as error:
        field.clean(f"1/1/{HUGE}")
    assert "วันที่ไม่ถูกต้อง" in str(error.value)


@pytest.mark.parametrize(("raw", "expected"), [
    ("12", 12), (HUGE, None), ("²", None), ("๕", None), ("-1", None), ("1e3", None), ("4\x00", None), ("", None),
    (None, None), (" 7 ", 7), (str(2**63), None), (str(2**63 - 1), 2**63 - 1),
])
def test_int_param(raw, expected):
    assert int_param(raw) == expected


@pytest.mark.parametrize("params", [
    {"unit": HUGE}, {"unit": "²"}, {"unit": "๕"}, {"per_page": HUGE}, {"page": HUGE}, {"q": "abc\x00def"},
    {"unit\x00": "1"}, {"status": "\x00"},
])
def test_ticket_list_filters_ignore_hostile_values(login, technician, params):
    response = login(technician).get(reverse("tickets:list"), params)
    assert response.status_code == 200


@pytest.mark.parametrize(("name", "params"), [
    ("parts:stock", {"fy": "²"}),
    ("reports:summary", {"unit": "²"}),
    ("reports:summary", {"unit": HUGE}),
    ("assets:list", {"unit": HUGE}),
    ("assets:list", {"q": "\x00"}),
    ("network:ip_list", {"q": "a\x00b", "status": HUGE}),
    ("publishing:list", {"q": "\x00", "unit": HUGE}),
    ("tickets:create", {"asset": "²"}),
])
def test_list_pages_ignore_hostile_filters(login, admin_user, name, params):
    response = login(admin_user).get(reverse(name), params)
    assert response.status_code < 500, response.status_code  # a filter is ignored or a Thai form error


def test_the_maintenance_form_ignores_an_odd_plan_item(login, admin_user, unit_a):
    from tests.assets.conftest import make_asset

    asset = make_asset(unit_a, "7440-001-0009/2566")
    response = login(admin_user).get(reverse("assets:maintenance_record", args=[asset.pk]), {"item": "²"})
    assert response.status_code == 200


def test_a_huge_date_in_a_form_is_a_thai_error_and_nothing_is_saved(login, admin_user, unit_a):
    data = {"asset_number": "7440-001-0001/2566", "asset_type": "computer", "unit": unit_a.pk,
            "acquisition": "purchase", "status": "in_use", "acquired_date": f"1/1/{HUGE}"}
    response = login(admin_user).post(reverse("assets:create"), data)
    assert response.status_code == 200
    assert "วันที่ไม่ถูกต้อง" in response.content.decode()
    assert not Asset.objects.exists()


def test_a_huge_date_in_a_csv_import_cell_is_a_row_error(login, stock_officer, unit_a):
    content = THAI_HEADER + f"7440-001-0001/2566,computer,Dell,A,S1,{unit_a.code},1/1/{HUGE},,,,\n"
    client = login(stock_officer)
    response = client.post(IMPORT, {"file": SimpleUploadedFile("a.csv", content.encode(), content_type="text/csv")})
    assert response.status_code == 400
    errors = [(e.row, e.column) for e in response.context["result"].errors]
    assert errors == [(2, "วันที่ได้มา")]
    assert client.post(CONFIRM, {"token": ""}).status_code == 302
    assert not Asset.objects.exists()


def test_a_request_declared_too_large_gets_the_thai_page_before_the_body_is_read(login, requester_a, settings):
    settings.HELPDESK_MAX_REQUEST_BYTES = 1000
    client = login(requester_a)
    response = client.generic("POST", reverse("tickets:create"), b"x" * 10, CONTENT_TYPE="text/plain",
                              CONTENT_LENGTH="50000000")
    assert response.status_code == 413
    assert "ข้อมูลที่ส่งมีขนาดใหญ่เกินไป" in response.content.decode()


def test_an_oversized_file_is_stopped_while_it_streams(login, stock_officer, settings):
    settings.HELPDESK_MAX_UPLOAD_FILE_BYTES = 2048
    response = login(stock_officer).post(
        IMPORT, {"file": SimpleUploadedFile("a.csv", b"a" * 5000, content_type="text/csv")})
    assert response.status_code == 413
    assert "ข้อมูลที่ส่งมีขนาดใหญ่เกินไป" in response.content.decode()
    assert not Asset.objects.exists()


def test_upload_caps_are_configured():
    from django.conf import settings

    assert settings.FILE_UPLOAD_HANDLERS[0] == "helpdesk.limits.FileSizeUploadHandler"
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 5 * 1024 * 1024


@pytest.mark.parametrize("path", ["/t/%00abc/", "/t/abc%00/survey/", "/news/preview/%00x/"])
def test_a_nul_byte_in_a_token_path_is_a_404(client, db, path):
    assert client.get(path).status_code == 404
