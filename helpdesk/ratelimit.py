"""A counter-only cache backend for django-ratelimit, one SQL statement per operation.

django-ratelimit counts hits with ``cache.add(key, n)`` and then ``cache.incr(key)``. On Django's database cache
that is ten statements per hit (a culling COUNT, a transaction, a SELECT and an INSERT or UPDATE, twice). Here a
hit is one ``INSERT … ON CONFLICT DO NOTHING`` (the first in a window) or one ``UPDATE … RETURNING`` (the
others) on a table of integers, so the counts stay in the database every app server shares. With ``REDIS_URL``
set the limits use Redis instead (settings.RATELIMIT_USE_CACHE).
"""

import random
from datetime import timedelta

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.db import connection
from django.utils import timezone

from helpdesk.models import RateCounter

TABLE = RateCounter._meta.db_table
PRUNE_EVERY = 500  # on average one add() in this many deletes the expired counters


class CounterCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)

    def _expires(self, timeout):
        timeout = self.get_backend_timeout(timeout)
        return timezone.now() + timedelta(seconds=timeout if timeout is not None else 10 * 365 * 86400)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        now = timezone.now()
        if random.randrange(PRUNE_EVERY) == 0:
            RateCounter.objects.filter(expires__lte=now).delete()
        with connection.cursor() as cursor:
            # One statement: insert, or replace an expired counter; a live counter stays and add() says False.
            cursor.execute(
                f'INSERT INTO {TABLE} ("key", "count", "expires") VALUES (%s, %s, %s) '  # noqa: S608
                f'ON CONFLICT ("key") DO UPDATE SET "count" = excluded."count", "expires" = excluded."expires" '
                f'WHERE {TABLE}."expires" <= %s',
                [key, int(value), self._expires(timeout), now],
            )
            return cursor.rowcount == 1

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
