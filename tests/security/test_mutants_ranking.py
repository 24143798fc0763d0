"""The site-wide search counts only what the reader may see, on the public fast path too."""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import QueryDict
from django.test import RequestFactory
from django.utils import timezone
from lxml import html

from core.models import Publishable
from documents.filters import DocumentFilter
from documents.models import Audience, Document
from documents.search import indexed_matches, indexed_search_ranking
from tests.factories import DelegateFactory, DocumentFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the fast path is PostgreSQL's")

DRAFT = Publishable.PublicationStatus.DRAFT
LATER = timezone.now() + datetime.timedelta(days=3)


@pytest.fixture
def archive():
    """Two documents about refugees anyone may see, and one hidden for each reason there is."""
    restricted = [value for value in Audience.values if value != Audience.PUBLIC]
    visible = [
        DocumentFactory(title_ru="Беженцы в Центральной Азии"),
        DocumentFactory(title_ru="Беженцы без встречи", meeting=None),
    ]
    DocumentFactory(title_ru="Трудовая миграция")  # public, but not about refugees
    hidden = [
        DocumentFactory(title_ru="Беженцы: черновик", publication_status=DRAFT),
        DocumentFactory(title_ru="Беженцы: позже", publish_at=LATER),
        DocumentFactory(title_ru="Беженцы: встреча-черновик", meeting=MeetingFactory(publication_status=DRAFT)),
        DocumentFactory(title_ru="Беженцы: встреча позже", meeting=MeetingFactory(publish_at=LATER)),
        *(DocumentFactory(title_ru=f"Беженцы: для {audience}", audience=audience) for audience in restricted),
    ]
    return visible, hidden


def search_page(client, query="беженцы"):
    response = client.get("/ru/search/", {"q": query})
    assert response.status_code == 200
    page = html.fromstring(response.content)
    heading = page.get_element_by_id("documents-heading").text_content()
    count = int(re.search(r"\d+", heading)[0])
    return count, page


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_public_sees_a_count_of_the_documents_it_may_open_and_no_more(client, archive, signed_in):
    visible, hidden = archive
    if signed_in:
        client.force_login(UserFactory())

    count, page = search_page(client)

    assert count == len(visible)
    shown = page.text_content()
    assert all(document.title_ru in shown for document in visible)
    assert not any(document.title_ru in shown for document in hidden)


def test_a_delegate_counts_the_documents_for_delegates_too(client, archive):
    visible, hidden = archive
    client.force_login(DelegateFactory().user)

    count, _page = search_page(client)

    assert count == len(visible) + 1


@postgresql_only
def test_the_fast_path_counts_and_ranks_only_public_documents(archive):
    visible, _hidden = archive

    ranking = indexed_search_ranking("беженцы", AnonymousUser())

    assert ranking.count() == len(visible)
    assert sorted(pk for pk, _total in ranking.rows(0, 25)) == sorted(document.pk for document in visible)


@postgresql_only
def test_the_fast_path_counts_for_staff_and_delegates_what_each_may_see(archive):
    visible, hidden = archive
    delegates_only = [document for document in hidden if document.audience == Audience.DELEGATES]

    assert indexed_search_ranking("беженцы", UserFactory(is_staff=True)).count() == len(visible) + len(hidden)
    assert indexed_search_ranking("беженцы", DelegateFactory().user).count() == len(visible) + len(delegates_only)
    assert indexed_search_ranking("", AnonymousUser()) is None


@postgresql_only
def test_the_fast_path_ranks_the_more_relevant_document_first_whatever_its_date(client):
    relevant = DocumentFactory(title_ru="Беженцы: защита беженцев и помощь беженцам", date=datetime.date(2014, 5, 1))
    passing = DocumentFactory(title_ru="Годовой доклад о работе, беженцы и другое", date=datetime.date(2020, 5, 1))

    rows = indexed_search_ranking("беженцы", AnonymousUser()).rows(0, 25)
    _count, page = search_page(client)

    assert [pk for pk, _total in rows] == [relevant.pk, passing.pk]
    titles = [link.text_content().strip() for link in page.find_class("item-title")]
    assert titles == [relevant.title_ru, passing.title_ru]


def fast_path(**values):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    params = QueryDict(mutable=True)
    for name, value in values.items():
        params[name] = value
    documents = DocumentFilter(params, queryset=Document.objects.visible_to(request.user), request=request)
    assert documents.is_valid(), documents.form.errors
    return indexed_matches(documents)


@postgresql_only
def test_a_query_alone_is_answered_from_the_search_index_without_reading_the_documents(archive):
    visible, _hidden = archive
    documents_table = Document._meta.db_table

    alone = fast_path(q="беженцы")
    with_kind = fast_path(q="беженцы", kind=visible[0].kind)

    # Counting (which drops the ordering) reads the index alone.
    assert documents_table not in str(alone.order_by().query)
    assert sorted(alone.values_list("document_id", flat=True)) == sorted(document.pk for document in visible)
    # Another filter is applied through the documents it leaves.
    assert documents_table in str(with_kind.order_by().query)
