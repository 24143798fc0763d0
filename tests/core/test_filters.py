"""Filter pieces every list shares: one year field, one search box."""

import lxml.html
import pytest
from django.urls import reverse
from django.utils import translation

from core.filters import YearField, YearsField

pytestmark = pytest.mark.django_db
BAD_YEAR = "Enter a year between 1990 and 2100, such as 2016."


@pytest.mark.parametrize("value", ["abc", "1812", "2101", "20 16"])
def test_a_year_outside_the_archive_gets_one_message_on_every_list(client, value):
    for url in ("/en/meetings/", "/en/documents/"):
        response = client.get(url, {"year": value})

        assert response.status_code == 400
        assert BAD_YEAR in response.content.decode()


def test_one_year_and_several_years_read_the_same_values():
    assert YearField().clean("2016") == 2016
    assert YearsField().clean(["2017", " 2016 ", "2017"]) == [2016, 2017]


def search_form(client, url, params=None):
    page = lxml.html.fromstring(client.get(url, params or {}).content)
    (form,) = page.xpath('//main//form[@role="search"]')
    return form


def test_the_archive_and_the_search_page_share_one_search_box(client):
    with translation.override("en"):
        urls = [reverse("documents:document_list"), reverse("search:search")]

    forms = [search_form(client, url, {"q": "refugees"}) for url in urls]

    for form in forms:
        assert form.xpath('.//input[@name="q"]/@value') == ["refugees"]
        assert form.xpath('.//label[@for="id_q"]/text()') == ["Words in any form, in Russian or English"]
        assert form.xpath('.//p[@class="hint"]')
    assert [form.get("aria-label") for form in forms] == ["Search the documents", "Search the site"]


def test_the_archive_search_box_keeps_the_chosen_facets(client):
    with translation.override("en"):
        url = reverse("documents:document_list")

    form = search_form(client, url, {"q": "refugees", "kind": "report", "page": "1"})

    kept = {(field.get("name"), field.get("value")) for field in form.xpath('.//input[@type="hidden"]')}
    assert kept == {("kind", "report")}
