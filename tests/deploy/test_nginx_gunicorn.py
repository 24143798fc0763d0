"""The portal as it runs in production: real nginx in front of real gunicorn, on loopback (deploy/)."""

import hashlib
import http.cookiejar
import json
import os
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import Client
from lxml import html

from documents.models import Audience
from meetings.models import Participation
from tests.deploy.conftest import Gunicorn, Nginx, collect_static
from tests.factories import DelegateFactory, DocumentFileFactory, MeetingFactory, ParticipationFactory, StateFactory

pytestmark = [pytest.mark.runtime, pytest.mark.django_db(transaction=True)]

BIG_FILE_SIZE = 60 * 1024 * 1024


@pytest.fixture(scope="module")
def stack(django_db_setup, runtime_folder):
    """nginx + gunicorn (2 workers, a 3 s worker timeout) sharing one media folder and the collected static files."""
    media_root = runtime_folder / "media"
    media_root.mkdir()
    static_root = runtime_folder / "static"
    collect_static(static_root)
    gunicorn = Gunicorn(runtime_folder, media_root)
    try:
        nginx = Nginx(runtime_folder / "nginx", gunicorn.bind, media_root, static_root)
    except BaseException:
        gunicorn.stop()
        raise
    yield nginx, gunicorn
    nginx.stop()
    gunicorn.stop()


@pytest.fixture
def site(stack, settings):
    """The nginx address; files the test creates land where gunicorn and nginx read them."""
    nginx, gunicorn = stack
    settings.MEDIA_ROOT = gunicorn.environment["MEDIA_ROOT"]
    return nginx


def get(url, cookie=None, headers=None, timeout=30):
    request = urllib.request.Request(url, headers={**(headers or {}), **({"Cookie": cookie} if cookie else {})})
    try:
        return urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as error:
        return error


def session_cookie(user) -> str:
    """A signed-in session for ``user``, as the cookie a browser would send."""
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def test_a_60_mb_file_read_slowly_arrives_whole_although_it_outlasts_the_worker_timeout(site, stack):
    data = os.urandom(BIG_FILE_SIZE)
    document_file = DocumentFileFactory(file=ContentFile(data, name="big.bin"), original_name="big.bin")
    _, gunicorn = stack
    # The worker itself sends no byte of the file: it names it to nginx and is free again.
    from_worker = get(f"http://{gunicorn.bind}{document_file.get_absolute_url()}")
    assert from_worker.headers["X-Accel-Redirect"] == f"/protected-media/{document_file.file.name}"
    assert from_worker.read() == b""

    started = time.monotonic()
    digest = hashlib.sha256()
    with get(site.url + document_file.get_absolute_url(), timeout=60) as response:
        assert response.status == 200
        # About 10 MB/s: the download takes twice the 3 s after which gunicorn kills a busy worker.
        while chunk := response.read(1024 * 1024):
            digest.update(chunk)
            time.sleep(0.1)
    elapsed = time.monotonic() - started

    assert elapsed > 2 * 3
    assert digest.hexdigest() == hashlib.sha256(data).hexdigest()


def test_nginx_answers_byte_ranges_of_a_file_the_portal_allowed(site):
    document_file = DocumentFileFactory(file=ContentFile(b"0123456789" * 100, name="digits.txt"))

    response = get(site.url + document_file.get_absolute_url(), headers={"Range": "bytes=10-19"})

    assert response.status == 206
    assert response.read() == b"0123456789"
    assert response.headers["Content-Disposition"].startswith("attachment;")


def test_readers_downloading_one_file_at_the_same_moment_do_not_wait_for_each_other(site):
    # A download is never kept by nginx's page cache. With its cache lock on, nginx still made readers of the same
    # address wait for the one before, in half-second steps: 2.5 s at the 95th percentile in the load test.
    document_file = DocumentFileFactory(file=ContentFile(b"report " * 200, name="report.txt"))
    url = site.url + document_file.get_absolute_url()
    get(url).read()
    answers = []

    def download():
        started = time.monotonic()
        with get(url) as response:
            answers.append((response.status, len(response.read()), time.monotonic() - started))

    readers = [threading.Thread(target=download) for _ in range(6)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join(30)

    assert [(status, size) for status, size, _ in answers] == [(200, 1400)] * 6
    # Six readers on two workers take a few tens of milliseconds each; queued behind a lock, the last waits 2.5 s.
    assert max(elapsed for _, _, elapsed in answers) < 1.5, answers


def test_a_restricted_file_is_refused_to_strangers_and_served_to_a_delegate_of_a_state_at_the_meeting(
    site,
):
    meeting = MeetingFactory()
    right_state = StateFactory()
    ParticipationFactory(meeting=meeting, state=right_state, attendance=Participation.Attendance.ATTENDED)
    document_file = DocumentFileFactory(
        document__meeting=meeting,
        audience=Audience.ATTENDED_STATES,
        file=ContentFile(b"briefing for the delegations", name="briefing.txt"),
    )
    url = site.url + document_file.get_absolute_url()
    delegate = session_cookie(DelegateFactory(state=right_state).user)
    other_delegate = session_cookie(DelegateFactory().user)

    anonymous = get(url)
    stranger = get(url, cookie=other_delegate)
    allowed = get(url, cookie=delegate)

    assert (anonymous.status, stranger.status, allowed.status) == (404, 404, 200)
    assert b"briefing" not in anonymous.read() + stranger.read()
    assert allowed.read() == b"briefing for the delegations"
    assert "private" in allowed.headers["Cache-Control"]


def test_the_files_behind_x_accel_redirect_cannot_be_asked_for_directly(site):
    document_file = DocumentFileFactory(
        audience=Audience.DELEGATES, file=ContentFile(b"for delegates only", name="secret.txt")
    )

    response = get(f"{site.url}/protected-media/{document_file.file.name}")

    assert response.status == 404
    assert b"for delegates only" not in response.read()


def test_static_files_are_served_by_nginx_not_by_the_portal(site):
    response = get(site.url + "/static/css/portal.css")
    page = get(site.url + "/en/")

    assert response.status == 200
    assert response.headers["Server"] == "nginx"
    assert "Content-Security-Policy" not in response.headers
    assert "X-Request-ID" not in response.headers
    assert "max-age" in response.headers["Cache-Control"]
    # A page, for contrast, does come from the portal.
    assert page.status == 200
    assert page.headers["X-Request-ID"]
    assert page.headers["Content-Security-Policy"]


def test_the_portal_sees_the_scheme_and_address_nginx_sets_not_what_the_client_claims(site):
    document_file = DocumentFileFactory()
    forged = {"X-Forwarded-Proto": "https", "X-Real-IP": "203.0.113.9", "X-Forwarded-For": "203.0.113.9"}

    page = html.fromstring(get(site.url + document_file.document.get_absolute_url(), headers=forged).read())

    texts = page.xpath("//@href | //@value | //text()[not(parent::script)]")
    permalinks = [value for value in texts if "/documents/" in str(value)]
    absolute = [str(value).strip() for value in permalinks if "://" in str(value)]
    assert absolute, "the document page shows its permalink"
    assert [value for value in absolute if not value.startswith("http://127.0.0.1:")] == []
    # The schema.org data names the same address.
    [structured] = [json.loads(text) for text in page.xpath("//script[@type='application/ld+json']/text()")]
    assert structured["url"].startswith("http://127.0.0.1:")


def test_a_body_larger_than_the_upload_limit_is_refused_by_nginx(site):
    from deploy.render import FORM_OVERHEAD

    limit = settings.DOCUMENT_MAX_UPLOAD_SIZE + FORM_OVERHEAD
    request = urllib.request.Request(
        site.url + "/en/search/", data=b"", method="POST", headers={"Content-Length": str(limit + 1)}
    )

    try:
        urllib.request.urlopen(request, timeout=10)
        status = 200
    except urllib.error.HTTPError as error:
        status = error.code

    assert status == 413


def test_the_request_log_line_carries_the_id_nginx_gave_the_request(site, stack):
    _, gunicorn = stack

    response = get(site.url + "/en/meetings/")
    request_id = response.headers["X-Request-ID"]

    time.sleep(0.5)
    lines = [json.loads(line) for line in gunicorn.log_lines() if line.startswith("{")]
    [line] = [line for line in lines if line.get("request_id") == request_id]
    assert (line["path"], line["status"], line["reader"]) == ("/en/meetings/", 200, "anonymous")
    assert len(request_id) == 32


@pytest.fixture
def redis_stack(redis_url, tmp_path):
    """nginx + gunicorn with 4 workers sharing Redis; yields (nginx, key prefix)."""
    url, prefix = redis_url
    media_root = tmp_path / "media"
    media_root.mkdir()
    gunicorn = Gunicorn(
        tmp_path,
        media_root,
        REDIS_URL=url,
        CACHE_KEY_PREFIX=prefix,
        WEB_CONCURRENCY="4",
        GUNICORN_TIMEOUT="30",
        RATE_LIMIT_SEARCH="10/h",
    )
    try:
        nginx = Nginx(tmp_path / "nginx", gunicorn.bind, media_root, tmp_path)
        try:
            yield nginx, prefix
        finally:
            nginx.stop()
    finally:
        gunicorn.stop()


def test_rate_limits_hold_exactly_across_four_workers_sharing_redis(redis_stack):
    nginx, _ = redis_stack
    statuses = []
    start = threading.Barrier(40)

    def reader(number):
        start.wait()
        # Each client claims another address; nginx overwrites the claim with the real one. Each asks
        # another query: a page already in the page cache costs nothing and is served without counting.
        response = get(nginx.url + f"/en/search/?q=migration{number}", headers={"X-Real-IP": f"203.0.113.{number}"})
        statuses.append(response.status)

    # Not across the turn of an hour, when the allowance starts again.
    if time.time() % 3600 > 3590:
        time.sleep(3600 - time.time() % 3600 + 1)
    threads = [threading.Thread(target=reader, args=(number,)) for number in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [200] * 10 + [429] * 30


def test_failed_sign_ins_count_in_redis_across_workers_and_lock_the_account(redis_stack, redis_url):
    import redis

    nginx, prefix = redis_stack
    DelegateFactory(user__username="aigul@example.org")
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    sign_in = nginx.url + "/en/accounts/sign-in/"

    def attempt(password):
        page = html.fromstring(browser.open(sign_in, timeout=30).read())
        [token] = page.xpath('//input[@name="csrfmiddlewaretoken"]/@value')
        form = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "username": "aigul@example.org", "password": password}
        ).encode()
        try:
            return browser.open(urllib.request.Request(sign_in, data=form), timeout=30).status
        except urllib.error.HTTPError as error:
            return error.code

    wrong = [attempt("wrong") for _ in range(5)]
    right = attempt("delegate-pass-1")

    # Four workers, each with its own memory: only a shared count locks at the fifth failure.
    assert wrong == [200, 200, 200, 200, 429]
    assert right == 429
    counters = redis.Redis.from_url(redis_url[0]).keys(f"{prefix}:*axes*")
    assert counters, "django-axes keeps its failure counts in Redis"
    assert AccessAttempt.objects.count() == 0
