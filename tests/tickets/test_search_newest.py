"""TicketQuerySet.newest_matches: the navbar's newest tickets of a search, the same rows as the search itself.

On PostgreSQL the text and the asset halves each take their own newest rows (a UNION of two ordered, limited
subqueries) so that an asset number does not walk the whole history; on SQLite it is the search itself. Either
way the answer must equal the first rows of ``search(term)`` newest first, within what the user may see.
"""

import datetime as dt

import pytest
from django.utils import timezone

from tickets.models import Status, Ticket

ORDER = ("-created_at", "-pk")


@pytest.fixture
def history(make_ticket, make_asset, unit_a, unit_b, hw):
    """Tickets over 40 days in two units: some on asset A (number 7440-001-0001/2566), some naming it in the
    symptom, some on other assets, some with no asset at all."""
    asset_a = make_asset(unit_a)
    asset_b = make_asset(unit_b, serial_number="XSERIAL9")
    other = make_asset(unit_a, brand="HP", model_name="ProDesk")
    start = timezone.now() - dt.timedelta(days=40)
    for n in range(36):
        unit = unit_a if n % 3 else unit_b
        kind = n % 4
        if kind == 0:
            ticket = make_ticket(unit_a, hw, asset=asset_a)
        elif kind == 1:
            ticket = make_ticket(unit, hw, symptom=f"เครื่อง 7440-001-0001/2566 จอดับ ครั้งที่ {n}")
        elif kind == 2:
            ticket = make_ticket(unit_b, hw, asset=asset_b)
        else:
            ticket = make_ticket(unit_a, hw, asset=other, symptom="กระดาษติด")
        # Closed, so that the asset may be filed again (one open ticket per asset and category).
        Ticket.objects.filter(pk=ticket.pk).update(created_at=start + dt.timedelta(hours=25 * n), status=Status.CLOSED)
    return asset_a


@pytest.mark.parametrize("term", ["7440-001-0001/2566", "XSERIAL9", "กระดาษติด", "ProDesk", "จอดับ", "ไม่มีคำนี้"])
@pytest.mark.parametrize("limit", [1, 5, 11, 40])
def test_newest_matches_are_the_first_rows_of_the_search(history, technician, requester_a, term, limit):
    for user in (technician, requester_a):  # every unit, and one unit only
        visible = Ticket.objects.visible_to(user)
        expected = list(visible.search(term).order_by(*ORDER).values_list("pk", flat=True)[:limit])
        got = list(visible.newest_matches(term, limit).values_list("pk", flat=True)[:limit])
        assert got == expected


def test_an_asset_number_finds_the_tickets_of_the_asset_and_those_naming_it(history, technician):
    rows = list(Ticket.objects.visible_to(technician).newest_matches("7440-001-0001/2566", 11)[:11])
    assert len(rows) == 11
    assert {row.asset_id for row in rows} <= {history.pk, None}
    assert any(row.asset_id == history.pk for row in rows) and any(row.asset_id is None for row in rows)
    assert [row.created_at for row in rows] == sorted((row.created_at for row in rows), reverse=True)


def test_navbar_reads_the_ticket_rows_in_one_query(technician, history, django_assert_max_num_queries):
    from helpdesk.search import SHOWN
    from tickets.search import TICKET_SEARCH

    with django_assert_max_num_queries(3):  # the user's roles, the term's assets, the rows with unit and asset
        hits = TICKET_SEARCH.search(technician, "7440-001-0001/2566", SHOWN + 1)
    assert len(hits) == SHOWN + 1
