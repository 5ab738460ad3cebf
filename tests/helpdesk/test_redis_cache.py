"""The Redis cache backend (REDIS_URL): one reused client, and rate-limit hits in one round trip."""

import shutil
import socket
import subprocess
import time
import uuid

import pytest

from helpdesk.cache import RedisCache
from helpdesk.ratelimit import count_hit


def _answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture(scope="module")
def redis_url():
    """The machine's Redis on 6379, or a throw-away redis-server of our own (`make sysdeps` installs it)."""
    if _answers(6379):
        yield "redis://127.0.0.1:6379/15"
        return
    binary = shutil.which("redis-server")
    assert binary, "redis-server is not installed: run `make sysdeps` (Debian package redis-server)"
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly",
                               "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if _answers(port):
                break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def redis_cache(redis_url):
    cache = RedisCache(redis_url, {"KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}"})
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
    count_hit(redis_cache, "rl:warm-up", 60)  # a fresh server first answers NOSCRIPT and redis-py loads the script
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
