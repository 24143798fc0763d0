"""Every page in Russian and English: the redirect from "/", the switcher, alternates, fallback marking."""

import datetime
import re

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.factories import MeetingFactory, NewsItemFactory, PageFactory, StateFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("ru-RU,ru;q=0.9,en;q=0.8", "/ru/"),
        ("de-DE,fr;q=0.8", "/ru/"),
        ("", "/ru/"),
    ],
)
def test_root_redirects_by_the_browser_language_and_to_russian_otherwise(client, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


def test_an_address_without_prefix_keeps_its_path_and_query_when_redirected(client):
    response = client.get("/meetings/?year=2016", headers={"accept-language": "en"})

    assert response["Location"] == "/en/meetings/?year=2016"


def switcher_link(html: str, language: str) -> str:
    return re.search(rf'<a href="([^"]+)" hreflang="{language}" lang="{language}">', html).group(1)


def test_language_switcher_keeps_the_filters_and_the_page_number(client):
    for day in range(1, 25):
        MeetingFactory(start_date=datetime.date(2016, 1, day))

    html = client.get("/ru/meetings/?year=2016&kind=som&page=2").content.decode()

    assert switcher_link(html, "en") == "/en/meetings/?year=2016&amp;kind=som&amp;page=2"


def test_language_switcher_on_a_meeting_page_leads_to_the_same_meeting(client):
    MeetingFactory(slug="third-som")

    html = client.get("/en/meetings/third-som/").content.decode()

    assert switcher_link(html, "ru") == "/ru/meetings/third-som/"
    assert '<span aria-current="true" lang="en">English</span>' in html


def test_language_switcher_on_a_missing_page_swaps_the_language_prefix(client):
    html = client.get("/ru/no/such/page/").content.decode()

    assert switcher_link(html, "en") == "/en/no/such/page/"


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_page_declares_its_language_canonical_and_alternates(client, language):
    StateFactory(slug="kazakhstan")

    html = client.get(f"/{language}/states/kazakhstan/?utm=&x=1").content.decode()

    assert f'<html lang="{language}">' in html
    assert f'<link rel="canonical" href="http://testserver/{language}/states/kazakhstan/?x=1">' in html
    assert '<link rel="alternate" hreflang="ru" href="http://testserver/ru/states/kazakhstan/?utm=&amp;x=1">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/states/kazakhstan/?utm=&amp;x=1">' in html
    x_default = "http://testserver/states/kazakhstan/?utm=&amp;x=1"
    assert f'<link rel="alternate" hreflang="x-default" href="{x_default}">' in html


def test_x_default_address_redirects_by_browser_language(client):
    StateFactory(slug="kazakhstan")

    response = client.get("/states/kazakhstan/", headers={"accept-language": "en"})

    assert response["Location"] == "/en/states/kazakhstan/"


@pytest.mark.parametrize(
    ("path", "marker"),
    [
        ("/en/", 'lang="ru">Только по-русски</span>'),
        ("/en/news/", 'lang="ru">Только по-русски</span>'),
    ],
)
def test_titles_in_lists_that_exist_only_in_russian_are_marked_on_english_pages(client, path, marker):
    NewsItemFactory(title_ru="Только по-русски", title_en="")

    html = client.get(path).content.decode()

    assert marker + ' <small class="other-language-note">(in Russian only)</small>' in html


def test_slugs_are_the_same_in_both_languages(client):
    PageFactory(slug="about")

    assert client.get("/ru/pages/about/").status_code == 200
    assert client.get("/en/pages/about/").status_code == 200


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (datetime.date(2016, 11, 16), None, '<time datetime="2016-11-16">16 November 2016</time>'),
        (
            datetime.date(2016, 11, 16),
            datetime.date(2016, 11, 17),
            '<time datetime="2016-11-16">16</time>–<time datetime="2016-11-17">17 November 2016</time>',
        ),
    ],
)
def test_date_range_writes_one_day_or_a_span_with_machine_readable_dates(start, end, expected):
    with translation.override("en"):
        rendered = Template("{% load portal %}{% date_range start end %}").render(Context({"start": start, "end": end}))

    assert rendered == expected
