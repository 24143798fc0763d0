"""A state's page shows its key figures: the latest one with its year and source, a chart and a table."""

import datetime
from decimal import Decimal

import pytest
from lxml import html as lxml_html

from tests.factories import IndicatorFactory, IndicatorValueFactory, StateFactory

pytestmark = pytest.mark.django_db


def figures_section(response):
    sections = lxml_html.fromstring(response.content).xpath('//section[h2[@id="figures-heading"]]')
    return sections[0] if sections else None


@pytest.fixture
def kazakhstan():
    return StateFactory(slug="kazakhstan", name_ru="Казахстан", name_en="Kazakhstan", iso_alpha2="KZ")


@pytest.fixture
def refugees(kazakhstan):
    indicator = IndicatorFactory(
        slug="refugees-hosted", name_ru="Беженцы, принятые государством", name_en="Refugees hosted", decimal_places=0
    )
    for year, value in [(2021, 15039), (2019, 9000), (2020, 12500)]:
        IndicatorValueFactory(indicator=indicator, state=kazakhstan, year=year, value=value)
    return indicator


@pytest.mark.parametrize(
    ("language", "heading", "latest", "meta"),
    [
        (
            "ru",
            "Беженцы, принятые государством",
            "15\u00a0039\u00a0человек",
            "(2021\u00a0г.; источник: UNHCR Refugee Data Finder)",
        ),
        ("en", "Refugees hosted", "15,039\u00a0persons", "(2021; source: UNHCR Refugee Data Finder)"),
    ],
)
def test_the_latest_figure_is_shown_with_its_year_and_source(
    client, kazakhstan, refugees, language, heading, latest, meta
):
    section = figures_section(client.get(f"/{language}/states/kazakhstan/"))

    series = section.xpath('.//section[@class="figure-series"]')[0]
    assert series.xpath("string(h3)").strip() == heading
    figure = series.xpath('.//p[@class="latest-figure"]')[0]
    assert (
        figure.xpath("string(strong)") + figure.xpath("string(strong/following-sibling::text()[1])").rstrip() == latest
    )
    assert figure.xpath('string(span[@class="meta"])').strip() == meta


def test_the_chart_has_a_title_a_description_and_a_point_per_year_oldest_first(client, kazakhstan, refugees):
    section = figures_section(client.get("/en/states/kazakhstan/"))

    svg = section.xpath(".//svg")[0]
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert svg.xpath(f'string(.//*[@id="{title_id}"])') == "Refugees hosted, 2019–2021"
    assert svg.xpath(f'string(.//*[@id="{desc_id}"])') == "2019: 9,000; 2020: 12,500; 2021: 15,039."
    xs = [float(circle.get("cx")) for circle in svg.xpath(".//circle")]
    assert xs == sorted(xs) and len(xs) == 3
    # The Russian decimal comma must never reach the coordinates.
    russian_svg = figures_section(client.get("/ru/states/kazakhstan/")).xpath(".//svg")[0]
    assert "," not in "".join(circle.get("cx") + circle.get("cy") for circle in russian_svg.xpath(".//circle"))


def test_the_same_numbers_are_given_as_a_table(client, kazakhstan, refugees):
    section = figures_section(client.get("/en/states/kazakhstan/"))

    rows = [
        [cell.text_content().strip() for cell in row.xpath("th|td")][:2] for row in section.xpath(".//table/tbody/tr")
    ]
    assert rows == [["2019", "9,000"], ["2020", "12,500"], ["2021", "15,039"]]


def test_the_series_links_to_the_comparison_and_names_the_source_and_licence(client, kazakhstan, refugees):
    section = figures_section(client.get("/en/states/kazakhstan/"))

    assert section.xpath(".//a/@href").count("/en/indicators/refugees-hosted/") == 1
    assert "licence: CC BY 4.0" in section.text_content()
    assert section.xpath('.//a[@href="https://www.unhcr.org/refugee-statistics/"]/text()') == ["UNHCR"]


def test_a_decimal_figure_is_written_the_russian_way(client, kazakhstan):
    indicator = IndicatorFactory(unit_ru="% ВВП", decimal_places=1)
    IndicatorValueFactory(indicator=indicator, state=kazakhstan, value=Decimal("31.46"))

    section = figures_section(client.get("/ru/states/kazakhstan/"))

    assert section.xpath('string(.//p[@class="latest-figure"]/strong)') == "31,5"


def test_a_state_without_figures_has_no_figures_section(client, kazakhstan, refugees):
    other = StateFactory(slug="tajikistan")

    assert figures_section(client.get(f"/en/states/{other.slug}/")) is None
    assert figures_section(client.get("/en/states/kazakhstan/")) is not None


def test_the_state_page_costs_one_query_more_however_many_figures(client, kazakhstan, django_assert_max_num_queries):
    for number in range(6):
        indicator = IndicatorFactory()
        for year in range(2000, 2024):
            IndicatorValueFactory(indicator=indicator, state=kazakhstan, year=year, value=year * number)

    with django_assert_max_num_queries(11):
        response = client.get("/en/states/kazakhstan/")

    assert len(figures_section(response).xpath('.//section[@class="figure-series"]')) == 6


def test_a_value_retrieved_on_a_date_shows_the_date_in_the_table(client, kazakhstan, refugees):
    refugees.values.filter(year=2021).update(retrieved=datetime.date(2026, 4, 20), note_en="Provisional.")

    section = figures_section(client.get("/en/states/kazakhstan/"))

    last_row = section.xpath(".//table/tbody/tr")[-1]
    assert (
        last_row.xpath("string(td[2])").split()
        == "UNHCR Refugee Data Finder. Provisional. retrieved 20 April 2026".split()
    )
