"""API fixtures: a client per user carrying a real personal token (the whole authentication path runs)."""

import pytest
from rest_framework.test import APIClient

from helpdesk.api.tokens import api_token_create
from tests.network.conftest import internet, make_ip_request, subnet  # noqa: F401
from tests.parts.conftest import make_item  # noqa: F401
from tests.publishing.conftest import make_request, published, section  # noqa: F401
from tests.tickets.conftest import asset_a, asset_b, hw, make_asset, make_ticket, sw  # noqa: F401


@pytest.fixture
def api_as(db):
    """api_as(user) → an APIClient sending `Authorization: Bearer <a new token of user>`."""

    def _client(user, *, days: int = 30):
        _token, secret = api_token_create(user=user, name="ระบบทดสอบ", days=days)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
        client.secret = secret
        return client

    return _client


@pytest.fixture
def anonymous_api(db):
    return APIClient()
