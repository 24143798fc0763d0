"""Expansions (`also`): extra phrases searched as alternatives to the query, ranked below its exact matches.

On whichever database the tests run (SQLite and PostgreSQL); the index-only path is PostgreSQL's.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from core.models import Publishable
from documents.models import Document
from participants.models import Organisation
from search import engine
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def found(query, also=()):
    documents, _snippets = engine.search_documents(Document.objects.visible_to(AnonymousUser()), query, also)
    return [document.title_ru for document in documents]


@pytest.fixture
def archive(document_with_text):
    document_with_text("Права беженцев в регионе.", title_ru="Беженцы", title_en="")
    document_with_text("The refugees were granted asylum.", language="en", title_ru="Убежище", title_en="")
    document_with_text("Лица без гражданства и апатриды.", title_ru="Апатриды", title_en="")


def test_an_expansion_finds_what_the_query_alone_misses(archive):
    assert found("беженец") == ["Беженцы"]
    assert found("беженец", also=["refugee"]) == ["Беженцы", "Убежище"]


def test_exact_matches_rank_above_expanded_ones_even_from_the_text(document_with_text):
    document_with_text("", title_ru="Refugees", title_en="", summary_ru="Refugee protection")
    document_with_text("Беженцы упомянуты только в тексте.", title_ru="Доклад", title_en="")

    assert found("беженцы", also=["refugee"]) == ["Доклад", "Refugees"]


def test_a_multi_word_expansion_is_a_phrase_in_any_form(archive, document_with_text):
    document_with_text("Гражданства лишены, лица остались.", title_ru="Разрозненные слова", title_en="")

    assert found("апатрид", also=["лицо без гражданства"]) == ["Апатриды"]
    assert found("statelessness", also=["лицо без гражданства"]) == ["Апатриды"]


def test_expansions_do_not_widen_a_query_without_words(archive):
    assert found("и", also=["refugee"]) == []


def test_snippets_mark_the_query_and_the_expansions(document_with_text):
    document = document_with_text("Беженцы, или refugees, и мигранты.", title_en="")

    _documents, snippets = engine.search_documents(Document.objects.all(), "беженец", ["refugee"])
    snippet = snippets([document])[document.pk]

    assert "<mark>Беженцы</mark>" in snippet
    assert "<mark>refugees</mark>" in snippet
    assert "<mark>мигранты</mark>" not in snippet


def test_match_and_rank_take_expansions(archive):
    matched = engine.match(Document.objects.all(), "беженец", also=["refugee"])
    ranked = engine.rank(matched, "беженец", also=["refugee"])

    assert [document.title_ru for document in ranked] == ["Беженцы", "Убежище"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the index-only path is PostgreSQL's")
def test_public_entries_and_their_ranking_take_expansions(archive):
    entries = engine.public_entries(Document.public_q(), "беженец", also=["refugee"])
    ranking = engine.rank_entries(entries, "беженец", also=["refugee"])
    titles = dict(Document.objects.values_list("pk", "title_ru"))

    assert [titles[pk] for pk, _total in ranking.rows(0, 10)] == ["Беженцы", "Убежище"]
    assert ranking.count() == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the index-only path is PostgreSQL's")
def test_a_phrase_expansion_is_checked_as_a_phrase_on_every_path(archive, document_with_text):
    """The index is asked for the phrase's words in any order; only its phrase may match, or the query."""
    document_with_text("Гражданства лишены, лица остались.", title_ru="Разрозненные слова", title_en="")
    document_with_text("Лица остались, гражданства лишены: апатрид.", title_ru="Апатрид", title_en="")
    document_with_text("Без гражданства лица.", title_ru="Другой порядок", title_en="")
    query, also = "апатрид", ["лицо без гражданства", "stateless person"]

    entries = engine.public_entries(Document.public_q(), query, also=also)
    ranking = engine.rank_entries(entries, query, also=also)
    matched = engine.match(Document.objects.all(), query, also=also)
    titles = dict(Document.objects.values_list("pk", "title_ru"))

    assert sorted(titles[pk] for pk, _total in ranking.rows(0, 10)) == ["Апатрид", "Апатриды"]
    assert ranking.count() == 2
    assert sorted(matched.values_list("title_ru", flat=True)) == ["Апатрид", "Апатриды"]


def test_text_q_finds_other_forms_and_expansions():
    OrganisationFactory(name_ru="Защита беженцев", name_en="Refugee protection", slug="one")
    OrganisationFactory(name_ru="Трудовые мигранты", name_en="Labour migration", slug="two")
    OrganisationFactory(name_ru="Права человека", name_en="Human rights", slug="three")
    fields = ["name_ru", "name_en"]

    def names(query, also=()):
        condition = engine.text_q(query, fields, also)
        return sorted(Organisation.objects.filter(condition).values_list("slug", flat=True))

    assert names("беженец") == ["one"]
    assert names("людей") == ["three"]
    assert names("беженец", also=["трудовые мигранты"]) == ["one", "two"]
    assert engine.text_q("и", fields, also=["refugee"]) is None


def test_an_expansion_never_reaches_a_document_the_reader_may_not_see(document_with_text):
    document_with_text(
        "Refugees in the region.",
        language="en",
        title_ru="Черновик",
        title_en="",
        publication_status=Publishable.PublicationStatus.DRAFT,
    )
    document_with_text(
        "Refugees and asylum.", language="en", title_ru="Для делегатов", title_en="", audience="delegates"
    )
    document_with_text("Права беженцев.", title_ru="Открытый", title_en="")

    assert found("беженец", also=["refugee"]) == ["Открытый"]
    if connection.vendor == "postgresql":
        entries = engine.public_entries(Document.public_q(), "беженец", also=["refugee"])
        assert list(entries.values_list("document__title_ru", flat=True)) == ["Открытый"]


def test_a_search_with_twenty_expansions_takes_two_queries(archive, django_assert_max_num_queries):
    also = ["refugee", *(f"term{number}" for number in range(19))]

    with django_assert_max_num_queries(2):
        documents, snippets = engine.search_documents(Document.objects.all(), "беженец", also)
        shown = snippets(list(documents))

    assert len(shown) == 2
