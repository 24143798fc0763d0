"""Response headers Django does not set itself, client addresses, and rate limits.

Django's SecurityMiddleware already sends HSTS (production), X-Content-Type-Options,
Referrer-Policy and Cross-Origin-Opener-Policy, and XFrameOptionsMiddleware denies framing;
this module adds the Content-Security-Policy and a Permissions-Policy, and a small
cache-based rate limit for the expensive public views (search and exports).
"""

import functools
import time

from django.conf import settings
from django.core.cache import caches
from django.shortcuts import render
from django.utils.cache import patch_vary_headers


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


def is_rate_limited(request, scope: str) -> tuple[bool, int]:
    """Count this request against the client's allowance for ``scope``; (limited?, seconds to wait)."""
    rate = settings.RATE_LIMITS.get(scope)
    if not settings.RATE_LIMIT_ENABLED or not rate:
        return False, 0
    limit, period = parse_rate(rate)
    window = int(time.time() // period)
    key = f"ratelimit:{scope}:{client_ip(request)}:{window}"
    cache = caches[getattr(settings, "RATE_LIMIT_CACHE", "default")]
    cache.add(key, 0, timeout=period + 1)
    try:
        count = cache.incr(key)
    except ValueError:
        # The entry expired between add and incr: this is the first request of a new window.
        cache.set(key, 1, timeout=period + 1)
        count = 1
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
