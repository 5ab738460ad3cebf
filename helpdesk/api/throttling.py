"""Rate limits per API token (per signed-in user for the session, per address otherwise), counted by the
same shared counters as the other limits (helpdesk/ratelimit.py): one round trip per request."""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import BaseThrottle

from helpdesk.models import ApiToken
from helpdesk.ratelimit import EXPIRY_MARGIN, client_address, count_hit, parse_rate, window_end


def api_rate() -> str:
    return settings.API_RATE_LIMIT


def _identity(request) -> str:
    if isinstance(request.auth, ApiToken):
        return f"token:{request.auth.pk}"
    if request.user and request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"addr:{client_address(request)}"


class ApiRateThrottle(BaseThrottle):
    scope = "api"

    def allow_request(self, request, view) -> bool:
        limit, period = parse_rate(getattr(view, "throttle_rate", None) or api_rate())
        identity = _identity(request)
        end = window_end(identity, period)
        digest = hashlib.sha256(identity.encode()).hexdigest()[:32]
        key = f"rl:{self.scope}:{limit}/{period}:{end}:{digest}"
        count = count_hit(caches[settings.RATELIMIT_USE_CACHE], key, period + EXPIRY_MARGIN)
        self._wait = max(1, end - int(time.time()))
        return count <= limit

    def wait(self):
        return getattr(self, "_wait", None)
