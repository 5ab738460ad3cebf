"""Phones: the technician's next actions in a bar at the bottom of the screen; staff call the requester with
one tap (tel: links); the public tracking page puts the current state first."""

import re

import pytest

from tickets.models import Status
from tickets.services import ticket_add_note, ticket_transition
from tickets.templatetags.ticket_tags import tel_href

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("typed", "href"), [
    ("081 234 5678", "tel:0812345678"),
    ("02-123-4567 ต่อ 12", "tel:021234567,12"),
    ("+66 81 234 5678", "tel:+66812345678"),
    ("02 111 2222, 081 000 0000", "tel:021112222"),
    ("ไม่มี", ""),
    ("", ""),
])
def test_tel_href_reads_numbers_as_people_type_them(typed, href):
    assert tel_href(typed) == href


@pytest.fixture
def ticket(make_ticket, unit_a, hw, requester_a):
    return make_ticket(unit_a, hw, requester=requester_a, requester_phone="081 234 5678")


def test_staff_see_the_requesters_phone_as_a_tel_link_requesters_do_not(login, technician, requester_a, ticket):
    staff = login(technician).get(ticket.get_absolute_url()).content.decode()
    assert '<a href="tel:0812345678" id="requester-phone"' in staff
    own = login(requester_a).get(ticket.get_absolute_url()).content.decode()
    assert "081 234 5678" in own and "tel:" not in own


def test_the_action_bar_offers_take_the_usual_next_step_and_a_note(login, technician, ticket):
    html = login(technician).get(ticket.get_absolute_url()).content.decode()
    bar = re.search(r'<nav[^>]*id="action-bar".*?</nav>', html, re.S).group(0)
    assert 'form="take-form"' in bar and 'id="take-form"' in html
    step = re.search(r'<button[^>]*id="bar-step"[^>]*>', bar).group(0)
    assert 'form="transition-form"' in step and 'value="received"' in step and 'id="transition-form"' in html
    assert 'href="#note-section"' in bar and 'id="note-section"' in html
    assert "d-lg-none" in bar  # phones and tablets only; the desktop has the actions card beside the ticket


def test_the_holder_sees_no_take_button_and_a_requester_no_bar(login, technician, requester_a, ticket):
    ticket_transition(ticket=ticket, to=Status.IN_PROGRESS, by=technician)  # taken when work starts
    html = login(technician).get(ticket.get_absolute_url()).content.decode()
    assert 'id="action-bar"' in html and 'id="bar-take"' not in html
    assert 'value="quality_check"' in re.search(r'<button[^>]*id="bar-step"[^>]*>', html).group(0)
    assert 'id="action-bar"' not in login(requester_a).get(ticket.get_absolute_url()).content.decode()


def test_the_tracking_page_shows_the_newest_event_first(client, ticket, technician):
    ticket_transition(ticket=ticket, to=Status.RECEIVED, by=technician)
    ticket_add_note(ticket=ticket, by=technician, note="กำลังตรวจเช็กเครื่อง", is_internal=False)
    ticket_transition(ticket=ticket, to=Status.IN_PROGRESS, by=technician)
    html = client.get(ticket.get_tracking_url()).content.decode()
    timeline = re.search(r'<ol[^>]*id="tracking-timeline".*?</ol>', html, re.S).group(0)
    latest = re.search(r'<li[^>]*id="tracking-latest".*?</li>', timeline, re.S).group(0)
    assert "กำลังดำเนินการ" in latest
    assert timeline.index("กำลังดำเนินการ") < timeline.index("รับเครื่อง") < timeline.index("รับแจ้ง")
    assert timeline.index('id="tracking-latest"') < timeline.index("รับแจ้ง")
