"""The management command and the admin's upload form are thin wrappers over one import function."""

import datetime
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation
from lxml import html as lxml_html

from indicators.models import IndicatorValue
from tests.factories import IndicatorFactory, IndicatorValueFactory, StateFactory
from tests.indicators.test_importing import unhcr_file

pytestmark = pytest.mark.django_db

GOOD = unhcr_file("2022,-,-,Kazakhstan,KAZ,400,50,0,0,0,7000,0,0,0", "2022,-,-,Germany,DEU,9,0,0,0,0,0,0,0,0")
BAD = unhcr_file("2022,-,-,Kazakhstan,KAZ,400,50,0,0,0,7000,0,0,0", "2023,-,-,Kazakhstan,KAZ,lots,0,0,0,0,0,0,0,0")


@pytest.fixture
def kazakhstan():
    return StateFactory(name_en="Kazakhstan", iso_alpha2="KZ", iso_alpha3="KAZ")


@pytest.fixture
def refugees():
    return IndicatorFactory(slug="refugees", source_code="Refugees under UNHCR's mandate")


def test_the_command_imports_a_file_and_says_what_it_did(tmp_path, kazakhstan, refugees):
    path = tmp_path / "population.csv"
    path.write_bytes(GOOD)
    out = StringIO()

    with translation.override("en"):
        call_command("import_figures", str(path), "--retrieved", "2026-11-20", "--sample", stdout=out)

    assert out.getvalue().strip() == (
        "Figures imported. Created: 1, updated: 0, unchanged: 0. Left out, not states of the portal: DEU."
    )
    value = IndicatorValue.objects.get()
    assert (value.value, value.retrieved, value.is_sample, value.source) == (
        400,
        datetime.date(2026, 11, 20),
        True,
        "UNHCR Refugee Data Finder (population.csv)",
    )


def test_the_command_lists_the_bad_rows_and_imports_nothing(tmp_path, kazakhstan, refugees):
    path = tmp_path / "population.csv"
    path.write_bytes(BAD)

    with translation.override("en"), pytest.raises(CommandError) as error:
        call_command("import_figures", str(path))

    assert str(error.value) == "Line 3: Refugees under UNHCR's mandate: “lots” is not a number."
    assert IndicatorValue.objects.count() == 0


def test_the_command_says_when_the_file_cannot_be_read(tmp_path, refugees):
    with translation.override("en"), pytest.raises(CommandError) as error:
        call_command("import_figures", str(tmp_path / "missing.csv"))

    assert str(error.value).startswith("Cannot read")


IMPORT_URL = "/ru/admin/indicators/indicatorvalue/import/"


def upload(client, data: bytes, **fields):
    return client.post(
        IMPORT_URL,
        {"file": SimpleUploadedFile("population.csv", data, "text/csv"), "retrieved": "2026-11-20", **fields},
        follow=True,
    )


def test_an_editor_imports_a_file_from_the_admin(editor_client, kazakhstan, refugees):
    page = editor_client.get("/ru/admin/indicators/indicatorvalue/")
    assert lxml_html.fromstring(page.content).xpath(f'//a[@href="{IMPORT_URL}"]')

    response = upload(editor_client, GOOD, is_sample="on")

    assert response.redirect_chain[-1][0] == "/ru/admin/indicators/indicatorvalue/"
    messages = [str(message) for message in response.context["messages"]]
    assert len(messages) == 1 and messages[0].startswith("Показатели загружены.")
    assert list(IndicatorValue.objects.values_list("value", "is_sample")) == [(400, True)]


def test_a_bad_file_in_the_admin_shows_its_bad_rows_and_saves_nothing(editor_client, kazakhstan, refugees):
    with translation.override("en"):
        response = editor_client.post(
            IMPORT_URL.replace("/ru/", "/en/"),
            {"file": SimpleUploadedFile("population.csv", BAD, "text/csv"), "retrieved": "2026-11-20"},
        )

    assert response.status_code == 200
    errors = lxml_html.fromstring(response.content.decode()).xpath('//ul[@class="errorlist"]/li/text()')
    assert errors == ["Line 3: Refugees under UNHCR's mandate: “lots” is not a number."]
    assert IndicatorValue.objects.count() == 0


def test_a_file_in_utf16_gets_a_form_error_not_a_500(editor_client, kazakhstan, refugees):
    response = upload(editor_client, GOOD.decode().encode("utf-16"))

    assert response.status_code == 200
    assert len(lxml_html.fromstring(response.content).xpath('//ul[@class="errorlist"]/li')) == 1
    assert IndicatorValue.objects.count() == 0


def test_someone_without_the_right_to_add_values_cannot_import(client, django_user_model, kazakhstan, refugees):
    user = django_user_model.objects.create_user("viewer", "viewer@example.org", "viewer-pass-1", is_staff=True)
    client.force_login(user)

    response = client.post(IMPORT_URL, {"file": SimpleUploadedFile("population.csv", GOOD), "retrieved": "2026-11-20"})

    assert response.status_code == 403
    assert IndicatorValue.objects.count() == 0


def test_a_second_value_for_the_same_state_indicator_and_year_is_a_form_error(editor_client, kazakhstan, refugees):
    IndicatorValueFactory(indicator=refugees, state=kazakhstan, year=2022)

    with translation.override("en"):
        response = editor_client.post(
            "/en/admin/indicators/indicatorvalue/add/",
            {
                "indicator": refugees.pk,
                "state": kazakhstan.pk,
                "year": 2022,
                "value": "5",
                "source": "UNHCR",
                "retrieved": "2026-11-20",
                "note_ru": "",
                "note_en": "",
            },
        )

    assert response.status_code == 200
    assert "This indicator already has a value for this state and year." in response.content.decode()
    assert IndicatorValue.objects.count() == 1


def test_an_import_is_one_revision_in_the_history_of_each_value_it_wrote(editor_client, editor, kazakhstan, refugees):
    from reversion.models import Version

    upload(editor_client, GOOD)

    version = Version.objects.get_for_object(IndicatorValue.objects.get()).get()
    assert version.revision.user == editor
    assert version.revision.comment == "Загружено из источника: UNHCR Refugee Data Finder (population.csv)."
    assert version.field_dict["value"] == 400


def test_an_import_shows_at_once_on_pages_the_cache_holds(client, settings, kazakhstan, refugees):
    from indicators.importing import import_figures

    settings.PAGE_CACHE_SECONDS = 300
    url = f"/en/indicators/{refugees.slug}/"
    first = client.get(url)
    assert (first["X-Page-Cache"], client.get(url)["X-Page-Cache"]) == ("miss", "hit")
    assert lxml_html.fromstring(first.content).xpath("//table") == []

    import_figures(GOOD, retrieved=datetime.date(2026, 11, 20))

    page = client.get(url)
    assert page["X-Page-Cache"] == "miss"
    assert lxml_html.fromstring(page.content).xpath("//table/tbody/tr/th//text()") == [kazakhstan.name_en]
