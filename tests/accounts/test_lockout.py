import pytest
from django.urls import reverse
from django.utils import translation
from lxml import html

from tests.factories import DelegateFactory, UserFactory

pytestmark = pytest.mark.django_db


def fail(client, url, username, times):
    for _ in range(times):
        response = client.post(url, {"username": username, "password": "wrong"})
    return response


def sign_in_url(language="en"):
    with translation.override(language):
        return reverse("accounts:login")


def test_fifth_wrong_password_locks_the_delegate_sign_in(client):
    DelegateFactory(user__username="aigul@example.org")

    fourth = fail(client, sign_in_url(), "aigul@example.org", 4)
    fifth = fail(client, sign_in_url(), "aigul@example.org", 1)

    assert fourth.status_code == 200
    assert fifth.status_code == 429
    assert "<h1>Too many failed sign-in attempts</h1>" in fifth.content.decode()
    assert "blocked for 1 hour" in fifth.content.decode()


def test_locked_account_stays_locked_even_with_the_right_password(client):
    DelegateFactory(user__username="aigul@example.org")
    fail(client, sign_in_url(), "aigul@example.org", 5)

    response = client.post(sign_in_url(), {"username": "aigul@example.org", "password": "delegate-pass-1"})

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_page_is_in_russian_on_a_russian_address(client):
    fail(client, sign_in_url("ru"), "aigul@example.org", 4)

    response = fail(client, sign_in_url("ru"), "aigul@example.org", 1)

    assert response.status_code == 429
    assert html.fromstring(response.content).findtext(".//h1") == "Слишком много неудачных попыток входа"


def test_admin_sign_in_is_locked_after_five_wrong_passwords(client):
    UserFactory(username="editor@example.org", is_staff=True)
    with translation.override("en"):
        url = reverse("admin:login")

    response = fail(client, url, "editor@example.org", 5)

    assert response.status_code == 429
    assert html.fromstring(response.content).findtext(".//h1") == "Too many failed sign-in attempts"


def test_a_successful_sign_in_resets_the_count_of_failures(client):
    DelegateFactory(user__username="aigul@example.org")
    fail(client, sign_in_url(), "aigul@example.org", 4)
    client.post(sign_in_url(), {"username": "aigul@example.org", "password": "delegate-pass-1"})
    client.logout()

    response = fail(client, sign_in_url(), "aigul@example.org", 4)

    assert response.status_code == 200
