import datetime as dt
import zoneinfo

import pytest
from django.template import Context, Template

from helpdesk import thai
from helpdesk.parsing import parse_be_date

BKK = zoneinfo.ZoneInfo("Asia/Bangkok")
UTC = dt.UTC


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def test_it_formats_long_and_short_buddhist_era_dates():
    day = dt.date(2026, 11, 22)
    assert render("{{ d|thdate }}", d=day) == "22 พฤศจิกายน 2569"
    assert render("{{ d|thdate_short }}", d=day) == "22 พ.ย. 69"


def test_it_formats_time_in_bangkok_not_utc():
    moment = dt.datetime(2026, 11, 22, 7, 5, tzinfo=UTC)
    assert render("{{ d|thdatetime }}", d=moment) == "22 พฤศจิกายน 2569 14:05 น."
    assert render("{{ d|thdatetime_short }}", d=moment) == "22 พ.ย. 69 14:05 น."


def test_midnight_in_bangkok_is_still_the_previous_day_in_utc():
    # 00:30 on 1 Jan 2027 in Bangkok is 17:30 on 31 Dec 2026 in UTC.
    moment = dt.datetime(2026, 12, 31, 17, 30, tzinfo=UTC)
    assert render("{{ d|thdate }}", d=moment) == "1 มกราคม 2570"
    before = dt.datetime(2026, 12, 31, 16, 59, tzinfo=UTC)
    assert render("{{ d|thdate }}", d=before) == "31 ธันวาคม 2569"


def test_thai_digits():
    assert thai.thai_digits(2569) == "๒๕๖๙"
    assert render("{{ n|thai_digits }}", n="เลขที่ 0123/45") == "เลขที่ ๐๑๒๓/๔๕"
    assert render("{{ d|thdate_official }}", d=dt.date(2026, 11, 22)) == "๒๒ พฤศจิกายน ๒๕๖๙"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 9, 30), 2569),
        (dt.date(2026, 10, 1), 2570),
        (dt.date(2026, 12, 31), 2570),
        (dt.date(2027, 1, 1), 2570),
        (dt.date(2027, 9, 30), 2570),
        (dt.date(2024, 2, 29), 2567),
    ],
)
def test_fiscal_year_edges(day, expected):
    assert thai.fiscal_year(day) == expected


def test_fiscal_year_uses_bangkok_time():
    # 30 Sep 2026 18:00 UTC is already 1 Oct 01:00 in Bangkok: fiscal year 2570.
    assert thai.fiscal_year(dt.datetime(2026, 9, 30, 18, 0, tzinfo=UTC)) == 2570
    assert thai.fiscal_year(dt.datetime(2026, 9, 30, 16, 59, tzinfo=UTC)) == 2569
    assert render("{{ d|fiscal_year }}", d=dt.datetime(2026, 9, 30, 18, 0, tzinfo=UTC)) == "2570"


def test_fiscal_year_bounds():
    assert thai.fiscal_year_bounds(2570) == (dt.date(2026, 10, 1), dt.date(2027, 9, 30))


def test_leap_day():
    assert render("{{ d|thdate }}", d=dt.date(2024, 2, 29)) == "29 กุมภาพันธ์ 2567"
    assert render("{{ d|thdate_short }}", d=dt.date(2028, 2, 29)) == "29 ก.พ. 71"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/03/2566", dt.date(2023, 3, 15)),
        ("2023-03-15", dt.date(2023, 3, 15)),
        ("15/03/2023", dt.date(2023, 3, 15)),
        ("29/02/2567", dt.date(2024, 2, 29)),
    ],
)
def test_parse_be_date(text, expected):
    assert parse_be_date(text) == expected


@pytest.mark.parametrize("text", ["", "31/02/2566", "15-2566", "abc", "29/02/2566"])
def test_parse_be_date_rejects_bad_dates(text):
    with pytest.raises(ValueError):
        parse_be_date(text)


def test_empty_values_render_empty():
    assert render("{{ d|thdate }}|{{ d|thdatetime }}", d=None) == "|"
