"""The PublicFeed base that the news and document feeds share."""

import xml.etree.ElementTree as ET

import pytest

from core.feeds import PublicFeed
from tests.factories import DocumentFactory, NewsItemFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize(
    ("path", "subtitle"),
    [
        ("/en/news/feed/atom/", "News of the Almaty Process on refugee protection and international migration."),
        ("/en/documents/feed/atom/", "Documents newly published in the archive of the Almaty Process."),
    ],
)
def test_each_atom_feed_carries_its_rss_description_as_subtitle(client, path, subtitle):
    feed = ET.fromstring(client.get(path).content)

    assert feed.findtext(f"{ATOM}subtitle") == subtitle


def test_a_feed_holds_at_most_its_length_of_newest_items(client):
    NewsItemFactory.create_batch(PublicFeed.length + 2)

    channel = ET.fromstring(client.get("/en/news/feed/rss/").content).find("channel")

    assert len(channel.findall("item")) == PublicFeed.length == 30


def test_the_first_description_field_with_text_describes_the_item_and_the_default_comes_last(client):
    NewsItemFactory(title_en="With lead", lead_en="The lead.", body_en="The body.")
    NewsItemFactory(title_en="Without lead", lead_en="", lead_ru="", body_en="The body.")
    DocumentFactory(title_en="Unsummarised", summary_en="", summary_ru="", meeting=None)

    news = ET.fromstring(client.get("/en/news/feed/rss/").content).find("channel")
    documents = ET.fromstring(client.get("/en/documents/feed/rss/").content).find("channel")

    descriptions = {item.findtext("title"): item.findtext("description") for item in news.findall("item")}
    assert descriptions == {"With lead": "The lead.", "Without lead": "The body."}
    (document,) = documents.findall("item")
    assert document.findtext("description") == document.findtext("category") != ""
