"""<script> typed into every text field stays inert on the staff list, detail, tracking page and PDF preview."""

import datetime as dt

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone

from tickets.models import Ticket
from tickets.services import ticket_add_note, ticket_record_work, ticket_transition

pytestmark = pytest.mark.django_db
XSS = '<script>alert("x")</script>'


def test_script_in_every_text_field_is_escaped(login, technician, requester_a, unit_a, hw, client):
    for backend in caches.all():  # the default cache and the rate-limit counters
        backend.clear()
    staff = login(technician)
    response = staff.post(
        reverse("tickets:staff_create"),
        {
            "unit": unit_a.pk,
            "channel": "phone",
            "requester_name": XSS,
            "requester_position": XSS,
            "requester_phone": XSS[:50],
            "category": hw.pk,
            "symptom": XSS,
            "device_description": XSS,
            "device_serial": XSS,
            "callback_due_at": (timezone.localtime() + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 302
    ticket = Ticket.objects.get()
    ticket_transition(ticket=ticket, to="in_progress", by=technician, note=XSS)
    ticket_record_work(
        ticket=ticket, by=technician, diagnosis=XSS, cause=XSS, fix=XSS, internal_notes=XSS
    )
    ticket_add_note(ticket=ticket, by=technician, note=XSS, is_internal=False)
    ticket_transition(ticket=ticket, to="quality_check", by=technician, note=XSS)
    pages = {
        "list": staff.get(reverse("tickets:list"), {"scope": "all"}),
        "detail": staff.get(ticket.get_absolute_url()),
        "tracking": client.get(ticket.get_tracking_url()),
        "slip": staff.get(reverse("tickets:slip", args=[ticket.pk]), {"preview": "1"}),
        "letter": staff.get(reverse("tickets:letter", args=[ticket.pk]), {"preview": "1"}),
        "callbacks": staff.get(reverse("tickets:callbacks")),
    }
    for name, page in pages.items():
        body = page.content.decode()
        assert page.status_code == 200, name
        assert XSS not in body, name
        assert "&lt;script&gt;" in body, name
