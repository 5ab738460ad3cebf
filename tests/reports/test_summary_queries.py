"""The summary report's ticket figures come from a fixed number of grouped passes: the page runs the same
number of queries whatever the tickets, and the figures folded into a shared pass (long repairs, re-repairs)
still equal a direct count."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assets.models import Asset, AssetLoan
from helpdesk import dashboard
from tests.reports.conftest import bkk, make_ticket
from tickets.models import Status, Ticket, TicketLoan
from tickets.reports.figures import headline_figures, ticket_figures

pytestmark = pytest.mark.django_db

FY = {"period": "fiscal_year", "fiscal_year": "2570"}
SCOPE = dashboard.ReportScope(start=dt.date(2026, 10, 1), end=dt.date(2027, 9, 30))


def _lend(ticket, number: str) -> None:
    spare = Asset.objects.create(asset_number=number, asset_type=Asset.Type.COMPUTER, unit=ticket.unit)
    loan = AssetLoan.objects.create(asset=spare, borrower_unit=ticket.unit, borrower_name="สมศรี",
                                    purpose="ทดแทน", due_date=dt.date(2027, 2, 1), previous_status=spare.status)
    TicketLoan.objects.create(ticket=ticket, loan=loan)


@pytest.fixture
def long_repairs(dataset, unit_a, unit_b):
    """Three long repairs in FY2570 (one lent two devices, one lent one) and a cancelled one with a loan."""
    twice = make_ticket(unit_a, "hw-computer", bkk(2026, 11, 2))
    once = make_ticket(unit_b, "hw-computer", bkk(2026, 11, 3), status=Status.IN_PROGRESS)
    without = make_ticket(unit_b, "hw-computer", bkk(2026, 11, 4))
    cancelled = make_ticket(unit_a, "hw-computer", bkk(2026, 11, 5), status=Status.CANCELLED)
    Ticket.objects.filter(pk__in=[twice.pk, once.pk, without.pk, cancelled.pk]).update(long_repair=True)
    _lend(twice, "7440-009-0001/2569")
    _lend(twice, "7440-009-0002/2569")
    _lend(once, "7440-009-0003/2569")
    _lend(cancelled, "7440-009-0004/2569")


def test_long_repairs_count_tickets_not_loans_and_leave_cancelled_out(long_repairs):
    assert ticket_figures(SCOPE)["long_repairs"] == {"total": 3, "with_replacement": 2, "percent": 66.7}


def test_re_repairs_equal_a_direct_count(dataset):
    claimed = Ticket.objects.filter(guarantee_of__isnull=False).exclude(status=Status.CANCELLED).values(
        "guarantee_of")
    begin, stop = SCOPE.bounds()
    direct = Ticket.objects.filter(delivered_at__gte=begin, delivered_at__lt=stop, pk__in=claimed).count()
    assert direct > 0
    assert ticket_figures(SCOPE)["totals"]["re_repaired"] == direct
    assert headline_figures(SCOPE)["totals"]["re_repaired"] == direct


def test_summary_page_runs_a_fixed_number_of_queries(login, executive, unit_a, unit_b, dataset):
    client = login(executive)
    client.get(reverse("reports:summary"), FY)  # warm-up: content types, survey services
    with CaptureQueriesContext(connection) as before:
        client.get(reverse("reports:summary"), FY)
    for n in range(30):
        make_ticket(unit_a if n % 2 else unit_b, "hw-computer" if n % 3 else "sw-os", bkk(2026, 12, 1 + n % 28),
                    delivered=bkk(2027, 1, 5), resolved=bkk(2027, 1, 4), due=bkk(2027, 1, 6))
    with CaptureQueriesContext(connection) as after:
        client.get(reverse("reports:summary"), FY)
    # At most 54 (50 when process-wide caches another test filled are warm); the same with 30 more tickets.
    assert len(before) <= 54
    assert len(after) == len(before)
