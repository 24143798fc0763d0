"""Who sees what in the information sheets: restricted items × readers × every output.

Items: a draft sheet, a sheet scheduled for later, and, in a public sheet, a document for delegates only,
a draft document, a document of a draft meeting, a draft monitoring item and a draft news item.
Readers: anonymous, a delegate, staff. The page shows a reader what they may see; the PDF, the feeds and
the sitemap are the same for everybody: what the public sees.
"""

import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from documents.models import Audience
from tests.core.test_sitemap import sitemap_files
from tests.factories import (
    DelegateFactory,
    DocumentFactory,
    InformationSheetFactory,
    MeetingFactory,
    MonitoringItemFactory,
    NewsItemFactory,
)

pytestmark = pytest.mark.django_db

READERS = ["anonymous", "delegate", "staff"]
SEES = {
    "draft_sheet": {"staff"},
    "future_sheet": {"staff"},
    "delegates_document": {"delegate", "staff"},
    "draft_document": {"staff"},
    "draft_meeting_document": {"staff"},
    "draft_item": {"staff"},
    "draft_news": {"staff"},
}
SHEETS = ["draft_sheet", "future_sheet"]
CONTENTS = [name for name in SEES if name not in SHEETS]


def marker(name):
    return f"Qx{name.replace('_', '')}"


@pytest.fixture
def world():
    later = timezone.now() + datetime.timedelta(days=30)
    for name, changes in (("draft_sheet", {"publication_status": "draft"}), ("future_sheet", {"publish_at": later})):
        InformationSheetFactory(title_en=marker(name), title_ru=marker(name), slug=marker(name).lower(), **changes)
    sheet = InformationSheetFactory(title_en="Open sheet", slug="open-sheet")
    sheet.documents.add(
        DocumentFactory(title_en="Open report"),
        DocumentFactory(title_en=marker("delegates_document"), audience=Audience.DELEGATES),
        DocumentFactory(title_en=marker("draft_document"), publication_status="draft"),
        DocumentFactory(title_en=marker("draft_meeting_document"), meeting=MeetingFactory(publication_status="draft")),
    )
    sheet.monitoring_items.add(MonitoringItemFactory(headline=marker("draft_item"), publication_status="draft"))
    sheet.news.add(NewsItemFactory(title_en=marker("draft_news"), publication_status="draft"))
    return sheet


@pytest.fixture
def reader_client(client, django_user_model):
    def make(reader):
        if reader == "staff":
            client.force_login(django_user_model.objects.create_user("staff", is_staff=True, is_superuser=True))
        elif reader == "delegate":
            client.force_login(DelegateFactory().user)
        return client

    return make


def body(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    if response.get("Content-Type") == "application/pdf":
        reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
        return " ".join(page.extract_text() for page in reader.pages)
    return response.content.decode()


def shown(content, names):
    return {name for name in names if marker(name).lower() in content.lower()}


@pytest.mark.parametrize("reader", READERS)
def test_the_list_and_the_sheet_page_show_the_reader_only_what_they_may_see(reader_client, world, reader):
    client = reader_client(reader)

    listing = body(client, "/en/information-sheets/")
    page = body(client, "/en/information-sheets/open-sheet/")

    assert shown(listing, SHEETS) == {name for name in SHEETS if reader in SEES[name]}
    assert shown(page, CONTENTS) == {name for name in CONTENTS if reader in SEES[name]}
    assert "Open sheet" in listing and "Open report" in page


@pytest.mark.parametrize("reader", READERS)
def test_hidden_sheets_and_their_pdfs_answer_404_to_all_but_staff(reader_client, world, reader):
    client = reader_client(reader)

    addresses = [
        f"/en/information-sheets/{marker(name).lower()}{suffix}" for name in SHEETS for suffix in ("/", ".pdf")
    ]
    statuses = {client.get(address).status_code for address in addresses}

    assert statuses == ({200} if reader == "staff" else {404})


@pytest.mark.parametrize("reader", READERS)
def test_the_pdf_the_feeds_and_the_sitemap_show_only_public_items_whoever_asks(reader_client, world, reader):
    client = reader_client(reader)

    pdf = body(client, "/en/information-sheets/open-sheet.pdf")
    feeds = body(client, "/en/information-sheets/feed/atom/") + body(client, "/en/information-sheets/feed/rss/")
    sitemap = "".join(client.get(address).content.decode() for address in sitemap_files(client))

    assert shown(pdf, CONTENTS) == set() and "Open report" in pdf
    assert shown(feeds, SEES) == set() and "Open sheet" in feeds
    assert shown(sitemap, SHEETS) == set() and "/en/information-sheets/open-sheet/" in sitemap
