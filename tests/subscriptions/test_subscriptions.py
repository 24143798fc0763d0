"""Subscriptions by e-mail, end to end with a real SMTP server on loopback."""

import email
import io
import re
import time
from datetime import timedelta
from email import policy

import pytest
from django.core import signing
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from lxml import html

from documents.models import Audience
from subscriptions.mailing import prune_unconfirmed, send_due_notifications
from subscriptions.models import Subscription
from tests.core.test_mail import smtp_server  # noqa: F401  (the loopback SMTP server fixture)
from tests.factories import DelegateFactory, DocumentFactory, InformationSheetFactory, NewsItemFactory, StateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings, smtp_server):  # noqa: F811
    controller, inbox = smtp_server
    settings.EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.PORTAL_ORIGIN = "https://portal.example"
    return inbox


def parsed(envelope):
    return email.message_from_bytes(envelope.content, policy=policy.default)


def subscribe(client, language="ru", **data):
    with translation.override(language):
        return client.post(reverse("subscriptions:subscribe"), {"email": "reader@example.org", **data})


def link(text, name):
    return re.search(rf"https://portal\.example(/\w\w/subscribe/{name}/[^/\s]+/)", text).group(1)


def send(capture):
    with capture(execute=True):
        return send_due_notifications(timezone.now())


def test_subscribe_confirm_digest_unsubscribe(client, smtp, django_capture_on_commit_callbacks):
    DocumentFactory(title_en="Old report")
    response = subscribe(client, "en", topic="documents")
    assert response.status_code == 200
    assert "reader@example.org" in response.content.decode()

    # The confirmation only; nothing is sent before the address is confirmed.
    assert len(smtp.messages) == 1
    confirmation = parsed(smtp.messages[0])
    assert confirmation["Subject"] == "Almaty Process portal: confirm your subscription"
    assert confirmation["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    DocumentFactory(title_en="Before confirmation")
    assert send(django_capture_on_commit_callbacks) == 0
    assert len(smtp.messages) == 1

    confirm_path = link(confirmation.get_content(), "confirm")
    assert confirm_path.startswith("/en/")
    assert client.get(confirm_path).status_code == 200

    DocumentFactory(title_en="Report on asylum", title_ru="Доклад об убежище")
    DocumentFactory(title_en="Delegates only", audience=Audience.DELEGATES)
    assert send(django_capture_on_commit_callbacks) == 1
    assert send(django_capture_on_commit_callbacks) == 0  # run twice: one mail

    assert len(smtp.messages) == 2
    digest = parsed(smtp.messages[1])
    body = digest.get_content()
    assert "Report on asylum" in body
    assert "Delegates only" not in body and "Old report" not in body and "Before confirmation" not in body
    unsubscribe_path = link(body, "unsubscribe")
    assert digest["List-Unsubscribe"].strip() == f"<https://portal.example{unsubscribe_path}>"
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # One-click: a mail program posts without a CSRF token or cookie.
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post(unsubscribe_path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    DocumentFactory(title_en="After unsubscribing")
    assert send(django_capture_on_commit_callbacks) == 0
    assert len(smtp.messages) == 2
    assert client.get(unsubscribe_path).status_code == 404


def test_digest_in_russian_of_one_kind(client, smtp, django_capture_on_commit_callbacks):
    subscribe(client, "ru", topic="documents", kind="agenda")
    client.get(link(parsed(smtp.messages[0]).get_content(), "confirm"))
    DocumentFactory(title_ru="Повестка дня", kind="agenda")
    DocumentFactory(title_ru="Доклад", kind="report")
    send(django_capture_on_commit_callbacks)
    digest = parsed(smtp.messages[1])
    assert digest["Subject"].strip() == "Портал Алматинского процесса: новое на портале"
    assert "Повестка дня" in digest.get_content() and "Доклад" not in digest.get_content()
    assert "/ru/documents/" in digest.get_content()


def test_saved_search_and_news(client, smtp, django_capture_on_commit_callbacks):
    state = StateFactory()
    subscribe(client, topic="search", query=f"?state={state.slug}")
    client.get(link(parsed(smtp.messages[0]).get_content(), "confirm"))
    document = DocumentFactory(title_ru="О государстве")
    document.states.add(state)
    DocumentFactory(title_ru="О другом")
    send(django_capture_on_commit_callbacks)
    body = parsed(smtp.messages[1]).get_content()
    assert "О государстве" in body and "О другом" not in body

    subscription = Subscription.objects.create(
        email="news@example.org", language="en", topic="news", confirmed_at=timezone.now()
    )
    NewsItemFactory(title_en="A new round", publication_status="draft")
    assert send(django_capture_on_commit_callbacks) == 0
    NewsItemFactory(title_en="Visible news")
    send(django_capture_on_commit_callbacks)
    assert "Visible news" in parsed(smtp.messages[-1]).get_content()
    assert subscription.sent_items.count() == 1


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"email": "not an address", "topic": "news"}, "email", "Введите правильный адрес электронной почты."),
        ({"topic": "search", "query": "year=soon"}, "query", "Это не корректный поиск по архиву."),
        ({"topic": "search", "query": ""}, "query", "Укажите поиск, за которым следить."),
        ({"topic": "everything"}, "topic", "Выберите корректный вариант."),
    ],
)
def test_bad_input_gets_a_form_error_and_no_mail(client, smtp, data, field, message):
    response = subscribe(client, **data)
    assert response.status_code == 400
    assert message in response.context["form"].errors[field][0]
    assert not Subscription.objects.exists() and smtp.messages == []


def test_unknown_and_expired_tokens(client, smtp, monkeypatch):
    assert client.get("/ru/subscribe/confirm/forged/").status_code == 404
    assert client.post("/ru/subscribe/unsubscribe/forged/").status_code == 404
    subscribe(client, topic="news")
    subscription = Subscription.objects.get()
    path = link(parsed(smtp.messages[0]).get_content(), "confirm")
    real_time = time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + 8 * 24 * 3600)  # eight days later
    response = client.get(path)
    assert response.status_code == 404
    assert "Ссылка недействительна" in response.content.decode()
    subscription.refresh_from_db()
    assert not subscription.is_confirmed


def test_flood_from_one_address_and_for_one_address(client, smtp, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "subscribe": "5/h", "subscribe_address": "2/d"}
    assert subscribe(client, topic="news").status_code == 200
    assert subscribe(client, topic="meetings").status_code == 200
    response = subscribe(client, topic="documents")
    assert response.status_code == 400
    assert "Слишком много запросов для этого адреса" in response.context["form"].errors["email"][0]
    for topic in ("news", "meetings"):
        subscribe(client, topic=topic, email="other@example.org")
    response = subscribe(client, topic="news", email="third@example.org")
    assert response.status_code == 429 and response.headers["Retry-After"]
    assert Subscription.objects.count() == 4 and len(smtp.messages) == 4


def test_unconfirmed_requests_are_pruned(client, smtp):
    subscribe(client, topic="news")
    confirmed = Subscription.objects.create(
        email="kept@example.org", language="ru", topic="news", confirmed_at=timezone.now()
    )
    Subscription.objects.update(created_at=timezone.now() - timedelta(days=8))
    assert prune_unconfirmed(timezone.now()) == 1
    assert list(Subscription.objects.all()) == [confirmed]


def test_page_says_how_long_addresses_are_kept(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        response = client.get("/ru/subscribe/")
    assert response.status_code == 200
    assert "не подтверждённый за 7" in response.content.decode()


def test_unsubscribe_link_asks_before_it_acts(client, smtp):
    subscribe(client, topic="news")
    path = link(parsed(smtp.messages[0]).get_content(), "unsubscribe")
    assert client.get(path).status_code == 200
    assert Subscription.objects.count() == 1
    assert client.post(path).status_code == 200
    assert not Subscription.objects.exists()


def test_asking_twice_keeps_one_request_and_a_confirmed_address_gets_no_second_confirmation(client, smtp):
    subscribe(client, topic="news")
    subscribe(client, "en", topic="news")
    subscription = Subscription.objects.get()
    assert subscription.language == "en" and len(smtp.messages) == 2
    client.get(link(parsed(smtp.messages[1]).get_content(), "confirm"))
    assert subscribe(client, topic="news").status_code == 200
    assert len(smtp.messages) == 2 and Subscription.objects.count() == 1


def test_admin_lists_subscriptions_with_masked_addresses(admin_client):
    Subscription.objects.create(email="aigul.n@example.org", language="ru", topic="news", confirmed_at=timezone.now())
    Subscription.objects.create(email="pending@example.org", language="en", topic="meetings")
    with translation.override("en"):
        response = admin_client.get(reverse("admin:subscriptions_subscription_changelist"))
    page = response.content.decode()
    assert "a***@example.org" in page and "p***@example.org" in page
    assert "aigul.n@example.org" not in page
    assert "awaiting confirmation" in page


def test_the_commands_wrap_sending_and_pruning(smtp, django_capture_on_commit_callbacks):
    Subscription.objects.create(email="a@example.org", language="ru", topic="news", confirmed_at=timezone.now())
    NewsItemFactory()
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_subscription_mail", stdout=out)
    assert out.getvalue().startswith("1 ") and len(smtp.messages) == 1
    Subscription.objects.create(email="b@example.org", language="ru", topic="news")
    Subscription.objects.filter(confirmed_at=None).update(created_at=timezone.now() - timedelta(days=30))
    call_command("prune_subscriptions", stdout=out)
    assert Subscription.objects.count() == 1


@pytest.mark.parametrize(
    ("address", "restricted_sent"),
    [("aigul@example.org", True), ("someone.else@example.org", False)],
)
def test_a_signed_in_delegate_gets_restricted_items_only_at_their_own_address(
    client, smtp, django_capture_on_commit_callbacks, address, restricted_sent
):
    delegate = DelegateFactory(user__username="aigul@example.org")
    client.force_login(delegate.user)
    subscribe(client, topic="documents", email=address.upper())
    client.logout()
    client.get(link(parsed(smtp.messages[0]).get_content(), "confirm"))
    DocumentFactory(title_ru="Для делегатов", audience=Audience.DELEGATES)
    DocumentFactory(title_ru="Черновик", publication_status="draft")
    DocumentFactory(title_ru="Для всех")
    send(django_capture_on_commit_callbacks)
    body = parsed(smtp.messages[1]).get_content()
    assert "Для всех" in body and "Черновик" not in body
    assert ("Для делегатов" in body) is restricted_sent

    # Rights are read at each sending: a delegate whose account is closed gets public items only.
    delegate.user.is_active = False
    delegate.user.save()
    DocumentFactory(title_ru="Снова для делегатов", audience=Audience.DELEGATES)
    DocumentFactory(title_ru="Снова для всех")
    send(django_capture_on_commit_callbacks)
    body = parsed(smtp.messages[2]).get_content()
    assert "Снова для всех" in body and "Снова для делегатов" not in body


def test_staff_subscriptions_never_carry_drafts(client, smtp, django_capture_on_commit_callbacks, admin_user):
    admin_user.email = "admin@example.org"
    admin_user.save()
    client.force_login(admin_user)
    subscribe(client, topic="news", email="admin@example.org")
    assert Subscription.objects.get().reader is None
    client.get(link(parsed(smtp.messages[0]).get_content(), "confirm"))
    NewsItemFactory(title_ru="Черновик новости", publication_status="draft")
    assert send(django_capture_on_commit_callbacks) == 0


def test_information_sheets_are_a_topic_with_their_own_digest(client, smtp, django_capture_on_commit_callbacks):
    InformationSheetFactory(title_en="Sheet before subscribing")
    subscribe(client, "en", topic="information_sheets")
    client.get(link(parsed(smtp.messages[0]).get_content(), "confirm"))
    InformationSheetFactory(title_en="Draft sheet", publication_status="draft")
    NewsItemFactory(title_en="News, another topic")
    InformationSheetFactory(title_en="April information sheet", slug="april-2022")

    assert send(django_capture_on_commit_callbacks) == 1
    assert send(django_capture_on_commit_callbacks) == 0

    body = parsed(smtp.messages[1]).get_content()
    assert "April information sheet" in body and "https://portal.example/en/information-sheets/april-2022/" in body
    assert "Draft sheet" not in body and "Sheet before subscribing" not in body and "News, another topic" not in body


def test_the_subscribe_form_offers_information_sheets(client):
    tree = html.fromstring(client.get("/ru/subscribe/").content.decode())

    labels = [" ".join(label.text_content().split()) for label in tree.xpath("//input[@name='topic']/..")]
    assert "информационные бюллетени" in labels
