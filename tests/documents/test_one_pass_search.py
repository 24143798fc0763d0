"""A search not counted yet reads its matches once: one statement ranks them, counts them and counts
their facets (documents.facets._shared_counts with the list's ranking), and the page shows exactly
what the separate ranking and facet statements give."""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import QueryDict
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from lxml import html

from core.pagecache import invalidate
from documents.facets import document_facets
from documents.filters import DocumentFilter
from documents.models import Document
from documents.search import indexed_ranking
from tests.factories import DelegateFactory, DocumentFactory, OrganisationFactory, StateFactory, UserFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search only"),
]

KINDS = [Document.Kind.REPORT, Document.Kind.AGENDA, list(Document.Kind)[2]]


@pytest.fixture(params=[0, 300], ids=["without sharing", "shared"])
def sharing(request, settings):
    settings.PAGE_CACHE_SECONDS = request.param
    return request.param


@pytest.fixture
def archive():
    """Sixty documents on refugees of three kinds, years, states and organisations (ranks differ by title)."""
    states, organisations = [StateFactory() for _ in range(3)], [OrganisationFactory() for _ in range(2)]
    for number in range(60):
        title = "Беженцы: доклад" if number % 4 == 0 else f"Доклад № {number}"
        document = DocumentFactory(
            title_ru=title,
            summary_ru="О защите беженцев." if number % 3 else "О границах.",
            kind=KINDS[number % 3],
            date=datetime.date(2010 + number % 7, 1 + number % 12, 1),
        )
        document.states.set(states[: number % 4])
        document.organisations.set(organisations[: number % 3])
    DocumentFactory(title_ru="О границах", summary_ru="Ничего о теме.")


def readers() -> dict:
    clients = {"anonymous": Client()}
    for name, user in (("delegate", DelegateFactory().user), ("staff", UserFactory(is_staff=True))):
        clients[name] = Client()
        clients[name].force_login(user)
    return clients


def searched(statements) -> int:
    """How many statements match the query against search_searchentry's lemma vectors (its GIN index)."""
    return sum(1 for query in statements if "search_searchentry" in query["sql"] and "@@" in query["sql"])


def shown(response):
    """The ids listed, the total in the heading, and every facet's counts as the page shows them."""
    assert response.status_code == 200
    page = html.fromstring(response.content)
    links = page.xpath("//ol[contains(@class, 'document-results')]//a/@href")
    ids = [int(re.search(r"/(\d+)/", link).group(1)) for link in links if re.search(r"/documents/\d+/", link)]
    total = int(re.search(r"\d+", page.get_element_by_id("results-heading").text_content()).group())
    counts = [int(count.text_content()) for count in page.xpath("//aside[@class='facets']//span[@class='count']")]
    return list(dict.fromkeys(ids)), total, counts


def expected(user, params: dict):
    """What the page must show, from the ranking and the facets each read alone (the two-statement way)."""
    query = QueryDict(mutable=True)
    query.update(params)
    request = RequestFactory().get("/", params)
    request.user = user
    documents = DocumentFilter(query, queryset=Document.objects.visible_to(user), request=request)
    assert documents.is_valid()
    with override_settings(PAGE_CACHE_SECONDS=0):
        rows = indexed_ranking(documents).rows(0, 25)
        facets = document_facets(documents, query)
    return [pk for pk, _total in rows], rows[0][1], [option.count for facet in facets for option in facet.options]


# With a kind chosen, the kind facet counts other matches (those of every kind): one statement more.
@pytest.mark.parametrize(
    ("params", "searches"),
    [({"q": "беженцы"}, 1), ({"q": "беженцы", "sort": "newest"}, 1), ({"q": "беженцы", "kind": "report"}, 2)],
    ids=["by relevance", "newest first", "one kind chosen"],
)
def test_a_search_not_counted_yet_reads_its_matches_once_and_shows_what_separate_statements_give(
    archive, sharing, params, searches
):
    for name, client in readers().items():
        invalidate()
        with CaptureQueriesContext(connection) as statements:
            response = client.get(reverse("documents:document_list"), params)

        assert searched(statements) == searches, name
        user = response.wsgi_request.user
        with CaptureQueriesContext(connection) as separately:
            reference = expected(AnonymousUser() if not user.is_authenticated else user, params)
        assert searched(separately) == searches + 1
        assert shown(response) == reference, name
        assert reference[0] and len(reference[2]) > 5


def test_the_next_pages_and_another_order_of_a_counted_search_do_not_count_it_again(archive, settings):
    settings.PAGE_CACHE_SECONDS = 300
    client = readers()["delegate"]
    invalidate()
    first = shown(client.get(reverse("documents:document_list"), {"q": "беженцы"}))

    with CaptureQueriesContext(connection) as next_page:
        second = shown(client.get(reverse("documents:document_list"), {"q": "беженцы", "page": "2"}))
    with CaptureQueriesContext(connection) as newest:
        client.get(reverse("documents:document_list"), {"q": "беженцы", "sort": "newest"})

    assert searched(next_page) == 0
    assert second[1:] == first[1:] and not set(second[0]) & set(first[0])
    assert searched(newest) == 1  # ranked again in the new order; the facets are those already counted
