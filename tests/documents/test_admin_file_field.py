"""The file field of the admin: the stored file by its name and safe address; a dropped choice is announced."""

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.documents import samples
from tests.documents.test_uploads import add_document
from tests.factories import DocumentFileFactory

pytestmark = pytest.mark.django_db


def form_page(response):
    return lxml.html.fromstring(response.text)


@pytest.mark.parametrize("view", ["documents_document", "documents_documentfile"])
def test_the_current_file_opens_through_the_download_address_under_its_own_name(editor_client, view):
    document_file = DocumentFileFactory(original_name="Доклад 2016.txt")
    pk = document_file.document_id if view == "documents_document" else document_file.pk
    with translation.override("en"):
        url = reverse(f"admin:{view}_change", args=[pk])

    links = form_page(editor_client.get(url)).xpath('//p[@class="file-upload"]/a')

    assert [(link.get("href"), link.text_content()) for link in links] == [
        (document_file.get_absolute_url(), "Доклад 2016.txt")
    ]
    assert document_file.file.name.split("/")[-1] not in editor_client.get(url).text
    download = editor_client.get(links[0].get("href"))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == document_file.file.open("rb").read()


def test_the_download_address_in_the_admin_stays_closed_to_the_public(editor_client):
    document_file = DocumentFileFactory(document__publication_status="draft")

    assert Client().get(document_file.get_absolute_url()).status_code == 404


def test_a_chosen_file_dropped_by_a_form_error_is_named_and_must_be_chosen_again(editor_client):
    with translation.override("en"):
        url = reverse("admin:documents_document_add")
    response = add_document(editor_client, samples.upload("Доклад.pdf", samples.pdf_bytes()))
    assert response.status_code == 302, "the add form works as the other tests expect"

    data = {
        "title_ru": "",
        "title_en": "",
        "kind": "report",
        "date": "2016-11-02",
        "audience": "public",
        "publication_status": "published",
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
        "files-0-language": "en",
        "files-0-file": samples.upload("Report.pdf", samples.pdf_bytes("Another report")),
        "files-0-audience": "public",
    }
    page = form_page(editor_client.post(url, data))

    notes = [" ".join(note.text_content().split()) for note in page.xpath('//p[contains(@class, "file-chosen-again")]')]
    assert len(notes) == 1
    assert "“Report.pdf”" in notes[0] and "choose it again" in notes[0]
