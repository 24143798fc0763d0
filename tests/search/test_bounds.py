"""Queries past the bounds get an answer that says what was left out, never an error or an endless search."""

import lxml.html
import pytest
from django.utils import translation

from documents.models import Document
from search import engine

pytestmark = pytest.mark.django_db

MANY_WORDS = " ".join(f"w{number}" for number in range(40))  # 40 words in 149 characters


def notes(client, query, language="en"):
    response = client.get(f"/{language}/documents/", {"q": query})
    assert response.status_code == 200
    page = lxml.html.fromstring(response.content)
    return [note.text_content() for note in page.xpath("//div[@class='query-notes']/p")]


def test_a_query_of_stop_words_only_finds_nothing_and_says_why(client, document_with_text):
    document_with_text("Права и обязанности в регионе.", title_en="")

    parsed = engine.parse_query("и в на the")

    assert parsed.is_empty
    assert parsed.stop_words == ("и", "в", "на", "the")
    assert list(engine.match(Document.objects.all(), "и в на the")) == []
    assert notes(client, "и в на the") == [
        "“и в на the”: these words are too common to search for. Add a more specific word."
    ]
    assert notes(client, "и в", "ru") == ["«и в»: эти слова слишком общие для поиска. Добавьте более точное слово."]


def test_stop_words_beside_other_words_are_simply_ignored(client, document_with_text):
    document_with_text("Права беженцев.", title_ru="Права", title_en="")

    assert [document.title_ru for document in engine.match(Document.objects.all(), "права и беженцы")] == ["Права"]
    assert notes(client, "права и беженцы") == []


def test_a_query_of_too_many_words_keeps_the_first_and_names_the_rest(client, document_with_text):
    document_with_text(" ".join(f"w{number}" for number in range(32)), title_en="")

    parsed = engine.parse_query(MANY_WORDS)

    assert sum(len(term.lemmas) for clause in parsed.clauses for term in clause) == engine.MAX_LEMMAS == 32
    assert parsed.dropped == tuple(f"w{number}" for number in range(32, 40))
    assert engine.match(Document.objects.all(), MANY_WORDS).count() == 1
    assert notes(client, MANY_WORDS) == [
        "A search takes up to 32 words; these were left out: w32 w33 w34 w35 w36 w37 w38 w39."
    ]
    assert notes(client, MANY_WORDS, "ru") == [
        "Поиск учитывает не больше 32 слов; не учтены: w32 w33 w34 w35 w36 w37 w38 w39."
    ]


def test_too_many_expansions_are_cut_and_named():
    also = [f"term{number}" for number in range(25)] + ["one two three four five six seven eight nine"]

    parsed = engine.parse_query("беженец", also)

    assert len(parsed.also) == engine.MAX_ALSO == 20
    assert parsed.dropped_also == (*(f"term{number}" for number in range(20, 25)), also[-1])
    with translation.override("en"):
        shown = parsed.notes()
    assert shown == [
        "Up to 20 related terms are searched; these were not: term20, term21, term22, term23, term24, "
        "one two three four five six seven eight nine."
    ]


def test_expansions_that_repeat_or_hold_no_word_are_not_counted():
    parsed = engine.parse_query("беженец", ["refugee", "refugees", "!!!", ""])

    assert [term.lemmas for term in parsed.also] == [("refuge",)]
    assert parsed.dropped_also == ()


def test_an_absurdly_long_query_is_read_up_to_the_bound(document_with_text):
    document_with_text("беженцы", title_en="")
    query = "беженцы " + "x" * 2000

    parsed = engine.parse_query(query)

    assert parsed.truncated
    assert parsed.clauses[0][0].lemmas == ("беженец",)
    with translation.override("en"):
        assert "Only the first 500 characters of the query were searched." in parsed.notes()
    assert engine.match(Document.objects.all(), query).count() == 0  # the cut word must match too


def test_the_list_refuses_an_overlong_query_with_a_form_error(client):
    response = client.get("/en/documents/", {"q": "беженцы " * 100})

    assert response.status_code == 400
