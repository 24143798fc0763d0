"""Uploads are judged by their contents: what the admin accepts, refuses, and records."""

import pytest
from django.urls import reverse
from django.utils import translation

from documents.models import Document, DocumentFile
from tests.documents import samples
from tests.factories import DocumentFactory, DocumentFileFactory

pytestmark = pytest.mark.django_db

OPENXML = "application/vnd.openxmlformats-officedocument"
ACCEPTED = (
    "Upload a PDF, Word (DOCX or DOC), Excel (XLSX), PowerPoint (PPTX), OpenDocument text (ODT) or plain-text file."
)


def add_document(client, upload, language="ru"):
    """Posts the admin's "add document" form (in English) with one file in the inline."""
    with translation.override("en"):
        url = reverse("admin:documents_document_add")
    data = {
        "title_ru": "Доклад о защите беженцев",
        "title_en": "Report on refugee protection",
        "kind": "report",
        "date": "2016-11-02",
        "audience": "public",
        "publication_status": "published",
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
        "files-0-language": language,
        "files-0-file": upload,
        "files-0-audience": "public",
    }
    return client.post(url, data)


def file_errors(response):
    assert response.status_code == 200, response.status_code
    return [str(message) for message in response.context["inline_admin_formsets"][0].formset.errors[0]["file"]]


def test_a_program_renamed_to_pdf_is_refused_and_not_stored(editor_client, settings):
    response = add_document(editor_client, samples.upload("report.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200))
    assert file_errors(response) == [
        f"This file is not accepted: its contents are a Windows program, not a document. {ACCEPTED}"
    ]
    assert Document.objects.count() == 0
    assert not (settings.MEDIA_ROOT / "documents").exists()


def test_an_empty_file_is_refused(editor_client):
    response = add_document(editor_client, samples.upload("empty.pdf", b""))
    # Django's own form check speaks first for zero-byte uploads; the import command meets the model's rule below.
    assert file_errors(response) == ["The submitted file is empty."]
    assert DocumentFile.objects.count() == 0


def test_an_empty_file_is_refused_by_the_upload_rules():
    from django.core.exceptions import ValidationError

    from documents.models import validate_document_file

    document_file = DocumentFile(file=samples.upload("empty.txt", b""))
    with translation.override("en"), pytest.raises(ValidationError) as raised:
        validate_document_file(document_file.file)
    with translation.override("en"):
        assert raised.value.messages == ["The file is empty."]


def test_a_file_over_the_size_limit_is_refused(editor_client, settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 1000
    response = add_document(editor_client, samples.upload("long.txt", "Беженцы. ".encode() * 200))
    assert file_errors(response) == ["The file is 3.1\xa0KB; the largest file accepted is 1000\xa0bytes."]
    assert DocumentFile.objects.count() == 0


def test_a_corrupt_pdf_is_refused(editor_client):
    response = add_document(editor_client, samples.upload("broken.pdf", b"%PDF-1.7\n" + b"\x13\x37 broken " * 50))
    assert file_errors(response) == [
        "The PDF file is damaged and cannot be read. Save or export it again and upload the new file."
    ]
    assert DocumentFile.objects.count() == 0


def test_a_web_page_is_refused_even_though_it_is_text(editor_client):
    response = add_document(editor_client, samples.upload("page.txt", b"<!DOCTYPE html><html><script></script>"))
    assert file_errors(response) == [
        f"This file is not accepted: its contents are a web page or an image in markup, not a document. {ACCEPTED}"
    ]


def test_a_macro_enabled_word_file_is_refused(editor_client):
    import io
    import zipfile

    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive, zipfile.ZipFile(io.BytesIO(samples.docx_bytes())) as docx:
        for item in docx.infolist():
            archive.writestr(item, docx.read(item))
        archive.writestr("word/vbaProject.bin", b"\x00macro")
    response = add_document(editor_client, samples.upload("letter.docx", data.getvalue()))
    assert file_errors(response) == [
        f"This file is not accepted: its contents are an Office file with macros, not a document. {ACCEPTED}"
    ]


@pytest.mark.parametrize(
    ("name", "data", "content_type", "stored_extension"),
    [
        ("report.pdf", samples.pdf_bytes(), "application/pdf", "pdf"),
        ("letter.docx", samples.docx_bytes(), f"{OPENXML}.wordprocessingml.document", "docx"),
        ("table.xlsx", samples.xlsx_bytes("Беженцы"), f"{OPENXML}.spreadsheetml.sheet", "xlsx"),
        ("slides.pptx", samples.pptx_bytes("Slide"), f"{OPENXML}.presentationml.presentation", "pptx"),
        ("text.odt", samples.odt_bytes("Текст"), "application/vnd.oasis.opendocument.text", "odt"),
        ("old.doc", samples.doc_bytes(), "application/msword", "doc"),
        ("notes.txt", "Заметки о миграции".encode("cp1251"), "text/plain", "txt"),
    ],
)
def test_each_accepted_type_is_stored_with_the_type_its_contents_show(
    editor_client, name, data, content_type, stored_extension
):
    response = add_document(editor_client, samples.upload(name, data))
    assert response.status_code == 302
    document_file = DocumentFile.objects.get()
    assert document_file.content_type == content_type
    assert document_file.size == len(data)
    assert document_file.file.name.endswith(f".{stored_extension}")


def test_a_file_is_described_on_save(editor_client):
    import hashlib

    data = samples.pdf_bytes(pages=3)
    add_document(editor_client, samples.upload("Доклад 2016.pdf", data))
    document_file = DocumentFile.objects.get()
    assert document_file.sha256 == hashlib.sha256(data).hexdigest()
    assert document_file.page_count == 3
    assert document_file.original_name == "Доклад 2016.pdf"


def test_the_stored_name_never_comes_from_the_user(editor_client):
    add_document(editor_client, samples.upload("../../Доклад.pdf", samples.pdf_bytes()))
    document_file = DocumentFile.objects.get()
    assert document_file.file.name.startswith("documents/")
    assert "Доклад" not in document_file.file.name
    assert ".." not in document_file.file.name
    assert document_file.original_name == "Доклад.pdf"


def test_a_misleading_extension_is_corrected_in_the_download_name(editor_client):
    add_document(editor_client, samples.upload("letter.pdf", samples.docx_bytes()))
    assert DocumentFile.objects.get().original_name == "letter.docx"


def test_the_same_file_uploaded_again_names_the_document_it_is_in(editor_client):
    data = samples.pdf_bytes("Outcome statement")
    existing = DocumentFileFactory(
        document=DocumentFactory(title_ru="Итоговое заявление", title_en="Outcome statement"),
        language="en",
        file=samples.upload("statement.pdf", data),
    )
    response = add_document(editor_client, samples.upload("copy.pdf", data))
    link = reverse("admin:documents_document_change", args=[existing.document_id])
    assert file_errors(response) == [
        f'This file is already in the archive: <a href="{link}">Outcome statement</a>, English version.'
    ]
    assert DocumentFile.objects.count() == 1


def test_the_same_file_in_another_language_of_the_same_document_is_recognised(editor_client):
    data = samples.pdf_bytes()
    document = DocumentFactory(title_en="Agenda")
    DocumentFileFactory(document=document, language="ru", file=samples.upload("agenda.pdf", data))
    with translation.override("en"):
        url = reverse("admin:documents_documentfile_add")
    upload = samples.upload("agenda-en.pdf", data)
    data = {"document": document.pk, "language": "en", "file": upload, "audience": "public"}
    response = editor_client.post(url, data)
    assert response.status_code == 200
    link = reverse("admin:documents_document_change", args=[document.pk])
    assert [str(m) for m in response.context["adminform"].form.errors["file"]] == [
        f'This file is already in the archive: <a href="{link}">Agenda</a>, Russian version.'
    ]


def test_editing_a_document_does_not_reread_its_stored_files(editor_client):
    document_file = DocumentFileFactory(file=samples.upload("report.pdf", samples.pdf_bytes()))
    # Damage the stored bytes: a change of title must still save.
    document_file.file.storage.save(document_file.file.name, samples.upload("x", b"garbage"))
    assert document_file.full_clean() is None


def test_the_same_file_chosen_twice_in_one_save_is_refused(editor_client):
    data = samples.pdf_bytes()
    with translation.override("en"):
        url = reverse("admin:documents_document_add")
    response = editor_client.post(
        url,
        {
            "title_ru": "Доклад",
            "kind": "report",
            "date": "2016-11-02",
            "audience": "public",
            "publication_status": "published",
            "files-TOTAL_FORMS": "2",
            "files-INITIAL_FORMS": "0",
            "files-MIN_NUM_FORMS": "0",
            "files-MAX_NUM_FORMS": "1000",
            "files-0-language": "ru",
            "files-0-file": samples.upload("a.pdf", data),
            "files-0-audience": "public",
            "files-1-language": "en",
            "files-1-file": samples.upload("b.pdf", data),
            "files-1-audience": "public",
        },
    )
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.non_form_errors() == ["The same file was chosen twice, for Russian and English."]
    assert DocumentFile.objects.count() == 0


def test_a_file_just_over_the_limit_gives_both_sizes_in_bytes_when_rounding_would_show_them_equal(
    editor_client, settings
):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 1024 * 1024

    response = add_document(editor_client, samples.upload("long.txt", b"a" * (1024 * 1024 + 1)))

    assert file_errors(response) == ["The file is 1,048,577 bytes; the largest file accepted is 1,048,576 bytes."]
    assert DocumentFile.objects.count() == 0


@pytest.mark.parametrize("length", [200, 255])
def test_an_original_name_of_up_to_255_characters_is_accepted_and_kept_shortened_with_its_extension(
    editor_client, length
):
    name = "Д" * (length - 4) + ".txt"

    response = add_document(editor_client, samples.upload(name, "Беженцы и мигранты.".encode()))

    assert response.status_code == 302
    kept = DocumentFile.objects.get().original_name
    assert kept.endswith(".txt")
    assert kept.startswith("ДДД")
    assert len(kept) <= 150
