"""One search covers everything public: each kind in its group, with its count and a page of all its results."""

import datetime
import re
from pathlib import Path

import pytest
from lxml import html

from core.models import Publishable
from meetings.statement_import import import_statement_file
from pages.search import LIMIT, SECTIONS
from tests.factories import (
    DocumentFactory,
    MeetingFactory,
    NewsItemFactory,
    OutcomeStatementFactory,
    PageFactory,
    StatementParagraphFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
DRAFT = Publishable.PublicationStatus.DRAFT


def search(client, language="ru", **params):
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return html.fromstring(response.content)


def heading_count(page, kind) -> int:
    return int(re.sub(r"\D", "", page.get_element_by_id(f"{kind}-heading").text_content()))


def group(page, kind):
    return page.get_element_by_id(f"{kind}-heading").getparent()


def hit_texts(section) -> list[str]:
    return [
        " ".join(item.text_content().split()) for item in section.xpath(".//ul[contains(@class, 'search-hits')]/li")
    ]


def group_count_line(section) -> str:
    lines = section.xpath(".//p[@class='group-count']")
    return " ".join(lines[0].text_content().split()) if lines else ""


def test_a_paragraph_hit_names_its_number_and_meeting_and_links_to_its_anchor(client):
    meeting = MeetingFactory(title_ru="Третья встреча ВДЛ", slug="third-som")
    statement = OutcomeStatementFactory(meeting=meeting)
    StatementParagraphFactory(statement=statement, number=7, text_ru="Защита беженцев в регионе.", text_en="")
    StatementParagraphFactory(statement=statement, number=8, text_ru="Трудовая миграция.", text_en="")

    page = search(client, q="беженцы")

    section = group(page, "paragraphs")
    assert heading_count(page, "paragraphs") == 1
    links = section.xpath(".//ul[contains(@class, 'search-hits')]//a")
    assert [link.get("href") for link in links] == ["/ru/meetings/third-som/#p7"]
    assert hit_texts(section) == ["Пункт 7 Третья встреча ВДЛ Защита беженцев в регионе."]
    # The anchor the hit links to is on the meeting's page.
    meeting_page = html.fromstring(client.get("/ru/meetings/third-som/").content)
    assert meeting_page.get_element_by_id("p7").get("value") == "7"


def test_paragraphs_of_a_draft_meeting_are_neither_listed_nor_counted_for_the_public(client):
    hidden = MeetingFactory(publication_status=DRAFT)
    StatementParagraphFactory(statement=OutcomeStatementFactory(meeting=hidden), text_ru="Защита беженцев.")
    StatementParagraphFactory(text_ru="Права беженцев.")

    page = search(client, q="беженцы")
    assert heading_count(page, "paragraphs") == 1
    assert hit_texts(group(page, "paragraphs"))[0].endswith("Права беженцев.")
    kind_page = search(client, q="беженцы", kind="paragraphs")
    assert heading_count(kind_page, "kind") == 1

    # Control: staff see both.
    client.force_login(UserFactory(is_staff=True))
    assert heading_count(search(client, q="беженцы"), "paragraphs") == 2


def test_the_seed_outcome_statement_is_found_paragraph_by_paragraph(client, seeds_dir):
    MeetingFactory(slug="third-som", title_ru="Третья встреча высших должностных лиц")
    import_statement_file(Path(seeds_dir) / "001_f5bf1f298d79ffb4.txt", "third-som", "ru")

    page = search(client, q="торговля людьми")

    links = [
        link.get("href") for link in group(page, "paragraphs").xpath(".//ul[contains(@class, 'search-hits')]/li/a")
    ]
    assert links
    assert all(re.fullmatch(r"/ru/meetings/third-som/#p\d+", link) for link in links)


@pytest.mark.parametrize("language", ["ru", "en"])
def test_about_and_secretariat_pages_are_found_but_drafts_are_not(client, language):
    PageFactory(title_ru="Секретариат", title_en="Secretariat", body_ru="Функции УВКБ ООН и МОМ.", slug="secretariat")
    PageFactory(title_ru="Черновик о секретариате", title_en="Draft on the secretariat", publication_status=DRAFT)

    page = search(client, language, q="секретариат" if language == "ru" else "secretariat")

    links = [link.get("href") for link in group(page, "pages").xpath(".//ul[contains(@class, 'search-hits')]//a")]
    assert links == [f"/{language}/pages/secretariat/"]


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("ru", 12, "Показано 10 из 12 результатов · Показать все"),
        ("ru", 21, "Показано 10 из 21 результата · Показать все"),
        ("ru", 23, "Показано 10 из 23 результатов · Показать все"),
        ("en", 12, "Showing 10 of 12 results · See all"),
    ],
)
def test_a_long_group_shows_ten_of_its_count_with_a_link_to_all(client, language, count, expected):
    for number in range(count):
        NewsItemFactory(title_ru=f"Беженцы {number}", title_en=f"Refugees {number}")

    page = search(client, language, q="беженцы" if language == "ru" else "refugees")

    section = group(page, "news")
    assert heading_count(page, "news") == count
    assert len(hit_texts(section)) == LIMIT
    assert group_count_line(section) == expected
    assert section.xpath(".//p[@class='group-count']/a")[0].get("href") == (
        f"/{language}/search/?q={'%D0%B1%D0%B5%D0%B6%D0%B5%D0%BD%D1%86%D1%8B' if language == 'ru' else 'refugees'}"
        "&kind=news"
    )


def test_a_short_group_shows_all_without_a_link(client):
    NewsItemFactory(title_ru="Беженцы")

    section = group(search(client, q="беженцы"), "news")

    assert group_count_line(section) == ""
    assert len(hit_texts(section)) == 1


def test_a_kind_page_lists_all_of_one_kind_page_by_page(client):
    for number in range(30):
        NewsItemFactory(
            title_ru=f"Беженцы {number:02}", date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number)
        )

    first = search(client, q="беженцы", kind="news")
    second = search(client, q="беженцы", kind="news", page=2)

    assert heading_count(first, "kind") == 30
    assert len(hit_texts(group(first, "kind"))) == 25
    # Newest first, the news list's own order.
    assert hit_texts(group(second, "kind"))[-1].startswith("Беженцы 00")
    assert len(hit_texts(group(second, "kind"))) == 5
    assert first.xpath("//*[@id='documents-heading']") == []


def test_a_kind_page_can_be_sorted_oldest_first(client):
    for number in range(3):
        NewsItemFactory(title_ru=f"Беженцы {number}", date=datetime.date(2020, 1, 1 + number))

    page = search(client, q="беженцы", kind="news", sort="oldest")

    assert [text.split()[1] for text in hit_texts(group(page, "kind"))] == ["0", "1", "2"]


@pytest.mark.parametrize("params", [{"kind": "everything"}, {"kind": "documents"}, {"sort": "random"}, {"page": "x"}])
def test_bad_kind_sort_or_page_gets_a_400(client, params):
    assert client.get("/ru/search/", {"q": "беженцы", **params}).status_code == 400


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_the_documents_group_can_be_sorted_by_date(client, sort):
    for year in (2005, 2015, 2010):
        DocumentFactory(title_ru=f"Доклад о беженцах {year}", date=datetime.date(year, 1, 1))

    response = client.get("/ru/search/", {"q": "беженцы", "sort": sort})

    years = [document.date.year for document in response.context["documents"].hits]
    assert years == ([2015, 2010, 2005] if sort == "newest" else [2005, 2010, 2015])
    assert response.context["documents"].all_url.endswith(f"&sort={sort}")


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_search_page_offers_a_feed_of_its_documents(client, language):
    page = search(client, language, q="беженцы")

    feed_links = page.xpath('//head/link[@rel="alternate"][@type="application/atom+xml"]')
    expected = f"/{language}/documents/feed/search/?q=%D0%B1%D0%B5%D0%B6%D0%B5%D0%BD%D1%86%D1%8B"
    assert expected in [link.get("href") for link in feed_links]
    subscribe = page.xpath("//p[@class='subscribe']/a")[0]
    assert subscribe.get("href") == expected
    assert subscribe.text_content() == ("Подписаться на этот поиск" if language == "ru" else "Subscribe to this search")


def fill(size):
    """`size` matching items of every kind, each kind's draft too."""
    for number in range(size):
        meeting = MeetingFactory(title_ru=f"Встреча о беженцах {number}")
        StatementParagraphFactory(statement=OutcomeStatementFactory(meeting=meeting), text_ru="О беженцах.")
        DocumentFactory(title_ru=f"Доклад о беженцах {number}", meeting=meeting)
        NewsItemFactory(title_ru=f"Новость о беженцах {number}")
        PageFactory(title_ru=f"Страница о беженцах {number}")
    MeetingFactory(title_ru="Черновик о беженцах", publication_status=DRAFT)


@pytest.mark.parametrize("size", [3, 40])
@pytest.mark.parametrize("reader", ["anonymous", "staff"])
def test_the_search_page_runs_the_same_number_of_queries_whatever_the_data_size(
    client, django_assert_max_num_queries, size, reader
):
    fill(size)
    if reader == "staff":
        client.force_login(UserFactory(is_staff=True))

    # Documents: at most four (rows and count, the page's documents, their files, snippets);
    # two a section (ids with the count, then the hits); staff: their session and user.
    with django_assert_max_num_queries(4 + 2 * len(SECTIONS) + (2 if reader == "staff" else 0)):
        page = search(client, q="беженцы")
    with django_assert_max_num_queries(2 + (2 if reader == "staff" else 0)):
        kind_page = search(client, q="беженцы", kind="paragraphs")

    assert heading_count(page, "documents") == size
    assert heading_count(page, "meetings") == size + (1 if reader == "staff" else 0)
    assert heading_count(page, "paragraphs") == size
    assert len(hit_texts(group(kind_page, "kind"))) == min(size, 25)
