"""The Redis cache backend (REDIS_URL): one reused client, and rate-limit hits in one round trip."""

import os
import socket
import uuid

import pytest

from helpdesk.cache import RedisCache
from helpdesk.ratelimit import count_hit

REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_cache():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        if os.environ.get("CI"):
            raise  # CI machines run Redis (docs/scale.md): a missing server is a failure there
        pytest.skip("no Redis on 127.0.0.1:6379")
    cache = RedisCache(REDIS, {"KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}"})
    yield cache
    cache.clear()


def test_the_client_is_built_once_per_pool(redis_cache):
    redis_cache.set("a", b"page", 30)
    client = redis_cache._cache.get_client("a")
    assert redis_cache.get("a") == b"page"
    assert redis_cache._cache.get_client("a") is client
    assert redis_cache._cache.get_client("b", write=True) is client  # one server: reads and writes share it


def test_a_hit_starts_and_counts_in_one_command(redis_cache, monkeypatch):
    client = redis_cache._cache.get_client("x", write=True)
    sent = []
    original = type(client).execute_command
    monkeypatch.setattr(type(client), "execute_command",
                        lambda self, *a, **k: sent.append(a[0]) or original(self, *a, **k))
    assert [count_hit(redis_cache, "rl:x", 60) for _ in range(3)] == [1, 2, 3]
    assert [command for command in sent if command != "SCRIPT LOAD"] == ["EVALSHA"] * 3
    monkeypatch.undo()
    ttl = client.ttl(redis_cache.make_key("rl:x"))
    assert 0 < ttl <= 60  # the counter expires with its window; later hits do not extend it


def test_hit_and_get_reads_the_cached_page_with_the_count(redis_cache):
    assert redis_cache.hit_and_get("rl:p", 60, "page", redis_cache) == (1, None)
    redis_cache.set("page", b"<html>copy</html>", 30)
    assert redis_cache.hit_and_get("rl:p", 60, "page", redis_cache) == (2, b"<html>copy</html>")
