"""The archive and the site search use the glossary: a query also finds the term's other-language words.

The results page says what else was searched («Также искали: refugee»), a link switches it off
(expand=0, kept by pagination), and exact matches rank above expanded ones.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from lxml import html

from tests.factories import TermFactory

pytestmark = pytest.mark.django_db


def tree_of(response):
    assert response.status_code == 200
    return html.fromstring(response.content.decode())


def titles(tree) -> list[str]:
    return [" ".join(node.text_content().split()) for node in tree.xpath('//*[contains(@class, "item-title")]')]


def also_searched(tree) -> list[str]:
    return tree.xpath('//p[@class="query-expansion"]/span/text()')


def switch(tree) -> dict:
    link = tree.xpath('//p[@class="query-expansion"]/a[@class="expansion-switch"]')[0]
    return parse_qs(urlsplit(link.get("href")).query)


@pytest.fixture
def glossary():
    TermFactory(
        label_ru="лицо без гражданства",
        label_en="stateless person",
        synonyms_ru="апатрид",
        synonyms_en="stateless people\nstateless",
        slug="stateless-person",
    )
    TermFactory(label_ru="беженец", label_en="refugee", slug="refugee")


@pytest.fixture
def archive(glossary, document_with_text):
    document_with_text(
        "Доклад о правах лиц без гражданства в регионе.", title_ru="Доклад о безгражданстве", title_en=""
    )
    document_with_text("The refugees were granted asylum.", language="en", title_ru="", title_en="Asylum report")
    document_with_text("Положение беженцев.", title_ru="Беженцы в регионе", title_en="")


def test_an_english_query_finds_a_russian_only_document_about_stateless_persons(client, archive):
    tree = tree_of(client.get("/en/documents/", {"q": "stateless"}))

    assert titles(tree) == ["Доклад о безгражданстве (in Russian only)"]
    assert also_searched(tree) == ["лицо без гражданства", "апатрид", "stateless person"]


def test_a_russian_query_finds_an_english_only_document(client, archive):
    tree = tree_of(client.get("/ru/documents/", {"q": "беженцев"}))

    assert titles(tree) == ["Беженцы в регионе", "Asylum report (только на английском)"]
    assert also_searched(tree) == ["refugee"]
    assert tree.xpath('//p[@class="query-expansion"]/span/@lang') == ["en"]
    glossary_links = tree.xpath('//p[@class="query-expansion"]/a[@class="glossary-link"]')
    assert [(link.text, link.get("href")) for link in glossary_links] == [("беженец", "/ru/glossary/#refugee")]


def test_the_results_say_what_else_was_searched_in_russian_and_in_english(client, archive):
    russian = tree_of(client.get("/ru/documents/", {"q": "беженец"}))
    english = tree_of(client.get("/en/documents/", {"q": "беженец"}))

    assert " ".join(russian.xpath('//p[@class="query-expansion"]')[0].text_content().split()).startswith(
        "Также искали: refugee."
    )
    assert " ".join(english.xpath('//p[@class="query-expansion"]')[0].text_content().split()).startswith(
        "Also searched: refugee."
    )


def test_expand_0_switches_the_expansion_off_and_offers_to_switch_it_on(client, archive):
    tree = tree_of(client.get("/ru/documents/", {"q": "беженец", "expand": "0"}))

    assert titles(tree) == ["Беженцы в регионе"]
    assert also_searched(tree) == ["refugee"]
    assert "Не искали" in tree.xpath('//p[@class="query-expansion"]')[0].text_content()
    assert switch(tree) == {"q": ["беженец"]}


def test_the_switch_off_link_keeps_the_filters_and_drops_the_page(client, archive):
    tree = tree_of(client.get("/ru/documents/", {"q": "беженец", "kind": "report", "page": "1"}))

    assert switch(tree) == {"q": ["беженец"], "kind": ["report"], "expand": ["0"]}


def test_pagination_keeps_expand_0(client, glossary, document_with_text):
    for number in range(30):
        document_with_text("Положение беженцев.", title_ru=f"Беженцы {number}", title_en="")

    tree = tree_of(client.get("/ru/documents/", {"q": "беженец", "expand": "0"}))

    next_page = tree.xpath('//nav[@class="pagination"]//a[@rel="next"]/@href')[0]
    assert parse_qs(urlsplit(next_page).query) == {"q": ["беженец"], "expand": ["0"], "page": ["2"]}


def test_a_bad_expand_value_is_a_400_naming_it(client, archive):
    response = client.get("/ru/documents/", {"q": "беженец", "expand": "yes"})

    assert response.status_code == 400
    assert client.get("/ru/search/", {"q": "беженец", "expand": "yes"}).status_code == 400


def test_exact_matches_rank_above_expanded_ones(client, glossary, document_with_text):
    document_with_text("", title_ru="", title_en="Refugee protection", summary_en="Refugees in the region")
    document_with_text("Беженцы упомянуты в тексте.", title_ru="Доклад", title_en="")

    tree = tree_of(client.get("/ru/documents/", {"q": "беженцы"}))

    assert titles(tree) == ["Доклад", "Refugee protection (только на английском)"]


def test_the_site_search_uses_the_expansion_and_says_so(client, archive):
    tree = tree_of(client.get("/en/search/", {"q": "stateless"}))

    assert titles(tree)[:1] == ["Доклад о безгражданстве (in Russian only)"]
    assert also_searched(tree)[:2] == ["лицо без гражданства", "апатрид"]
    archive_link = tree.xpath('//a[contains(@href, "/en/documents/?")]/@href')[-1]
    assert parse_qs(urlsplit(archive_link).query) == {"q": ["stateless"]}


def test_the_site_search_without_expansion_finds_only_exact_matches(client, archive):
    tree = tree_of(client.get("/en/search/", {"q": "stateless", "expand": "0"}))

    assert titles(tree) == []
    assert switch(tree) == {"q": ["stateless"]}
    archive_link = tree.xpath('//a[contains(@href, "/en/documents/?")]/@href')
    assert archive_link == []  # no documents, no link to all of them


def test_a_draft_term_expands_nothing(client, document_with_text):
    TermFactory(label_ru="беженец", label_en="refugee", publication_status="draft")
    document_with_text("The refugees were granted asylum.", language="en", title_ru="", title_en="Asylum report")

    tree = tree_of(client.get("/ru/documents/", {"q": "беженец"}))

    assert titles(tree) == []
    assert tree.xpath('//p[@class="query-expansion"]') == []


def test_the_archive_with_an_expanded_query_runs_a_bounded_number_of_queries(
    client, archive, django_assert_max_num_queries
):
    client.get("/ru/documents/", {"q": "беженец"})  # the glossary's table is read once, then cached

    with django_assert_max_num_queries(20):
        tree = tree_of(client.get("/ru/documents/", {"q": "беженец"}))

    assert len(titles(tree)) == 2


def test_a_query_naming_many_terms_is_bounded_and_the_page_says_how_many_were_left_out(client):
    for number in range(25):
        TermFactory(label_ru=f"слово{number}", label_en=f"word{number}", synonyms_en=f"token{number}")
    query = " ".join(f"word{number}" for number in range(25))

    tree = tree_of(client.get("/en/documents/", {"q": query}))

    assert len(also_searched(tree)) == 20
    text = " ".join(tree.xpath('//p[@class="query-expansion"]')[0].text_content().split())
    assert "(and 30 more, left out)" in text
