"""The secretariat's side: quick add, a pasted list of addresses, and the sheet form; nothing half-saved."""

import datetime

import pytest
from lxml import html
from reversion.models import Version

from monitoring.models import InformationSheet, MonitoringItem
from tests.factories import DocumentFactory, MonitoringItemFactory

pytestmark = pytest.mark.django_db

PASTE_URL = "/{language}/admin/monitoring/monitoringitem/paste/"


def errors(response) -> list[str]:
    tree = html.fromstring(response.content.decode())
    return [" ".join(item.text_content().split()) for item in tree.xpath("//*[contains(@class, 'errorlist')]/li")]


def paste(client, lines, language="en", **changes):
    data = {"lines": lines, "date": "2022-04-21", "language": "ru", "outlet": "", **changes}
    return client.post(PASTE_URL.format(language=language), data)


def test_the_list_of_items_links_the_paste_form(editor_client):
    tree = html.fromstring(editor_client.get("/en/admin/monitoring/monitoringitem/").content.decode())

    assert tree.xpath("//ul[@class='object-tools']//a/@href")[0] == PASTE_URL.format(language="en")


def test_a_pasted_list_in_both_layouts_adds_draft_items_with_their_history(editor_client):
    lines = (
        "https://kazinform.kz/news/1\tМигранты из Центральной Азии\n"
        "\n"
        "Statelessness in the region — https://www.unhcr.org/centralasia/story-2\n"
    )

    response = paste(editor_client, lines, outlet="")

    assert response.status_code == 302
    items = list(MonitoringItem.objects.order_by("pk").values_list("headline", "url", "outlet", "publication_status"))
    assert items == [
        ("Мигранты из Центральной Азии", "https://kazinform.kz/news/1", "kazinform.kz", "draft"),
        ("Statelessness in the region", "https://www.unhcr.org/centralasia/story-2", "unhcr.org", "draft"),
    ]
    assert {item.date for item in MonitoringItem.objects.all()} == {datetime.date(2022, 4, 21)}
    item = MonitoringItem.objects.first()
    assert [version.revision.user.username for version in Version.objects.get_for_object(item)] == ["editor"]


def test_a_pasted_list_with_bad_lines_names_each_by_number_and_saves_nothing(editor_client):
    MonitoringItemFactory(url="https://kazinform.kz/news/1", headline="Already here")
    lines = (
        "https://example.org/good\tA good line\n"
        "no address on this line\n"
        "https://kazinform.kz/news/1\tRecorded before\n"
        "https://example.org/good — Pasted twice\n"
        "https://example.org/only-an-address\n"
        "https://not_an_address\tHeadline\n"
    )

    response = paste(editor_client, lines)

    assert response.status_code == 200
    assert errors(response) == [
        "Line 2: put the address (starting with http:// or https://) at the start or the end.",
        "Line 3: an item with this address is already recorded: “Already here”.",
        "Line 4 repeats the address of line 1.",
        "Line 5: the headline is missing.",
        "Line 6: “https://not_an_address” is not a valid address.",
    ]
    assert MonitoringItem.objects.count() == 1


def test_the_paste_form_reports_in_russian_in_the_russian_admin(editor_client):
    response = paste(editor_client, "https://example.org/a\n", language="ru")

    assert errors(response) == ["Строка 1: нет заголовка."]


def test_an_empty_paste_and_a_bad_date_are_form_errors(editor_client):
    response = paste(editor_client, "  \n", date="31.02.2022")

    assert errors(response) == ["This field is required.", "Enter a valid date."]
    assert MonitoringItem.objects.count() == 0


def quick_add(client, **changes):
    data = {
        "url": "https://kazinform.kz/news/1",
        "headline": "Мигранты",
        "outlet": "Kazinform",
        "date": "2022-04-21",
        "language": "ru",
        "summary_ru": "",
        "summary_en": "",
        "publication_status": "draft",
        "publish_at_0": "",
        "publish_at_1": "",
        **changes,
    }
    return client.post("/en/admin/monitoring/monitoringitem/add/", data)


def test_quick_add_refuses_an_address_already_recorded(editor_client):
    MonitoringItemFactory(url="https://kazinform.kz/news/1")

    response = quick_add(editor_client)

    assert errors(response) == ["An item with this address is already recorded."]
    assert MonitoringItem.objects.count() == 1


def test_quick_add_without_an_address_is_allowed_twice(editor_client):
    assert quick_add(editor_client, url="").status_code == 302
    assert quick_add(editor_client, url="", headline="Другой").status_code == 302

    assert MonitoringItem.objects.count() == 2


def sheet_form(**changes):
    return {
        "title_ru": "Бюллетень",
        "title_en": "Sheet",
        "slug": "sheet",
        "period_start": "2022-04-01",
        "period_end": "2022-04-30",
        "introduction_ru": "",
        "introduction_en": "",
        "publication_status": "published",
        "publish_at_0": "",
        "publish_at_1": "",
        **changes,
    }


def test_a_sheet_whose_period_ends_before_it_starts_gets_a_form_error_and_is_not_saved(editor_client):
    response = editor_client.post("/ru/admin/monitoring/informationsheet/add/", sheet_form(period_end="2022-03-01"))

    assert response.status_code == 200
    assert errors(response) == ["Конец периода не может быть раньше его начала."]
    assert InformationSheet.objects.count() == 0


def test_a_sheet_saved_in_the_admin_keeps_its_items_and_history(editor_client):
    document = DocumentFactory()
    item = MonitoringItemFactory()

    response = editor_client.post(
        "/en/admin/monitoring/informationsheet/add/",
        sheet_form(documents=[document.pk], monitoring_items=[item.pk]),
    )

    assert response.status_code == 302, errors(response)
    sheet = InformationSheet.objects.get()
    assert list(sheet.documents.all()) == [document] and list(sheet.monitoring_items.all()) == [item]
    assert [version.revision.user.username for version in Version.objects.get_for_object(sheet)] == ["editor"]
