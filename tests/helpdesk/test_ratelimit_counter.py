"""The rate limiter: one statement per hit, in the database every app server shares (or Redis)."""

import datetime as dt

import pytest
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from helpdesk.models import Area, RateCounter, Team, Unit
from helpdesk.ratelimit import client_address, is_limited, parse_rate, prune_expired_counters, window_end
from tests.conftest import make_user
from tests.tickets.conftest import category
from tickets.services import ticket_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def counters():
    cache = caches["ratelimit"]
    cache.clear()
    return cache


def test_add_then_incr_counts_with_one_statement_each(counters):
    with CaptureQueriesContext(connection) as queries:
        assert counters.add("rl:x", 1, 60) is True
    assert len(queries.captured_queries) == 1  # no culling count, no transaction around it
    assert counters.add("rl:x", 1, 60) is False
    with CaptureQueriesContext(connection) as queries:
        assert counters.incr("rl:x") == 2
    assert len(queries.captured_queries) == 1
    assert counters.incr("rl:x", 3) == 5
    assert counters.get("rl:x") == 5
    assert RateCounter.objects.get().count == 5


def test_an_expired_counter_starts_again(counters):
    counters.add("rl:y", 4, 60)
    key = RateCounter.objects.get().key
    RateCounter.objects.filter(key=key).update(expires=timezone.now() - dt.timedelta(seconds=1))
    assert counters.get("rl:y") is None
    with pytest.raises(ValueError):
        counters.incr("rl:y")
    assert counters.add("rl:y", 1, 60) is True
    assert counters.incr("rl:y") == 2


def test_the_scheduled_job_deletes_expired_counters_and_a_request_never_does(counters):
    counters.add("rl:old", 1, 60)
    RateCounter.objects.update(expires=timezone.now() - dt.timedelta(seconds=1))
    counters.add("rl:live", 1, 60)
    for n in range(600):  # many hits: each one statement, none of them a clean-up
        with CaptureQueriesContext(connection) as queries:
            counters.hit(f"rl:hit{n % 3}", 60)
        assert len(queries.captured_queries) == 1
    assert RateCounter.objects.count() == 5
    call_command("send_reminders", verbosity=0)
    assert sorted(RateCounter.objects.values_list("key", flat=True)) == sorted(
        counters.make_and_validate_key(k) for k in ["rl:live", "rl:hit0", "rl:hit1", "rl:hit2"]
    )
    assert counters.get("rl:old") is None
    assert counters.get("rl:live") == 1


def test_set_delete_and_clear(counters):
    counters.set("rl:z", 7, 60)
    assert counters.get("rl:z") == 7
    assert counters.delete("rl:z") is True
    assert counters.get("rl:z", "none") == "none"
    counters.add("rl:a", 1, 60)
    counters.clear()
    assert not RateCounter.objects.exists()


def test_the_tracking_page_limit_uses_the_counters(client, counters, settings, django_assert_max_num_queries):
    settings.TRACKING_RATE_LIMIT = "3/h"
    team = Team.objects.create(code="t1", name="ทีม")
    area = Area.objects.create(code="a1", name="เขต", team=team)
    unit = Unit.objects.create(code="90100", name="สำนักงานทดสอบ", kind=Unit.Kind.DISTRICT, area=area)
    requester = make_user("rq", "requester", unit=unit)
    ticket = ticket_create(unit=unit, category=category("hw-computer"), symptom="เปิดไม่ติด", requester_name="ก",
                           requester_phone="081", by=requester, requester=requester, asset=None,
                           device_description="เครื่องพิมพ์", channel="web")
    url = f"/t/{ticket.tracking_token}/"
    client.cookies["returning"] = "1"  # the rendered page, not the cookieless visitors' cached copy
    with django_assert_max_num_queries(5):  # limiter (1) + ticket, events, earlier repairs
        assert client.get(url).status_code == 200
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 429]
    assert RateCounter.objects.get().count == 4


def test_a_hit_is_one_statement_that_starts_or_counts(counters):
    with CaptureQueriesContext(connection) as queries:
        assert counters.hit("rl:h", 60) == 1
    assert len(queries.captured_queries) == 1
    assert [counters.hit("rl:h", 60) for _ in range(3)] == [2, 3, 4]
    assert RateCounter.objects.get().count == 4


def test_a_hit_on_an_expired_counter_starts_a_new_window(counters):
    counters.hit("rl:e", 60)
    counters.hit("rl:e", 60)
    RateCounter.objects.update(expires=timezone.now() - dt.timedelta(seconds=1))
    assert counters.hit("rl:e", 60) == 1
    assert RateCounter.objects.get().expires > timezone.now()


def test_is_limited_counts_per_address_and_scope(counters):
    factory = RequestFactory()
    first = factory.get("/", REMOTE_ADDR="10.1.1.1")
    other = factory.get("/", REMOTE_ADDR="10.1.1.2")
    assert [is_limited(first, "s1", "2/m") for _ in range(3)] == [False, False, True]
    assert is_limited(other, "s1", "2/m") is False
    assert is_limited(first, "s2", "2/m") is False  # another scope has its own counter


def test_rates_parse_and_bad_ones_are_refused():
    assert parse_rate("5/m") == (5, 60)
    assert parse_rate("100/10s") == (100, 10)
    assert parse_rate("1000/h") == (1000, 3600)
    with pytest.raises(ImproperlyConfigured):
        parse_rate("five a minute")


def test_client_address_masks_ipv6_and_follows_the_proxy_header(settings):
    factory = RequestFactory()
    assert client_address(factory.get("/", REMOTE_ADDR="2001:db8:1:2:3:4:5:6")) == "2001:db8:1:2::"
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"
    request = factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 10.0.0.1")
    assert client_address(request) == "203.0.113.9"
    assert client_address(factory.get("/", HTTP_X_FORWARDED_FOR="unknown")) == "unknown"  # junk: its own key
    with pytest.raises(ImproperlyConfigured):
        client_address(factory.get("/", REMOTE_ADDR="127.0.0.1"))


def test_windows_are_fixed_and_shifted_per_address():
    now = 1_800_000_000
    end = window_end("10.0.0.1", 60, now)
    assert now <= end < now + 60
    assert window_end("10.0.0.1", 60, now + 1) == (end + 60 if end == now else end)  # same window until it ends
    assert window_end("10.0.0.1", 60, end + 1) == end + 60


def test_hit_and_get_counts_and_reads_the_cached_page(counters):
    pages = caches["default"]
    pages.delete("tracking:page:x:th")
    assert counters.hit_and_get("rl:hg", 60, "tracking:page:x:th", pages) == (1, None)
    pages.set("tracking:page:x:th", b"<html>copy</html>", 30)
    with CaptureQueriesContext(connection) as queries:
        assert counters.hit_and_get("rl:hg", 60, "tracking:page:x:th", pages) == (2, b"<html>copy</html>")
    assert len(queries.captured_queries) == (1 if connection.vendor == "postgresql" else 2)
    pages.set("tracking:page:x:th", b"<html>old</html>", -1)  # expired: not served
    assert counters.hit_and_get("rl:hg", 60, "tracking:page:x:th", pages)[1] is None


def test_pruning_returns_how_many_expired_counters_it_deleted(counters):
    counters.hit("rl:gone", 60)
    counters.hit("rl:gone2", 60)
    RateCounter.objects.update(expires=timezone.now() - dt.timedelta(seconds=1))
    counters.hit_and_get("rl:live", 60, "tracking:page:none:th", caches["default"])
    assert prune_expired_counters() == 2
    assert list(RateCounter.objects.values_list("count", flat=True)) == [1]  # only the live counter is left
    assert prune_expired_counters() == 0
