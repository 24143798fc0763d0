"""The information sheets' list and pages: what a reader sees, in both languages, within a query budget."""

import datetime

import pytest
from lxml import html

from documents.models import Audience
from tests.factories import (
    DocumentFactory,
    InformationSheetFactory,
    MeetingFactory,
    MonitoringItemFactory,
    MonitoringTopicFactory,
    NewsItemFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return html.fromstring(response.content)


def texts(tree, xpath):
    return [" ".join(element.text_content().split()) for element in tree.xpath(xpath)]


@pytest.mark.parametrize(
    ("language", "titles"),
    [("ru", ["Бюллетень за май", "Бюллетень за апрель"]), ("en", ["May sheet", "April sheet"])],
)
def test_the_list_shows_published_sheets_newest_first_in_the_reader_language(client, language, titles):
    InformationSheetFactory(title_ru="Бюллетень за апрель", title_en="April sheet")
    InformationSheetFactory(
        title_ru="Бюллетень за май",
        title_en="May sheet",
        period_start=datetime.date(2022, 5, 1),
        period_end=datetime.date(2022, 5, 31),
    )
    InformationSheetFactory(title_ru="Черновик", title_en="Draft sheet", publication_status="draft")

    tree = page(client, f"/{language}/information-sheets/")

    assert texts(tree, "//ul[contains(@class, 'sheet-list')]/li/a") == titles


def test_the_list_is_paginated_and_a_page_beyond_the_last_is_404(client):
    for number in range(25):
        InformationSheetFactory(period_end=datetime.date(2020, 1, 1) + datetime.timedelta(days=number))

    second = page(client, "/en/information-sheets/?page=2")

    assert len(second.xpath("//ul[contains(@class, 'sheet-list')]/li")) == 5
    assert client.get("/en/information-sheets/?page=9").status_code == 404
    assert client.get("/en/information-sheets/?page=x").status_code == 404


def test_the_list_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(30):
        InformationSheetFactory()

    with django_assert_max_num_queries(4):
        tree = page(client, "/ru/information-sheets/")

    assert len(tree.xpath("//ul[contains(@class, 'sheet-list')]/li")) == 20


@pytest.fixture
def full_sheet():
    sheet = InformationSheetFactory(
        title_ru="Бюллетень за апрель 2022\u00a0г.",
        title_en="Information sheet, April 2022",
        introduction_ru="Главное за месяц.",
        introduction_en="",
    )
    state = StateFactory(name_ru="Казахстан", name_en="Kazakhstan")
    item = MonitoringItemFactory(headline="Встреча в КазИСИ", outlet="KazISS", summary_en="A meeting in Astana.")
    item.states.add(state)
    item.topics.add(MonitoringTopicFactory(name_ru="Безгражданство", name_en="Statelessness"))
    sheet.monitoring_items.add(item, MonitoringItemFactory(headline="Hidden draft item", publication_status="draft"))
    sheet.news.add(
        NewsItemFactory(title_en="Visible news"), NewsItemFactory(title_en="Draft news", publication_status="draft")
    )
    sheet.meetings.add(
        MeetingFactory(title_en="Open meeting"), MeetingFactory(title_en="Draft meeting", publication_status="draft")
    )
    sheet.documents.add(
        DocumentFactory(title_en="Public report"),
        DocumentFactory(title_en="Delegates' report", audience=Audience.DELEGATES),
    )
    return sheet


def test_a_sheet_page_lists_only_the_items_the_public_may_see(client, full_sheet):
    tree = page(client, full_sheet.get_absolute_url().replace("/ru/", "/en/"))

    assert texts(tree, "//h1") == ["Information sheet, April 2022"]
    assert texts(tree, "//section[@id='monitoring']//span[contains(@class, 'item-title')]") == ["Встреча в КазИСИ"]
    assert tree.xpath("//section[@id='monitoring']//span[contains(@class, 'item-title')]/@lang") == ["ru"]
    assert "KazISS" in texts(tree, "//section[@id='monitoring']//span[@class='meta']")[0]
    assert texts(tree, "//section[@id='monitoring']//span[@class='meta']")[0].endswith("· Kazakhstan · Statelessness")
    assert texts(tree, "//section[@id='news']//a") == ["Visible news"]
    assert texts(tree, "//section[@id='meetings']//a") == ["Open meeting"]
    assert texts(tree, "//section[@id='documents']//a") == ["Public report"]
    # The introduction exists in Russian only, and says so with its language.
    assert tree.xpath("//div[@class='introduction']/div[@class='other-language']/@lang") == ["ru"]


def test_staff_see_the_draft_items_of_a_sheet_on_its_page(admin_client, full_sheet):
    tree = page(admin_client, full_sheet.get_absolute_url().replace("/ru/", "/en/"))

    assert texts(tree, "//section[@id='documents']//a") == ["Public report", "Delegates' report"]
    assert texts(tree, "//section[@id='news']//a") == ["Visible news", "Draft news"]


@pytest.mark.parametrize(("language", "names"), [("ru", ["Русский", "Английский"]), ("en", ["Russian", "English"])])
def test_a_sheet_page_links_its_pdf_in_each_language(client, full_sheet, language, names):
    tree = page(client, f"/{language}/information-sheets/{full_sheet.slug}/")

    links = tree.xpath("//p[@class='downloads']/a")
    assert [link.text_content() for link in links] == names
    assert [link.get("href") for link in links] == [
        f"/ru/information-sheets/{full_sheet.slug}.pdf",
        f"/en/information-sheets/{full_sheet.slug}.pdf",
    ]


def test_a_sheet_page_runs_a_bounded_number_of_queries_however_many_items(client, django_assert_max_num_queries):
    sheet = InformationSheetFactory()
    states = [StateFactory() for _ in range(3)]
    topics = [MonitoringTopicFactory() for _ in range(3)]
    for _ in range(15):
        item = MonitoringItemFactory()
        item.states.add(*states)
        item.topics.add(*topics)
        sheet.monitoring_items.add(item)
        sheet.news.add(NewsItemFactory())
        sheet.meetings.add(MeetingFactory())
        sheet.documents.add(DocumentFactory())

    with django_assert_max_num_queries(8):
        tree = page(client, f"/en/information-sheets/{sheet.slug}/")

    assert len(tree.xpath("//li[@class='monitoring-item']")) == 15
    assert len(tree.xpath("//section[@id='documents']//li")) == 15


def test_an_illustrative_sheet_says_so_on_its_page_and_in_the_list(client):
    sheet = InformationSheetFactory(is_illustrative=True)

    detail = page(client, f"/en/information-sheets/{sheet.slug}/")
    listing = page(client, "/en/information-sheets/")

    assert texts(detail, "//p[@class='illustrative-note']/span") == ["Illustrative example"]
    assert texts(listing, "//span[@class='badge-illustrative']") == ["Illustrative example"]


def test_an_unknown_or_draft_sheet_is_404(client):
    draft = InformationSheetFactory(publication_status="draft")

    assert client.get("/en/information-sheets/no-such-sheet/").status_code == 404
    assert client.get(f"/en/information-sheets/{draft.slug}/").status_code == 404
