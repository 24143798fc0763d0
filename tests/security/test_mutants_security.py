"""Client addresses, rate limits and their 429 page: what survived the suite as mutants before."""

from types import ModuleType, SimpleNamespace

import pytest
from django.core.cache import caches
from django.core.cache.backends import base as cache_base
from django.core.cache.backends import locmem
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import path
from lxml import html

from almaty_portal import urls as site_urls
from core import security
from core.security import client_ip, parse_rate

pytestmark = pytest.mark.django_db


def request_with(**meta):
    return RequestFactory().get("/", **meta)


def test_the_client_is_the_remote_address_when_the_proxy_header_is_configured_but_absent(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"

    assert client_ip(request_with(REMOTE_ADDR="192.0.2.10")) == "192.0.2.10"
    assert client_ip(request_with(REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="")) == "192.0.2.10"


def test_the_client_is_the_last_address_the_trusted_proxy_appended(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"

    spaced = request_with(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1,  203.0.113.7 ")
    tight = request_with(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1,203.0.113.7")

    assert client_ip(spaced) == "203.0.113.7"
    assert client_ip(tight) == "203.0.113.7"


@pytest.mark.parametrize("configured", [True, False])
def test_a_forwarded_header_is_ignored_unless_a_proxy_is_trusted(settings, configured):
    if configured:
        settings.CLIENT_IP_HEADER = ""
    else:
        del settings.CLIENT_IP_HEADER

    assert client_ip(request_with(REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="203.0.113.7")) == "192.0.2.10"


def test_clients_without_the_proxy_header_keep_their_own_allowance(client, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "1/m"}

    first = client.get("/en/search/?q=a", REMOTE_ADDR="10.0.0.1")
    again = client.get("/en/search/?q=a", REMOTE_ADDR="10.0.0.1")
    other = client.get("/en/search/?q=a", REMOTE_ADDR="10.0.0.2")

    assert [first.status_code, again.status_code, other.status_code] == [200, 429, 200]


@pytest.mark.parametrize(
    ("rate", "expected"),
    [("30/m", (30, 60)), ("5/s", (5, 1)), ("100/hour", (100, 3600)), ("1000/d", (1000, 86400)), (" 7/ M", (7, 60))],
)
def test_a_rate_is_a_count_per_period_in_seconds(rate, expected):
    assert parse_rate(rate) == expected


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_429_page_varies_by_language_and_says_when_to_retry(client, settings, language):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "0/m"}

    response = client.get(f"/{language}/search/?q=a")

    assert response.status_code == 429
    vary = {value.strip().lower() for value in response["Vary"].split(",")}
    assert "accept-language" in vary
    page = html.fromstring(response.content)
    assert page.get("lang") == language
    assert page.findtext(".//h1") == {"en": "Too many requests", "ru": "Слишком много запросов"}[language]
    assert 0 < int(response["Retry-After"]) <= 60


def test_a_scope_without_a_rate_is_never_limited(client, settings):
    settings.RATE_LIMITS = {key: value for key, value in settings.RATE_LIMITS.items() if key != "search"}

    statuses = [client.get("/en/search/?q=a").status_code for _ in range(5)]

    assert statuses == [200] * 5


def test_pages_carry_the_content_security_and_permissions_policies(client, settings):
    settings.CONTENT_SECURITY_POLICY = "default-src 'self'"
    settings.PERMISSIONS_POLICY = "camera=()"

    response = client.get("/en/")

    assert response["Content-Security-Policy"] == "default-src 'self'"
    assert response["Permissions-Policy"] == "camera=()"


def test_empty_policies_send_no_policy_headers(client, settings):
    settings.CONTENT_SECURITY_POLICY = ""
    settings.PERMISSIONS_POLICY = ""

    response = client.get("/en/")

    assert "Content-Security-Policy" not in response
    assert "Permissions-Policy" not in response


def test_a_request_without_any_address_counts_under_an_empty_one(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    request = request_with()
    del request.META["REMOTE_ADDR"]

    assert client_ip(request) == ""


class CounterExpiresOnceCache(LocMemCache):
    """A cache in which the first counter expires between its add() and its incr()."""

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if not getattr(self, "expired_once", False):
            self.expired_once = True
            return True
        return super().add(key, value, timeout, version)


@pytest.mark.parametrize(("rate", "expected"), [("1/m", [200, 429, 429]), ("2/m", [200, 200, 429, 429])])
def test_a_counter_that_expired_between_add_and_increment_starts_a_new_window(client, settings, rate, expected):
    backend = f"{__name__}.{CounterExpiresOnceCache.__name__}"
    settings.CACHES = {**settings.CACHES, "counters": {"BACKEND": backend, "LOCATION": "counters"}}
    settings.RATE_LIMIT_CACHE = "counters"
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": rate}
    caches["counters"].clear()  # the store of a LOCATION outlives the test

    statuses = [client.get("/en/search/?q=a").status_code for _ in expected]

    assert statuses == expected


def test_the_allowance_is_counted_per_window_and_restored_in_the_next(client, settings, monkeypatch):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "1/m"}
    clock = {"now": 1_700_000_020.0}  # 40 s into a minute
    monkeypatch.setattr(security, "time", SimpleNamespace(time=lambda: clock["now"]))

    def status_at(seconds):
        clock["now"] = 1_700_000_020.0 + seconds
        return client.get("/en/search/?q=a").status_code

    assert [status_at(0), status_at(15), status_at(25)] == [200, 429, 200]


def test_requests_are_counted_in_the_cache_named_by_the_settings(client, settings):
    settings.CACHES = {**settings.CACHES, "nowhere": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "1/m"}
    settings.RATE_LIMIT_CACHE = "nowhere"

    statuses = [client.get("/en/search/?q=a").status_code for _ in range(3)]

    # A cache that keeps nothing never reaches the limit; the default cache would have.
    assert statuses == [200, 200, 200]


class CountersLostCache(LocMemCache):
    """A cache that keeps no counter: each one has expired before it can be incremented."""

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return True


def use_counter_cache(settings, backend):
    settings.CACHES = {**settings.CACHES, "counters": {"BACKEND": backend, "LOCATION": "counters"}}
    settings.RATE_LIMIT_CACHE = "counters"
    caches["counters"].clear()  # the store of a LOCATION outlives the test


def test_a_cache_that_keeps_no_counter_lets_every_request_through_as_the_first(client, settings):
    use_counter_cache(settings, f"{__name__}.{CountersLostCache.__name__}")
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "1/m"}

    statuses = [client.get("/en/search/?q=a").status_code for _ in range(3)]

    assert statuses == [200, 200, 200]


def test_the_counter_is_kept_until_the_last_second_of_its_window(client, settings, monkeypatch):
    use_counter_cache(settings, "django.core.cache.backends.locmem.LocMemCache")
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "1/m"}
    start = 1_700_000_040.0  # the first second of a minute
    clock = {"now": start}
    # The counter's expiry is read from the same clock as the window.
    monkeypatch.setattr(security, "time", SimpleNamespace(time=lambda: clock["now"]))
    monkeypatch.setattr(locmem, "time", SimpleNamespace(time=lambda: clock["now"]))
    monkeypatch.setattr(cache_base, "time", SimpleNamespace(time=lambda: clock["now"]))

    def status_at(seconds):
        clock["now"] = start + seconds
        return client.get("/en/search/?q=a").status_code

    assert [status_at(0), status_at(59.5), status_at(60)] == [200, 429, 200]
    # The spent window's counter does not outlive it by more than a second: the cache does not grow.
    clock["now"] = start + 61.5
    assert caches["counters"].get(f"ratelimit:search:127.0.0.1:{int(start // 60)}") is None
    assert caches["counters"].get(f"ratelimit:search:127.0.0.1:{int(start // 60) + 1}") == 1


def urlconf_with(view):
    """The site's URLs plus /limited/ answered by ``view``."""
    module = ModuleType("limited_urls")
    module.urlpatterns = [path("limited/", view), *site_urls.urlpatterns]
    return module


def test_a_view_limited_by_rate_limit_answers_429_in_the_readers_language_once_its_allowance_is_spent(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "export": "2/m"}
    settings.ROOT_URLCONF = urlconf_with(security.rate_limit("export")(lambda request: HttpResponse("the export")))

    responses = [client.get("/limited/", headers={"Accept-Language": "ru"}) for _ in range(3)]

    assert [response.status_code for response in responses] == [200, 200, 429]
    assert responses[0].content == b"the export"
    assert html.fromstring(responses[2].content).findtext(".//h1") == "Слишком много запросов"
    assert 0 < int(responses[2]["Retry-After"]) <= 60
    assert "accept-language" in responses[2]["Vary"].lower()


def test_only_requests_with_a_search_query_spend_the_allowance_of_a_view_limited_when_searching(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "archive_search": "1/m"}
    view = security.rate_limit_when_searching("archive_search")(lambda request: HttpResponse("the list"))
    settings.ROOT_URLCONF = urlconf_with(view)

    browsing = [client.get("/limited/", {"kind": "report"}).status_code for _ in range(3)]
    blank_query = client.get("/limited/", {"q": "  "}).status_code
    searching = [client.get("/limited/", {"q": "refugees"}).status_code for _ in range(2)]

    assert browsing == [200, 200, 200]
    assert blank_query == 200
    assert searching == [200, 429]
    assert client.get("/limited/").content == b"the list"


class UnreachableCache(LocMemCache):
    """A cache whose server has stopped answering."""

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        raise ConnectionRefusedError("the cache server is gone")


def test_an_unreachable_cache_lets_readers_through_and_says_so_in_the_log(client, settings, caplog):
    use_counter_cache(settings, f"{__name__}.{UnreachableCache.__name__}")
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "1/m"}

    with caplog.at_level("WARNING", logger="core.security"):
        statuses = [client.get("/en/search/?q=a").status_code for _ in range(2)]

    assert statuses == [200, 200]
    warnings = [record.getMessage() for record in caplog.records if record.name == "core.security"]
    assert warnings == ["rate limit not counted, the cache is unavailable: ConnectionRefusedError"] * 2
