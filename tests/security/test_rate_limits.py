import pytest
from lxml import html

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "scope"),
    [
        ("/en/search/?q=refugees", "search"),
        ("/en/documents/export.csv", "export"),
        ("/en/documents/export.json", "export"),
    ],
)
def test_too_many_requests_from_one_address_get_429_with_retry_after(client, settings, url, scope):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, scope: "3/m"}

    statuses = [client.get(url).status_code for _ in range(4)]
    limited = client.get(url)

    assert statuses == [200, 200, 200, 429]
    assert limited.status_code == 429
    assert 0 < int(limited.headers["Retry-After"]) <= 60
    assert html.fromstring(limited.content).findtext(".//h1") == "Too many requests"


def test_other_addresses_keep_their_own_allowance(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "1/m"}
    client.get("/en/search/?q=a", REMOTE_ADDR="10.0.0.1")

    response = client.get("/en/search/?q=a", REMOTE_ADDR="10.0.0.2")

    assert response.status_code == 200


def test_a_trusted_proxy_header_names_the_client(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "1/m"}
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    client.get("/en/search/?q=a", HTTP_X_FORWARDED_FOR="203.0.113.7")

    same = client.get("/en/search/?q=a", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7")
    other = client.get("/en/search/?q=a", HTTP_X_FORWARDED_FOR="203.0.113.8")

    assert same.status_code == 429
    assert other.status_code == 200


def test_rate_limits_can_be_switched_off(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "1/m"}
    settings.RATE_LIMIT_ENABLED = False

    statuses = {client.get("/en/search/?q=a").status_code for _ in range(3)}

    assert statuses == {200}


def test_the_429_page_is_in_russian_on_a_russian_address(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": "0/m"}

    response = client.get("/ru/search/?q=a")

    assert response.status_code == 429
    assert html.fromstring(response.content).findtext(".//h1") == "Слишком много запросов"
