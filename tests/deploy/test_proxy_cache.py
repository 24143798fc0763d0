"""nginx answers anonymous pages itself (proxy_cache in deploy/nginx), for as long as the portal says (s-maxage)."""

import time

import pytest
from django.core.files.base import ContentFile
from lxml import html

from documents.models import Audience
from meetings.models import Participation
from tests.deploy.conftest import Gunicorn, Nginx
from tests.deploy.test_nginx_gunicorn import get, session_cookie
from tests.factories import DelegateFactory, DocumentFileFactory, MeetingFactory, ParticipationFactory, StateFactory

pytestmark = [pytest.mark.runtime, pytest.mark.django_db(transaction=True)]

PROXY_SECONDS = 2


@pytest.fixture
def cached_site(redis_url, tmp_path, settings):
    """nginx + gunicorn sharing Redis with this test process, so that a save here invalidates the page cache there."""
    url, prefix = redis_url
    media_root = tmp_path / "media"
    media_root.mkdir()
    settings.MEDIA_ROOT = str(media_root)
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url, "KEY_PREFIX": prefix}
    }
    gunicorn = Gunicorn(
        tmp_path,
        media_root,
        REDIS_URL=url,
        CACHE_KEY_PREFIX=prefix,
        PAGE_CACHE_SECONDS="300",
        PROXY_CACHE_SECONDS=str(PROXY_SECONDS),
        GUNICORN_TIMEOUT="30",
    )
    try:
        nginx = Nginx(tmp_path / "nginx", gunicorn.bind, media_root, tmp_path)
        try:
            yield nginx
        finally:
            nginx.stop()
    finally:
        gunicorn.stop()


def read(response):
    return response.status, response.headers.get("X-Cache-Status"), response.read()


def test_the_second_anonymous_request_is_answered_by_nginx_with_the_same_page(cached_site):
    meeting = MeetingFactory(title_ru="Министерская конференция в Алматы")
    address = cached_site.url + meeting.get_absolute_url()

    first = get(address)
    second = get(address)

    assert (first.status, first.headers["X-Cache-Status"]) == (200, "MISS")
    assert (second.status, second.headers["X-Cache-Status"]) == (200, "HIT")
    assert second.read() == first.read()
    assert "Министерская конференция в Алматы" in html.fromstring(get(address).read()).text_content()
    assert "s-maxage=2" in first.headers["Cache-Control"]
    assert "public" in first.headers["Cache-Control"]


def test_a_signed_in_delegate_never_gets_nor_leaves_a_cached_page(cached_site):
    delegate = DelegateFactory(user__username="aigul@example.org")
    cookie = session_cookie(delegate.user)
    address = cached_site.url + "/en/meetings/"
    get(address).read()
    assert get(address).headers["X-Cache-Status"] == "HIT"

    as_delegate = [get(address, cookie=cookie) for _ in range(3)]
    anonymous_after = get(address)

    for response in as_delegate:
        status, cache_status, body = read(response)
        assert (status, cache_status) == (200, "BYPASS")
        assert "private" in response.headers["Cache-Control"]
        assert b"Sign out" in body
    assert anonymous_after.headers["X-Cache-Status"] == "HIT"
    assert b"Sign out" not in anonymous_after.read()
    # Any session cookie, a CSRF token or waiting messages skip the cache too.
    for other in ("sessionid=whatever", "csrftoken=abc", "messages=x"):
        assert get(address, cookie=other).headers["X-Cache-Status"] == "BYPASS"


def test_russian_and_english_pages_never_mix(cached_site):
    for _ in range(3):
        russian, english = get(cached_site.url + "/ru/meetings/"), get(cached_site.url + "/en/meetings/")
        assert html.fromstring(russian.read()).get("lang") == "ru"
        assert html.fromstring(english.read()).get("lang") == "en"
    # The root chooses by Accept-Language, and is never kept as one reader's choice.
    for _ in range(2):
        for language in ("ru", "en"):
            response = get(cached_site.url + "/", headers={"Accept-Language": language})
            assert response.geturl().endswith(f"/{language}/")
            assert response.headers["X-Cache-Status"] in ("MISS", "HIT", "EXPIRED")


def test_an_editors_change_reaches_anonymous_readers_within_the_proxy_cache_seconds(cached_site):
    meeting = MeetingFactory(title_ru="Совещание старших должностных лиц")
    address = cached_site.url + meeting.get_absolute_url()
    get(address).read()
    assert get(address).headers["X-Cache-Status"] == "HIT"

    meeting.title_ru = "Совещание старших должностных лиц, новое место"
    meeting.save()
    changed = time.monotonic()
    while "новое место" not in get(address).read().decode():
        assert time.monotonic() - changed < PROXY_SECONDS + 1.5, "the change did not show within the bound"
        time.sleep(0.2)


def test_a_restricted_file_is_never_kept_by_nginx_and_a_withdrawn_public_file_is_gone_at_once(cached_site):
    meeting = MeetingFactory()
    state = StateFactory()
    ParticipationFactory(meeting=meeting, state=state, attendance=Participation.Attendance.ATTENDED)
    restricted = DocumentFileFactory(
        document__meeting=meeting,
        audience=Audience.ATTENDED_STATES,
        file=ContentFile(b"briefing for the delegations", name="briefing.txt"),
    )
    public = DocumentFileFactory(file=ContentFile(b"a public report", name="report.txt"))
    cookie = session_cookie(DelegateFactory(state=state).user)

    downloads = [get(cached_site.url + restricted.get_absolute_url(), cookie=cookie) for _ in range(2)]
    anonymous = get(cached_site.url + restricted.get_absolute_url())
    public_downloads = [get(cached_site.url + public.get_absolute_url()) for _ in range(2)]

    # nginx sends the file itself after the portal's check (X-Accel-Redirect): never from its page cache.
    assert [read(response) for response in downloads] == [(200, None, b"briefing for the delegations")] * 2
    assert anonymous.status == 404
    assert anonymous.headers["X-Cache-Status"] != "HIT"
    assert b"briefing" not in anonymous.read()
    assert [response.status for response in public_downloads] == [200, 200]
    assert all(response.headers["X-Cache-Status"] != "HIT" for response in public_downloads)

    public.audience = Audience.DELEGATES
    public.save()

    withdrawn = get(cached_site.url + public.get_absolute_url())
    assert withdrawn.status == 404
    assert b"a public report" not in withdrawn.read()


def test_the_sign_in_page_and_the_admin_are_never_kept(cached_site):
    for address in ("/en/accounts/sign-in/", "/en/admin/login/"):
        responses = [get(cached_site.url + address) for _ in range(2)]
        assert all(response.headers.get("X-Cache-Status") != "HIT" for response in responses)
        assert all("s-maxage" not in response.headers.get("Cache-Control", "") for response in responses)
