"""Scanned PDF pages are read by OCR (real tesseract), in a job with limits, and found by search with their page."""

import io
import re
import shutil
from pathlib import Path

import lxml.html
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import translation

from documents.models import DocumentFile, ExtractionStatus
from tests.documents import samples
from tests.factories import DocumentFactory, DocumentFileFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_ocr_programs")]
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search only")


ENGLISH_PAGE = ["Annual report of the secretariat", "Statelessness in the region"]
RUSSIAN_PAGE = ["Защита беженцев в Центральной Азии", "Смешанные миграционные потоки"]


def upload_in_admin(client, document, data: bytes, name: str, captured):
    """The editor adds a file to a document on its admin page, as editors do."""
    url = reverse("admin:documents_document_change", args=[document.pk])
    form = {
        "title_ru": document.title_ru,
        "title_en": document.title_en,
        "kind": document.kind,
        "date": document.date.isoformat(),
        "meeting": document.meeting_id,
        "audience": document.audience,
        "publication_status": document.publication_status,
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
        "files-0-document": document.pk,
        "files-0-language": "ru",
        "files-0-audience": "public",
        "files-0-file": SimpleUploadedFile(name, data, content_type="application/pdf"),
    }
    # The extraction job, and the OCR job it enqueues, run once the upload is committed (no worker here).
    with captured(execute=True):
        response = client.post(url, form)
    assert response.status_code == 302
    return DocumentFile.objects.get(document=document, language="ru")


def admin_status(client, document) -> str:
    response = client.get(reverse("admin:documents_document_change", args=[document.pk]))
    page = lxml.html.fromstring(response.content.decode())
    return page.xpath('//td[contains(@class, "field-extraction_status")]')[0].text_content().strip()


def found(client, url_name: str, query: str, language: str) -> list[tuple[str, str, str]]:
    """(title, page link text, page link address) of each document found."""
    with translation.override(language):
        url = reverse(url_name)
    page = lxml.html.fromstring(client.get(url, {"q": query}).content.decode())
    rows = []
    for item in page.xpath('//ol[contains(@class, "document-results")]/li'):
        links = item.xpath('.//p[@class="page-hit"]/a')
        rows.append(
            (
                item.xpath('.//a[@class="item-title"]')[0].text_content().strip(),
                links[0].text_content().strip() if links else "",
                links[0].get("href") if links else "",
            )
        )
    return rows


@pytest.fixture
def scanned_report(editor_client, django_capture_on_commit_callbacks):
    document = DocumentFactory(
        title_ru="Доклад секретариата", title_en="Secretariat report", summary_ru="", summary_en=""
    )
    scan = samples.scanned_pdf_bytes(ENGLISH_PAGE, RUSSIAN_PAGE)
    document_file = upload_in_admin(editor_client, document, scan, "scan.pdf", django_capture_on_commit_callbacks)
    return document, document_file


def test_a_scanned_pdf_is_read_by_ocr_page_by_page(scanned_report):
    _document, document_file = scanned_report

    assert document_file.extraction_status == ExtractionStatus.OCR
    assert document_file.extraction_error == ""
    assert document_file.page_count == 2
    english, russian = document_file.pages.order_by("number").values_list("text", flat=True)
    assert "Statelessness" in english
    assert "беженцев" in russian
    assert "Смешанные миграционные потоки" in russian
    assert document_file.extracted_text == f"{english}\n\n{russian}"


def test_the_admin_says_the_text_was_recognised_by_ocr(scanned_report, editor_client):
    document, _document_file = scanned_report

    assert admin_status(editor_client, document) == "распознано OCR"


@postgresql_only
@pytest.mark.parametrize(("language", "page_label"), [("ru", "стр.\u00a02"), ("en", "page 2")])
@pytest.mark.parametrize("url_name", ["documents:document_list", "search:search"])
def test_a_russian_word_of_the_scan_finds_the_document_and_its_page(
    scanned_report, client, url_name, language, page_label
):
    document, document_file = scanned_report
    client.logout()

    rows = found(client, url_name, "беженцев", language)

    title = document.title_ru if language == "ru" else document.title_en
    with translation.override(language):
        file_url = document_file.get_absolute_url()
    assert rows == [(title, page_label, f"{file_url}#page=2")]


@postgresql_only
def test_an_english_word_of_the_scan_names_the_first_page(scanned_report, client):
    document, document_file = scanned_report

    rows = found(client, "documents:document_list", "statelessness", "en")

    with translation.override("en"):
        assert rows == [(document.title_en, "page 1", f"{document_file.get_absolute_url()}#page=1")]


def test_only_the_pages_without_a_text_layer_go_to_ocr(django_capture_on_commit_callbacks):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(samples.pdf_bytes("Agenda of the meeting"))))
    writer.append(PdfReader(io.BytesIO(samples.scanned_pdf_bytes(RUSSIAN_PAGE))))
    mixed = io.BytesIO()
    writer.write(mixed)
    with django_capture_on_commit_callbacks(execute=True):
        document_file = DocumentFileFactory(file=ContentFile(mixed.getvalue(), name="mixed.pdf"))
    document_file.refresh_from_db()

    assert document_file.extraction_status == ExtractionStatus.OCR
    texts = list(document_file.pages.order_by("number").values_list("text", flat=True))
    assert texts[0] == "Agenda of the meeting 1"
    assert "беженцев" in texts[1]


def test_a_page_too_large_to_render_fails_the_ocr_with_a_clear_reason(django_capture_on_commit_callbacks):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(14_400, 14_400)  # 200 × 200 inches: 3.6 gigapixels at 300 dpi
    bomb = io.BytesIO()
    writer.write(bomb)
    with django_capture_on_commit_callbacks(execute=True):
        document_file = DocumentFileFactory(file=ContentFile(bomb.getvalue(), name="bomb.pdf"))
    document_file.refresh_from_db()

    assert document_file.extraction_status == ExtractionStatus.FAILED
    assert document_file.extraction_error == "OCR: page 1 is too large to recognise (3600 megapixels)"


def test_ocr_that_runs_out_of_time_keeps_the_pages_read_and_says_why_it_stopped(
    settings, django_capture_on_commit_callbacks
):
    settings.OCR_TIME_LIMIT = 4  # a budget of 3.6 s: far less than twelve pages take, even on a fast machine
    scan = samples.scanned_pdf_bytes(*[RUSSIAN_PAGE, ENGLISH_PAGE] * 6)
    with django_capture_on_commit_callbacks(execute=True):
        document_file = DocumentFileFactory(file=ContentFile(scan, name="long-scan.pdf"))
    document_file.refresh_from_db()

    # How many pages fit in the time depends on the machine's load; what was read is kept either way.
    stopped = re.fullmatch(r"OCR: stopped after (\d+) of 12 pages: time budget used", document_file.extraction_error)
    assert stopped is not None, document_file.extraction_error
    read = int(stopped[1])
    texts = list(document_file.pages.order_by("number").values_list("text", flat=True))
    assert [bool(text) for text in texts] == [True] * read + [False] * (12 - read)
    assert document_file.extraction_status == (ExtractionStatus.OCR if read else ExtractionStatus.FAILED)


def test_a_text_layer_kept_when_ocr_fails_leaves_the_file_searchable(settings, django_capture_on_commit_callbacks):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(samples.pdf_bytes("Agenda of the meeting"))))
    writer.add_blank_page(14_400, 14_400)
    mixed = io.BytesIO()
    writer.write(mixed)
    with django_capture_on_commit_callbacks(execute=True):
        document_file = DocumentFileFactory(file=ContentFile(mixed.getvalue(), name="mixed.pdf"))
    document_file.refresh_from_db()

    assert document_file.extraction_status == ExtractionStatus.DONE
    assert document_file.extracted_text == "Agenda of the meeting 1"
    assert document_file.extraction_error == "OCR: page 2 is too large to recognise (3600 megapixels)"


def test_ocr_without_tesseract_installed_says_so(monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setenv("PATH", str(Path(shutil.which("pdftoppm")).parent.parent / "nowhere"))
    scan = samples.scanned_pdf_bytes(RUSSIAN_PAGE)
    with django_capture_on_commit_callbacks(execute=True):
        document_file = DocumentFileFactory(file=ContentFile(scan, name="scan.pdf"))
    document_file.refresh_from_db()

    assert document_file.extraction_status == ExtractionStatus.FAILED
    assert document_file.extraction_error == "OCR: not installed: pdftoppm is missing (Debian package poppler-utils)"
