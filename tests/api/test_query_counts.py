"""Each API list runs a bounded number of SQL queries, however many items and relations there are."""

import pytest

from tests.factories import (
    ActivityFactory,
    DelegateFactory,
    DocumentFactory,
    DocumentFileFactory,
    IndicatorValueFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgressUpdateFactory,
    StateFactory,
    StatementParagraphFactory,
    TermFactory,
)

pytestmark = pytest.mark.django_db

ROWS = 30  # more than a page (25): a full page is listed


@pytest.fixture
def many():
    states = [StateFactory() for _ in range(4)]
    organisations = [OrganisationFactory() for _ in range(3)]
    for _ in range(ROWS):
        meeting = MeetingFactory(host_country=states[0])
        meeting.organisers.set(organisations)
        for state in states[:2]:
            ParticipationFactory(meeting=meeting, state=state)
        paragraph = StatementParagraphFactory(statement__meeting=meeting)
        document = DocumentFactory(meeting=meeting)
        document.states.set(states)
        document.organisations.set(organisations)
        for language in ("ru", "en"):
            DocumentFileFactory(document=document, language=language)
        activity = ActivityFactory()
        activity.lead_states.set(states[:2])
        activity.partner_states.set(states[2:])
        activity.lead_organisations.set(organisations[:1])
        activity.partner_organisations.set(organisations[1:])
        activity.paragraphs.add(paragraph)
        activity.meetings.add(meeting)
        activity.documents.add(document)
        ProgressUpdateFactory(activity=activity)
        ProgressUpdateFactory(activity=activity)
        TermFactory()
        IndicatorValueFactory(state=states[len(states) - 1 - _ % 4], year=1990 + _)
    return states


# Each list with the number of items the fixture makes for it, and its query budget (the most it may run):
# a count and a page, plus one query a prefetched relation.
ENDPOINTS = {
    "meetings": (ROWS, 3),
    "participations": (2 * ROWS, 2),
    "paragraphs": (ROWS, 2),
    "states": (4, 2),
    "organisations": (ROWS + 3, 2),
    "documents": (ROWS, 5),
    "glossary": (ROWS, 2),
    "activities": (ROWS, 10),
    "indicators": (ROWS, 2),
    "indicator-values": (ROWS, 2),
}


def test_every_list_runs_a_bounded_number_of_queries_for_an_anonymous_reader(
    client, many, django_assert_max_num_queries
):
    for endpoint, (rows, budget) in ENDPOINTS.items():
        with django_assert_max_num_queries(budget):
            response = client.get(f"/api/v1/{endpoint}/?page_size=100")

        assert response.status_code == 200, endpoint
        body = response.json()
        assert body["count"] == rows, endpoint
        assert len(body["results"]) == rows, endpoint


def test_the_restricted_lists_run_a_bounded_number_of_queries_for_a_delegate(
    client, many, django_assert_max_num_queries
):
    client.force_login(DelegateFactory(state=many[0]).user)

    for endpoint in ("documents", "activities", "meetings", "paragraphs", "participations"):
        rows, budget = ENDPOINTS[endpoint]
        # The session, the user and the delegate's state: three more.
        with django_assert_max_num_queries(budget + 3):
            response = client.get(f"/api/v1/{endpoint}/?page_size=100")

        assert response.status_code == 200, endpoint
        assert len(response.json()["results"]) == rows, endpoint
