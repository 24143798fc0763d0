"""Text is read after the file is safely stored; failures are recorded, shown and can be retried."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation

from documents import files
from documents.models import DocumentFile, ExtractionStatus
from documents.signals import file_text_extracted
from tests.documents import samples
from tests.factories import DocumentFileFactory

pytestmark = pytest.mark.django_db


def stored(data: bytes, name: str, django_capture_on_commit_callbacks) -> DocumentFile:
    with django_capture_on_commit_callbacks(execute=True):
        document_file = DocumentFileFactory(file=ContentFile(data, name=name))
    document_file.refresh_from_db()
    return document_file


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.pdf", samples.pdf_bytes("Refugee protection", pages=2), "Refugee protection 1\n\nRefugee protection 2"),
        ("a.docx", samples.docx_bytes("Защита беженцев", "Refugee protection"), "Защита беженцев\nRefugee protection"),
        ("a.xlsx", samples.xlsx_bytes("Беженцы", "Migrants"), "Беженцы\nMigrants"),
        ("a.pptx", samples.pptx_bytes("Первый слайд", "Second slide"), "Первый слайд\n\nSecond slide"),
        ("a.odt", samples.odt_bytes("Смешанные миграционные потоки"), "Смешанные миграционные потоки"),
        ("a.txt", "Лица без гражданства\n".encode("cp1251"), "Лица без гражданства"),
        ("a.txt", "Лица без гражданства\n".encode(), "Лица без гражданства"),
    ],
)
def test_text_is_extracted_after_the_upload_is_committed(name, data, expected, django_capture_on_commit_callbacks):
    document_file = stored(data, name, django_capture_on_commit_callbacks)
    assert document_file.extraction_status == ExtractionStatus.DONE
    assert document_file.extracted_text == expected
    assert document_file.extraction_error == ""


def test_extraction_waits_for_the_commit():
    document_file = DocumentFileFactory(file=ContentFile(samples.pdf_bytes(), name="a.pdf"))
    document_file.refresh_from_db()
    assert document_file.extraction_status == ExtractionStatus.PENDING
    assert document_file.extracted_text == ""


def test_presentation_slides_are_counted_as_pages(django_capture_on_commit_callbacks):
    document_file = stored(samples.pptx_bytes("1", "2", "3"), "slides.pptx", django_capture_on_commit_callbacks)
    assert document_file.page_count == 3


def test_a_word_97_file_is_kept_with_a_reason_for_having_no_text(django_capture_on_commit_callbacks):
    document_file = stored(samples.doc_bytes(), "old.doc", django_capture_on_commit_callbacks)
    assert document_file.extraction_status == ExtractionStatus.FAILED
    assert document_file.extraction_error == (
        "unsupported: text is not read from Word 97–2003 (.doc) files; upload a DOCX or PDF version too"
    )
    assert document_file.file.read() == samples.doc_bytes()


def test_a_pdf_without_text_even_for_ocr_fails_with_a_reason(django_capture_on_commit_callbacks):
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    document_file = stored(out.getvalue(), "scan.pdf", django_capture_on_commit_callbacks)
    assert document_file.extraction_status == ExtractionStatus.FAILED
    assert document_file.extraction_error == "no text found, not even by OCR"
    assert document_file.page_count == 1


def test_a_crash_in_extraction_never_loses_the_upload(monkeypatch, django_capture_on_commit_callbacks):
    def explode(*args, **kwargs):
        raise RuntimeError("broken cross-reference table")

    monkeypatch.setattr(files, "_extract_pdf", explode)
    document_file = stored(samples.pdf_bytes(), "a.pdf", django_capture_on_commit_callbacks)
    assert document_file.extraction_status == ExtractionStatus.FAILED
    assert document_file.extraction_error == "RuntimeError: broken cross-reference table"
    assert document_file.file.read() == samples.pdf_bytes()


def test_a_slow_pdf_keeps_the_pages_read_within_the_time_budget(settings, django_capture_on_commit_callbacks):
    settings.DOCUMENT_EXTRACTION_TIME_BUDGET = 0
    document_file = stored(samples.pdf_bytes("Page", pages=3), "a.pdf", django_capture_on_commit_callbacks)
    assert document_file.extraction_status == ExtractionStatus.DONE
    assert document_file.extracted_text == "Page 1"
    assert document_file.extraction_error == "stopped after 1 of 3 pages: time budget used"


def test_extraction_tells_listeners_such_as_search(django_capture_on_commit_callbacks):
    received = []

    def listener(sender, instance, **kwargs):
        received.append((sender, instance.pk, instance.extraction_status, instance.extracted_text))

    file_text_extracted.connect(listener, dispatch_uid="test_listener")
    try:
        document_file = stored(samples.pdf_bytes("Indexed"), "a.pdf", django_capture_on_commit_callbacks)
    finally:
        file_text_extracted.disconnect(dispatch_uid="test_listener")
    assert received == [(DocumentFile, document_file.pk, ExtractionStatus.DONE, "Indexed 1")]


def test_editors_see_the_status_and_can_filter_by_it(editor_client):
    failed = DocumentFileFactory()
    DocumentFile.objects.filter(pk=failed.pk).update(extraction_status=ExtractionStatus.FAILED)
    DocumentFileFactory(language="en")
    with translation.override("en"):
        url = reverse("admin:documents_documentfile_changelist")
    response = editor_client.get(url, {"extraction_status__exact": "failed"})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1
    assert '<td class="field-extraction_status">failed</td>' in response.text


def test_the_retry_action_extracts_again(editor_client, monkeypatch):
    document_file = DocumentFileFactory(file=ContentFile(samples.pdf_bytes("Retried"), name="a.pdf"))
    DocumentFile.objects.filter(pk=document_file.pk).update(
        extraction_status=ExtractionStatus.FAILED, extraction_error="Timeout"
    )
    with translation.override("en"):
        url = reverse("admin:documents_documentfile_changelist")
    response = editor_client.post(
        url, {"action": "retry_text_extraction", "_selected_action": [document_file.pk]}, follow=True
    )
    document_file.refresh_from_db()
    assert document_file.extraction_status == ExtractionStatus.DONE
    assert document_file.extracted_text == "Retried 1"
    assert document_file.extraction_error == ""
    assert [str(message) for message in response.context["messages"]] == ["Text extracted from 1 file."]


def test_the_document_admin_can_retry_all_its_files(editor_client):
    document_file = DocumentFileFactory(file=ContentFile("Ещё раз".encode(), name="a.txt"))
    with translation.override("en"):
        url = reverse("admin:documents_document_changelist")
    editor_client.post(url, {"action": "retry_text_extraction", "_selected_action": [document_file.document_id]})
    document_file.refresh_from_db()
    assert document_file.extracted_text == "Ещё раз"
