import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from tests.factories import DelegateFactory, UserFactory

pytestmark = pytest.mark.django_db


def reset_url(language):
    with translation.override(language):
        return reverse("accounts:password_reset")


def link_in(message) -> str:
    return re.search(r"https?://testserver(/\S+)", message.body).group(1)


@pytest.mark.parametrize(
    ("language", "subject", "greeting"),
    [
        ("ru", "Портал Алматинского процесса: выберите пароль", "Здравствуйте,"),
        ("en", "Almaty Process portal: choose your password", "Hello,"),
    ],
)
def test_reset_email_is_written_in_the_reader_language(client, language, subject, greeting):
    DelegateFactory(user__username="aigul@example.org")

    response = client.post(reset_url(language), {"email": "aigul@example.org"})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == subject
    assert mail.outbox[0].body.startswith(greeting)
    assert mail.outbox[0].to == ["aigul@example.org"]
    assert link_in(mail.outbox[0]).startswith(f"/{language}/accounts/password-reset/")


def test_unknown_address_gets_the_same_answer_and_no_email(client):
    response = client.post(reset_url("en"), {"email": "nobody@example.org"})

    assert response.status_code == 302
    assert response.headers["Location"] == "/en/accounts/password-reset/sent/"
    assert mail.outbox == []


def test_new_delegate_without_a_password_can_choose_one_through_the_link(client):
    delegate = DelegateFactory(user__username="new@example.org", user__password=None)
    delegate.user.set_unusable_password()
    delegate.user.save()

    client.post(reset_url("ru"), {"email": "new@example.org"})
    form_url = client.get(link_in(mail.outbox[0])).headers["Location"]
    saved = client.post(form_url, {"new_password1": "Вершины-Алатау-2026", "new_password2": "Вершины-Алатау-2026"})

    assert saved.status_code == 302
    assert saved.headers["Location"] == "/ru/accounts/password-reset/done/"
    delegate.user.refresh_from_db()
    assert delegate.user.check_password("Вершины-Алатау-2026")


def test_a_user_without_a_password_who_is_not_a_delegate_gets_no_email(client):
    user = UserFactory(username="other@example.org")
    user.set_unusable_password()
    user.save()

    client.post(reset_url("ru"), {"email": "other@example.org"})

    assert mail.outbox == []


def test_a_used_link_is_refused_in_both_languages(client):
    DelegateFactory(user__username="aigul@example.org")
    client.post(reset_url("en"), {"email": "aigul@example.org"})
    form_url = client.get(link_in(mail.outbox[0])).headers["Location"]
    client.post(form_url, {"new_password1": "Вершины-Алатау-2026", "new_password2": "Вершины-Алатау-2026"})

    again = client.get(form_url)

    assert again.status_code == 200
    assert "This link is no longer valid" in again.content.decode()


def work_done_for(client, monkeypatch, email) -> dict:
    """What answering a reset request did: templates rendered and reset tokens made (spied on, not replaced)."""
    from django.contrib.auth.tokens import default_token_generator
    from django.test.signals import template_rendered

    templates, tokens = [], []
    make_token = default_token_generator.make_token
    monkeypatch.setattr(default_token_generator, "make_token", lambda user: tokens.append(1) or make_token(user))

    def record(sender, template, context, **kwargs):
        templates.append(template.name)

    template_rendered.connect(record)
    try:
        response = client.post(reset_url("en"), {"email": email})
    finally:
        template_rendered.disconnect(record)
    return {"location": response.headers["Location"], "templates": templates, "tokens": len(tokens)}


def test_an_unknown_address_costs_the_same_work_as_a_known_one(client, monkeypatch):
    DelegateFactory(user__username="aigul@example.org")

    known = work_done_for(client, monkeypatch, "aigul@example.org")
    unknown = work_done_for(client, monkeypatch, "nobody@example.org")

    assert known == unknown
    assert known["tokens"] == 1
    assert "accounts/password_reset_email.txt" in known["templates"]
    assert [message.to for message in mail.outbox] == [["aigul@example.org"]]
