"""Schemathesis sends the API requests made from its OpenAPI schema: none answers 500, each answer matches the schema.

Runs against the real WSGI application (every middleware, PostgreSQL), with a small world of public and
restricted items so that lists are not empty. About 15 requests per operation keeps it within a minute.
"""

import datetime

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.factories import (
    ActivityFactory,
    DocumentFactory,
    DocumentFileFactory,
    IndicatorValueFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgressUpdateFactory,
    StatementParagraphFactory,
    TermFactory,
)


@pytest.fixture
def api_schema(db, settings):
    # The generated requests come quicker than any reader's: the rate limit has its own test.
    settings.RATE_LIMIT_ENABLED = False
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]
    participation = ParticipationFactory()
    StatementParagraphFactory(statement__meeting=participation.meeting)
    document = DocumentFactory(meeting=participation.meeting, date=datetime.date(2017, 5, 5))
    document.states.add(participation.state)
    DocumentFileFactory(document=document)
    DocumentFactory(publication_status="draft")
    # Empty relations and dates too: the schema must say which fields may be null.
    DocumentFactory(meeting=None, summary_en="")
    ParticipationFactory(meeting=participation.meeting, state=None, organisation=OrganisationFactory())
    ProgressUpdateFactory(activity=ActivityFactory(end_date=None))
    TermFactory(definition_en="")
    IndicatorValueFactory(state=participation.state)
    # As Django's test client does: the test's open transaction must survive each request's end.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def operations(schema):
    for result in schema.get_all_operations():
        yield result.ok()


# Hypothesis is driven directly: schemathesis' own pytest loader does not run under this pytest version.
def test_no_generated_request_gets_a_500_and_every_answer_matches_the_schema(api_schema):
    checked = []
    for operation in operations(api_schema):

        @given(case=operation.as_strategy())
        @settings(
            max_examples=15,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def check(case):
            case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

        check()
        checked.append(operation.path)

    # Every list and every item of the API was tried, and nothing else answers under /api/v1/.
    assert len(checked) == 20
