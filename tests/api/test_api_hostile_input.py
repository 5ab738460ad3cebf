"""Odd bodies never reach a 500: lists, strings, numbers, nulls, huge or wrongly typed values are a 400."""

import pytest

from tickets.models import Ticket

BODIES = [[1, 2], "text", 42, None, {"to": ["received"]}, {"to": {"x": 1}}, {"note": "ก" * 10_000},
          {"category": None, "symptom": 5, "requester_phone": True}, {"unit": ["50100"]}, {"action": 7}]


@pytest.fixture
def ticket_a(make_ticket, unit_a, hw, requester_a):
    return make_ticket(unit_a, hw, requester=requester_a)


@pytest.mark.parametrize("body", BODIES, ids=range(len(BODIES)))
def test_odd_bodies_are_400(api_as, technician, ticket_a, asset_a, make_request, requester_a, body):
    draft = make_request(requester_a)
    client = api_as(technician)
    author = api_as(requester_a)
    for api, url in ((client, "/api/v1/tickets/"), (client, f"/api/v1/tickets/{ticket_a.pk}/transition/"),
                     (client, f"/api/v1/tickets/{ticket_a.pk}/notes/"), (client, "/api/v1/assets/"),
                     (author, f"/api/v1/publishing-requests/{draft.pk}/actions/")):
        response = api.post(url, body, format="json")
        assert response.status_code in (400, 403), (url, response.status_code)
        assert response.json()["detail"], url
    # Work and assign take optional fields only: unknown keys are ignored (a no-op, or taking the job).
    for url in (f"/api/v1/tickets/{ticket_a.pk}/work/", f"/api/v1/tickets/{ticket_a.pk}/assign/"):
        assert client.post(url, body, format="json").status_code in (200, 400), url
    patch = client.patch(f"/api/v1/assets/{asset_a.pk}/", body, format="json")
    assert patch.status_code in (200, 400)
    assert Ticket.objects.count() == 1
