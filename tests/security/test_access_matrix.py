"""Who sees what, everywhere: restricted items × readers × every place an item can show up.

Items: a draft document, a future-dated document, a document for the delegates of its meeting's
states, a file for those delegates (on a public document), a draft meeting and a future-dated news item.
Readers: anonymous, a delegate of a state not at the meeting, a delegate of a state at the meeting, staff.

Feeds, the sitemap and the calendar feed are the same for everybody (what an anonymous reader may see):
they are fetched by programs and cached, so staff do not find drafts there either.
"""

import datetime
import io
import json
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from documents.indexing import index_document
from documents.models import Audience, Document, DocumentFile, ExtractionStatus
from tests.core.test_sitemap import sitemap_files
from tests.factories import (
    DelegateFactory,
    DocumentFactory,
    DocumentFileFactory,
    MeetingFactory,
    NewsItemFactory,
    OutcomeStatementFactory,
    ParticipationFactory,
    StateFactory,
    StatementParagraphFactory,
)

pytestmark = pytest.mark.django_db

READERS = ["anonymous", "other_delegate", "right_delegate", "staff"]

# Who may see each item on the pages that follow the reader (lists, details, search, exports, zip).
SEES = {
    "draft_document": {"staff"},
    "future_document": {"staff"},
    "delegates_document": {"right_delegate", "staff"},
    "delegates_file": {"right_delegate", "staff"},
    "draft_meeting": {"staff"},
    "future_news": {"staff"},
}
DOCUMENTS = ["draft_document", "future_document", "delegates_document"]
# Years only the restricted documents have: a facet count for them reveals the document.
YEARS = {"draft_document": 2001, "future_document": 2002, "delegates_document": 2003}
SECRET_FILE_TEXT = "qxsecretfiletext"
# In every restricted title: searching for it must not echo a marker the way searching for a marker would.
COMMON_WORD = "Zephyrine"


def marker(name):
    return f"Qx{name.replace('_', '')}"


@pytest.fixture
def world():
    right_state = StateFactory(name_en="Rightland", slug="rightland")
    other_state = StateFactory(name_en="Otherland", slug="otherland")
    meeting = MeetingFactory(title_en="Open meeting", title_ru="Открытое совещание", slug="open-meeting")
    ParticipationFactory(meeting=meeting, state=right_state)
    ParticipationFactory(meeting=meeting, state=StateFactory(name_en="Thirdland"))
    future = timezone.now() + datetime.timedelta(days=30)
    items = {
        "draft_document": DocumentFactory(publication_status="draft"),
        "future_document": DocumentFactory(publish_at=future),
        "delegates_document": DocumentFactory(audience=Audience.ATTENDED_STATES),
    }
    for name, document in items.items():
        Document.objects.filter(pk=document.pk).update(
            title_en=f"{marker(name)} {COMMON_WORD}",
            title_ru=f"{marker(name)} {COMMON_WORD}",
            date=datetime.date(YEARS[name], 5, 5),
            meeting=meeting,
        )
        document.refresh_from_db()
        document.states.add(right_state)
        DocumentFileFactory(
            document=document,
            language="ru",
            original_name=f"{marker(name)}.txt",
            file=ContentFile(b"text", name="a.txt"),
        )
    public_document = DocumentFactory(title_en="Public paper", title_ru="Открытый документ", meeting=meeting)
    public_document.states.add(right_state)
    DocumentFileFactory(document=public_document, language="ru", original_name="public-ru.txt")
    secret = DocumentFileFactory(
        document=public_document,
        language="en",
        audience=Audience.ATTENDED_STATES,
        original_name=f"{marker('delegates_file')}.txt",
    )
    DocumentFile.objects.filter(pk=secret.pk).update(
        extracted_text=f"Briefing {SECRET_FILE_TEXT}", extraction_status=ExtractionStatus.DONE
    )
    for document in Document.objects.all():
        index_document(document)
    draft_meeting = MeetingFactory(
        title_en=f"{marker('draft_meeting')} {COMMON_WORD}",
        title_ru=marker("draft_meeting"),
        slug="qx-draft-meeting",
        publication_status="draft",
        start_date=timezone.localdate() + datetime.timedelta(days=10),
    )
    ParticipationFactory(meeting=draft_meeting, state=right_state)
    StatementParagraphFactory(
        statement=OutcomeStatementFactory(meeting=draft_meeting),
        number=3,
        text_en=f"{marker('draft_meeting')} {COMMON_WORD}",
        text_ru=f"{marker('draft_meeting')} {COMMON_WORD}",
    )
    news = NewsItemFactory(
        title_en=f"{marker('future_news')} {COMMON_WORD}",
        title_ru=marker("future_news"),
        slug="qx-future-news",
        publish_at=future,
    )
    return {
        **items,
        "public_document": public_document,
        "delegates_file": secret,
        "meeting": meeting,
        "draft_meeting": draft_meeting,
        "future_news": news,
        "right_state": right_state,
        "other_state": other_state,
    }


@pytest.fixture
def reader_client(client, django_user_model, world):
    def make(reader):
        if reader == "other_delegate":
            client.force_login(DelegateFactory(state=world["other_state"]).user)
        elif reader == "right_delegate":
            client.force_login(DelegateFactory(state=world["right_state"]).user)
        elif reader == "staff":
            client.force_login(django_user_model.objects.create_user("staff", is_staff=True))
        return client

    return make


def text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


def shown(content, names):
    return {name for name in names if marker(name) in content}


def facets_of(content):
    start = content.index('<aside class="facets"')
    return content[start : content.index("</aside>", start)]


def zip_text(client, url):
    response = client.get(url)
    if response.status_code == 404:
        return ""
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return " ".join(archive.namelist()) + archive.read("manifest.csv").decode("utf-8-sig")


# Pages that list items by title: (address, items that may appear there).
TITLE_PAGES = {
    "home": ("/en/", ["draft_document", "future_document", "delegates_document", "draft_meeting", "future_news"]),
    "home_ru": ("/ru/", ["draft_document", "future_document", "delegates_document", "draft_meeting", "future_news"]),
    "document_list": ("/en/documents/", DOCUMENTS),
    "document_list_by_year": ("/en/documents/?year=2001", ["draft_document"]),
    "document_search": (f"/en/documents/?q={COMMON_WORD}", DOCUMENTS),
    "site_search": (f"/en/search/?q={COMMON_WORD}", [*DOCUMENTS, "draft_meeting", "future_news"]),
    # The draft meeting's outcome statement: its paragraph's hit names the meeting.
    "site_search_paragraphs": (f"/en/search/?q={COMMON_WORD}&kind=paragraphs", ["draft_meeting"]),
    "site_search_news": (f"/en/search/?q={COMMON_WORD}&kind=news", ["future_news"]),
    "meeting_page": ("/en/meetings/open-meeting/", DOCUMENTS),
    "meeting_list": ("/en/meetings/", ["draft_meeting"]),
    "meeting_list_text_filter": (f"/en/meetings/?q={COMMON_WORD}&sort=title", ["draft_meeting"]),
    "matrix": ("/en/meetings/matrix/", ["draft_meeting"]),
    "state_page": ("/en/states/rightland/", [*DOCUMENTS, "draft_meeting"]),
    "news_list": ("/en/news/", ["future_news"]),
    "export_csv": ("/en/documents/export.csv", DOCUMENTS),
    "export_json": ("/en/documents/export.json", DOCUMENTS),
    # The JSON API (api/): documents with their files, searched and filtered, meetings and paragraphs.
    "api_documents": ("/api/v1/documents/?page_size=100", [*DOCUMENTS, "delegates_file"]),
    "api_documents_by_year": ("/api/v1/documents/?year=2001&year=2002&year=2003", DOCUMENTS),
    "api_documents_by_state": ("/api/v1/documents/?state=rightland", [*DOCUMENTS, "delegates_file"]),
    "api_document_search": (f"/api/v1/documents/?q={COMMON_WORD}", DOCUMENTS),
    "api_public_document": ("/api/v1/documents/{public_document}/", ["delegates_file"]),
    "api_meetings": ("/api/v1/meetings/", ["draft_meeting"]),
    "api_paragraphs": ("/api/v1/paragraphs/", ["draft_meeting"]),
}
# The same for everybody: what an anonymous reader may see.
PUBLIC_AGGREGATES = {
    "documents_rss": ("/en/documents/feed/rss/", DOCUMENTS),
    "documents_atom": ("/ru/documents/feed/atom/", DOCUMENTS),
    "documents_search_feed": (f"/en/documents/feed/search/?q={COMMON_WORD}", DOCUMENTS),
    "documents_search_feed_by_year": ("/ru/documents/feed/search/?year=2001&year=2002&year=2003", DOCUMENTS),
    "news_rss": ("/en/news/feed/rss/", ["future_news"]),
    "news_atom": ("/ru/news/feed/atom/", ["future_news"]),
    "calendar": ("/en/meetings/calendar.ics", ["draft_meeting"]),
    "oai_records": ("/oai/?verb=ListRecords&metadataPrefix=oai_dc", DOCUMENTS),
    "oai_records_of_a_set": ("/oai/?verb=ListRecords&metadataPrefix=oai_dc&set=document-kind:report", DOCUMENTS),
    "oai_sets": ("/oai/?verb=ListSets", ["draft_meeting"]),
}


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("page", sorted(TITLE_PAGES))
def test_listed_titles_follow_the_reader(reader_client, world, reader, page):
    url, names = TITLE_PAGES[page]
    url = url.replace("{public_document}", str(world["public_document"].pk))
    client = reader_client(reader)

    content = text(client, url)

    assert shown(content, names) == {name for name in names if reader in SEES[name]}


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("page", sorted(PUBLIC_AGGREGATES))
def test_feeds_and_calendar_show_only_public_items_to_everybody(reader_client, reader, page):
    url, names = PUBLIC_AGGREGATES[page]
    client = reader_client(reader)

    assert shown(text(client, url), names) == set()


@pytest.mark.parametrize("reader", READERS)
def test_facet_counts_include_only_documents_the_reader_may_see(reader_client, reader):
    client = reader_client(reader)

    facets = facets_of(text(client, "/en/documents/"))

    assert {name for name, year in YEARS.items() if f">{year}<" in facets} == {
        name for name in DOCUMENTS if reader in SEES[name]
    }


@pytest.mark.parametrize("reader", READERS)
def test_document_pages_answer_404_to_readers_who_may_not_see_them(reader_client, world, reader):
    client = reader_client(reader)

    statuses = {name: client.get(f"/en/documents/{world[name].pk}/").status_code for name in DOCUMENTS}

    assert statuses == {name: 200 if reader in SEES[name] else 404 for name in DOCUMENTS}


@pytest.mark.parametrize("reader", READERS)
def test_files_of_hidden_documents_answer_404(reader_client, world, reader):
    client = reader_client(reader)

    statuses = {name: client.get(f"/en/documents/{world[name].pk}/ru/").status_code for name in DOCUMENTS}

    assert statuses == {name: 200 if reader in SEES[name] else 404 for name in DOCUMENTS}


@pytest.mark.parametrize("reader", READERS)
def test_delegates_only_file_answers_404_to_readers_who_may_not_download_it(reader_client, world, reader):
    client = reader_client(reader)
    pk = world["public_document"].pk

    public = client.get(f"/en/documents/{pk}/ru/")
    restricted = client.get(f"/en/documents/{pk}/en/")

    assert public.status_code == 200
    assert restricted.status_code == (200 if reader in SEES["delegates_file"] else 404)
    if restricted.status_code == 200:
        assert "private" in restricted.headers["Cache-Control"]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("url", ["/en/documents/{pk}/", "/en/meetings/open-meeting/"])
def test_pages_link_the_delegates_only_file_only_for_those_who_may_download_it(reader_client, world, reader, url):
    client = reader_client(reader)
    pk = world["public_document"].pk

    content = text(client, url.format(pk=pk))

    assert f'href="/en/documents/{pk}/ru/"' in content
    assert (f'href="/en/documents/{pk}/en/"' in content) == (reader in SEES["delegates_file"])


@pytest.mark.parametrize("reader", READERS)
def test_document_list_shows_the_delegates_only_file_language_only_to_those_who_may_download_it(reader_client, reader):
    client = reader_client(reader)

    content = text(client, "/en/documents/?q=%22Public+paper%22")

    assert "Public paper" in content
    assert ('<abbr title="English">en</abbr>' in content) == (reader in SEES["delegates_file"])


@pytest.mark.parametrize("reader", READERS)
def test_meeting_zip_holds_only_what_the_reader_may_see(reader_client, reader):
    client = reader_client(reader)

    content = zip_text(client, "/en/documents/meeting/open-meeting/zip/")

    assert "Public paper [ru]" in content
    assert ("Public paper [en]" in content) == (reader in SEES["delegates_file"])
    assert shown(content, DOCUMENTS) == {name for name in DOCUMENTS if reader in SEES[name]}


@pytest.mark.parametrize("reader", READERS)
def test_the_meeting_page_offers_the_zip_only_to_readers_for_whom_it_holds_a_file(reader_client, world, reader):
    client = reader_client(reader)
    closed = MeetingFactory(slug="closed-files")
    ParticipationFactory(meeting=closed, state=world["right_state"])
    DocumentFileFactory(document=DocumentFactory(meeting=closed, audience=Audience.ATTENDED_STATES))

    for slug in ("open-meeting", "closed-files"):
        page = text(client, f"/en/meetings/{slug}/")
        offered = f'href="/en/documents/meeting/{slug}/zip/"' in page
        assert offered == bool(zip_text(client, f"/en/documents/meeting/{slug}/zip/")), slug
    assert ('href="/en/documents/meeting/closed-files/zip/"' in page) == (reader in SEES["delegates_document"])


@pytest.mark.parametrize("reader", READERS)
def test_text_of_a_delegates_only_file_never_shows_in_search_snippets(reader_client, reader):
    client = reader_client(reader)

    for url in [f"/en/search/?q={SECRET_FILE_TEXT}", f"/en/documents/?q={SECRET_FILE_TEXT}"]:
        assert (
            SECRET_FILE_TEXT
            not in text(client, url)
            .replace(f"q={SECRET_FILE_TEXT}", "")
            .replace(f'value="{SECRET_FILE_TEXT}"', "")
            # The summary of active filters quotes the reader's own words back: “…” (core.filters.active_filters).
            .replace(f"“{SECRET_FILE_TEXT}”", "")
            .split("</form>", 1)[-1]
        )


@pytest.mark.parametrize("reader", READERS)
def test_draft_meeting_and_future_news_answer_404_to_all_but_staff(reader_client, reader):
    client = reader_client(reader)
    expected = 200 if reader == "staff" else 404

    assert client.get("/en/meetings/qx-draft-meeting/").status_code == expected
    assert client.get("/en/meetings/qx-draft-meeting/calendar.ics").status_code == expected
    assert client.get("/en/documents/meeting/qx-draft-meeting/zip/").status_code == 404  # it has no files
    assert client.get("/en/news/qx-future-news/").status_code == expected


@pytest.mark.parametrize("reader", READERS)
def test_sitemap_lists_only_public_items_whoever_asks(reader_client, world, reader):
    client = reader_client(reader)

    content = "".join(text(client, address) for address in sitemap_files(client))

    assert f"/documents/{world['public_document'].pk}/" in content
    assert [name for name in DOCUMENTS if f"/documents/{world[name].pk}/" in content] == []
    assert "qx-draft-meeting" not in content
    assert "qx-future-news" not in content


def test_staff_preview_of_a_draft_carries_the_draft_banner(reader_client, world):
    client = reader_client("staff")

    content = text(client, f"/en/documents/{world['draft_document'].pk}/")

    assert 'class="draft-banner"' in content


@pytest.mark.parametrize("reader", READERS)
def test_export_lists_the_delegates_only_file_language_only_to_those_who_may_download_it(reader_client, reader):
    client = reader_client(reader)

    rows = {row["title_en"]: row for row in json.loads(text(client, "/en/documents/export.json"))}

    assert rows["Public paper"]["languages"] == (["en", "ru"] if reader in SEES["delegates_file"] else ["ru"])


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("page", ["export_csv", "export_json"])
def test_the_whole_archive_built_for_every_rule_is_sent_to_each_reader_as_their_own(reader_client, world, reader, page):
    from django.http import FileResponse

    from documents import whole_archive

    client = reader_client(reader)
    for rule in ["public", "staff", f"state:{world['right_state'].pk}", f"state:{world['other_state'].pk}"]:
        whole_archive.build("http://testserver", "en", rule)
    url, names = TITLE_PAGES[page]

    assert isinstance(client.get(url), FileResponse)  # a built file, not read from the database
    content = text(client, url)
    assert shown(content, names) == {name for name in names if reader in SEES[name]}
    if page == "export_json":
        rows = {row["title_en"]: row for row in json.loads(content)}
        assert rows["Public paper"]["languages"] == (["en", "ru"] if reader in SEES["delegates_file"] else ["ru"])


@pytest.mark.parametrize("reader", READERS)
def test_a_page_hit_names_the_delegates_only_pdf_only_to_those_who_may_download_it(
    reader_client, world, reader, django_capture_on_commit_callbacks
):
    from tests.documents.samples import pdf_pages_bytes

    with django_capture_on_commit_callbacks(execute=True):
        DocumentFile.objects.filter(pk=world["delegates_file"].pk).delete()
        DocumentFileFactory(
            document=world["public_document"],
            language="en",
            audience=Audience.ATTENDED_STATES,
            file=ContentFile(pdf_pages_bytes("Agenda", f"Paper {SECRET_FILE_TEXT}"), name="briefing.pdf"),
        )
    client = reader_client(reader)
    pk = world["public_document"].pk

    for url in ["/en/search/?q=paper", "/en/documents/?q=paper"]:
        content = text(client, url)
        assert "Public paper" in content
        assert (f'href="/en/documents/{pk}/en/#page=2"' in content) == (reader in SEES["delegates_file"])
        assert (SECRET_FILE_TEXT in content) == (reader in SEES["delegates_file"])


@pytest.mark.parametrize("reader", READERS)
def test_the_open_data_package_holds_only_public_items_whoever_downloads_it(reader_client, world, reader):
    from opendata.package import build

    build("https://almaty-process.example")
    response = reader_client(reader).get("/open-data/almaty-process.zip")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    content = " ".join(archive.read(name).decode("utf-8-sig") for name in archive.namelist())
    names = [*DOCUMENTS, "delegates_file", "draft_meeting"]
    assert shown(content, names) == set()
    assert "Public paper" in content and "public-ru.txt" in content  # the control: public items are there


@pytest.mark.parametrize("reader", READERS)
def test_the_api_answers_404_for_items_the_reader_may_not_see(reader_client, world, reader):
    client = reader_client(reader)

    documents = {name: client.get(f"/api/v1/documents/{world[name].pk}/").status_code for name in DOCUMENTS}
    meeting = client.get("/api/v1/meetings/qx-draft-meeting/").status_code

    assert documents == {name: 200 if reader in SEES[name] else 404 for name in DOCUMENTS}
    assert meeting == (200 if reader in SEES["draft_meeting"] else 404)


@pytest.mark.parametrize("reader", READERS)
def test_the_api_lists_participations_only_of_meetings_the_reader_may_see(reader_client, reader):
    participations = reader_client(reader).get("/api/v1/participations/?state=rightland").json()["results"]

    meetings = sorted(item["meeting"] for item in participations)
    assert meetings == (["open-meeting", "qx-draft-meeting"] if reader == "staff" else ["open-meeting"])


@pytest.mark.parametrize("reader", READERS)
def test_the_api_gives_each_reader_only_the_files_they_may_download(reader_client, world, reader):
    document = reader_client(reader).get(f"/api/v1/documents/{world['public_document'].pk}/").json()

    languages = [file["language"] for file in document["files"]]
    assert languages == (["en", "ru"] if reader in SEES["delegates_file"] else ["ru"])
