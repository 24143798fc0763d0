import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.urls import reverse
from django.utils import translation
from lxml import html

from tests.factories import DelegateFactory

pytestmark = pytest.mark.django_db


def url(name, language="ru"):
    with translation.override(language):
        return reverse(name)


@pytest.mark.parametrize(
    ("language", "heading", "button"),
    [("ru", "<h1>Вход</h1>", "Войти</button>"), ("en", "<h1>Sign in</h1>", "Sign in</button>")],
)
def test_sign_in_page_is_in_the_language_of_the_address(client, language, heading, button):
    response = client.get(url("accounts:login", language))

    assert response.status_code == 200
    assert heading in response.content.decode()
    assert button in response.content.decode()


def test_delegate_signs_in_and_is_shown_as_signed_in(client):
    delegate = DelegateFactory(user__username="aigul@example.org")

    response = client.post(url("accounts:login"), {"username": "aigul@example.org", "password": "delegate-pass-1"})

    assert response.status_code == 302
    assert response.headers["Location"] == reverse("pages:home")
    assert client.session["_auth_user_id"] == str(delegate.user.pk)
    page = client.get(reverse("pages:home")).content.decode()
    assert "Айгуль Сейткали" in page
    assert 'action="/ru/accounts/sign-out/"' in page


def test_sign_in_follows_a_local_next_address_only(client):
    DelegateFactory(user__username="aigul@example.org")
    credentials = {"username": "aigul@example.org", "password": "delegate-pass-1"}

    local = client.post(url("accounts:login") + "?next=/ru/documents/", credentials)
    client.logout()
    foreign = client.post(url("accounts:login") + "?next=https://evil.example/", credentials)

    assert local.headers["Location"] == "/ru/documents/"
    assert foreign.headers["Location"] == reverse("pages:home")


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ru", "Неверное имя пользователя или пароль."),
        ("en", "The user name or password is not correct."),
    ],
)
def test_wrong_password_is_refused_with_a_message_in_the_reader_language(client, language, message):
    DelegateFactory(user__username="aigul@example.org")

    response = client.post(url("accounts:login", language), {"username": "aigul@example.org", "password": "wrong"})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_deactivated_delegate_cannot_sign_in(client):
    DelegateFactory(user__username="aigul@example.org", user__is_active=False)

    response = client.post(url("accounts:login"), {"username": "aigul@example.org", "password": "delegate-pass-1"})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_sign_out_needs_a_post_and_ends_the_session(client):
    delegate = DelegateFactory()
    client.force_login(delegate.user)

    refused = client.get(url("accounts:logout"))
    response = client.post(url("accounts:logout"))

    assert refused.status_code == 405
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("pages:home")
    assert "_auth_user_id" not in client.session


def test_header_offers_sign_in_to_anonymous_readers(client):
    with translation.override("en"):
        page = client.get(reverse("pages:home")).content.decode()

    assert '<a href="/en/accounts/sign-in/">Sign in</a>' in page


def error_texts(response) -> list[str]:
    page = html.fromstring(response.content)
    found = page.xpath(
        "//div[@class='form-errors']/p | //p[@class='field-error'] | //ul[contains(@class, 'errorlist')]/li"
    )
    return [" ".join(node.text_content().split()) for node in found]


@pytest.mark.parametrize("path", ["/en/accounts/sign-in/", "/en/admin/login/"])
@pytest.mark.parametrize("length", [151, 256, 5000])
def test_an_overlong_user_name_is_refused_by_the_form_before_the_lockout_log_sees_it(client, path, length):
    client.raise_request_exception = False

    response = client.post(path, {"username": "a" * length, "password": "secret"})

    assert response.status_code == 200
    assert f"Ensure this value has at most 150 characters (it has {length})." in error_texts(response)
    assert AccessAttempt.objects.count() == 0
    assert AccessFailureLog.objects.count() == 0


def test_the_longest_accepted_user_name_is_checked_as_a_sign_in(client):
    response = client.post(url("accounts:login", "en"), {"username": "a" * 150, "password": "secret"})

    assert "The user name or password is not correct. Both are case-sensitive." in error_texts(response)
    assert AccessAttempt.objects.get().username == "a" * 150
