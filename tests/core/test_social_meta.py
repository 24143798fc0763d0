from html.parser import HTMLParser

import pytest

from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


class HeadTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = {}
        self.feeds = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content")
        if tag == "link" and attrs.get("rel") == "alternate" and "type" in attrs:
            self.feeds.append((attrs["type"], attrs["href"]))


def head_tags(response):
    parser = HeadTags()
    parser.feed(response.content.decode())
    return parser


def test_russian_page_describes_itself_to_social_networks_in_russian(client):
    tags = head_tags(client.get("/ru/news/?page=1"))

    assert tags.meta["og:locale"] == "ru_RU"
    assert tags.meta["og:locale:alternate"] == "en_GB"
    assert tags.meta["og:url"] == "http://testserver/ru/news/?page=1"
    assert tags.meta["og:type"] == "website"
    assert tags.meta["twitter:card"] == "summary_large_image"
    assert tags.meta["og:image"] == "http://testserver/static/img/social-card-ru.png"
    assert tags.meta["og:description"] == tags.meta["description"]


def test_english_page_describes_itself_to_social_networks_in_english(client):
    tags = head_tags(client.get("/en/news/"))

    assert tags.meta["og:locale"] == "en_GB"
    assert tags.meta["og:locale:alternate"] == "ru_RU"
    assert tags.meta["og:url"] == "http://testserver/en/news/"
    assert tags.meta["og:site_name"] == "Almaty Process"
    assert tags.meta["og:title"] == "Almaty Process"


def test_object_page_is_shared_under_the_object_title_in_the_language(client):
    NewsItemFactory(slug="forum", title_ru="Форум", title_en="Forum")

    assert head_tags(client.get("/ru/news/forum/")).meta["og:title"] == "Форум"
    assert head_tags(client.get("/en/news/forum/")).meta["og:title"] == "Forum"


def test_every_page_announces_the_feeds_in_its_language(client):
    NewsItemFactory(slug="forum")

    tags = head_tags(client.get("/en/news/forum/"))

    assert tags.feeds == [
        ("application/rss+xml", "/en/news/feed/rss/"),
        ("application/atom+xml", "/en/news/feed/atom/"),
        ("application/rss+xml", "/en/documents/feed/rss/"),
    ]
