"""Django's Redis cache backend, reusing its redis-py client instead of building one per operation.

Django's RedisCacheClient.get_client() makes a new ``redis.Redis`` for every get/set/incr; redis-py 8 fills a
table of some 170 response callbacks in each constructor, about 0.2 ms a call, which is most of the cost of a
cache hit on loopback. One client per connection pool is enough: redis-py clients over a pool are safe to share,
and Django keeps one cache object per thread anyway.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._scripts = {}

    def hit(self, key, timeout):
        """Rate-limit count (helpdesk.ratelimit): start the counter if absent, add one; one round trip."""
        return self.hit_and_get(key, timeout, None)[0]

    def hit_and_get(self, key, timeout, other_key, other_cache=None):
        """Count a hit on `key` and read `other_key` (a cached page) in the same round trip: one Lua script, so
        redis-py packs and parses one command instead of a pipeline of three."""
        if other_cache is not None and other_cache is not self:
            return self.hit(key, timeout), other_cache.get(other_key)
        key = self.make_and_validate_key(key)
        other = self.make_and_validate_key(other_key) if other_key is not None else key
        client = self._cache.get_client(key, write=True)
        script = self._scripts.get(id(client))
        if script is None:
            script = self._scripts[id(client)] = client.register_script(HIT_AND_GET)
        count, raw = script(keys=[key, other], args=[int(timeout)])
        if other_key is None or raw is None:
            return int(count), None
        return int(count), self._cache._serializer.loads(raw)


    def hit_window(self, key, prev_key, timeout):
        """Sliding-window count (helpdesk.ratelimit): INCR this window's counter, read the previous one."""
        return self.hit_window_and_get(key, prev_key, timeout, None)[:2]

    def hit_window_and_get(self, key, prev_key, timeout, other_key, other_cache=None):
        """`hit_window`, and `other_key` (a cached page), in one round trip: one Lua script."""
        if other_cache is not None and other_cache is not self:
            return (*self.hit_window(key, prev_key, timeout), other_cache.get(other_key))
        key = self.make_and_validate_key(key)
        prev = self.make_and_validate_key(prev_key)
        other = self.make_and_validate_key(other_key) if other_key is not None else key
        client = self._cache.get_client(key, write=True)
        script = self._scripts.get((id(client), "window"))
        if script is None:
            script = self._scripts[(id(client), "window")] = client.register_script(HIT_WINDOW_AND_GET)
        count, prev_count, raw = script(keys=[key, prev, other], args=[int(timeout)])
        value = None if other_key is None or not raw else self._cache._serializer.loads(raw)
        return int(count), int(prev_count or 0), value


# INCR this window's counter (expiry set by the request that starts it), read the previous window's
# counter, then the other key's value (or nothing when it is the counter itself).
HIT_WINDOW_AND_GET = """
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
local p = redis.call('GET', KEYS[2])
if not p then p = 0 end
if KEYS[3] == KEYS[1] then return {n, p, false} end
return {n, p, redis.call('GET', KEYS[3])}
"""


# INCR, with the window's expiry set by the request that starts the counter; then the other key's value.
HIT_AND_GET = """
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
if KEYS[2] == KEYS[1] then return {n, false} end
return {n, redis.call('GET', KEYS[2])}
"""
