"""An indicator's page compares the participating states in one year, with a chart, a table and a CSV file."""

import csv
import io
from decimal import Decimal

import pytest
from lxml import html as lxml_html

from participants.models import State
from tests.factories import IndicatorFactory, IndicatorValueFactory, StateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def refugees():
    indicator = IndicatorFactory(slug="refugees-hosted", name_en="Refugees hosted", name_ru="Беженцы")
    kazakhstan = StateFactory(name_en="Kazakhstan", name_ru="Казахстан", iso_alpha2="KZ", iso_alpha3="KAZ")
    tajikistan = StateFactory(name_en="Tajikistan", name_ru="Таджикистан", iso_alpha2="TJ", iso_alpha3="TJK")
    china = StateFactory(
        name_en="China", name_ru="Китай", iso_alpha2="CN", iso_alpha3="CHN", status=State.Status.OBSERVER
    )
    germany = StateFactory(
        name_en="Germany", iso_alpha2="DE", iso_alpha3="DEU", status=State.Status.NONE, year_joined=None
    )
    for state, values in [
        (kazakhstan, {2021: 400, 2022: 500}),
        (tajikistan, {2021: 6000, 2022: 5500}),
        (china, {2022: 300000}),
        (germany, {2022: 2000000}),
    ]:
        for year, value in values.items():
            IndicatorValueFactory(indicator=indicator, state=state, year=year, value=value)
    return indicator


def page(response):
    return lxml_html.fromstring(response.content)


def table_rows(tree) -> list[list[str]]:
    return [[cell.text_content().strip() for cell in row.xpath("th|td")][:2] for row in tree.xpath("//table/tbody/tr")]


def test_the_participating_states_are_compared_largest_first_in_the_latest_year_most_have(client, refugees):
    tree = page(client.get("/en/indicators/refugees-hosted/"))

    assert tree.xpath("string(//h2[@id='comparison-heading'])").strip() == "Participating states in 2022"
    assert table_rows(tree) == [["China", "300,000"], ["Tajikistan", "5,500"], ["Kazakhstan", "500"]]
    [chart] = tree.xpath("//svg[contains(@class, 'chart-bars')]")
    labels = [text.text for text in chart.xpath(".//text")]
    assert labels == ["China", "300,000", "Tajikistan", "5,500", "Kazakhstan", "500"]
    widths = [float(rect.get("width")) for rect in chart.xpath(".//rect")]
    assert widths == sorted(widths, reverse=True)
    assert chart.xpath("string(desc)") == "China: 300,000; Tajikistan: 5,500; Kazakhstan: 500."


def test_another_year_is_chosen_in_the_address_and_every_year_is_linked(client, refugees):
    tree = page(client.get("/en/indicators/refugees-hosted/?year=2021"))

    assert table_rows(tree) == [["Tajikistan", "6,000"], ["Kazakhstan", "400"]]
    years = tree.xpath("//ul[contains(@class, 'year-list')]")[0]
    assert years.xpath(".//a/@href") == ["?year=2022", "?year=2021"]
    assert years.xpath(".//a[@aria-current='page']/@href") == ["?year=2021"]


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_page_is_in_the_readers_language(client, refugees, language):
    tree = page(client.get(f"/{language}/indicators/refugees-hosted/"))

    assert tree.xpath("string(//h1)").strip() == {"ru": "Беженцы", "en": "Refugees hosted"}[language]
    assert table_rows(tree)[0] == [
        {"ru": "Китай", "en": "China"}[language],
        {"ru": "300\u00a0000", "en": "300,000"}[language],
    ]


@pytest.mark.parametrize("year", ["20x2", "1066", "２０２２", "2022&year=", "9" * 40])
def test_a_malformed_year_gets_a_400_that_names_it(client, refugees, year):
    response = client.get("/en/indicators/refugees-hosted/", {"year": year})

    assert response.status_code == 400
    assert "Year" in page(response).text_content()


def test_a_year_without_figures_says_so(client, refugees):
    tree = page(client.get("/en/indicators/refugees-hosted/?year=2000"))

    assert tree.xpath("//table") == []
    assert tree.xpath("string(//p[@class='empty'])") == "No figures for the participating states in this year."


def test_an_unknown_indicator_is_a_404(client):
    assert client.get("/en/indicators/no-such-thing/").status_code == 404
    assert client.get("/en/indicators/no-such-thing/csv/").status_code == 404


def test_the_csv_has_every_year_of_the_participating_states(client, refugees):
    refugees.values.filter(state__iso_alpha3="KAZ", year=2022).update(value=Decimal("500.25"), is_sample=True)

    response = client.get("/en/indicators/refugees-hosted/csv/")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="refugees-hosted.csv"'
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [(row["iso_alpha3"], row["year"], row["value"], row["sample_data"]) for row in rows] == [
        ("CHN", "2022", "300000", "no"),
        ("KAZ", "2021", "400", "no"),
        ("KAZ", "2022", "500.25", "yes"),
        ("TJK", "2021", "6000", "no"),
        ("TJK", "2022", "5500", "no"),
    ]
    assert rows[0]["unit"] == "persons" and rows[0]["source"] == "UNHCR Refugee Data Finder"


def test_the_list_of_indicators_links_each_comparison(client, refugees):
    refugees.position = 2
    refugees.save()
    IndicatorFactory(slug="asylum-seekers", name_en="Asylum-seekers", position=1)

    tree = page(client.get("/en/indicators/"))

    assert tree.xpath("//a[@class='item-title']/text()") == ["Asylum-seekers", "Refugees hosted"]
    assert tree.xpath("//a[@class='item-title']/@href") == [
        "/en/indicators/asylum-seekers/",
        "/en/indicators/refugees-hosted/",
    ]


def test_the_comparison_costs_the_same_few_queries_however_many_states(client, refugees, django_assert_max_num_queries):
    for number in range(30):
        letters = f"{'WY'[number // 26]}{chr(65 + number % 26)}"
        state = StateFactory(iso_alpha2=letters, iso_alpha3=f"Z{letters}")
        for year in range(2000, 2023):
            IndicatorValueFactory(indicator=refugees, state=state, year=year, value=number)

    with django_assert_max_num_queries(4):
        response = client.get("/en/indicators/refugees-hosted/")
    with django_assert_max_num_queries(4):
        list_response = client.get("/en/indicators/")

    assert len(table_rows(page(response))) == 33
    assert len(page(list_response).xpath("//a[@class='item-title']")) == 1


def test_the_sitemap_lists_the_indicator_pages_in_both_languages(client, refugees):
    content = client.get("/sitemap-indicators.xml").content.decode()
    lists = client.get("/sitemap-indicator-list.xml").content.decode()

    assert "/ru/indicators/refugees-hosted/" in content and "/en/indicators/refugees-hosted/" in content
    assert "/ru/indicators/</loc>" in lists
