import json

import pytest

from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

DEAD_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        # Nothing listens on port 1; a refused connection is what a stopped Redis gives.
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


def test_healthz_answers_json_without_asking_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"status": "ok"}
    assert "no-cache" in response.headers["Cache-Control"]


def test_readyz_reports_each_part_working(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok", "jobs": "ok"},
    }


def test_readyz_leaves_no_probe_file_behind(client, settings):
    client.get("/readyz")

    assert [path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()] == []


def test_with_redis_stopped_readyz_says_degraded_and_names_the_cache(client, settings):
    settings.CACHES = DEAD_REDIS

    response = client.get("/readyz")

    # Pages are still served: the server stays in the load balancer's rotation, and a monitor reads the cause.
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "unreachable", "storage": "ok", "jobs": "ok"},
    }


def test_without_a_file_store_readyz_says_unavailable(client, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": "/proc/nowhere"}},
    }

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["checks"]["storage"] != "ok"


def test_with_redis_stopped_pages_and_rate_limited_searches_are_still_served(client, settings):
    settings.CACHES = DEAD_REDIS
    MeetingFactory(title_en="Regional conference")

    pages = [client.get(url) for url in ("/en/", "/en/meetings/", "/en/search/?q=conference", "/en/documents/?q=x")]

    assert [page.status_code for page in pages] == [200, 200, 200, 200]
    assert "Regional conference" in pages[1].content.decode()


def test_readyz_reveals_no_host_or_error_text(client, settings):
    settings.CACHES = DEAD_REDIS

    body = client.get("/readyz").content.decode()

    assert "127.0.0.1" not in body
    assert "refused" not in body.lower()
    assert "Error" not in body


def test_the_health_endpoints_have_no_language_prefix(client):
    assert client.get("/en/healthz").status_code == 404
    assert client.get("/ru/readyz").status_code == 404


def test_readyz_answers_only_reads(client):
    assert client.post("/readyz").status_code == 405
