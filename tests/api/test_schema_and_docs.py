"""The OpenAPI schema at /api/v1/schema/ and its Swagger UI page, served from our own static files under our CSP."""

import json

import pytest
import yaml
from django.contrib.staticfiles import finders
from drf_spectacular.validation import validate_schema
from lxml import html

pytestmark = pytest.mark.django_db

LISTS = [
    "meetings",
    "participations",
    "paragraphs",
    "states",
    "organisations",
    "documents",
    "glossary",
    "activities",
    "indicators",
    "indicator-values",
]


def test_the_schema_is_openapi_3_and_lists_every_endpoint(client):
    response = client.get("/api/v1/schema/")

    schema = yaml.safe_load(response.content)
    assert response.status_code == 200
    assert schema["openapi"].startswith("3.")
    assert sorted(path for path in schema["paths"] if "{" not in path) == sorted(f"/api/v1/{name}/" for name in LISTS)


def test_the_schema_is_valid_openapi(client):
    schema = json.loads(client.get("/api/v1/schema/?format=json").content)

    validate_schema(schema)  # raises on any violation of the OpenAPI 3 specification


def test_the_schema_gives_translated_fields_as_one_string_per_language(client):
    schema = json.loads(client.get("/api/v1/schema/?format=json").content)

    title = schema["components"]["schemas"]["Meeting"]["properties"]["title"]
    assert sorted(title["properties"]) == ["en", "ru"]
    assert sorted(title["required"]) == ["en", "ru"]


def test_the_schema_documents_the_archive_filters(client):
    schema = json.loads(client.get("/api/v1/schema/?format=json").content)

    parameters = {parameter["name"] for parameter in schema["paths"]["/api/v1/documents/"]["get"]["parameters"]}
    assert {"q", "kind", "year", "meeting", "state", "organisation", "language", "sort", "page", "page_size"} <= (
        parameters
    )


def test_the_docs_page_loads_only_local_files_and_no_inline_script_or_style(client):
    response = client.get("/api/v1/docs/")

    page = html.fromstring(response.content)
    scripts = page.xpath("//script")
    sources = [script.get("src") for script in scripts]
    stylesheets = page.xpath("//link[@rel='stylesheet']/@href")
    assert response.status_code == 200
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert all(source and source.startswith("/") for source in sources)
    assert [script.text for script in scripts if (script.text or "").strip()] == []
    assert page.xpath("//style|//*[@style]") == []
    assert all(href.startswith("/static/") for href in stylesheets)
    assert [source for source in sources if not source.startswith("/static/")] == ["/api/v1/docs/?script="]


def test_the_docs_page_files_exist_and_its_start_up_script_points_at_the_schema(client):
    page = html.fromstring(client.get("/api/v1/docs/").content)
    static = [
        address.removeprefix("/static/")
        for address in page.xpath("//script/@src|//link[@rel='stylesheet']/@href")
        if address.startswith("/static/")
    ]

    script = client.get("/api/v1/docs/?script=")

    assert len(static) == 4
    assert all(finders.find(path) for path in static), static
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in script.content.decode()
