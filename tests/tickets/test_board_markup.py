"""The board's rows and filter menus are written in Python (tickets.boardrow, the `options` tag): what they show
is escaped like the template's autoescape, long symptoms are cut as `truncatechars` cuts them, and the chosen
filters stay selected."""

import re

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils.text import Truncator

from tickets.models import Ticket

pytestmark = pytest.mark.django_db
URL = reverse("tickets:list")


def _row(body: str, ticket) -> str:
    start = body.index(f'id="row-{ticket.pk}"')
    return body[start:body.index("</tr>", start)]


def test_a_row_escapes_what_people_typed(login, technician, make_ticket, unit_a, hw):
    ticket = make_ticket(unit_a, hw, by=technician, symptom='<script>alert("x")</script> & "quotes"',
                         device_description="<b>PC</b>")
    row = _row(login(technician).get(URL).content.decode(), ticket)
    assert "<script>" not in row and "<b>PC</b>" not in row
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;" in row
    assert "&lt;b&gt;PC&lt;/b&gt;" in row


def test_a_long_thai_symptom_is_cut_like_truncatechars(login, technician, make_ticket, unit_a, hw):
    # Thai vowel and tone marks are combining characters: truncatechars does not count them.
    symptom = "เครื่องคอมพิวเตอร์เปิดไม่ติดหลังไฟดับ ลองเปลี่ยนปลั๊กแล้ว ยังไม่ได้ ไฟสถานะกะพริบสีส้ม " * 2
    ticket = make_ticket(unit_a, hw, by=technician, symptom=symptom + "\nบรรทัดที่สอง")
    row = _row(login(technician).get(URL).content.decode(), ticket)
    assert Truncator(symptom.strip()).chars(80) in row
    assert "บรรทัดที่สอง" not in row


def test_a_takeable_row_carries_the_take_form_with_the_csrf_field_and_the_filters(login, technician, make_ticket,
                                                                                    unit_a, hw):
    ticket = make_ticket(unit_a, hw, by=technician)
    row = _row(login(technician).get(URL, {"status": "new"}).content.decode(), ticket)
    take = reverse("tickets:board_take", args=[ticket.pk])
    assert f'action="{take}?status=new"' in row and f'hx-post="{take}"' in row
    assert re.search(r'name="csrfmiddlewaretoken" value="[^"]+"', row)
    assert f'name="version" value="{ticket.version}"' in row


def test_the_take_answer_is_one_row_with_its_outcome(login, technician, make_ticket, unit_a, hw):
    ticket = make_ticket(unit_a, hw, by=technician)
    response = login(technician).post(reverse("tickets:board_take", args=[ticket.pk]), {"version": ticket.version},
                                      HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and body.count("<tr ") == 1
    assert 'class="small text-success row-message"' in body and technician.get_full_name() in body
    assert Ticket.objects.get(pk=ticket.pk).technician_id == technician.pk


def test_the_filter_menus_keep_the_chosen_values(login, technician, make_ticket, unit_a, hw):
    make_ticket(unit_a, hw, by=technician)
    body = login(technician).get(URL, {"status": "in_progress", "category": hw.code, "unit": unit_a.pk,
                                       "per_page": 50, "scope": "all"}).content.decode()
    assert '<option value="in_progress" selected>' in body
    assert f'<option value="{hw.code}" selected>' in body
    assert f'<option value="{unit_a.pk}" selected>' in body
    assert '<option value="50" selected>' in body and '<option value="25">' in body


def test_the_options_tag_takes_pairs_values_and_objects_and_escapes():
    template = Template("{% load plain_forms %}{% options pairs chosen %}|{% options sizes 25 %}|"
                        '{% options objects "2" "pk" "name" %}')

    class Thing:
        def __init__(self, pk, name):
            self.pk, self.name = pk, name

    html = template.render(Context({"pairs": [("a", "<A>"), ("b", 'B "quoted"')], "chosen": "b", "sizes": [25, 50],
                                    "objects": [Thing(1, "one & two"), Thing(2, "two")]}))
    assert html == (
        '<option value="a">&lt;A&gt;</option><option value="b" selected>B &quot;quoted&quot;</option>|'
        '<option value="25" selected>25</option><option value="50">50</option>|'
        '<option value="1">one &amp; two</option><option value="2" selected>two</option>'
    )
