"""Importing figures from the World Bank's WDI CSV and UNHCR's Refugee Data Finder export.

The files here are written in the sources' real layouts: WDI's four lines of metadata before the
header and its trailing comma, UNHCR's column names (including its own "Returned IDPss").
"""

import codecs
import datetime
from decimal import Decimal

import pytest

from indicators.importing import UNHCR, WDI, FigureImportError, import_figures
from indicators.models import IndicatorValue
from tests.factories import IndicatorFactory, IndicatorValueFactory, StateFactory

pytestmark = pytest.mark.django_db

RETRIEVED = datetime.date(2026, 11, 20)
YEARS = ["2019", "2020", "2021", "2022"]


def wdi_file(*rows: list[str], header_years=YEARS) -> bytes:
    """A WDI download: metadata on lines 1–4, the header on line 5, data from line 6."""
    lines = ['"Data Source","World Development Indicators",', "", '"Last Updated Date","2026-11-01",', ""]
    header = ["Country Name", "Country Code", "Indicator Name", "Indicator Code", *header_years]
    for row in [header, *rows]:
        lines.append(",".join(f'"{cell}"' for cell in row) + ",")
    return codecs.BOM_UTF8 + ("\n".join(lines) + "\n").encode()


UNHCR_HEADER = (
    "Year,Country of origin,Country of origin (ISO),Country of asylum,Country of asylum (ISO),"
    "Refugees under UNHCR's mandate,Asylum-seekers,Returned refugees,IDPs of concern to UNHCR,Returned IDPss,"
    "Stateless persons,Others of concern,Other people in need of international protection,Host Community"
)


def unhcr_file(*rows: str) -> bytes:
    """A Refugee Data Finder export: the header on line 1, data from line 2."""
    return ("\n".join([UNHCR_HEADER, *rows]) + "\n").encode()


@pytest.fixture
def states():
    return {
        "KAZ": StateFactory(name_en="Kazakhstan", iso_alpha2="KZ", iso_alpha3="KAZ"),
        "TJK": StateFactory(name_en="Tajikistan", iso_alpha2="TJ", iso_alpha3="TJK"),
    }


@pytest.fixture
def migrant_stock():
    return IndicatorFactory(slug="migrant-stock", source_code="SM.POP.TOTL")


@pytest.fixture
def unhcr_indicators():
    return {
        "refugees": IndicatorFactory(slug="refugees", source_code="Refugees under UNHCR's mandate"),
        "stateless": IndicatorFactory(slug="stateless", source_code="Stateless persons"),
    }


def figures() -> dict[tuple[str, str, int], Decimal]:
    return {
        (value.indicator.slug, value.state.iso_alpha3, value.year): value.value
        for value in IndicatorValue.objects.select_related("indicator", "state")
    }


def test_a_wdi_file_gives_each_year_of_each_portal_state_and_leaves_out_aggregates(states, migrant_stock):
    data = wdi_file(
        ["Kazakhstan", "KAZ", "International migrant stock, total", "SM.POP.TOTL", "", "3732000", "", ""],
        ["Tajikistan", "TJK", "International migrant stock, total", "SM.POP.TOTL", "", "276000.5", "", "1.2e3"],
        ["World", "WLD", "International migrant stock, total", "SM.POP.TOTL", "", "280598105", "", ""],
    )

    result = import_figures(data, retrieved=RETRIEVED, name="API_SM.POP.TOTL.csv")

    assert figures() == {
        ("migrant-stock", "KAZ", 2020): Decimal("3732000"),
        ("migrant-stock", "TJK", 2020): Decimal("276000.5"),
        ("migrant-stock", "TJK", 2022): Decimal("1200"),
    }
    assert (result.layout, result.created, result.skipped_codes) == (WDI, 3, ("WLD",))
    value = IndicatorValue.objects.get(state=states["KAZ"])
    assert (value.source, value.retrieved, value.is_sample) == (
        "World Bank, World Development Indicators (API_SM.POP.TOTL.csv)",
        RETRIEVED,
        False,
    )


def test_a_unhcr_export_sums_the_countries_of_origin_for_each_country_of_asylum(states, unhcr_indicators):
    data = unhcr_file(
        "2022,Afghanistan,AFG,Tajikistan,TJK,5000,100,0,0,0,-,0,0,0",
        "2022,Syrian Arab Rep.,SYR,Tajikistan,TJK,120,0,0,0,0,-,0,0,0",
        "2022,-,-,Kazakhstan,KAZ,400,50,0,0,0,7000,0,0,0",
        "2023,-,-,Kazakhstan,KAZ,450,60,0,0,0,6900,0,0,0",
        "2023,-,-,Germany,DEU,1000000,0,0,0,0,0,0,0,0",
    )

    result = import_figures(data, retrieved=RETRIEVED, is_sample=True)

    assert figures() == {
        ("refugees", "TJK", 2022): Decimal(5120),
        ("refugees", "KAZ", 2022): Decimal(400),
        ("refugees", "KAZ", 2023): Decimal(450),
        ("stateless", "KAZ", 2022): Decimal(7000),
        ("stateless", "KAZ", 2023): Decimal(6900),
    }
    assert (result.layout, result.skipped_codes) == (UNHCR, ("DEU",))
    assert set(IndicatorValue.objects.values_list("is_sample", "source")) == {(True, "UNHCR Refugee Data Finder")}


def test_importing_the_same_file_again_changes_nothing(states, migrant_stock):
    data = wdi_file(["Kazakhstan", "KAZ", "International migrant stock, total", "SM.POP.TOTL", "1", "2", "3", "4"])
    import_figures(data, retrieved=RETRIEVED)
    before = figures()

    again = import_figures(data, retrieved=RETRIEVED)

    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert figures() == before
    assert IndicatorValue.objects.count() == 4


def test_a_newer_file_updates_the_values_it_holds_and_keeps_the_others(states, migrant_stock):
    IndicatorValueFactory(indicator=migrant_stock, state=states["KAZ"], year=2010, value=5)
    IndicatorValueFactory(indicator=migrant_stock, state=states["KAZ"], year=2020, value=5)
    data = wdi_file(["Kazakhstan", "KAZ", "International migrant stock, total", "SM.POP.TOTL", "", "7", "", ""])

    result = import_figures(data, retrieved=RETRIEVED)

    assert (result.created, result.updated) == (0, 1)
    assert figures() == {("migrant-stock", "KAZ", 2010): Decimal(5), ("migrant-stock", "KAZ", 2020): Decimal(7)}


def refused(data: bytes) -> list[str]:
    with pytest.raises(FigureImportError) as error:
        import_figures(data, retrieved=RETRIEVED)
    return error.value.messages


def test_one_bad_row_refuses_the_whole_file_and_names_its_line(states, migrant_stock):
    IndicatorValueFactory(indicator=migrant_stock, state=states["KAZ"], year=2019, value=5)
    data = wdi_file(
        ["Kazakhstan", "KAZ", "International migrant stock, total", "SM.POP.TOTL", "9", "9", "9", "9"],
        ["Tajikistan", "TJK", "International migrant stock, total", "SM.POP.TOTL", "", "1 234", "", ""],
    )

    messages = refused(data)

    assert messages == ["Строка 7: 2020: «1 234» — не число."]
    assert figures() == {("migrant-stock", "KAZ", 2019): Decimal(5)}


def test_every_bad_row_is_listed_by_line_number(states, migrant_stock):
    data = wdi_file(
        ["Kazakhstan", "KAZ", "International migrant stock, total", "SM.POP.TOTL", "n/a", "", "", ""],
        ["Tajikistan", "TJK", "International migrant stock, total", "SM.POP.TOTL", "", "", "", "NaN"],
        ["Tajikistan", "TJ", "International migrant stock, total", "SM.POP.TOTL", "", "", "", ""],
    )

    with translation_en():
        messages = refused(data)

    assert messages == [
        "Line 6: 2019: “n/a” is not a number.",
        "Line 7: 2022: “NaN” is not a number.",
        "Line 8: “TJ” is not an ISO 3166-1 alpha-3 country code.",
    ]


def translation_en():
    from django.utils import translation

    return translation.override("en")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"<html><body>Not found</body></html>\n", id="a web page"),
        pytest.param(b'"Country Name","Country",\n"Kazakhstan","KAZ",\n', id="a csv of another layout"),
    ],
)
def test_a_file_that_is_neither_layout_is_refused_with_a_message(data, states, migrant_stock):
    with translation_en():
        messages = refused(data)

    assert len(messages) == 1
    assert "WDI" in messages[0] or "empty" in messages[0]
    assert IndicatorValue.objects.count() == 0


def test_a_file_in_utf16_is_refused_as_the_wrong_encoding(states, migrant_stock):
    data = wdi_file(["Kazakhstan", "KAZ", "International migrant stock, total", "SM.POP.TOTL", "1", "", "", ""])
    utf16 = data.decode("utf-8-sig").encode("utf-16")

    with translation_en():
        messages = refused(utf16)

    assert messages == ["The file is neither UTF-8 nor Windows-1251 text. Save it as “CSV UTF-8” and try again."]
    assert IndicatorValue.objects.count() == 0


def test_a_file_in_windows_1251_is_read(states, unhcr_indicators):
    data = unhcr_file("2022,-,-,Казахстан,KAZ,400,0,0,0,0,0,0,0,0").decode().encode("cp1251")

    import_figures(data, retrieved=RETRIEVED)

    assert figures()[("refugees", "KAZ", 2022)] == Decimal(400)


def test_a_broken_quote_is_reported_as_malformed_csv(states, migrant_stock):
    data = wdi_file() + b'"Kazakhstan","KAZ","x","SM.POP.TOTL","1"""x,\n'
    data = data.replace(b'"1"""x', b'"1"x"x')

    with translation_en():
        messages = refused(data)

    assert len(messages) == 1 and messages[0].startswith("Line 6:")


def test_a_country_twice_in_a_wdi_file_is_a_duplicate(states, migrant_stock):
    row = ["Kazakhstan", "KAZ", "International migrant stock, total", "SM.POP.TOTL", "1", "", "", ""]

    with translation_en():
        messages = refused(wdi_file(row, row))

    assert messages == ["Line 7: KAZ and SM.POP.TOTL are already on line 6."]


def test_the_same_origin_and_asylum_twice_in_a_unhcr_file_is_a_duplicate(states, unhcr_indicators):
    row = "2022,Afghanistan,AFG,Tajikistan,TJK,5000,100,0,0,0,0,0,0,0"

    with translation_en():
        messages = refused(unhcr_file(row, row))

    assert messages == ["Line 3: 2022, AFG to TJK is already on line 2."]
    assert IndicatorValue.objects.count() == 0


def test_an_unknown_indicator_code_is_a_bad_row(states, migrant_stock):
    data = wdi_file(["Kazakhstan", "KAZ", "Net migration", "SM.POP.NETM", "1", "", "", ""])

    with translation_en():
        messages = refused(data)

    assert messages == [
        "Line 6: no indicator has the code “SM.POP.NETM”; give an indicator this code in the source file first."
    ]


def test_a_unhcr_export_without_the_country_of_asylum_is_refused(states, unhcr_indicators):
    with translation_en():
        messages = refused(unhcr_file("2022,Afghanistan,AFG,-,-,5000,100,0,0,0,0,0,0,0"))

    assert messages == ["Line 2: the country of asylum is missing: export the table by country of asylum."]


def test_a_unhcr_export_with_no_column_for_any_indicator_is_refused(states):
    IndicatorFactory(source_code="SM.POP.TOTL")

    with translation_en():
        messages = refused(unhcr_file("2022,-,-,Kazakhstan,KAZ,400,0,0,0,0,0,0,0,0"))

    assert len(messages) == 1 and messages[0].startswith("Line 1: no column of this file")


def test_a_short_row_and_a_bad_year_are_bad_rows(states, unhcr_indicators):
    with translation_en():
        messages = refused(unhcr_file("2022,-,-,Kazakhstan,KAZ,400", "22,-,-,Kazakhstan,KAZ,1,0,0,0,0,0,0,0,0"))

    assert messages == [
        "Line 2: the row has 6 fields, the header 14.",
        "Line 3: “22” is not a year between 1950 and 2100.",
    ]


def test_a_figure_too_large_for_the_database_is_a_bad_row(states, migrant_stock):
    data = wdi_file(["Kazakhstan", "KAZ", "International migrant stock, total", "SM.POP.TOTL", "1e20", "", "", ""])

    with translation_en():
        messages = refused(data)

    assert messages == ["Line 6: 2019: 1e20 is too large for a figure."]
