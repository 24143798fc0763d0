"""The public glossary page /<lang>/glossary/: alphabetical, with letters, anchors and search links."""

from urllib.parse import parse_qs, urlsplit

import pytest
from lxml import html

from tests.factories import TermFactory

pytestmark = pytest.mark.django_db


def page(client, language="ru"):
    response = client.get(f"/{language}/glossary/")
    assert response.status_code == 200
    return html.fromstring(response.content)


def labels(tree) -> list[str]:
    return [
        " ".join(node.text_content().split())
        for node in tree.xpath('//*[@class="glossary-term"]//a[@class="term-label"]')
    ]


def term(tree, slug):
    return tree.get_element_by_id(slug)


@pytest.fixture
def terms():
    TermFactory(label_ru="ёмкость приёма", label_en="reception capacity", slug="reception-capacity")
    TermFactory(label_ru="беженец", label_en="refugee", slug="refugee", synonyms_en="refugees")
    TermFactory(label_ru="есть", label_en="asylum", slug="asylum")
    TermFactory(label_ru="апатрид", label_en="stateless person", slug="stateless", abbreviations_en="SP")
    TermFactory(label_ru="мигрант", label_en="Zeta", slug="zeta", publication_status="draft")


def test_russian_terms_are_in_russian_alphabetical_order_with_yo_filed_under_ye(client, terms):
    tree = page(client, "ru")

    assert labels(tree) == ["апатрид", "беженец", "ёмкость приёма", "есть"]
    assert [node.text_content() for node in tree.xpath('//section[@class="glossary-letter"]/h2')] == ["А", "Б", "Е"]


def test_english_terms_are_in_english_alphabetical_order_and_drafts_stay_out(client, terms):
    tree = page(client, "en")

    assert labels(tree) == ["asylum", "reception capacity", "refugee", "stateless person"]


def test_the_letter_navigation_links_the_letters_that_have_terms_and_lists_the_others(client, terms):
    tree = page(client, "en")
    navigation = tree.xpath('//nav[@class="letter-navigation"]')[0]

    assert [link.get("href") for link in navigation.xpath(".//a")] == ["#letter-A", "#letter-R", "#letter-S"]
    assert len(navigation.xpath(".//li")) == 26
    for link in navigation.xpath(".//a"):
        assert tree.get_element_by_id(link.get("href")[1:]).text_content() == link.text_content()


def test_each_term_has_its_anchor_its_other_language_words_definition_source_and_search_links(client, terms):
    tree = page(client, "ru")
    refugee = term(tree, "refugee")

    assert refugee.xpath('.//a[@class="term-label"]')[0].get("href") == "#refugee"
    english = refugee.xpath('.//p[@class="term-words"][@data-language="en"]')[0]
    assert " ".join(english.text_content().split()) == "По-английски: refugee; другие названия: refugees"
    assert english.xpath('.//span[@lang="en"]/text()') == ["refugee", "refugees"]
    own = term(tree, "stateless").xpath('.//p[@class="term-words"]')
    assert [" ".join(line.text_content().split()) for line in own] == ["По-английски: stateless person; сокращения: SP"]
    assert refugee.xpath('.//div[@class="term-definition"]')[0].text_content().strip() == "Краткое определение."
    assert refugee.xpath('.//p[contains(@class, "term-source")]/a')[0].get("href") == "https://publications.iom.int/"
    links = [urlsplit(link.get("href")) for link in refugee.xpath('.//p[contains(@class, "term-links")]/a')]
    assert [(link.path, parse_qs(link.query)) for link in links] == [
        ("/ru/documents/", {"q": ["беженец"]}),
        ("/ru/search/", {"q": ["беженец"]}),
    ]


def test_a_term_missing_in_the_reader_s_language_says_so_and_is_marked_with_its_language(client):
    TermFactory(label_ru="", label_en="pushback", definition_ru="", slug="pushback")

    tree = page(client, "ru")
    pushback = term(tree, "pushback")

    label = pushback.xpath('.//a[@class="term-label"]')[0]
    assert label.xpath(".//span")[0].get("lang") == "en"
    assert "только на английском" in label.getparent().text_content()
    assert "только на английском" in pushback.xpath('.//div[@class="term-definition"]')[0].text_content()
    assert [node.text_content() for node in tree.xpath('//section[@class="glossary-letter"]/h2')] == ["P"]


def test_the_page_runs_a_bounded_number_of_queries_however_many_terms(client, django_assert_max_num_queries):
    for number in range(120):
        TermFactory(label_ru=f"термин {number:03}", label_en=f"term {number:03}")

    with django_assert_max_num_queries(4):
        tree = page(client, "en")

    assert len(labels(tree)) == 120


def test_the_page_is_in_the_sitemap_in_both_languages(client):
    from tests.core.test_sitemap import sitemap_urls

    urls = sitemap_urls(client)

    assert "http://testserver/ru/glossary/" in urls
    assert "http://testserver/en/glossary/" in urls


def test_the_footer_links_the_glossary(client):
    tree = page(client, "en")

    assert [link.text_content() for link in tree.xpath('//footer//a[@href="/en/glossary/"]')] == ["Glossary"]
