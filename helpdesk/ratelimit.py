"""Per-client rate limits that every app server shares, at one round trip per request.

`limit_per_address(scope, rate)` marks `request.limited` when the client's address has made more than the
allowed requests in the last `period` seconds. The window slides: each address counts in fixed windows
(offset per address so they do not all roll over at once), and a request is judged on this window's count
plus the previous window's count weighted by how much of it still lies inside the last `period` seconds —
so a flood across a window boundary gets the limit, not twice the limit. The hit and the read of the
previous window's count are one statement (one Lua script on Redis). The count lives in the cache named by
RATELIMIT_USE_CACHE: Redis when REDIS_URL is set
(helpdesk.cache.RedisCache.hit: one Lua script), otherwise `CounterCache` below, a table of
integers where a hit is one `INSERT … ON CONFLICT DO UPDATE … RETURNING` (Django's database cache would take
ten statements); the scheduled job deletes the expired ones (`prune_expired_counters`), never a request.
This replaced django-ratelimit, whose add-then-incr protocol costs two round trips a hit.
"""

import base64
import functools
import hashlib
import ipaddress
import pickle
import re
import time
import zlib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.db import DatabaseCache
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.utils import timezone

from helpdesk.models import RateCounter

TABLE = RateCounter._meta.db_table
# One hit: a new or expired counter starts at 1, a live one goes up by 1 (parameters: key, expires, now, now).
HIT_SQL = (
    f'INSERT INTO {TABLE} ("key", "count", "expires") VALUES (%s, 1, %s) '  # noqa: S608
    f'ON CONFLICT ("key") DO UPDATE SET '
    f'"count" = CASE WHEN {TABLE}."expires" <= %s THEN 1 ELSE {TABLE}."count" + 1 END, '
    f'"expires" = CASE WHEN {TABLE}."expires" <= %s THEN excluded."expires" ELSE {TABLE}."expires" END '
    f'RETURNING "count"'
)
# The same hit, also returning the previous window's live count (extra parameters: previous key, now).
WINDOW_SQL = (
    HIT_SQL + f', (SELECT o."count" FROM {TABLE} o WHERE o."key" = %s AND o."expires" > %s) AS "prev"'  # noqa: S608
)


class CounterCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)

    def _expires(self, timeout):
        timeout = self.get_backend_timeout(timeout)
        return timezone.now() + timedelta(seconds=timeout if timeout is not None else 10 * 365 * 86400)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        now = timezone.now()
        with connection.cursor() as cursor:
            # One statement: insert, or replace an expired counter; a live counter stays and add() says False.
            cursor.execute(
                f'INSERT INTO {TABLE} ("key", "count", "expires") VALUES (%s, %s, %s) '  # noqa: S608
                f'ON CONFLICT ("key") DO UPDATE SET "count" = excluded."count", "expires" = excluded."expires" '
                f'WHERE {TABLE}."expires" <= %s',
                [key, int(value), self._expires(timeout), now],
            )
            return cursor.rowcount == 1

    def hit(self, key, timeout):
        """Count one request: a new or expired counter starts at 1, a live one goes up by 1. One statement."""
        key = self.make_and_validate_key(key)
        now = timezone.now()
        with connection.cursor() as cursor:
            cursor.execute(HIT_SQL, [key, self._expires(timeout), now, now])
            return cursor.fetchone()[0]

    def hit_window(self, key, prev_key, timeout) -> tuple[int, int]:
        """`hit` on `key`, and the live count under `prev_key` (the previous window), in one statement."""
        key = self.make_and_validate_key(key)
        prev_key = self.make_and_validate_key(prev_key)
        now = timezone.now()
        with connection.cursor() as cursor:
            cursor.execute(WINDOW_SQL, [key, self._expires(timeout), now, now, prev_key, now])
            count, prev = cursor.fetchone()
        return count, prev or 0

    @staticmethod
    def _joins(other_cache) -> bool:
        """The hit and a read of `other_cache` can be one statement: PostgreSQL and Django's database cache."""
        return isinstance(other_cache, DatabaseCache) and connection.vendor == "postgresql"

    @staticmethod
    def _hit_joined(sql: str, columns: str, params: list, now, other_key, other_cache) -> tuple:
        """Run the hit `sql` as a data-modifying WITH joined to `other_key`'s row of the database cache
        `other_cache`: the hit's `columns`, then the cached value."""
        other = other_cache.make_and_validate_key(other_key)
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH hit AS ({sql}) "  # noqa: S608 (our table names, values as parameters)
                f'SELECT {columns}, page."value" FROM hit LEFT JOIN {connection.ops.quote_name(other_cache._table)} '
                f'page ON page."cache_key" = %s AND page."expires" > %s',
                [*params, other, now],
            )
            *counts, value = cursor.fetchone()
        # The database cache's own format (django.core.cache.backends.db): base64 of a pickle.
        return (*counts, None if value is None else pickle.loads(base64.b64decode(value.encode())))  # noqa: S301

    def hit_window_and_get(self, key, prev_key, timeout, other_key, other_cache) -> tuple[int, int, object]:
        """`hit_window`, and `other_key` from `other_cache`: on PostgreSQL with Django's database cache all in one
        statement (as `hit_and_get`); elsewhere, two."""
        if not self._joins(other_cache):
            return (*self.hit_window(key, prev_key, timeout), other_cache.get(other_key))
        key = self.make_and_validate_key(key)
        prev_key = self.make_and_validate_key(prev_key)
        now = timezone.now()
        count, prev, value = self._hit_joined(WINDOW_SQL, 'hit."count", hit."prev"',
                                              [key, self._expires(timeout), now, now, prev_key, now],
                                              now, other_key, other_cache)
        return count, prev or 0, value

    def hit_and_get(self, key, timeout, other_key, other_cache):
        """`hit`, and `other_key` from `other_cache`. On PostgreSQL with Django's database cache both come from one
        statement (the counter's upsert in a data-modifying WITH, joined to the cache row); elsewhere, two."""
        if not self._joins(other_cache):
            return self.hit(key, timeout), other_cache.get(other_key)
        key = self.make_and_validate_key(key)
        now = timezone.now()
        return self._hit_joined(HIT_SQL, 'hit."count"', [key, self._expires(timeout), now, now],
                                now, other_key, other_cache)

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        with connection.cursor() as cursor:
            cursor.execute(
                f'UPDATE {TABLE} SET "count" = "count" + %s WHERE "key" = %s AND "expires" > %s RETURNING "count"',  # noqa: S608
                [int(delta), key, timezone.now()],
            )
            row = cursor.fetchone()
        if row is None:
            raise ValueError(f"Key '{key}' not found")
        return row[0]

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        row = RateCounter.objects.filter(key=key, expires__gt=timezone.now()).values_list("count", flat=True).first()
        return default if row is None else row

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        RateCounter.objects.update_or_create(key=key, defaults={"count": int(value), "expires": self._expires(timeout)})

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        return RateCounter.objects.filter(key=key).update(expires=self._expires(timeout)) == 1

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return RateCounter.objects.filter(key=key).delete()[0] > 0

    def clear(self):
        RateCounter.objects.all().delete()


def prune_expired_counters(now=None) -> int:
    """Delete the expired counters, so the table stays small; the scheduled job (`send_reminders`) calls it.

    Never done on a request: a request's statements stay a fixed number (one per hit), whatever the table holds.
    Counters live in this table only when RATELIMIT_USE_CACHE is the CounterCache; with Redis they expire there.
    """
    return RateCounter.objects.filter(expires__lte=now or timezone.now()).delete()[0]


# --- the limiter ----------------------------------------------------------------------------------------------

_RATE = re.compile(r"^(\d+)/(\d*)([smhd])$")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
EXPIRY_MARGIN = 5  # seconds a counter outlives its window, so a slow request still finds it


def parse_rate(rate: str) -> tuple[int, int]:
    """"5/m" → (5, 60); "100/10s" → (100, 10)."""
    match = _RATE.match(rate.strip())
    if not match:
        raise ImproperlyConfigured(f"rate {rate!r}: expected e.g. 60/m, 5/10s, 1000/h")
    count, multiple, unit = match.groups()
    return int(count), _SECONDS[unit] * int(multiple or 1)


def client_address(request) -> str:
    """The client's address (IPv6 by its /64): REMOTE_ADDR, or the header named by RATELIMIT_IP_META_KEY when a
    reverse proxy sets it (docs/deploy.md)."""
    meta_key = getattr(settings, "RATELIMIT_IP_META_KEY", None) or "REMOTE_ADDR"
    value = (request.META.get(meta_key) or "").split(",")[0].strip()
    if not value:
        raise ImproperlyConfigured(f"no client address in {meta_key}; see RATELIMIT_IP_META_KEY in docs/deploy.md")
    try:
        if ":" not in value:
            return str(ipaddress.IPv4Address(value))
        return str(ipaddress.ip_network(f"{value}/64", strict=False).network_address)
    except ValueError:
        return value[:100]  # not an address (a proxy passing junk): still a stable key of its own


def window_end(address: str, period: int, now: float | None = None) -> int:
    """End of the address's current window: windows are fixed, shifted per address by a stable offset."""
    ts = int(time.time() if now is None else now)
    if period == 1:
        return ts
    end = ts - (ts % period) + (zlib.crc32(address.encode()) % period)
    return end + period if end < ts else end


def count_hit(cache, key: str, timeout: int) -> int:
    hit = getattr(cache, "hit", None)
    if hit is not None:
        return hit(key, timeout)
    if cache.add(key, 1, timeout):  # any other cache backend: two operations
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between the two
        cache.add(key, 1, timeout)
        return 1


def count_window_hit(cache, key: str, prev_key: str, timeout: int) -> tuple[int, int]:
    """This window's count after the hit, and the previous window's count."""
    hit_window = getattr(cache, "hit_window", None)
    if hit_window is not None:
        return hit_window(key, prev_key, timeout)
    return count_hit(cache, key, timeout), int(cache.get(prev_key) or 0)


@dataclass(frozen=True)
class Window:
    key: str
    prev_key: str
    limit: int
    weight: float  # share of the previous window still inside the last `period` seconds
    timeout: int  # a counter outlives its own window and the next one, where it is the previous count

    def over(self, count: int, prev: int) -> bool:
        return count + prev * self.weight > self.limit


def _window(request, scope: str, rate: str, now: float | None = None) -> Window:
    limit, period = parse_rate(rate)
    address = client_address(request)
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    now = time.time() if now is None else now
    end = window_end(address, period, now)
    weight = min(1.0, max(0.0, (end - now) / period))
    base = f"rl:{scope}:{limit}/{period}"
    return Window(f"{base}:{end}:{digest}", f"{base}:{end - period}:{digest}", limit, weight,
                  2 * period + EXPIRY_MARGIN)


def is_limited(request, scope: str, rate: str) -> bool:
    """Count this request against the client's limit for `scope`; True when it is over the limit."""
    window = _window(request, scope, rate)
    return window.over(*count_window_hit(caches[settings.RATELIMIT_USE_CACHE], window.key, window.prev_key,
                                         window.timeout))


def limit_and_fetch(request, scope: str, rate: str, fetch_key: str | None) -> tuple[bool, object]:
    """`is_limited`, and the value of `fetch_key` in the default cache (None when absent or not asked for).

    Counter caches that can do both at once (Redis: helpdesk.cache; the counter table with the database cache
    on PostgreSQL: CounterCache) answer in one round trip instead of two — the whole cost of a cached tracking
    page."""
    window = _window(request, scope, rate)
    counters = caches[settings.RATELIMIT_USE_CACHE]
    if fetch_key is None:
        return window.over(*count_window_hit(counters, window.key, window.prev_key, window.timeout)), None
    hit_window_and_get = getattr(counters, "hit_window_and_get", None)
    if hit_window_and_get is not None:
        count, prev, value = hit_window_and_get(window.key, window.prev_key, window.timeout, fetch_key,
                                                caches["default"])
        return window.over(count, prev), value
    count, prev = count_window_hit(counters, window.key, window.prev_key, window.timeout)
    return window.over(count, prev), caches["default"].get(fetch_key)


def limit_per_address(scope: str, rate):
    """Decorator: sets `request.limited` (the view answers 429 itself). `rate` is a string or a callable giving
    one, read on every request so settings can change it."""
    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            request.limited = is_limited(request, scope, rate() if callable(rate) else rate)
            return view(request, *args, **kwargs)
        return wrapped
    return decorator
