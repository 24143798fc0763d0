import pytest

pytestmark = pytest.mark.django_db


def test_searching_the_archive_is_rate_limited(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "archive_search": "2/m"}

    statuses = [client.get("/en/documents/?q=refugees").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


def test_browsing_the_archive_without_a_query_is_not_counted(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "archive_search": "1/m"}

    browsing = [client.get("/en/documents/", {"q": q}).status_code for q in ("", " ", "")]
    searching = client.get("/en/documents/?q=refugees")

    assert browsing == [200, 200, 200]
    assert searching.status_code == 200


def test_the_archive_and_the_site_search_keep_separate_allowances(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "archive_search": "1/m", "search": "1/m"}
    client.get("/en/documents/?q=refugees")

    assert client.get("/en/search/?q=refugees").status_code == 200
    assert client.get("/en/documents/?q=refugees").status_code == 429
