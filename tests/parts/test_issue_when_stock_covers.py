"""Parts on a ticket: "issue from stock" only when the stock on hand covers the quantity, the picker shows the
stock on hand, and nobody is offered (or allowed) the approval of their own part request."""

import re

import pytest
from django.urls import reverse

from tickets.parts.models import PartRequest
from tickets.parts.services import part_request_create, part_request_transition

pytestmark = pytest.mark.django_db


def parts_page(client, ticket) -> str:
    return client.get(reverse("parts:ticket_parts", args=[ticket.pk])).content.decode()


def actions_of(html: str, part_request) -> set[str]:
    card = html.split(f'id="pr-{part_request.pk}"', 1)[1].split('class="card mb-2"', 1)[0]
    return set(re.findall(r'data-action="([a-z]+)"', card))


def approved(ticket, technician, stock_officer, item, quantity):
    request = part_request_create(ticket=ticket, by=technician, quantity=quantity, reason="เสีย", item=item)
    part_request_transition(part_request=request, to="approved", by=stock_officer)
    return request


def test_issue_is_offered_only_when_the_stock_covers_the_quantity(login, ticket, technician, stock_officer, ram):
    covered = approved(ticket, technician, stock_officer, ram, 5)  # ram: 5 on hand
    short = approved(ticket, technician, stock_officer, ram, 6)
    html = parts_page(login(stock_officer), ticket)
    assert "issue" in actions_of(html, covered)
    assert "issue" not in actions_of(html, short) and "procure" in actions_of(html, short)
    assert f'id="short-{short.pk}"' in html and f'id="short-{covered.pk}"' not in html
    queue = login(stock_officer).get(reverse("parts:queue"))
    rows = {row.pk: {a["name"] for a in row.actions} for s in queue.context["sections"] for row in s["rows"]}
    assert "issue" in rows[covered.pk] and "issue" not in rows[short.pk]


def test_a_free_text_part_is_never_offered_for_issue(login, ticket, technician, stock_officer):
    request = part_request_create(ticket=ticket, by=technician, quantity=1, reason="เสีย", description="พัดลม CPU")
    part_request_transition(part_request=request, to="approved", by=stock_officer)
    assert "issue" not in actions_of(parts_page(login(stock_officer), ticket), request)


def test_issuing_more_than_the_stock_is_still_refused_in_thai(login, ticket, technician, stock_officer, ram):
    short = approved(ticket, technician, stock_officer, ram, 6)
    response = login(stock_officer).post(reverse("parts:request_transition", args=[short.pk, "issue"]), {})
    assert response.status_code == 200 and 'id="action-error"' in response.content.decode()
    assert PartRequest.objects.get(pk=short.pk).status == "approved" and ram.current_balance() == 5


def test_the_part_picker_shows_the_stock_on_hand(login, ticket, technician, ram, make_item):
    make_item("TN-1", "ตลับหมึก", stock=0, uom="ตลับ")
    html = parts_page(login(technician), ticket)
    assert "RAM-DDR4-8 · RAM DDR4 8GB (คงเหลือ 5 แผ่น)" in html
    assert "TN-1 · ตลับหมึก (คงเหลือ 0 ตลับ)" in html


def test_the_picker_costs_the_same_queries_for_more_items(login, ticket, technician, make_item,
                                                         django_assert_max_num_queries):
    client = login(technician)
    make_item("A-1", "รายการ 1", stock=1)
    parts_page(client, ticket)
    with django_assert_max_num_queries(40) as few:
        parts_page(client, ticket)
    for n in range(2, 12):
        make_item(f"A-{n}", f"รายการ {n}", stock=n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert "รายการ 11 (คงเหลือ 11" in parts_page(client, ticket)


def test_nobody_is_offered_or_allowed_to_approve_their_own_request(login, ticket, technician, team_head,
                                                                   stock_officer, it_head):
    own = part_request_create(ticket=ticket, by=team_head, quantity=1, reason="เสีย", description="จอ")
    assert "approve" not in actions_of(parts_page(login(team_head), ticket), own)
    assert "approve" in actions_of(parts_page(login(stock_officer), ticket), own)
    assert login(team_head).post(reverse("parts:request_transition", args=[own.pk, "approve"]), {}).status_code == 403
    by_head = part_request_create(ticket=ticket, by=it_head, quantity=1, reason="เสีย", description="เมาส์")
    assert "approve" not in actions_of(parts_page(login(it_head), ticket), by_head)
    assert login(it_head).post(reverse("parts:request_transition", args=[by_head.pk, "approve"]), {}).status_code == 403
    assert set(PartRequest.objects.values_list("status", flat=True)) == {"requested"}
    assert not PartRequest.objects.filter(decided_by__isnull=False).exists()
