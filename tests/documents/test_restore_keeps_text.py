"""Restoring a version from the admin history keeps the text read from the document's files."""

import lxml.html
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from documents.models import DocumentFile, ExtractionStatus
from tests.factories import DocumentFactory, DocumentFileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "admin-pass-1")
    client.force_login(admin)
    return client


def document_form(document, document_file, **changes):
    data = {
        "title_ru": document.title_ru,
        "title_en": document.title_en,
        "kind": document.kind,
        "date": document.date.isoformat(),
        "meeting": document.meeting_id,
        "audience": document.audience,
        "publication_status": document.publication_status,
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "1",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
        "files-0-id": document_file.pk,
        "files-0-document": document.pk,
        "files-0-language": document_file.language,
        "files-0-audience": document_file.audience,
    }
    return {**data, **changes}


def public_titles(client, query):
    with translation.override("en"):
        url = reverse("documents:document_list")
    page = lxml.html.fromstring(client.get(url, {"q": query}).content)
    return [link.text_content().strip() for link in page.xpath('//section[@class="results"]//li//a[1]')]


@pytest.fixture
def edited_document(admin_client):
    """A document whose file's text was read, saved twice in the admin (so with two versions)."""
    document = DocumentFactory(title_en="Report on smuggling")
    document_file = DocumentFileFactory(document=document)
    document_file.extract_text()
    DocumentFile.objects.filter(pk=document_file.pk).update(page_count=4, download_count=7)
    url = reverse("admin:documents_document_change", args=[document.pk])
    for title in ("Report on smuggling", "Mistaken title"):
        response = admin_client.post(url, document_form(document, document_file, title_en=title))
        assert response.status_code == 302
    return document, document_file


def restore_first_version(admin_client, document, document_file):
    first = Version.objects.get_for_object(document).order_by("pk").first()
    url = reverse("admin:documents_document_revision", args=[document.pk, first.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, document_form(document, document_file, title_en="Report on smuggling"))
    assert response.status_code == 302


def test_restoring_a_version_keeps_the_files_text_page_count_and_downloads(admin_client, edited_document):
    document, document_file = edited_document

    restore_first_version(admin_client, document, document_file)

    document_file.refresh_from_db()
    assert document_file.document.title_en == "Report on smuggling"
    assert document_file.extraction_status == ExtractionStatus.DONE
    assert "беженцах" in document_file.extracted_text
    assert document_file.page_count == 4
    assert document_file.download_count == 7


def test_a_restored_document_is_still_found_by_the_text_of_its_files(admin_client, client, edited_document):
    document, document_file = edited_document

    restore_first_version(admin_client, document, document_file)

    client.logout()
    assert public_titles(client, "беженцах") == ["Report on smuggling"]


def test_restoring_a_version_with_an_earlier_upload_reads_its_text_again(
    admin_client, edited_document, django_capture_on_commit_callbacks
):
    document, document_file = edited_document
    url = reverse("admin:documents_document_change", args=[document.pk])
    upload = SimpleUploadedFile("new.txt", "Новый текст о мигрантах.\n".encode(), content_type="text/plain")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, document_form(document, document_file, **{"files-0-file": upload}))
    assert response.status_code == 302
    document_file.refresh_from_db()
    assert "мигрантах" in document_file.extracted_text

    with django_capture_on_commit_callbacks(execute=True):
        restore_first_version(admin_client, document, document_file)

    document_file.refresh_from_db()
    assert document_file.extraction_status == ExtractionStatus.DONE
    assert "беженцах" in document_file.extracted_text
    assert list(document_file.pages.values_list("text", flat=True)) == [document_file.extracted_text]
    client = admin_client
    client.logout()
    assert public_titles(client, "беженцах") == ["Report on smuggling"]


def test_restoring_an_upload_read_elsewhere_brings_the_pages_of_its_text(admin_client, edited_document):
    document, document_file = edited_document
    url = reverse("admin:documents_document_change", args=[document.pk])
    upload = SimpleUploadedFile("new.txt", "Новый текст о мигрантах.\n".encode(), content_type="text/plain")
    response = admin_client.post(url, document_form(document, document_file, **{"files-0-file": upload}))
    assert response.status_code == 302
    document_file.refresh_from_db()
    document_file.extract_text()
    assert list(document_file.pages.values_list("text", flat=True)) == ["Новый текст о мигрантах."]
    # The same bytes as the first version's file, read in another document.
    same_bytes = DocumentFileFactory(document=DocumentFactory())
    same_bytes.extract_text()

    restore_first_version(admin_client, document, document_file)

    document_file.refresh_from_db()
    assert document_file.extraction_status == ExtractionStatus.DONE
    assert list(document_file.pages.values_list("text", flat=True)) == ["Текст документа о беженцах."]
