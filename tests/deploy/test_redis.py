"""The shared cache: chosen by REDIS_URL, counted atomically, and absent without it (make demo)."""

import json
import os
import subprocess
import sys
import threading

import pytest
from django.core.cache import caches
from django.test import RequestFactory

from core.security import is_rate_limited

pytestmark = pytest.mark.runtime

SHOW_SETTINGS = (
    "import json; from django.conf import settings; "
    "print(json.dumps([settings.CACHES['default']['BACKEND'], settings.AXES_HANDLER]))"
)


def settings_with(**environment):
    env = {name: value for name, value in os.environ.items() if name not in {"REDIS_URL", "CACHE_BACKEND"}}
    env.update(DJANGO_SETTINGS_MODULE="almaty_portal.settings", DEBUG="1", **environment)
    result = subprocess.run([sys.executable, "-c", SHOW_SETTINGS], env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_redis_url_chooses_djangos_redis_cache_and_the_cache_handler_for_lockouts():
    assert settings_with(REDIS_URL="redis://127.0.0.1:6379/0") == [
        "django.core.cache.backends.redis.RedisCache",
        "axes.handlers.cache.AxesCacheHandler",
    ]


def test_without_redis_url_each_process_keeps_its_own_cache_and_lockouts_stay_in_the_database():
    assert settings_with() == [
        "django.core.cache.backends.locmem.LocMemCache",
        "axes.handlers.database.AxesDatabaseHandler",
    ]


@pytest.fixture
def redis_cache(redis_url, settings):
    url, prefix = redis_url
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url, "KEY_PREFIX": prefix}
    }
    cache = caches["default"]
    yield cache
    client = cache._cache.get_client(write=True)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_concurrent_requests_are_counted_exactly_once_each(redis_cache, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "25/h"}
    request = RequestFactory().get("/en/search/?q=x", REMOTE_ADDR="198.51.100.4")
    results = []
    start = threading.Barrier(60)

    def reader():
        start.wait()
        results.append(is_rate_limited(request, "search")[0])

    threads = [threading.Thread(target=reader) for _ in range(60)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert results.count(False) == 25
    assert results.count(True) == 35


def test_the_counter_expires_with_its_window_and_the_expiry_is_set_once(redis_cache, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "5/m"}
    request = RequestFactory().get("/en/search/?q=x", REMOTE_ADDR="198.51.100.5")
    client = redis_cache._cache.get_client(write=True)

    is_rate_limited(request, "search")
    [key] = client.keys(f"{redis_cache.key_prefix}:*")
    # The counter outlives the last second of its minute, and not by much.
    assert 60_000 < client.pttl(key) <= 61_000
    client.expire(key, 30)
    is_rate_limited(request, "search")

    assert int(client.get(key)) == 2
    # A later request neither removed the expiry nor started it again.
    assert 0 < client.ttl(key) <= 30


def test_each_client_and_each_scope_has_a_counter_of_its_own(redis_cache, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "1/m", "export": "1/m"}
    first = RequestFactory().get("/en/search/?q=x", REMOTE_ADDR="198.51.100.6")
    second = RequestFactory().get("/en/search/?q=x", REMOTE_ADDR="198.51.100.7")

    assert [is_rate_limited(first, "search")[0], is_rate_limited(first, "search")[0]] == [False, True]
    assert is_rate_limited(second, "search")[0] is False
    assert is_rate_limited(first, "export")[0] is False
