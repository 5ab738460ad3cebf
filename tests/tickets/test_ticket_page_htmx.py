"""Take, note, status change, lend and return update the ticket page in place with htmx (the page's body as
the answer) and still work without JavaScript (plain POST, redirect)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from assets.models import Asset
from tickets.models import Status, Ticket, TicketEvent, TicketLoan

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def ticket(make_ticket, unit_a, hw, requester_a, asset_a):
    return make_ticket(unit_a, hw, requester=requester_a, asset=asset_a)


def url(name, ticket):
    return reverse(name, args=[ticket.pk])


def is_partial(response) -> bool:
    html = response.content.decode()
    return html.lstrip().startswith("<div id=\"ticket-page\">") and "<html" not in html and "<nav" in html


def test_the_forms_post_with_htmx_and_without(login, technician, ticket):
    html = login(technician).get(ticket.get_absolute_url()).content.decode()
    for name in ("take", "transition", "note"):
        target = url(f"tickets:{name}", ticket)
        assert f'action="{target}" hx-post="{target}" hx-target="#ticket-page" hx-swap="outerHTML"' in html


def test_take_in_place_and_without_javascript(login, technician, ticket):
    client = login(technician)
    response = client.post(url("tickets:take", ticket), {"version": ticket.version}, **HX)
    assert response.status_code == 200 and is_partial(response)
    html = response.content.decode()
    assert "รับงานแล้ว" in html and 'id="bar-take"' not in html
    assert Ticket.objects.get(pk=ticket.pk).technician == technician
    plain = client.post(url("tickets:take", ticket), {"version": Ticket.objects.get(pk=ticket.pk).version})
    assert plain.status_code == 302 and plain["Location"] == ticket.get_absolute_url()


def test_a_note_in_place_and_a_refused_note_with_its_summary(login, technician, ticket):
    client = login(technician)
    done = client.post(url("tickets:note", ticket), {"note": "โทรนัดผู้ใช้แล้ว", "is_internal": "on"}, **HX)
    assert done.status_code == 200 and is_partial(done) and "โทรนัดผู้ใช้แล้ว" in done.content.decode()
    refused = client.post(url("tickets:note", ticket), {"note": "  "}, **HX)
    assert refused.status_code == 200 and is_partial(refused)
    assert 'data-error-summary' in refused.content.decode() and 'href="#note-note"' in refused.content.decode()
    assert list(ticket.events.filter(kind=TicketEvent.Kind.NOTE).values_list("note", flat=True)) == [
        "โทรนัดผู้ใช้แล้ว"]
    assert client.post(url("tickets:note", ticket), {"note": "x"}).status_code == 302


def test_a_status_change_in_place_and_a_refused_one(login, technician, ticket):
    client = login(technician)
    done = client.post(url("tickets:transition", ticket), {"to": "received", "version": ticket.version}, **HX)
    assert done.status_code == 200 and is_partial(done)
    assert 'data-status="received"' in done.content.decode()
    version = Ticket.objects.get(pk=ticket.pk).version
    assert f'name="version" value="{version}"' in done.content.decode()  # the next step uses the new version
    refused = client.post(url("tickets:transition", ticket), {"version": version}, **HX)
    assert refused.status_code == 200 and 'href="#transition-to"' in refused.content.decode()
    plain = client.post(url("tickets:transition", ticket), {"version": version})
    assert plain.status_code == 400 and "<html" in plain.content.decode()
    assert Ticket.objects.get(pk=ticket.pk).status == Status.RECEIVED


def test_wrong_method_other_unit_and_no_permission_with_htmx(login, technician, requester_a, requester_b, ticket):
    for name in ("tickets:take", "tickets:note", "tickets:transition"):
        assert login(technician).get(url(name, ticket), **HX).status_code == 405
        assert login(requester_b).post(url(name, ticket), {"version": 1, "note": "x", "to": "received"},
                                       **HX).status_code == 404
        assert login(requester_a).post(url(name, ticket), {"version": 1, "note": "x", "to": "received"},
                                       **HX).status_code == 403
    saved = Ticket.objects.get(pk=ticket.pk)
    assert saved.status == Status.NEW and saved.technician is None
    assert not saved.events.filter(kind=TicketEvent.Kind.NOTE).exists()


def test_a_ticket_moved_away_sends_htmx_to_the_whole_page(login, client, technician, technician_b, it_head, ticket,
                                                          team_b):
    version = ticket.version
    login(it_head).post(url("tickets:assign", ticket), {"technician": technician_b.pk, "version": version})
    assert Ticket.objects.get(pk=ticket.pk).team == team_b
    response = login(technician).post(url("tickets:note", ticket), {"note": "x", "version": version}, **HX)
    assert response.status_code == 204 and response["HX-Redirect"] == ticket.get_absolute_url()
    assert not Ticket.objects.get(pk=ticket.pk).events.filter(kind=TicketEvent.Kind.NOTE).exists()


def test_lending_and_returning_a_replacement_update_the_page_in_place(login, technician, ticket, make_asset, unit_a):
    spare = make_asset(unit_a, status=Asset.Status.SPARE)
    client = login(technician)
    html = client.get(ticket.get_absolute_url()).content.decode()
    lend = url("tickets:lend", ticket)
    assert f'action="{lend}" hx-post="{lend}" hx-target="#ticket-page"' in html
    due = timezone.localdate() + dt.timedelta(days=7)
    response = client.post(lend, {"asset_number": spare.asset_number,
                                  "due_date": f"{due.day:02d}/{due.month:02d}/{due.year + 543}"}, **HX)
    assert response.status_code == 200 and is_partial(response)
    link = TicketLoan.objects.get(ticket=ticket)
    back = reverse("tickets:loan_return", args=[ticket.pk, link.pk])
    assert f'hx-post="{back}"' in response.content.decode() and spare.asset_number in response.content.decode()
    refused = client.post(back, {"condition": ""}, **HX)  # no condition: the page says so, nothing returned
    assert refused.status_code == 200 and is_partial(refused)
    assert "กรุณาระบุสภาพครุภัณฑ์เมื่อรับคืน" in refused.content.decode()
    link.loan.refresh_from_db()
    assert link.loan.returned_at is None
    returned = client.post(back, {"condition": "ปกติ"}, **HX)
    assert returned.status_code == 200 and is_partial(returned)
    link.loan.refresh_from_db()
    spare.refresh_from_db()
    assert link.loan.returned_at is not None and spare.status == Asset.Status.SPARE
    plain = client.post(back, {"condition": "ปกติ"})  # without JavaScript: a redirect back to the ticket
    assert plain.status_code == 302
