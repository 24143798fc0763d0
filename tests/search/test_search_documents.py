"""The search itself, on whichever database the tests run (SQLite by default, PostgreSQL in CI)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from core.models import Publishable
from documents.models import Audience, Document
from search.backends import search_documents

pytestmark = pytest.mark.django_db


def found(query, user=None):
    documents, _snippets = search_documents(Document.objects.visible_to(user or AnonymousUser()), query)
    return [document.title_ru for document in documents]


@pytest.fixture
def archive(document_with_text):
    document_with_text("Положение беженцы в регионе.", title_ru="Беженцы", title_en="")
    document_with_text("The refugee was granted asylum.", language="en", title_ru="Убежище", title_en="", summary_ru="")
    document_with_text("Права трудовых мигрантов и защита их семей.", title_ru="Мигранты", title_en="")
    document_with_text("Защита прав детей-мигрантов.", title_ru="Дети", title_en="")


def test_russian_word_form_finds_another_form(archive):
    assert found("беженцев") == ["Беженцы"]


def test_english_word_form_finds_another_form(archive):
    assert found("refugees") == ["Убежище"]


def test_all_words_must_match(archive):
    assert found("защита семей") == ["Мигранты"]


def test_quoted_phrase_requires_the_words_together(archive):
    assert found('"трудовых мигрантов"') == ["Мигранты"]
    assert found('"мигрантов трудовых"') == []


def test_or_accepts_either_word(archive):
    assert sorted(found("беженцам OR asylum")) == ["Беженцы", "Убежище"]


def test_minus_excludes_a_word(archive):
    assert found("мигрантов -детей") == ["Мигранты"]


def test_query_in_either_language_finds_a_document_with_both(document_with_text):
    document_with_text("Refugees and migrants.", language="en", title_ru="Защита беженцев", title_en="")

    assert found("беженцы") == ["Защита беженцев"]
    assert found("migrant") == ["Защита беженцев"]


def test_a_title_match_ranks_above_a_text_match(document_with_text):
    document_with_text("Реадмиссия обсуждалась подробно.", title_ru="Доклад", title_en="")
    document_with_text("Другое.", title_ru="Соглашения о реадмиссии", title_en="")

    assert found("реадмиссия") == ["Соглашения о реадмиссии", "Доклад"]


def test_query_without_words_finds_nothing(archive):
    assert found("!!! ???") == []


def test_snippet_highlights_matched_forms_and_escapes_html(document_with_text):
    document = document_with_text('<b onclick="x()">Права</b> беженцев & мигрантов', title_en="")
    documents, snippets = search_documents(Document.objects.all(), "беженцы")

    snippet = snippets(list(documents))[document.pk]

    assert "<mark>беженцев</mark>" in snippet
    assert "<b" not in snippet
    assert 'onclick="x()"' not in snippet
    assert snippet.count("<mark>") == 1


def test_snippet_leaves_out_words_not_searched_for(document_with_text):
    document = document_with_text("Мигранты и беженцы", title_en="")
    documents, snippets = search_documents(Document.objects.all(), "мигранты")

    assert snippets(list(documents))[document.pk] == "<mark>Мигранты</mark> и беженцы"


def test_drafts_and_restricted_documents_are_never_found(document_with_text):
    document_with_text("Беженцы", title_ru="Черновик", publication_status=Publishable.PublicationStatus.DRAFT)
    document_with_text("Беженцы", title_ru="Для делегатов", audience=Audience.DELEGATES)
    document_with_text("Беженцы", title_ru="Открытый", title_en="")

    assert found("беженцы") == ["Открытый"]


def test_staff_find_drafts_too(document_with_text, editor):
    document_with_text("Беженцы", title_ru="Черновик", publication_status=Publishable.PublicationStatus.DRAFT)

    assert found("беженцы", editor) == ["Черновик"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search only")
def test_postgresql_ranks_title_above_summary_above_text(document_with_text):
    document_with_text("апатриды", title_ru="Текст", title_en="")
    document_with_text("", title_ru="Резюме", title_en="", summary_ru="Об апатридах")
    document_with_text("", title_ru="Апатриды", title_en="")

    assert found("апатридов") == ["Апатриды", "Резюме", "Текст"]


def test_text_of_a_restricted_file_is_neither_found_nor_shown(client, document_with_text):
    document_with_text("Конфиденциальная реадмиссия", title_ru="Открытый документ", file_audience="delegates")

    response = client.get("/ru/documents/", {"q": "реадмиссия"})

    assert found("реадмиссия") == []
    assert response.context["documents"] == []
    assert "Конфиденциальная" not in response.content.decode()
