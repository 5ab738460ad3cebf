"""The rate limit's window slides: a flood across a window boundary gets the limit, not twice the limit;
the hit and the previous window's count stay one statement (one Lua script on Redis)."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from helpdesk.ratelimit import is_limited, window_end
from tests.helpdesk.test_redis_cache import redis_cache, redis_url  # noqa: F401  (a Redis of its own)

pytestmark = pytest.mark.django_db


@pytest.fixture
def counters():
    cache = caches["ratelimit"]
    cache.clear()
    return cache


def _flood_across_the_boundary(monkeypatch, address="10.7.7.7") -> int:
    """20 requests at 10/min: ten in the last second of a window, ten in the first second of the next."""
    request = RequestFactory().get("/", REMOTE_ADDR=address)
    end = window_end(address, 60, 1_000_000)
    allowed = 0
    for moment in [end - 0.5] * 10 + [end + 0.5] * 10:
        monkeypatch.setattr("helpdesk.ratelimit.time.time", lambda moment=moment: moment)
        allowed += not is_limited(request, "flood", "10/m")
    return allowed


def test_a_flood_across_the_window_boundary_gets_the_limit_not_twice(counters, monkeypatch):
    assert _flood_across_the_boundary(monkeypatch) == 10


def test_the_previous_window_weighs_less_as_time_passes(counters, monkeypatch):
    request = RequestFactory().get("/", REMOTE_ADDR="10.8.8.8")
    end = window_end("10.8.8.8", 60, 2_000_000)
    monkeypatch.setattr("helpdesk.ratelimit.time.time", lambda: end - 1)
    assert [is_limited(request, "s", "10/m") for _ in range(10)] == [False] * 10
    # 45 s into the next window a quarter of the previous ten still counts: about 7 more are allowed.
    monkeypatch.setattr("helpdesk.ratelimit.time.time", lambda: end + 45)
    results = [is_limited(request, "s", "10/m") for _ in range(10)]
    assert results.count(False) == 7


def test_a_sliding_hit_is_still_one_statement(counters):
    request = RequestFactory().get("/", REMOTE_ADDR="10.9.9.9")
    with CaptureQueriesContext(connection) as queries:
        is_limited(request, "one", "10/m")
    assert len(queries.captured_queries) == 1


def test_redis_counts_the_sliding_window_in_one_script(redis_cache, settings, monkeypatch):  # noqa: F811
    monkeypatch.setattr("helpdesk.ratelimit.caches", {"ratelimit": redis_cache, "default": redis_cache})
    settings.RATELIMIT_USE_CACHE = "ratelimit"
    assert _flood_across_the_boundary(monkeypatch, address="10.6.6.6") == 10
    assert redis_cache.hit_window_and_get("rl:a", "rl:b", 60, "page", redis_cache) == (1, 0, None)
