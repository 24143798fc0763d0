import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone, translation

from core.models import Publishable
from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DRAFT = Publishable.PublicationStatus.DRAFT


def in_russian(message):
    with translation.override("ru"):
        return translation.gettext(message)


def rss_items(response):
    channel = ET.fromstring(response.content).find("channel")
    return [
        {"title": item.findtext("title"), "link": item.findtext("link"), "description": item.findtext("description")}
        for item in channel.findall("item")
    ]


def test_rss_feed_of_news_answers_rss(client):
    response = client.get("/ru/news/feed/rss/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"


def test_atom_feed_of_news_answers_atom(client):
    response = client.get("/en/news/feed/atom/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"


def test_rss_feed_of_news_declares_its_language_and_links_to_the_news_list(client):
    russian = ET.fromstring(client.get("/ru/news/feed/rss/").content).find("channel")
    english = ET.fromstring(client.get("/en/news/feed/rss/").content).find("channel")

    assert russian.findtext("language") == "ru"
    assert russian.findtext("link") == "http://testserver/ru/news/"
    assert russian.findtext("title") == in_russian("Almaty Process: news")
    assert english.findtext("language") == "en"
    assert english.findtext("link") == "http://testserver/en/news/"
    assert english.findtext("title") == "Almaty Process: news"


def test_news_items_are_in_the_language_of_the_feed_and_link_to_it(client):
    NewsItemFactory(slug="forum", title_ru="Форум", title_en="Forum", lead_ru="Кратко.", lead_en="In brief.")

    assert rss_items(client.get("/ru/news/feed/rss/")) == [
        {"title": "Форум", "link": "http://testserver/ru/news/forum/", "description": "Кратко."}
    ]
    assert rss_items(client.get("/en/news/feed/rss/")) == [
        {"title": "Forum", "link": "http://testserver/en/news/forum/", "description": "In brief."}
    ]


def test_news_item_only_in_russian_is_marked_in_the_english_feed(client):
    NewsItemFactory(title_ru="Форум", title_en="", lead_ru="Кратко.", lead_en="")

    (item,) = rss_items(client.get("/en/news/feed/rss/"))

    assert item["title"] == "Форум"
    assert item["description"] == "Available in Russian only. Кратко."


def test_news_feed_leaves_out_drafts_and_items_scheduled_for_later(client):
    NewsItemFactory(slug="public")
    NewsItemFactory(slug="draft", publication_status=DRAFT)
    NewsItemFactory(slug="later", publish_at=timezone.now() + datetime.timedelta(hours=1))

    links = [item["link"] for item in rss_items(client.get("/ru/news/feed/rss/"))]

    assert links == ["http://testserver/ru/news/public/"]


def test_news_feed_shows_staff_only_what_the_public_sees(editor_client):
    NewsItemFactory(slug="draft", publication_status=DRAFT)

    assert rss_items(editor_client.get("/ru/news/feed/rss/")) == []


def test_news_feed_lists_newest_first(client):
    NewsItemFactory(slug="older", date=datetime.date(2021, 1, 1))
    NewsItemFactory(slug="newer", date=datetime.date(2022, 1, 1))

    links = [item["link"] for item in rss_items(client.get("/en/news/feed/rss/"))]

    assert links == ["http://testserver/en/news/newer/", "http://testserver/en/news/older/"]


def test_atom_feed_of_news_has_entries_in_the_language(client):
    NewsItemFactory(slug="forum", title_ru="Форум", title_en="Forum", date=datetime.date(2022, 4, 20))

    feed = ET.fromstring(client.get("/en/news/feed/atom/").content)
    (entry,) = feed.findall(f"{ATOM}entry")

    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert entry.findtext(f"{ATOM}title") == "Forum"
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver/en/news/forum/"
    assert entry.findtext(f"{ATOM}published") == "2022-04-20T00:00:00+06:00"
    assert entry.findtext(f"{ATOM}updated") == "2022-04-20T00:00:00+06:00"


def test_news_feed_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    NewsItemFactory.create_batch(110)

    with django_assert_max_num_queries(1):
        response = client.get("/ru/news/feed/rss/")

    assert len(rss_items(response)) == 30


@pytest.mark.parametrize("feed", ["rss", "atom"])
def test_a_news_lead_with_markup_reaches_feed_readers_as_text_not_html(client, feed):
    NewsItemFactory(title_en="Forum", lead_en="<script>alert(1)</script> Q&A", lead_ru="")

    root = ET.fromstring(client.get(f"/en/news/feed/{feed}/").content)
    if feed == "rss":
        description = root.find("channel/item").findtext("description")
    else:
        description = root.find(f"{ATOM}entry").findtext(f"{ATOM}summary")

    assert description == "&lt;script&gt;alert(1)&lt;/script&gt; Q&amp;A"
