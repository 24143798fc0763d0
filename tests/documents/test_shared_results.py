"""A search's counts, first ids and snippets are worked out once and shared (core.pagecache.remember)
by the requests that ask the same thing: never across readers with different rights, never past a change."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lxml import html

from documents.models import Audience, Document
from meetings.models import Participation
from tests.factories import DelegateFactory, DocumentFactory, MeetingFactory, ParticipationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sharing_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def restricted():
    """Thirty public reports on refugees and one for the states that attended its meeting."""
    meeting = MeetingFactory()
    for number in range(30):
        DocumentFactory(title_ru=f"Доклад о защите беженцев № {number}")
    return DocumentFactory(
        title_ru="Закрытый доклад о беженцах для участников", meeting=meeting, audience=Audience.ATTENDED_STATES
    )


@pytest.fixture
def readers(restricted):
    """A client per reader, all made before any search: saving a delegate is a change of content,
    which drops what was shared and would leave nothing for these tests to catch."""
    attending = DelegateFactory()
    ParticipationFactory(
        meeting=restricted.meeting, state=attending.state, attendance=Participation.Attendance.ATTENDED
    )
    return {
        "attending": signed_in(attending.user),
        "stranger": signed_in(DelegateFactory().user),
        "staff": signed_in(UserFactory(is_staff=True)),
        "anonymous": Client(),
    }


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def search(client, **params):
    """The titles listed, the count in the heading, and the facets' counts of a search for «беженцы»."""
    response = client.get(reverse("documents:document_list"), {"q": "беженцы", **params})
    assert response.status_code == 200
    page = html.fromstring(response.content)
    titles = [link.text_content().strip() for link in page.xpath("//ol[contains(@class, 'document-results')]//a")]
    total = int(re.search(r"\d+", page.get_element_by_id("results-heading").text_content()).group())
    counts = [int(count.text_content()) for count in page.xpath("//aside[@class='facets']//span[@class='count']")]
    return titles, total, counts


def every_title(client) -> list[str]:
    return search(client)[0] + search(client, page="2")[0]


def test_a_delegate_s_restricted_hit_is_not_shared_with_other_readers(restricted, readers):
    assert restricted.title_ru in every_title(readers["attending"])

    for reader in ("stranger", "anonymous"):
        titles = every_title(readers[reader])
        assert restricted.title_ru not in titles
        assert len(titles) == 30
    assert restricted.title_ru in every_title(readers["staff"])


def test_the_counts_a_delegate_was_shown_are_not_shown_to_a_stranger(readers):
    _titles, allowed_total, allowed_counts = search(readers["attending"])
    _titles, stranger_total, stranger_counts = search(readers["stranger"])

    assert (allowed_total, stranger_total) == (31, 30)
    assert max(allowed_counts) == 31
    assert max(stranger_counts) == 30


def test_the_second_page_of_a_search_reads_no_search_index(readers):
    client = readers["attending"]
    assert search(client)[1] == 31

    with CaptureQueriesContext(connection) as queries:
        titles = search(client, page="2")[0]

    assert not [query for query in queries if "search_searchentry" in query["sql"]]
    assert len(titles) == 31 - 25


def test_pages_read_from_shared_ids_are_the_pages_computed_afresh(readers, settings):
    client = readers["attending"]
    shared = [search(client, page=number)[0] for number in ("1", "2")]

    settings.PAGE_CACHE_SECONDS = 0
    fresh = [search(client, page=number)[0] for number in ("1", "2")]

    assert shared == fresh
    assert sum(len(titles) for titles in shared) == 31


def test_a_document_withdrawn_after_a_search_is_gone_from_the_next_one(restricted, readers):
    client = readers["attending"]
    assert restricted.title_ru in every_title(client)

    restricted.publication_status = Document.PublicationStatus.DRAFT
    restricted.save()

    assert restricted.title_ru not in every_title(client)
    assert search(client)[1] == 30


def test_searches_still_answer_when_the_cache_server_is_down(restricted, readers, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"},
    }
    client = readers["attending"]

    assert restricted.title_ru in every_title(client)
    assert search(client)[1] == 31
