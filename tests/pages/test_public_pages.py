"""Home, About, the secretariat page and news, in both languages."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from pages.models import NewsItem, Page
from tests.factories import (
    DocumentFactory,
    MeetingFactory,
    NewsItemFactory,
    PageFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db


def titles_under(html: str, heading_id: str) -> list[str]:
    block = re.search(rf'<h2 id="{heading_id}">.*?</section>', html, re.S).group(0)
    return re.findall(r'class="item-title" href="[^"]+">(?:<span lang="\w+">)?([^<]+)', block)


@pytest.fixture
def today():
    return timezone.localdate()


def test_home_shows_about_excerpt_upcoming_and_latest_meetings_documents_and_news(client, today):
    PageFactory(slug="about", body_en="The Almaty Process is a regional consultative process.")
    MeetingFactory(title_en="Next meeting", start_date=today + datetime.timedelta(days=30))
    MeetingFactory(title_en="Past meeting", start_date=today - datetime.timedelta(days=300))
    DocumentFactory(title_en="Outcome statement", meeting=None)
    NewsItemFactory(title_en="News of the day")

    html = client.get("/en/").content.decode()

    assert "<p>The Almaty Process is a regional consultative process.</p>" in html
    assert titles_under(html, "upcoming-heading") == ["Next meeting"]
    assert titles_under(html, "latest-heading") == ["Past meeting"]
    assert titles_under(html, "documents-heading") == ["Outcome statement"]
    assert titles_under(html, "news-heading") == ["News of the day"]


def test_home_in_russian_shows_russian_texts(client, today):
    MeetingFactory(title_ru="Прошедшая встреча", start_date=today - datetime.timedelta(days=3))

    html = client.get("/ru/").content.decode()

    assert '<html lang="ru">' in html
    assert titles_under(html, "latest-heading") == ["Прошедшая встреча"]


def test_home_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries, today):
    PageFactory(slug="about")
    meetings = MeetingFactory.create_batch(110, start_date=today - datetime.timedelta(days=10))
    MeetingFactory.create_batch(10, start_date=today + datetime.timedelta(days=10))
    for meeting in meetings[:100]:
        ParticipationFactory(meeting=meeting)
    DocumentFactory.create_batch(110, meeting=meetings[0])
    NewsItemFactory.create_batch(110)

    with django_assert_max_num_queries(6):
        assert client.get("/en/").status_code == 200


@pytest.mark.parametrize(("language", "title"), [("ru", "Секретариат"), ("en", "Secretariat")])
def test_about_and_secretariat_pages_exist_in_both_languages(client, language, title):
    PageFactory(slug="about")
    PageFactory(slug="secretariat", title_ru="Секретариат", title_en="Secretariat")

    assert client.get(f"/{language}/pages/about/").status_code == 200
    html = client.get(f"/{language}/pages/secretariat/").content.decode()
    assert f"<h1>{title}</h1>" in html


def test_about_page_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    PageFactory(slug="about", body_en="\n\n".join(f"Paragraph {n}." for n in range(200)))

    with django_assert_max_num_queries(2):
        assert client.get("/en/pages/about/").status_code == 200


def test_draft_page_is_hidden_from_the_public_and_bannered_for_staff(editor_client):
    PageFactory(slug="draft", publication_status=Page.PublicationStatus.DRAFT)

    assert Client().get("/en/pages/draft/").status_code == 404
    assert 'class="draft-banner"' in editor_client.get("/en/pages/draft/").content.decode()


def test_news_list_is_paginated_newest_first_and_keeps_the_language_filter(client):
    for day in range(1, 26):
        NewsItemFactory(title_en=f"News {day:02d}", date=datetime.date(2022, 1, day))
    NewsItemFactory(title_ru="Только по-русски", title_en="", date=datetime.date(2022, 2, 1))

    first = client.get("/en/news/").content.decode()
    mine = client.get("/en/news/?mine=1&page=2").content.decode()

    assert re.findall(r'class="item-title" href="[^"]+">(?:<span lang="\w+">)?([^<]+)', first)[:2] == [
        "Только по-русски",
        "News 25",
    ]
    assert re.findall(r'class="item-title" href="[^"]+">([^<]+)', mine) == [
        "News 05",
        "News 04",
        "News 03",
        "News 02",
        "News 01",
    ]
    assert 'href="?mine=1&amp;page=1" rel="prev"' in mine


def test_news_list_answers_a_malformed_page_with_400(client):
    assert client.get("/en/news/?page=zzz").status_code == 400


def test_news_item_shows_its_text_and_hides_drafts(client):
    NewsItemFactory(slug="visit", title_en="A visit", body_en="The director visited.")
    NewsItemFactory(slug="secret", publication_status=NewsItem.PublicationStatus.DRAFT)

    html = client.get("/en/news/visit/").content.decode()

    assert "<h1>A visit</h1>" in html
    assert "<p>The director visited.</p>" in html
    assert client.get("/en/news/secret/").status_code == 404


def test_news_item_only_in_english_is_marked_on_the_russian_page(client):
    NewsItemFactory(slug="visit", title_ru="", title_en="A visit", body_ru="", body_en="The director visited.")

    html = client.get("/ru/news/visit/").content.decode()

    assert '<h1><span lang="en">A visit</span> <small class="other-language-note">' in html
    assert '<div class="other-language" lang="en">' in html


def test_news_list_and_item_run_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    NewsItemFactory.create_batch(120)
    NewsItemFactory(slug="one")

    with django_assert_max_num_queries(3):
        assert client.get("/en/news/?page=3").status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get("/en/news/one/").status_code == 200
