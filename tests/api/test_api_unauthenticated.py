"""Every endpoint that is not public answers 401 (with the Bearer challenge) without credentials, whatever the
verb, and writes nothing; the public ones (tracking, news, knowledge articles) answer without credentials."""

import pytest

from helpdesk.api.tokens import api_token_create
from tickets.models import Ticket

PRIVATE = [
    ("get", "/api/v1/tickets/"), ("post", "/api/v1/tickets/"), ("get", "/api/v1/tickets/1/"),
    ("post", "/api/v1/tickets/1/transition/"), ("post", "/api/v1/tickets/1/work/"),
    ("post", "/api/v1/tickets/1/assign/"), ("post", "/api/v1/tickets/1/notes/"),
    ("post", "/api/v1/tickets/1/withdraw/"), ("get", "/api/v1/tickets/1/attachments/"),
    ("get", "/api/v1/tickets/1/photos/1/"), ("get", "/api/v1/tickets/1/memo/"),
    ("get", "/api/v1/assets/"), ("post", "/api/v1/assets/"), ("get", "/api/v1/assets/1/"),
    ("patch", "/api/v1/assets/1/"), ("get", "/api/v1/assets/1/history/"),
    ("get", "/api/v1/stock-items/"), ("get", "/api/v1/stock-items/1/"), ("get", "/api/v1/stock-items/1/movements/"),
    ("get", "/api/v1/ip-requests/"),
    ("post", "/api/v1/ip-requests/"), ("get", "/api/v1/ip-requests/1/"), ("get", "/api/v1/mac-changes/"),
    ("get", "/api/v1/mac-changes/1/"), ("get", "/api/v1/account-requests/"), ("get", "/api/v1/account-requests/1/"),
    ("get", "/api/v1/publishing-requests/"), ("get", "/api/v1/publishing-requests/1/"),
    ("post", "/api/v1/publishing-requests/1/actions/"),
    ("get", "/api/v1/meeting-bookings/"), ("post", "/api/v1/meeting-bookings/"), ("get", "/api/v1/meeting-bookings/1/"),
    ("post", "/api/v1/meeting-bookings/1/confirm/"), ("post", "/api/v1/meeting-bookings/1/cancel/"),
    ("get", "/api/v1/meeting-rooms/"), ("get", "/api/v1/vc-accounts/"),
    ("get", "/api/v1/data-requests/"), ("post", "/api/v1/data-requests/"), ("get", "/api/v1/data-requests/1/"),
    ("get", "/api/v1/systems/"), ("get", "/api/v1/systems/1/"), ("get", "/api/v1/system-changes/"),
    ("post", "/api/v1/system-changes/"), ("get", "/api/v1/system-changes/1/"), ("get", "/api/v1/system-dev-requests/"),
    ("post", "/api/v1/system-dev-requests/"), ("get", "/api/v1/system-dev-requests/1/"),
    ("get", "/api/v1/consultations/"), ("post", "/api/v1/consultations/"), ("get", "/api/v1/consultations/1/"),
]


@pytest.mark.parametrize(("method", "url"), PRIVATE)
def test_private_endpoints_need_credentials(anonymous_api, make_ticket, unit_a, hw, requester_a, method, url):
    make_ticket(unit_a, hw, requester=requester_a)
    response = getattr(anonymous_api, method)(url, {"to": "received", "symptom": "x"}, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json()["code"] == "not_authenticated"
    assert Ticket.objects.get().status == "new" and Ticket.objects.count() == 1


@pytest.mark.parametrize("url", ["/api/v1/news/", "/api/v1/knowledge-articles/", "/api/schema/", "/api/docs/"])
def test_public_endpoints_answer_without_credentials(anonymous_api, url):
    assert anonymous_api.get(url).status_code == 200


def test_a_wrong_scheme_or_malformed_header_is_401(anonymous_api, requester_a):
    _token, secret = api_token_create(user=requester_a, name="x", days=1)
    anonymous_api.credentials(HTTP_AUTHORIZATION=f"Bearer {secret} extra")
    assert anonymous_api.get("/api/v1/tickets/").status_code == 401
    anonymous_api.credentials(HTTP_AUTHORIZATION=f"Basic {secret}")
    assert anonymous_api.get("/api/v1/tickets/").status_code == 401
    anonymous_api.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    assert anonymous_api.get("/api/v1/tickets/").status_code == 200
