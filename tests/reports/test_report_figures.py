"""Every figure of the summary report against the hand-worked dataset of conftest.py."""

import datetime as dt

import pytest

from helpdesk.dashboard import ReportScope
from helpdesk.models import Unit
from tickets.reports.figures import percentile_cont, ticket_figures

pytestmark = pytest.mark.django_db

FY2570 = (dt.date(2026, 10, 1), dt.date(2027, 9, 30))


def figures_for(start=FY2570[0], end=FY2570[1], **kwargs):
    return ticket_figures(ReportScope(start=start, end=end, **kwargs))


def test_totals_of_the_fiscal_year(dataset):
    t = figures_for()["totals"]
    assert (t["received"], t["delivered"], t["open"], t["cancelled"], t["unrepairable"]) == (12, 6, 3, 2, 1)
    assert (t["on_time"], t["with_target"], t["sla_percent"]) == (4, 6, 66.7)
    assert t["guarantee_claims"] == 1  # t4; the cancelled claim t11 is left out
    assert (t["re_repaired"], t["re_repair_percent"]) == (1, 16.7)


def test_fiscal_year_boundaries_in_bangkok_time(dataset):
    tickets = dataset["tickets"]
    # 30 Sep 23:30 Bangkok is 16:30 UTC on 30 Sep: fiscal year 2569.
    assert figures_for(dt.date(2025, 10, 1), dt.date(2026, 9, 30))["totals"]["received"] == 1
    assert tickets[1].created_at.astimezone(dt.UTC) == dt.datetime(2026, 9, 30, 17, 30, tzinfo=dt.UTC)
    assert figures_for(dt.date(2027, 10, 1), dt.date(2028, 9, 30))["totals"]["received"] == 1
    oct_first = figures_for(dt.date(2026, 10, 1), dt.date(2026, 10, 1))["totals"]
    assert oct_first["received"] == 1  # only t1 (00:30 Bangkok), not t0
    sep_last = figures_for(dt.date(2027, 9, 30), dt.date(2027, 9, 30))["totals"]
    assert sep_last["received"] == 1  # t9 at 23:59 Bangkok


def test_monthly_volume(dataset):
    monthly = figures_for()["monthly"]
    assert len(monthly) == 12
    assert monthly[0]["label"] == "ต.ค. 69" and monthly[-1]["long_label"] == "กันยายน 2570"
    assert [m["received"] for m in monthly] == [6, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1]
    assert [m["delivered"] for m in monthly] == [4, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]


def test_working_days_to_delivery(dataset):
    # 0, 2, 2, 7, 7, 10 working days (13 Oct is a holiday).
    assert figures_for()["working_days"] == {"count": 6, "median": 4.5, "p90": 8.5, "mean": 4.67}


def test_by_category_and_service_level(dataset):
    main = {g.label: g for g in figures_for()["categories"]["main"]}
    assert list(main) == ["ฮาร์ดแวร์", "ซอฟต์แวร์", "เครือข่าย"]
    hardware = main["ฮาร์ดแวร์"]
    assert (hardware.received, hardware.open, hardware.delivered, hardware.on_time) == (8, 3, 3, 2)
    assert hardware.sla_percent == 66.7
    assert {g.label: g.received for g in hardware.children} == {
        "เครื่องคอมพิวเตอร์": 5, "จอภาพ": 2, "เครื่องพิมพ์": 1,
    }
    software, network = main["ซอฟต์แวร์"], main["เครือข่าย"]
    assert (software.received, software.delivered, software.on_time, software.sla_percent) == (3, 2, 1, 50.0)
    assert (network.received, network.delivered, network.on_time, network.sla_percent) == (1, 1, 1, 100.0)


def test_by_unit_team_channel_and_status(dataset, unit_a, unit_a_child, unit_b, team_a, team_b):
    figures = figures_for()
    assert {g.key: g.received for g in figures["units"]} == {unit_a.pk: 7, unit_a_child.pk: 1, unit_b.pk: 4}
    assert {g.label: (g.received, g.delivered) for g in figures["teams"]} == {
        team_a.name: (8, 4), team_b.name: (4, 2),
    }
    assert {c["key"]: c["count"] for c in figures["channels"]} == {"web": 7, "paper": 1, "memo": 2, "phone": 2}
    assert {s["key"]: s["count"] for s in figures["statuses"]} == {
        "new": 1, "in_progress": 1, "waiting_parts": 1, "delivered": 6, "cancelled": 2, "unrepairable": 1,
    }


def test_satisfaction_percentage(dataset):
    s = figures_for()["satisfaction"]
    assert (s["responses"], s["satisfied"], s["satisfied_percent"]) == (3, 2, 66.7)
    assert [(a["label"], a["value"]) for a in s["aspects"]] == [
        ("ความรวดเร็ว", 3.0), ("คุณภาพงานซ่อม", 4.0), ("ความสุภาพของเจ้าหน้าที่", 4.67), ("ความพึงพอใจโดยรวม", 4.0),
    ]
    assert [d["count"] for d in s["distribution"]] == [1, 1, 1, 0, 0]  # scores 5, 4, 3, 2, 1


def test_assets_repaired_most_and_replacement_candidates(dataset):
    figures = figures_for()
    assert [(a["number"], a["repairs"]) for a in figures["assets"]] == [
        ("7440-001-0002/2566", 3), ("7440-001-0001/2566", 2),
    ]
    replacement = figures["replacement"]
    assert [(a["number"], a["repairs"]) for a in replacement["rows"]] == [("7440-001-0002/2566", 3)]
    assert replacement["since"] == dt.date(2026, 10, 1)


def test_unit_scope_includes_units_below(dataset, unit_a, unit_b):
    below = tuple(Unit.objects.below(unit_a).values_list("pk", flat=True))
    t = figures_for(unit_ids=below)["totals"]
    assert (t["received"], t["delivered"], t["open"]) == (8, 4, 3)
    assert figures_for(unit_ids=(unit_a.pk,))["totals"]["received"] == 7
    b = figures_for(unit_ids=(unit_b.pk,))
    assert (b["totals"]["received"], b["satisfaction"]["responses"], b["totals"]["re_repaired"]) == (4, 2, 0)


def test_team_scope(dataset, team_b):
    t = figures_for(team_id=team_b.pk)["totals"]
    assert (t["received"], t["delivered"], t["on_time"]) == (4, 2, 2)


def test_month_and_empty_periods(dataset):
    assert figures_for(dt.date(2026, 10, 1), dt.date(2026, 10, 31))["totals"]["received"] == 6
    empty = figures_for(dt.date(2027, 3, 1), dt.date(2027, 3, 31))
    assert empty["totals"]["sla_percent"] is None and empty["working_days"]["median"] is None
    assert empty["satisfaction"]["satisfied_percent"] is None


def test_percentile_cont_matches_linear_interpolation():
    assert percentile_cont({1: 1}, 0.9) == 1
    assert percentile_cont({1: 1, 2: 1, 3: 1, 4: 1}, 0.5) == 2.5
    assert percentile_cont({0: 9, 10: 1}, 0.9) == 1.0  # rank 8.1 between 0 and 10
    assert percentile_cont({}, 0.5) is None
