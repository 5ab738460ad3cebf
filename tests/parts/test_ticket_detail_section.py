"""The ticket page's "อะไหล่" section, contributed by the parts app through tickets.plugins.sections."""

import ast
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse

from tickets.parts.integration import ticket_section_context
from tickets.parts.services import part_request_create, part_request_transition
from tickets.plugins.sections import detail_sections_for, register_detail_section, unregister_detail_section

pytestmark = pytest.mark.django_db


def _ask(ticket, technician, description="พาวเวอร์ซัพพลาย 450W", **extra):
    return part_request_create(ticket=ticket, by=technician, quantity=extra.pop("quantity", 1), reason="เสีย",
                               description=description, **extra)


def _section(body: str) -> str:
    assert 'id="ticket-parts"' in body
    return body.split('id="ticket-parts"')[1].split('id="replacement-loans"')[0]


def test_the_team_technician_sees_requests_status_quantity_cost_and_can_ask_for_a_part(
    login, ticket, technician, stock_officer, ram
):
    installed = _ask(ticket, technician, item=ram, description="", quantity=2)
    part_request_transition(part_request=installed, to="approved", by=stock_officer)
    part_request_transition(part_request=installed, to="issued", by=stock_officer)
    part_request_transition(part_request=installed, to="installed", by=technician)
    _ask(ticket, technician, description="สายแพ SATA", estimated_cost=Decimal("150"))
    section = _section(login(technician).get(ticket.get_absolute_url()).content.decode())
    assert "RAM DDR4 8GB" in section and "2 แผ่น" in section
    assert 'data-status="installed"' in section and 'data-status="requested"' in section
    assert "1,900.00" in section  # 2 × 950 from the ledger, the installed cost
    assert 'id="ticket-parts-cost">1,900.00 บาท<' in section
    assert "150" not in section  # an estimate is not an installed cost
    parts_url = reverse("parts:ticket_parts", args=[ticket.pk])
    assert f'href="{parts_url}"' in section
    assert f'href="{parts_url}#part-request-form"' in section
    assert login(technician).get(parts_url).status_code == 200


def test_the_stock_officer_sees_the_section_without_the_request_action(login, ticket, technician, stock_officer):
    _ask(ticket, technician)
    section = _section(login(stock_officer).get(ticket.get_absolute_url()).content.decode())
    assert "พาวเวอร์ซัพพลาย 450W" in section
    assert 'id="ticket-parts-request"' not in section
    assert 'id="ticket-parts-link"' in section


def test_the_request_action_is_offered_only_while_the_ticket_is_worked_on(login, make_ticket, unit_a, technician):
    received = make_ticket(unit_a, by=technician, status="new")
    body = login(technician).get(received.get_absolute_url()).content.decode()
    assert 'id="ticket-parts"' not in body  # nothing requested and nothing to request yet


def test_the_requester_sees_no_parts_section(login, make_ticket, unit_a, technician, requester_a):
    ticket = make_ticket(unit_a, by=technician, requester=requester_a)
    _ask(ticket, technician)
    response = login(requester_a).get(ticket.get_absolute_url())
    assert response.status_code == 200
    assert 'id="ticket-parts"' not in response.content.decode()


def test_the_section_costs_a_fixed_number_of_queries(login, ticket, technician, django_assert_max_num_queries):
    _ask(ticket, technician, description="part 0")
    client = login(technician)
    client.get(ticket.get_absolute_url())
    with django_assert_max_num_queries(40) as few:
        client.get(ticket.get_absolute_url())
    for n in range(1, 10):
        _ask(ticket, technician, description=f"part {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get(ticket.get_absolute_url()).content.decode()
    assert "part 9" in _section(body)


def test_the_registry_orders_sections_and_skips_those_returning_none(rf, ticket, technician):
    request = rf.get("/")
    request.user = technician
    register_detail_section("zz-hidden", template="x.html", context=lambda request, ticket: None, order=1)
    register_detail_section("aa-first", template="y.html", context=lambda request, ticket: {"n": 1}, order=0)
    try:
        keys = [section.key for section, _ in detail_sections_for(request, ticket)]
    finally:
        unregister_detail_section("zz-hidden")
        unregister_detail_section("aa-first")
    assert keys[0] == "aa-first" and "zz-hidden" not in keys and "parts" in keys
    assert ticket_section_context(request, ticket)["can_request"] is True


def test_tickets_core_does_not_import_the_parts_app():
    root = Path(__file__).resolve().parents[2] / "tickets"
    offenders = []
    for path in root.rglob("*.py"):
        relative = path.relative_to(root)
        if relative.parts[0] in {"parts", "network", "reports"}:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            offenders += [f"{relative}: {name}" for name in names if name.split(".")[:2] == ["tickets", "parts"]]
    assert offenders == []
