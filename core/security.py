"""Response headers Django does not set itself, client addresses, and rate limits.

Django's SecurityMiddleware already sends HSTS (production), X-Content-Type-Options,
Referrer-Policy and Cross-Origin-Opener-Policy, and XFrameOptionsMiddleware denies framing;
this module adds the Content-Security-Policy and a Permissions-Policy, and a small
cache-based rate limit for the expensive public views (search and exports).
"""

import functools
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

logger = logging.getLogger(__name__)


class SecurityHeadersMiddleware:
    """A strict Content-Security-Policy (no inline scripts or styles) and a Permissions-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.CONTENT_SECURITY_POLICY:
            response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or the header a trusted reverse proxy sets (CLIENT_IP_HEADER)."""
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        # A proxy appends to X-Forwarded-For; the last entry is the one it saw.
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def parse_rate(rate: str) -> tuple[int, int]:
    """The rate "30/m" as (30 requests, 60 seconds)."""
    count, _, period = rate.partition("/")
    seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400}[period.strip().lower()[:1]]
    return int(count), seconds


def _count_in_redis(cache, key: str, period: int) -> int:
    """Add one to the window's counter in Redis, atomically across workers and machines.

    SET NX EX creates the counter with its expiry only when it does not exist, so the expiry is set exactly
    once per window; INCR keeps it. Both run in one MULTI/EXEC, so no worker sees a counter without expiry.
    """
    key = cache.make_and_validate_key(key)
    client = cache._cache.get_client(key, write=True)
    with client.pipeline(transaction=True) as pipe:
        pipe.set(key, 0, ex=period + 1, nx=True)
        pipe.incr(key)
        _, count = pipe.execute()
    return int(count)


def _count_in_cache(cache, key: str, period: int) -> int:
    """Add one to the window's counter in any other cache (per process, or the database)."""
    for _ in range(3):
        cache.add(key, 0, timeout=period + 1)
        try:
            return cache.incr(key)
        except ValueError:
            # The entry expired between add and incr: add it again rather than overwrite a neighbour's count.
            continue
    return 1


def is_rate_limited(request, scope: str, identity: str | None = None) -> tuple[bool, int]:
    """Count this request against the client's allowance for ``scope``; (limited?, seconds to wait).

    ``identity`` counts against something else than the client's address (an e-mail address, say).

    When the cache cannot be reached (Redis stopped), the request is let through and a warning logged:
    readers keep the site, /readyz reports the cache down.
    """
    rate = settings.RATE_LIMITS.get(scope)
    if not settings.RATE_LIMIT_ENABLED or not rate:
        return False, 0
    limit, period = parse_rate(rate)
    window = int(time.time() // period)
    key = f"ratelimit:{scope}:{identity if identity is not None else client_ip(request)}:{window}"
    cache = caches[getattr(settings, "RATE_LIMIT_CACHE", "default")]
    try:
        if isinstance(cache, RedisCache):
            count = _count_in_redis(cache, key, period)
        else:
            count = _count_in_cache(cache, key, period)
    except Exception as error:  # noqa: BLE001 - any cache failure must not take the page down
        logger.warning("rate limit not counted, the cache is unavailable: %s", type(error).__name__)
        return False, 0
    retry_after = period - int(time.time()) % period
    return count > limit, retry_after


def rate_limit(scope: str):
    """Answer 429 (in the reader's language) when a client exceeds the rate set in RATE_LIMITS[scope]."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            limited, retry_after = is_rate_limited(request, scope)
            if limited:
                response = render(request, "429.html", {"retry_after": retry_after}, status=429)
                response.headers["Retry-After"] = str(retry_after)
                patch_vary_headers(response, ["Accept-Language"])
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def rate_limit_when_searching(scope: str, parameter: str = "q"):
    """rate_limit(scope), counted only for requests that carry a search query (``?q=...``).

    For a list that is browsed freely but searched expensively, e.g. the archive: in the URLconf,
    ``path("", rate_limit_when_searching("archive_search")(DocumentListView.as_view()), ...)``.
    """

    def decorator(view):
        limited_view = rate_limit(scope)(view)

        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.GET.get(parameter, "").strip():
                return limited_view(request, *args, **kwargs)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
