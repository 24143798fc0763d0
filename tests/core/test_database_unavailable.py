"""A database that does not answer gives a quick 503 page, not a worker stuck until it is killed."""

import socket
import threading
import time

import pytest
from django.conf import settings
from django.db import OperationalError, connection, connections
from lxml import html

from tests.factories import MeetingFactory


@pytest.fixture
def silent_database():
    """A TCP port that accepts connections and never says a word, like a hung database server."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for peer in accepted:
        peer.close()
    server.close()


@pytest.fixture
def hung_default_database(silent_database, django_db_blocker):
    """The default connection pointed at the silent port, with the shortest connect timeout libpq allows."""
    if connection.vendor != "postgresql":
        pytest.skip("the timeouts are PostgreSQL connection options")
    default = connections["default"]
    saved = {key: default.settings_dict[key] for key in ("HOST", "PORT", "OPTIONS")}
    with django_db_blocker.unblock():
        default.close()
        default.settings_dict.update(
            HOST="127.0.0.1", PORT=str(silent_database), OPTIONS={**saved["OPTIONS"], "connect_timeout": 2}
        )
        try:
            yield
        finally:
            default.close()
            default.settings_dict.update(saved)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_database_that_does_not_answer_gives_a_quick_503_in_the_readers_language(
    client, hung_default_database, language
):
    client.raise_request_exception = False
    started = time.monotonic()

    response = client.get(f"/{language}/meetings/")

    assert time.monotonic() - started < 10
    assert response.status_code == 503
    assert response["Retry-After"] == str(settings.DATABASE_RETRY_AFTER)
    page = html.fromstring(response.content)
    assert page.get("lang") == language
    headings = {"en": "The site is briefly unavailable", "ru": "Сайт временно недоступен"}
    assert page.findtext(".//h1") == headings[language]


def test_the_503_is_logged_without_a_stack_trace(client, hung_default_database, caplog):
    client.raise_request_exception = False

    client.get("/en/meetings/")

    assert "core.middleware" in {record.name for record in caplog.records}
    assert all(record.exc_info is None for record in caplog.records)


@pytest.mark.django_db
def test_postgresql_statements_run_under_the_configured_timeout():
    if connection.vendor != "postgresql":
        pytest.skip("statement_timeout is a PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        configured = cursor.fetchone()[0]

    assert configured == f"{settings.DATABASE_STATEMENT_TIMEOUT // 1000}s"


@pytest.mark.django_db(transaction=True)
def test_a_statement_longer_than_the_timeout_is_cancelled():
    if connection.vendor != "postgresql":
        pytest.skip("statement_timeout is a PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 50")
        started = time.monotonic()
        with pytest.raises(OperationalError):
            cursor.execute("SELECT pg_sleep(5)")
        cursor.execute("RESET statement_timeout")

    assert time.monotonic() - started < 2


@pytest.mark.django_db(transaction=True)
def test_the_portal_recovers_on_its_own_when_the_database_answers_again(client, silent_database):
    if connection.vendor != "postgresql":
        pytest.skip("the timeouts are PostgreSQL connection options")
    MeetingFactory(title_en="Regional conference")
    client.raise_request_exception = False
    default = connections["default"]
    saved = {key: default.settings_dict[key] for key in ("HOST", "PORT", "OPTIONS")}
    default.close()
    default.settings_dict.update(
        HOST="127.0.0.1", PORT=str(silent_database), OPTIONS={**saved["OPTIONS"], "connect_timeout": 2}
    )
    try:
        assert client.get("/en/meetings/").status_code == 503
    finally:
        default.close()
        default.settings_dict.update(saved)

    # The database answers again: the next request is served, with no restart.
    again = client.get("/en/meetings/")
    assert again.status_code == 200
    assert "Regional conference" in again.content.decode()
