import pytest
from django.urls import reverse

from tests.factories import DocumentFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


@pytest.mark.parametrize("url", ["/ru/", "/en/meetings/", "/en/accounts/sign-in/", "/ru/admin/login/"])
def test_every_page_carries_the_security_headers(client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] == POLICY
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["Permissions-Policy"] == "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def test_content_security_policy_allows_no_inline_script_or_style():
    assert "unsafe-inline" not in POLICY
    assert "unsafe-eval" not in POLICY


def test_hsts_is_sent_over_https_in_production(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True

    response = client.get("/ru/", secure=True)

    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


@pytest.mark.parametrize(
    "url",
    [
        "/ru/",
        "/en/meetings/",
        "/en/meetings/matrix/",
        "/en/documents/",
        "/en/states/",
        "/en/news/",
        "/en/search/?q=a",
        "/en/accounts/sign-in/",
    ],
)
def test_public_pages_have_no_inline_script_or_style(client, url):
    ParticipationFactory()
    DocumentFactory()

    content = client.get(url).content.decode()

    assert "<style" not in content
    assert " style=" not in content
    assert "<script>" not in content
    assert " onclick=" not in content
    for script in content.split("<script")[1:]:
        assert " src=" in script.split(">", 1)[0]


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:index",
        "admin:meetings_meeting_add",
        "admin:documents_document_add",
        "admin:accounts_delegate_add",
        "admin_translations",
        "admin:meetings_outcomestatement_import",
    ],
)
def test_admin_pages_load_their_scripts_from_files_only(admin_client, url_name):
    response = admin_client.get(reverse(url_name))
    content = response.content.decode()

    assert response.status_code == 200

    for script in content.split("<script")[1:]:
        opening = script.split(">", 1)[0]
        assert " src=" in opening, opening
