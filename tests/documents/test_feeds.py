import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from core.models import Publishable
from documents.models import Audience
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DRAFT = Publishable.PublicationStatus.DRAFT


def rss_items(response):
    channel = ET.fromstring(response.content).find("channel")
    return [(item.findtext("title"), item.findtext("link")) for item in channel.findall("item")]


def test_rss_feed_of_documents_answers_rss(client):
    response = client.get("/ru/documents/feed/rss/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"


def test_atom_feed_of_documents_answers_atom(client):
    response = client.get("/ru/documents/feed/atom/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"


def test_documents_are_in_the_language_of_the_feed_and_link_to_it(client):
    document = DocumentFactory(title_ru="Доклад", title_en="Report")

    assert rss_items(client.get("/ru/documents/feed/rss/")) == [
        ("Доклад", f"http://testserver/ru/documents/{document.pk}/")
    ]
    assert rss_items(client.get("/en/documents/feed/rss/")) == [
        ("Report", f"http://testserver/en/documents/{document.pk}/")
    ]


def test_document_feed_channel_is_in_the_language(client):
    channel = ET.fromstring(client.get("/en/documents/feed/rss/").content).find("channel")

    assert channel.findtext("language") == "en"
    assert channel.findtext("title") == "Almaty Process: new documents"
    assert channel.findtext("link") == "http://testserver/en/documents/"


def test_document_summary_only_in_english_is_marked_in_the_russian_feed(client):
    DocumentFactory(summary_ru="", summary_en="A report on mixed migration.")

    channel = ET.fromstring(client.get("/ru/documents/feed/rss/").content).find("channel")

    description = channel.find("item").findtext("description")
    assert description == "Имеется только на английском языке. A report on mixed migration."


def test_document_feed_leaves_out_drafts_restricted_and_scheduled_documents(client):
    public = DocumentFactory()
    DocumentFactory(publication_status=DRAFT)
    DocumentFactory(audience=Audience.DELEGATES)
    DocumentFactory(audience=Audience.ATTENDED_STATES)
    DocumentFactory(publish_at=timezone.now() + datetime.timedelta(days=2))

    links = [link for _title, link in rss_items(client.get("/ru/documents/feed/rss/"))]

    assert links == [f"http://testserver/ru/documents/{public.pk}/"]


def test_document_feed_shows_staff_only_what_the_public_sees(editor_client):
    DocumentFactory(audience=Audience.DELEGATES)

    assert rss_items(editor_client.get("/ru/documents/feed/rss/")) == []


def test_document_added_last_comes_first_whatever_its_date(client):
    recent = DocumentFactory(date=datetime.date(2023, 5, 1))
    archived_today = DocumentFactory(date=datetime.date(2008, 3, 14))

    links = [link for _title, link in rss_items(client.get("/en/documents/feed/rss/"))]

    assert links == [
        f"http://testserver/en/documents/{archived_today.pk}/",
        f"http://testserver/en/documents/{recent.pk}/",
    ]


def test_atom_feed_of_documents_has_entries_in_the_language(client):
    document = DocumentFactory(title_ru="Доклад", title_en="Report")

    feed = ET.fromstring(client.get("/ru/documents/feed/atom/").content)
    (entry,) = feed.findall(f"{ATOM}entry")

    assert entry.findtext(f"{ATOM}title") == "Доклад"
    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver/ru/documents/{document.pk}/"


def test_document_feed_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    DocumentFactory.create_batch(105)

    with django_assert_max_num_queries(1):
        response = client.get("/ru/documents/feed/rss/")

    assert len(rss_items(response)) == 30


@pytest.mark.parametrize("feed", ["rss", "atom"])
def test_a_summary_with_markup_reaches_feed_readers_as_text_not_html(client, feed):
    DocumentFactory(summary_en='<img src=x onerror="alert(1)"> Agenda & notes', summary_ru="")

    root = ET.fromstring(client.get(f"/en/documents/feed/{feed}/").content)
    if feed == "rss":
        description = root.find("channel/item").findtext("description")
    else:
        description = root.find(f"{ATOM}entry").findtext(f"{ATOM}summary")

    # What a reader renders as HTML: the markup shows as the characters the editor typed.
    assert description == "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; Agenda &amp; notes"
