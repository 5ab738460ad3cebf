"""The ticket page: timeline, fixed query count, replacement-device section; the asset page's repairs section."""

import datetime as dt

import pytest
from django.test import RequestFactory
from django.utils import timezone

from assets.models import Asset
from tests.tickets.conftest import image_bytes, upload
from tickets.models import Ticket, TicketEvent
from tickets.plugins.asset_section import context as asset_repairs_context
from tickets.plugins.asset_section import replacement_candidates, section_context
from tickets.plugins.parts import register_parts_provider, unregister_parts_provider
from tickets.services import ticket_add_note, ticket_lend_replacement, ticket_transition

pytestmark = pytest.mark.django_db


def test_the_timeline_shows_who_when_from_and_to(login, technician, make_ticket, unit_a, hw):
    ticket = make_ticket(unit_a, hw, by=technician)
    ticket_transition(ticket=ticket, to="received", by=technician, note="รับเครื่องที่หน่วยงาน")
    body = login(technician).get(ticket.get_absolute_url()).content.decode()
    timeline = body.split('id="timeline"')[1]
    assert "รับแจ้ง → <strong>รับเครื่อง</strong>" in timeline
    assert "รับเครื่องที่หน่วยงาน" in timeline and technician.get_full_name() in timeline


def test_the_detail_page_runs_a_fixed_number_of_queries(login, technician, make_ticket, unit_a, hw, asset_a,
                                                        make_asset, deliver, django_assert_max_num_queries):
    ticket = make_ticket(unit_a, hw, by=technician, asset=asset_a)
    client = login(technician)
    client.get(ticket.get_absolute_url())
    with django_assert_max_num_queries(25) as few:
        client.get(ticket.get_absolute_url())
    for n in range(30):
        ticket_add_note(ticket=ticket, by=technician, note=f"บันทึก {n}", is_internal=bool(n % 2))
    for _ in range(5):
        from tickets.models import TicketPhoto

        photo = TicketPhoto(ticket=ticket, content_type="image/png", size=1)
        photo.image.save("p.png", upload("p.png", image_bytes()))
    ticket_lend_replacement(ticket=ticket, asset=make_asset(unit_a, status=Asset.Status.SPARE),
                            due_date=timezone.localdate() + dt.timedelta(days=3), by=technician)
    for _ in range(4):
        deliver(make_ticket(unit_a, hw, by=technician, asset=asset_a, allow_duplicate=True), technician)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(ticket.get_absolute_url())
    assert len(response.context["events"]) >= 30 and len(response.context["earlier_repairs"]) == 4


def test_the_asset_section_lists_history_claims_cost_and_flags_replacement(technician, make_ticket, unit_a, hw, sw,
                                                                           asset_a, deliver, requester_a):
    first = deliver(make_ticket(unit_a, hw, by=technician, asset=asset_a), technician)
    claim = make_ticket(unit_a, hw, by=technician, asset=asset_a)
    make_ticket(unit_a, sw, by=technician, asset=asset_a)

    def costs(ids):
        return {first.pk: 1500} if first.pk in ids else {}

    register_parts_provider(costs=costs)
    try:
        section = asset_repairs_context(asset_a, requester_a)
    finally:
        unregister_parts_provider(costs=costs)
    assert [t.number for t in section["history"]][-1] == first.number
    assert {t.pk for t in section["open_tickets"]} == {claim.pk, claim.pk + 1}
    assert section["guarantee_claims"] == 1
    assert section["total_repair_cost"] == 1500
    assert section["is_replacement_candidate"] is True
    assert list(replacement_candidates()) == [asset_a]
    request = RequestFactory().get("/")
    request.user = requester_a
    assert section_context(request, asset_a)["repairs_12_months"] == 3


def test_the_asset_section_template_renders(technician, make_ticket, unit_a, hw, asset_a, requester_a):
    from django.template.loader import render_to_string

    make_ticket(unit_a, hw, by=technician, asset=asset_a)
    html = render_to_string("tickets/includes/_asset_repairs.html",
                            {"section": asset_repairs_context(asset_a, requester_a)})
    assert "asset-repairs" in html and f"?asset={asset_a.pk}" in html


def test_an_asset_with_two_repairs_is_not_a_replacement_candidate(technician, make_ticket, unit_a, hw, sw, asset_a):
    make_ticket(unit_a, hw, by=technician, asset=asset_a)
    make_ticket(unit_a, sw, by=technician, asset=asset_a)
    Ticket.objects.update(created_at=timezone.now() - dt.timedelta(days=10))
    assert list(replacement_candidates()) == []
    assert TicketEvent.objects.count() == 2
