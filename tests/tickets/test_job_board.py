"""The job board: team scope, filters, search, allowlisted sort, pagination, CSV, fixed query counts."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tickets.models import Ticket
from tickets.services import ticket_transition

pytestmark = pytest.mark.django_db
URL = reverse("tickets:list")


def numbers(response):
    return [ticket.number for ticket in response.context["page"]]


@pytest.fixture
def board(make_ticket, unit_a, unit_b, hw, sw, technician, technician_b, asset_a):
    a1 = make_ticket(unit_a, hw, by=technician, asset=asset_a, symptom="จอฟ้า")
    a2 = make_ticket(unit_a, sw, by=technician, symptom="Word เปิดไม่ได้")
    b1 = make_ticket(unit_b, hw, by=technician_b, symptom="เครื่องพิมพ์กระดาษติด")
    return a1, a2, b1


def test_technicians_see_their_teams_work_by_default_and_everything_on_request(login, technician, board):
    a1, a2, b1 = board
    client = login(technician)
    assert set(numbers(client.get(URL))) == {a1.number, a2.number}
    assert set(numbers(client.get(URL, {"scope": "all"}))) == {a1.number, a2.number, b1.number}


def test_requesters_see_only_their_units_tickets(login, requester_b, board):
    assert numbers(login(requester_b).get(URL, {"scope": "all"})) == [board[2].number]


def test_filters_and_search(login, technician, board):
    a1, a2, b1 = board
    client = login(technician)
    assert numbers(client.get(URL, {"category": "software"})) == [a2.number]
    assert numbers(client.get(URL, {"category": "hw-computer"})) == [a1.number]
    assert numbers(client.get(URL, {"q": a1.asset.asset_number})) == [a1.number]
    assert numbers(client.get(URL, {"q": "Word"})) == [a2.number]
    assert numbers(client.get(URL, {"q": a2.number})) == [a2.number]
    assert numbers(client.get(URL, {"scope": "all", "unit": b1.unit_id})) == [b1.number]
    ticket_transition(ticket=a1, to="received", by=technician)
    assert numbers(client.get(URL, {"status": "received"})) == [a1.number]
    Ticket.objects.filter(pk=a2.pk).update(due_at=timezone.now() - dt.timedelta(days=1))
    overdue = client.get(URL, {"overdue": "1"})
    assert numbers(overdue) == [a2.number]
    assert "เกินกำหนด" in overdue.content.decode()


def test_guarantee_filter_and_flag(login, technician, make_ticket, unit_a, hw, asset_a, deliver):
    first = deliver(make_ticket(unit_a, hw, by=technician, asset=asset_a), technician)
    claim = make_ticket(unit_a, hw, by=technician, asset=asset_a)
    response = login(technician).get(URL, {"guarantee": "yes"})
    assert numbers(response) == [claim.number]
    assert "guarantee-flag" in response.content.decode()
    assert numbers(login(technician).get(URL, {"guarantee": "no"})) == [first.number]


def test_sort_is_allowlisted(login, technician, board):
    client = login(technician)
    assert client.get(URL, {"sort": "password"}).status_code == 200
    assert client.get(URL, {"sort": "unit__name); DROP TABLE x"}).context["filters"]["sort"] == "newest"
    asc = numbers(client.get(URL, {"sort": "number"}))
    assert asc == sorted(asc)


def test_csv_export_follows_the_filters_and_neutralises_formulas(login, technician, make_ticket, unit_a, hw):
    make_ticket(unit_a, hw, by=technician, symptom="=HYPERLINK(\"http://evil\")")
    response = login(technician).get(reverse("tickets:export"))
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in body and "เลขที่" in body.splitlines()[0]


def test_pagination(login, technician, make_ticket, unit_a, hw):
    for _ in range(30):
        make_ticket(unit_a, hw, by=technician)
    client = login(technician)
    assert len(numbers(client.get(URL))) == 25
    assert len(numbers(client.get(URL, {"page": 2}))) == 5
    assert len(numbers(client.get(URL, {"per_page": 50}))) == 30


def test_past_the_count_cap_the_board_says_more_than_and_still_pages(login, technician, make_ticket, unit_a, hw,
                                                                      monkeypatch, django_assert_max_num_queries):
    monkeypatch.setattr("tickets.views.board.BOARD_COUNT_CAP", 4)
    made = [make_ticket(unit_a, hw, by=technician) for _ in range(7)]
    client = login(technician)
    response = client.get(URL, {"per_page": 25})
    body = response.content.decode()
    assert "มากกว่า 4 รายการ" in body
    page = response.context["page"]
    assert page.paginator.capped and page.paginator.count == 5  # counted up to cap + 1, no further
    assert len(page) == 5
    # Under the cap the exact count is shown; filters bring a long list under it.
    response = client.get(URL, {"q": made[0].number})
    assert response.context["page"].paginator.capped is False
    assert "1 รายการ" in response.content.decode()


def test_the_capped_count_reads_at_most_cap_plus_one_rows(technician, make_ticket, unit_a, hw):
    from helpdesk.pagination import CappedPaginator

    for _ in range(6):
        make_ticket(unit_a, hw, by=technician)
    tickets = Ticket.objects.order_by("-created_at")
    assert CappedPaginator(tickets, 2, cap=3).count == 4
    assert CappedPaginator(tickets, 2, cap=3).num_pages == 2  # pages up to the cap
    assert CappedPaginator(tickets, 2, cap=10).count == 6
    assert CappedPaginator(tickets, 2, cap=10).num_pages == 3
    assert CappedPaginator(Ticket.objects.none(), 2, cap=10).num_pages == 1


def test_the_board_runs_a_fixed_number_of_queries(login, technician, make_ticket, unit_a, unit_b, hw, sw,
                                                  django_assert_max_num_queries, make_asset):
    client = login(technician)
    for n in range(60):
        ticket = make_ticket(unit_a if n % 2 else unit_b, hw if n % 3 else sw, by=technician,
                             asset=make_asset(unit_a) if n % 2 else None)
        if n % 4 == 0:
            ticket_transition(ticket=ticket, to="in_progress", by=technician)
    client.get(URL)  # warm per-process caches
    with django_assert_max_num_queries(12) as small:
        client.get(URL, {"scope": "all", "per_page": 25, "sort": "due"})
    with django_assert_max_num_queries(len(small.captured_queries)) as _large:
        response = client.get(URL, {"scope": "all", "per_page": 100, "sort": "due"})
    assert len(response.context["page"]) == 60
