"""Mail leaves through a background job: the request only queues it; the worker delivers it over SMTP."""

import socket

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from tests.factories import DelegateFactory
from tests.worker import DATABASE_QUEUE, needs_shared_database, run_worker


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    with socket.socket() as probe:  # a free loopback port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield controller, inbox
    controller.stop()


@pytest.fixture
def queued_mail(settings):
    settings.EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return settings


def reset(client, address):
    with translation.override("ru"):
        return client.post(reverse("accounts:password_reset"), {"email": address})


@pytest.mark.django_db
def test_without_a_worker_the_mail_is_delivered_at_once(client, queued_mail):
    DelegateFactory(user__username="aigul@example.org")
    assert reset(client, "aigul@example.org").status_code == 302
    assert [message.to for message in mail.outbox] == [["aigul@example.org"]]
    assert mail.outbox[0].subject == "Портал Алматинского процесса: выберите пароль"


@pytest.mark.usefixtures("queued_mail")
@needs_shared_database[0]
@needs_shared_database[1]
def test_with_a_worker_the_request_queues_the_mail_and_the_worker_sends_it_over_smtp(client, settings, smtp_server):
    controller, inbox = smtp_server
    settings.TASKS = DATABASE_QUEUE
    DelegateFactory(user__username="aigul@example.org")

    assert reset(client, "aigul@example.org").status_code == 302
    assert mail.outbox == []
    assert DBTaskResult.objects.ready().filter(task_path="core.mail.deliver").count() == 1

    worker = run_worker(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(controller.port),
    )
    assert worker.returncode == 0, worker.stderr
    assert [envelope.rcpt_tos for envelope in inbox.messages] == [["aigul@example.org"]]
    body = inbox.messages[0].content.decode()
    assert "/ru/accounts/password-reset/" in body
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
