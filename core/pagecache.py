"""Whole public pages cached for anonymous readers, per address and language.

Only a request with no session or message cookie (so an anonymous reader who sees public content
only) is answered from the cache, and only a plain 200 page that set no cookie and used no CSRF
token is stored. Every entry is stamped with the content version: any save or delete of content
(signals, and ``invalidate()`` for bulk updates) bumps the version, so an edit shows at once. An
entry never outlives the next scheduled publication (``publish_at``), so a scheduled item appears
on time. When the cache server is down, pages are served uncached.

Responses for anonymous readers carry Cache-Control public with a short max-age for browsers and a
shorter s-maxage for shared caches (nginx's proxy_cache in deploy/nginx: a microcache), both bounded
by the next publication as well, and recomputed when a page is served from the cache; Django's
ConditionalGetMiddleware adds an ETag and answers 304. Responses for signed-in readers are private.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from typing import TypeVar

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control

from core.models import Publishable

logger = logging.getLogger(__name__)
T = TypeVar("T")

VERSION_KEY = "pagecache:version"
NEXT_PUBLICATION_KEY = "pagecache:next-publication"
NO_PUBLICATION = 0.0
# Apps and models whose rows never change what a public page shows.
IGNORED_APPS = {"auth", "sessions", "admin", "contenttypes", "axes", "reversion", "django_tasks_database"}
IGNORED_MODELS = {"accounts.restricteddownload", "monitoring.sheetpdf"}


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def invalidate(**kwargs) -> None:
    """Drop every cached page (by moving to a new content version)."""
    try:
        cache = _cache()
        if cache.add(VERSION_KEY, 1, timeout=None) is False:
            cache.incr(VERSION_KEY)
        cache.delete(NEXT_PUBLICATION_KEY)
    except Exception:  # the cache server is down: nothing is served from it either
        logger.warning("Page cache could not be invalidated", exc_info=True)


def content_version() -> int | None:
    """The current content version; None when the cache holds none yet or does not answer."""
    try:
        return _cache().get(VERSION_KEY)
    except Exception:
        logger.warning("Page cache unreachable", exc_info=True)
        return None


def _publishable_models():
    return [model for model in apps.get_models() if issubclass(model, Publishable)]


def next_publication() -> float:
    """The timestamp of the next scheduled publication, or NO_PUBLICATION."""
    now = timezone.now()
    times = [
        model._base_manager.filter(publication_status="published", publish_at__gt=now).aggregate(at=Min("publish_at"))[
            "at"
        ]
        for model in _publishable_models()
    ]
    times = [moment for moment in times if moment is not None]
    return min(times).timestamp() if times else NO_PUBLICATION


def _key(request) -> str:
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"pagecache:page:{translation.get_language()}:{address}"


def _cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.PAGE_CACHE_SECONDS > 0
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES)
    )


def _storable_response(request, response) -> bool:
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
        and not (user is not None and user.is_authenticated)
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def _mark_public(response, lifetime: int) -> None:
    """Cache-Control for a page anyone may be given, fresh for what is left of ``lifetime`` seconds from now.

    Browsers keep it up to PAGE_CACHE_BROWSER_SECONDS (max-age), shared caches such as deploy/nginx's
    proxy_cache up to PROXY_CACHE_SECONDS (s-maxage); neither past the next scheduled publication.
    """
    del response["Cache-Control"]
    patch_cache_control(
        response,
        public=True,
        max_age=min(lifetime, settings.PAGE_CACHE_BROWSER_SECONDS),
        s_maxage=min(lifetime, settings.PROXY_CACHE_SECONDS),
    )


def _not_for_shared_caches(response):
    """A page the page cache did not store is not kept by shared caches either, whatever max-age a view gave it."""
    cache_control = response.get("Cache-Control", "")
    if "max-age" in cache_control and "s-maxage" not in cache_control and "private" not in cache_control:
        patch_cache_control(response, s_maxage=0)
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                patch_cache_control(response, private=True)
            return _not_for_shared_caches(response)
        key = _key(request)
        try:
            found = _cache().get_many([VERSION_KEY, NEXT_PUBLICATION_KEY, key])
            cache_up = True
        except Exception:
            logger.warning("Page cache unreachable; serving uncached", exc_info=True)
            found, cache_up = {}, False
        version, lifetime = _version_and_lifetime(found, cache_up)
        entry = found.get(key)
        if entry is not None and entry[0] == version:
            response = entry[1]
            _mark_public(response, lifetime)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if not _storable_response(request, response):
            return _not_for_shared_caches(response)
        _mark_public(response, lifetime)
        if cache_up:
            try:
                _cache().set(key, (version, response), timeout=lifetime)
            except Exception:
                logger.warning("Page cache unreachable; page not stored", exc_info=True)
        response["X-Page-Cache"] = "miss"
        return response


def _remember_next_publication() -> float:
    upcoming = next_publication()
    try:
        _cache().set(NEXT_PUBLICATION_KEY, upcoming, timeout=settings.PAGE_CACHE_SECONDS)
    except Exception:
        logger.warning("Page cache unreachable", exc_info=True)
    return upcoming


def _version_and_lifetime(found: dict, cache_up: bool) -> tuple[int, int]:
    """The content version an entry must carry, and how long a new entry may live (seconds).

    `found` holds what the cache had under VERSION_KEY and NEXT_PUBLICATION_KEY. A scheduled
    publication that has come due moves every entry to a new version; no entry outlives the next one.
    """
    now = timezone.now().timestamp()
    version = found.get(VERSION_KEY, 0)
    upcoming = found.get(NEXT_PUBLICATION_KEY)
    if cache_up and upcoming is None:
        upcoming = _remember_next_publication()
    elif upcoming and upcoming <= now:
        invalidate()  # a scheduled item is due: every page may show it
        version, upcoming = found.get(VERSION_KEY, 0) + 1, _remember_next_publication()
    lifetime = settings.PAGE_CACHE_SECONDS
    if upcoming:
        lifetime = max(1, min(lifetime, int(upcoming - now)))
    return version, lifetime


def remember(key: str, compute: Callable[[], T]) -> T:
    """compute(), shared by every request asking for `key` until content changes.

    For costly reads that many requests repeat (a search's counts, the ids of its first pages) and
    that pages for signed-in readers cannot take from the page cache. The caller's key names all
    the result depends on: for anything filtered by access, the reader's rule
    (documents.models.Document.rule_key). Entries follow the page cache's rules: stamped with the
    content version (any save drops them), never kept past the next scheduled publication, off when
    PAGE_CACHE_SECONDS is 0, and computed afresh when the cache server is down.
    """
    if settings.PAGE_CACHE_SECONDS <= 0:
        return compute()
    stored_as = f"pagecache:memo:{hashlib.sha256(key.encode()).hexdigest()}"
    try:
        found = _cache().get_many([VERSION_KEY, NEXT_PUBLICATION_KEY, stored_as])
    except Exception:
        logger.warning("Page cache unreachable; computing afresh", exc_info=True)
        return compute()
    version, lifetime = _version_and_lifetime(found, cache_up=True)
    entry = found.get(stored_as)
    if entry is not None and entry[0] == version:
        return entry[1]
    value = compute()
    try:
        _cache().set(stored_as, (version, value), timeout=lifetime)
    except Exception:
        logger.warning("Page cache unreachable; result not stored", exc_info=True)
    return value


def _content_changed(sender, **kwargs):
    if sender._meta.app_label not in IGNORED_APPS and sender._meta.label_lower not in IGNORED_MODELS:
        invalidate()


def connect_signals() -> None:
    """Any change to content drops the cached pages (called from CoreConfig.ready)."""
    post_save.connect(_content_changed, dispatch_uid="pagecache-save")
    post_delete.connect(_content_changed, dispatch_uid="pagecache-delete")
    m2m_changed.connect(_content_changed, dispatch_uid="pagecache-m2m")
