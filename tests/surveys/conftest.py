import pytest
from django.core.cache import caches

from tests.network.conftest import email_service, internet, make_ip_request, subnet  # noqa: F401
from tests.publishing.conftest import make_request, published, section  # noqa: F401
from tests.tickets.conftest import deliver, hw, make_ticket  # noqa: F401


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    for backend in caches.all():  # the public pages' rate-limit counters
        backend.clear()
