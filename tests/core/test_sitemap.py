import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from almaty_portal.urls import SITEMAPS
from core.models import Publishable
from documents.models import Audience
from tests.factories import (
    DocumentFactory,
    MeetingFactory,
    NewsItemFactory,
    OrganisationFactory,
    PageFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
DRAFT = Publishable.PublicationStatus.DRAFT


def sitemap_files(client) -> list[str]:
    """The addresses of the files that the sitemap index at /sitemap.xml lists."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    locations = ET.fromstring(index.content).iter(f"{{{NS['s']}}}loc")
    return [loc.text.removeprefix("http://testserver") for loc in locations]


def sitemap_urls(client):
    urls = {}
    for address in sitemap_files(client):
        root = ET.fromstring(client.get(address).content)
        for url in root.findall("s:url", NS):
            loc = url.findtext("s:loc", namespaces=NS)
            urls[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
    return urls


def test_the_sitemap_is_an_index_of_files_within_the_protocol_s_limits(client, settings):
    DocumentFactory.create_batch(3)
    from core.sitemaps import BilingualSitemap

    BilingualSitemap.limit, saved = 2, BilingualSitemap.limit
    try:
        files = sitemap_files(client)
        documents = [address for address in files if address.startswith("/sitemap-documents.xml")]
        # Three documents in two languages: six addresses, two a file.
        assert documents == ["/sitemap-documents.xml", "/sitemap-documents.xml?p=2", "/sitemap-documents.xml?p=3"]
        assert all(len(ET.fromstring(client.get(a).content).findall("s:url", NS)) <= 2 for a in files)
    finally:
        BilingualSitemap.limit = saved


def test_sitemap_is_served_as_xml_outside_the_language_prefix(client):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"


def test_sitemap_lists_the_home_page_in_both_languages_with_alternates(client):
    urls = sitemap_urls(client)

    alternates = {
        "ru": "http://testserver/ru/",
        "en": "http://testserver/en/",
        "x-default": "http://testserver/",
    }
    assert urls["http://testserver/ru/"] == alternates
    assert urls["http://testserver/en/"] == alternates


def test_sitemap_lists_the_list_pages_in_both_languages(client):
    urls = sitemap_urls(client)

    for path in ["news/", "meetings/", "meetings/matrix/", "states/", "organisations/", "documents/"]:
        assert urls[f"http://testserver/ru/{path}"]["en"] == f"http://testserver/en/{path}"
        assert urls[f"http://testserver/en/{path}"]["ru"] == f"http://testserver/ru/{path}"


def test_sitemap_lists_each_public_object_in_both_languages(client):
    PageFactory(slug="about")
    NewsItemFactory(slug="forum")
    MeetingFactory(slug="som-3")
    StateFactory(slug="kazakhstan")
    OrganisationFactory(slug="iom")
    document = DocumentFactory(meeting=None)

    urls = sitemap_urls(client)

    for path in [
        "pages/about/",
        "news/forum/",
        "meetings/som-3/",
        "states/kazakhstan/",
        "organisations/iom/",
        f"documents/{document.pk}/",
    ]:
        assert urls[f"http://testserver/ru/{path}"] == {
            "ru": f"http://testserver/ru/{path}",
            "en": f"http://testserver/en/{path}",
            "x-default": f"http://testserver/{path}",
        }
        assert f"http://testserver/en/{path}" in urls


def test_sitemap_leaves_out_drafts_scheduled_and_restricted_items(client):
    later = timezone.now() + datetime.timedelta(days=1)
    PageFactory(slug="draft-page", publication_status=DRAFT)
    NewsItemFactory(slug="draft-news", publication_status=DRAFT)
    NewsItemFactory(slug="later-news", publish_at=later)
    MeetingFactory(slug="draft-meeting", publication_status=DRAFT)
    MeetingFactory(slug="later-meeting", publish_at=later)
    restricted = DocumentFactory(meeting=None, audience=Audience.DELEGATES)
    draft = DocumentFactory(meeting=None, publication_status=DRAFT)

    locations = " ".join(sitemap_urls(client))

    for hidden in ["draft-page", "draft-news", "later-news", "draft-meeting", "later-meeting"]:
        assert hidden not in locations
    assert f"/documents/{restricted.pk}/" not in locations
    assert f"/documents/{draft.pk}/" not in locations


def test_sitemap_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    process = OrganisationFactory(kind="process")
    meetings = MeetingFactory.create_batch(110, process=process)
    for meeting in meetings[:100]:
        DocumentFactory(meeting=meeting)
    NewsItemFactory.create_batch(100)
    StateFactory.create_batch(20)

    with django_assert_max_num_queries(len(SITEMAPS)):
        files = sitemap_files(client)
    for address in files:
        with django_assert_max_num_queries(3):
            assert client.get(address).status_code == 200

    assert len(sitemap_urls(client)) > 2 * (110 + 100 + 100 + 20)


def test_the_index_counts_each_section_and_a_file_reads_only_its_own_items(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.sitemaps import BilingualSitemap

    documents = DocumentFactory.create_batch(5)
    BilingualSitemap.limit, saved = 3, BilingualSitemap.limit
    try:
        with CaptureQueriesContext(connection) as index_queries:
            files = [address for address in sitemap_files(client) if address.startswith("/sitemap-documents.xml")]
        pages = []
        for address in files:
            with CaptureQueriesContext(connection) as file_queries:
                root = ET.fromstring(client.get(address).content)
            pages.append([url.findtext("s:loc", namespaces=NS) for url in root.findall("s:url", NS)])
            [read] = [query["sql"] for query in file_queries if '"documents_document"."title' in query["sql"]]
            assert "LIMIT" in read  # the file's slice, not the whole section
    finally:
        BilingualSitemap.limit = saved

    document_sql = [query["sql"] for query in index_queries if "documents_document" in query["sql"]]
    assert document_sql and all("COUNT(" in sql for sql in document_sql)
    # Ten addresses, three a file, an item split between two files: each address once, none left out.
    assert [len(page) for page in pages] == [3, 3, 3, 1]
    addresses = [address for page in pages for address in page]
    expected = {
        f"http://testserver/{language}/documents/{document.pk}/"
        for document in documents
        for language in "ru en".split()
    }
    assert len(addresses) == len(set(addresses)) and set(addresses) == expected


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /ru/admin/",
        "Disallow: /en/admin/",
        "",
        "Sitemap: http://testserver/sitemap.xml",
    ]


def test_sitemap_x_default_address_leads_to_the_page_in_the_reader_language(client):
    MeetingFactory(slug="som-3")

    x_default = sitemap_urls(client)["http://testserver/ru/meetings/som-3/"]["x-default"]
    response = client.get(x_default.removeprefix("http://testserver"), headers={"accept-language": "en"})

    assert response.status_code == 302
    assert response["Location"] == "/en/meetings/som-3/"
