"""Symbols, citations and structured data in the access matrix: restricted items stay out of each of them.

A restricted document's symbol resolves, and its citation downloads, only for the readers who may see the
document; a draft meeting's citation only for staff; the JSON-LD of a page names only the files its reader
may download.
"""

import extruct
import pytest

from documents.models import Document
from tests.security import test_access_matrix as matrix
from tests.security.test_access_matrix import DOCUMENTS, READERS, SEES, marker, text

pytestmark = pytest.mark.django_db

# The matrix's world of restricted items and its readers.
world = matrix.world
reader_client = matrix.reader_client


@pytest.mark.parametrize("reader", READERS)
def test_restricted_documents_symbols_resolve_only_for_readers_who_may_see_them(reader_client, world, reader):
    for number, name in enumerate(DOCUMENTS, start=1):
        Document.objects.filter(pk=world[name].pk).update(symbol=f"AP/QX/2001/{number}")
    client = reader_client(reader)

    statuses = {
        name: client.get(f"/en/symbol/AP/QX/2001/{number}").status_code
        for number, name in enumerate(DOCUMENTS, start=1)
    }
    searches = {
        name: client.get(f"/en/documents/?q=AP/QX/2001/{number}").status_code
        for number, name in enumerate(DOCUMENTS, start=1)
    }

    assert statuses == {name: 302 if reader in SEES[name] else 404 for name in DOCUMENTS}
    assert searches == {name: 302 if reader in SEES[name] else 200 for name in DOCUMENTS}


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("extension", ["ris", "bib", "json"])
def test_citations_of_restricted_items_answer_404_to_readers_who_may_not_see_them(
    reader_client, world, reader, extension
):
    client = reader_client(reader)

    statuses = {name: client.get(f"/en/documents/{world[name].pk}/cite.{extension}").status_code for name in DOCUMENTS}
    meeting = client.get(f"/en/meetings/qx-draft-meeting/cite.{extension}")

    assert statuses == {name: 200 if reader in SEES[name] else 404 for name in DOCUMENTS}
    assert meeting.status_code == (200 if reader in SEES["draft_meeting"] else 404)
    if meeting.status_code == 200:
        assert marker("draft_meeting") in meeting.content.decode()


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("url", ["/en/documents/{pk}/", "/ru/documents/{pk}/"])
def test_json_ld_names_the_delegates_only_file_only_for_those_who_may_download_it(reader_client, world, reader, url):
    client = reader_client(reader)
    pk = world["public_document"].pk

    items = extruct.extract(text(client, url.format(pk=pk)), syntaxes=["json-ld"])["json-ld"]
    [document] = [item for item in items if item["@type"] == "DigitalDocument"]
    urls = {encoding["contentUrl"].split("testserver", 1)[1] for encoding in document["encoding"]}

    language = url[1:3]
    assert f"/{language}/documents/{pk}/ru/" in urls
    assert (f"/{language}/documents/{pk}/en/" in urls) == (reader in SEES["delegates_file"])
    assert (marker("delegates_file") in str(items)) == (reader in SEES["delegates_file"])
