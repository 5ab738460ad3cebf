"""The public tracking page names the parts a ticket waits for: names only, never prices."""

from decimal import Decimal

import pytest
from django.core.cache import cache

from tickets.models import Status, Ticket
from tickets.parts.services import part_request_create, part_request_transition
from tickets.plugins.parts import ticket_waiting_part_names

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def _ask(ticket, technician, *, item=None, description="", cost=None):
    return part_request_create(ticket=ticket, by=technician, quantity=1, reason="เสีย", item=item,
                               description=description, estimated_cost=cost)


def test_the_tracking_page_names_the_awaited_part_without_its_price(client, ticket, technician, ram):
    _ask(ticket, technician, description="พาวเวอร์ซัพพลาย 450W", cost=Decimal("1234.00"))
    _ask(ticket, technician, item=ram)
    ticket.refresh_from_db()
    assert ticket.status == Status.WAITING_PARTS
    body = client.get(ticket.get_tracking_url()).content.decode()
    assert 'id="parts-waiting"' in body
    assert "รออะไหล่: พาวเวอร์ซัพพลาย 450W, RAM DDR4 8GB" in body
    for price in ("1234", "1,234", "950"):
        assert price not in body


def test_nothing_is_named_once_the_parts_are_no_longer_awaited(client, ticket, technician, stock_officer):
    part_request = _ask(ticket, technician, description="พาวเวอร์ซัพพลาย 450W")
    part_request_transition(part_request=part_request, to="cancelled", by=technician, note="ไม่ต้องใช้แล้ว")
    assert Ticket.objects.get(pk=ticket.pk).status == Status.IN_PROGRESS
    assert ticket_waiting_part_names(ticket) == []
    body = client.get(ticket.get_tracking_url()).content.decode()
    assert 'id="parts-waiting"' not in body
    assert 'id="parts-note"' not in body


def test_the_hook_returns_the_outstanding_names_in_request_order(ticket, technician, ram):
    _ask(ticket, technician, item=ram)
    _ask(ticket, technician, description="สายแพ")
    assert ticket_waiting_part_names(ticket) == ["RAM DDR4 8GB", "สายแพ"]


def test_the_waiting_note_costs_one_query_whatever_the_number_of_parts(
    client, ticket, technician, django_assert_max_num_queries
):
    _ask(ticket, technician, description="part 0")
    url = Ticket.objects.get(pk=ticket.pk).get_tracking_url()
    client.cookies["returning"] = "1"  # a visitor with cookies gets a freshly rendered page, never the cache
    client.get(url)
    with django_assert_max_num_queries(17) as few:  # the in-progress page's 16 + the one parts query
        client.get(url)
    for n in range(1, 8):
        _ask(ticket, technician, description=f"part {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get(url).content.decode()
    assert "part 7" in body
