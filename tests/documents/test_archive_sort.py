"""The archive list can be sorted: most relevant first, newest or oldest, with or without a query."""

import csv
import datetime
import io

import pytest
from lxml import html

from tests.factories import DocumentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports():
    # The 2010 report has the word in its title: the most relevant; the others only in their summaries.
    DocumentFactory(title_ru="Обзор 2005", summary_ru="О беженцах.", date=datetime.date(2005, 3, 1))
    DocumentFactory(title_ru="Доклад о беженцах 2010", date=datetime.date(2010, 3, 1))
    DocumentFactory(title_ru="Обзор 2015", summary_ru="О беженцах.", date=datetime.date(2015, 3, 1))
    DocumentFactory(title_ru="Протокол 2012", date=datetime.date(2012, 3, 1))


def listed(client, **params):
    response = client.get("/ru/documents/", params)
    assert response.status_code == 200
    return [document.title_ru for document in response.context["documents"]]


@pytest.mark.parametrize("reader", ["anonymous", "staff"])
@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("", ["Доклад о беженцах 2010", "Обзор 2015", "Обзор 2005"]),
        ("relevance", ["Доклад о беженцах 2010", "Обзор 2015", "Обзор 2005"]),
        ("newest", ["Обзор 2015", "Доклад о беженцах 2010", "Обзор 2005"]),
        ("oldest", ["Обзор 2005", "Доклад о беженцах 2010", "Обзор 2015"]),
    ],
)
def test_search_results_follow_the_chosen_order(client, reports, reader, sort, expected):
    # Anonymous readers are ranked in the search index alone, staff through the documents: both orders agree.
    if reader == "staff":
        client.force_login(UserFactory(is_staff=True))

    assert listed(client, q="беженцы", sort=sort) == expected


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("", ["Обзор 2015", "Протокол 2012", "Доклад о беженцах 2010", "Обзор 2005"]),
        ("newest", ["Обзор 2015", "Протокол 2012", "Доклад о беженцах 2010", "Обзор 2005"]),
        ("oldest", ["Обзор 2005", "Доклад о беженцах 2010", "Протокол 2012", "Обзор 2015"]),
        # Without a query there is no relevance: newest first.
        ("relevance", ["Обзор 2015", "Протокол 2012", "Доклад о беженцах 2010", "Обзор 2005"]),
    ],
)
def test_the_whole_list_can_be_sorted_by_date(client, reports, sort, expected):
    assert listed(client, sort=sort) == expected


def test_a_filtered_search_keeps_its_order(client, reports):
    assert listed(client, q="беженцы", year=["2005", "2010"], sort="oldest") == ["Обзор 2005", "Доклад о беженцах 2010"]


@pytest.mark.parametrize("sort", ["random", "-date", "newest'--"])
def test_an_unknown_order_gets_a_400_that_names_it(client, sort):
    response = client.get("/ru/documents/", {"q": "беженцы", "sort": sort})

    assert response.status_code == 400
    assert "Порядок" in html.fromstring(response.content).text_content()


def test_the_sort_menu_shows_the_chosen_order_and_keeps_the_other_parameters(client, reports):
    page = html.fromstring(client.get("/ru/documents/", {"q": "беженцы", "year": "2010", "sort": "oldest"}).content)

    form = page.get_element_by_id("id_sort").getparent()
    assert [option.text for option in page.xpath("//select[@id='id_sort']/option")] == [
        "Сначала наиболее релевантные",
        "Сначала новые",
        "Сначала старые",
    ]
    assert page.xpath("//select[@id='id_sort']/option[@selected]/@value") == ["oldest"]
    assert {field.get("name"): field.get("value") for field in form.xpath("input[@type='hidden']")} == {
        "q": "беженцы",
        "year": "2010",
    }


def test_exports_follow_the_chosen_order(client, reports):
    response = client.get("/ru/documents/export.csv", {"sort": "oldest"})

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [row["date"][:4] for row in rows] == ["2005", "2010", "2012", "2015"]
