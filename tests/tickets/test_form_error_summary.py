"""A refused form on the ticket page: a summary at the top lists each problem as a link to its field."""

import collections
import re

import pytest
from django import forms
from django.template.loader import render_to_string
from django.urls import reverse

from tickets.models import Status, Ticket
from tickets.services import ticket_transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(make_ticket, unit_a, hw, requester_a, technician, asset_a):
    ticket = make_ticket(unit_a, hw, requester=requester_a, asset=asset_a)
    ticket_transition(ticket=ticket, to=Status.IN_PROGRESS, by=technician)
    return ticket


def summary_links(html: str) -> list[str]:
    summary = re.search(r'<div[^>]*data-error-summary.*?</div>', html, re.S)
    assert summary, "no error summary"
    assert html.index("data-error-summary") < html.index("<h1")  # at the top, before the ticket itself
    return re.findall(r'href="#([^"]+)"', summary.group(0))


def ids(html: str) -> collections.Counter:
    return collections.Counter(re.findall(r'\sid="([^"]+)"', html))


def test_a_plain_page_has_no_summary_and_no_duplicate_ids(login, technician, ticket):
    html = login(technician).get(ticket.get_absolute_url()).content.decode()
    assert "data-error-summary" not in html
    assert [name for name, count in ids(html).items() if count > 1] == []


def test_a_refused_work_record_links_to_its_field_inside_the_opened_section(login, technician, ticket):
    response = login(technician).post(reverse("tickets:work", args=[ticket.pk]), {
        "version": ticket.version, "time_spent_minutes": 999_999, "cause": "x"})
    assert response.status_code == 400
    html = response.content.decode()
    assert summary_links(html) == ["work-time_spent_minutes"]
    assert "เวลาที่ใช้มากเกินไป" in html
    assert ids(html)["work-time_spent_minutes"] == 1
    # The section holding the field is open without JavaScript too.
    section = html[:html.index('id="work-time_spent_minutes"')].rsplit("<details", 1)[1]
    assert " open" in section.split(">", 1)[0]
    assert Ticket.objects.get(pk=ticket.pk).time_spent_minutes == 0


def test_a_refused_note_and_a_refused_step_link_to_their_own_fields(login, technician, ticket):
    client = login(technician)
    note = client.post(reverse("tickets:note", args=[ticket.pk]), {"note": "", "is_internal": "on"})
    assert note.status_code == 400 and summary_links(note.content.decode()) == ["note-note"]
    step = client.post(reverse("tickets:transition", args=[ticket.pk]), {"version": ticket.version})
    html = step.content.decode()
    assert step.status_code == 400 and summary_links(html) == ["transition-to"] and ids(html)["transition-to"] == 1
    assert not ticket.events.filter(kind="note").exists()


def test_a_service_refusal_is_listed_as_text(login, technician, ticket):
    response = login(technician).post(reverse("tickets:transition", args=[ticket.pk]),
                                      {"to": "quality_check", "version": ticket.version})
    html = response.content.decode()
    assert response.status_code == 400
    assert summary_links(html) == [] and "กรุณาบันทึกสาเหตุและวิธีแก้ไขก่อนส่งตรวจสอบคุณภาพ" in html


def test_the_include_serves_any_form():
    class AnyForm(forms.Form):
        name = forms.CharField(label="ชื่อ")
        count = forms.IntegerField(label="จำนวน")

    form = AnyForm({"name": "", "count": "x"}, prefix="other")
    assert not form.is_valid()
    html = render_to_string("includes/form_error_summary.html", {"form": form})
    assert re.findall(r'href="#([^"]+)"', html) == ["id_other-name", "id_other-count"]
    assert render_to_string("includes/form_error_summary.html", {"form": AnyForm()}).strip() == ""
