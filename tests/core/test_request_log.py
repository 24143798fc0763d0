import json
import logging

import pytest
from django.utils.module_loading import import_string

from tests.factories import DelegateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_lines(caplog, settings):
    """The request log's lines, formatted as production writes them (LOGGING's json formatter), parsed."""
    config = dict(settings.LOGGING["formatters"]["json"])
    formatter = import_string(config.pop("()"))(config.pop("format"), **config)
    caplog.set_level(logging.INFO, logger="portal.request")

    def lines():
        return [json.loads(formatter.format(record)) for record in caplog.records if record.name == "portal.request"]

    return lines


def test_each_request_writes_one_json_line_with_id_duration_status_and_reader(client, request_lines):
    client.get("/en/meetings/?year=2016", HTTP_X_REQUEST_ID="abc123")

    [line] = request_lines()
    assert line["message"] == "request"
    assert line["logger"] == "portal.request"
    assert line["level"] == "INFO"
    assert (line["request_id"], line["method"], line["path"], line["status"], line["reader"]) == (
        "abc123",
        "GET",
        "/en/meetings/",
        200,
        "anonymous",
    )
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert "time" in line


def test_the_request_id_is_returned_to_the_reader(client):
    response = client.get("/en/", HTTP_X_REQUEST_ID="from-nginx-42")

    assert response.headers["X-Request-ID"] == "from-nginx-42"


def test_without_a_plausible_request_id_one_is_made(client, request_lines):
    response = client.get("/en/missing-page/", HTTP_X_REQUEST_ID="bad id\nforged: line")

    [line] = request_lines()
    assert line["status"] == 404
    assert line["request_id"] == response.headers["X-Request-ID"]
    assert len(line["request_id"]) == 32 and line["request_id"].isalnum()


def test_the_query_string_is_not_logged(client, request_lines):
    client.get("/en/search/?q=private-words")

    assert "private-words" not in json.dumps(request_lines())


@pytest.mark.parametrize(
    ("reader", "kind"),
    [("delegate", "delegate"), ("staff", "staff"), ("plain user", "signed-in")],
)
def test_the_line_names_the_kind_of_reader_not_the_reader(client, django_user_model, request_lines, reader, kind):
    if reader == "delegate":
        user = DelegateFactory(user__username="aigul@example.org").user
    elif reader == "staff":
        user = django_user_model.objects.create_user("aigul@example.org", is_staff=True)
    else:
        user = django_user_model.objects.create_user("aigul@example.org")
    client.force_login(user)

    client.get("/en/")

    [line] = request_lines()
    assert line["reader"] == kind
    assert "aigul" not in json.dumps(line)
