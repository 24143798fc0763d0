"""A hit inside a PDF names its page and links to it; the text is kept page by page to find it."""

import datetime
import io

import lxml.html
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from documents.models import DocumentFile, ExtractionStatus
from tests.documents import samples
from tests.factories import DocumentFactory, DocumentFileFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search only"),
]

PAGE_LABEL = {"ru": "стр.\u00a0{}", "en": "page {}"}


@pytest.fixture
def stored_file(django_capture_on_commit_callbacks):
    """A file uploaded to a document, its text read by the extraction job."""

    def make(document, data: bytes, name: str, language="en", **fields) -> DocumentFile:
        with django_capture_on_commit_callbacks(execute=True):
            document_file = DocumentFileFactory(
                document=document, language=language, file=ContentFile(data, name=name), **fields
            )
        document_file.refresh_from_db()
        return document_file

    return make


def results(client, query: str, language: str = "en", url_name: str = "documents:document_list") -> list[tuple]:
    """(title, page link text, page link address) of each document found."""
    with translation.override(language):
        url = reverse(url_name)
    page = lxml.html.fromstring(client.get(url, {"q": query}).content.decode())
    rows = []
    for item in page.xpath('//ol[contains(@class, "document-results")]/li'):
        links = item.xpath('.//p[@class="page-hit"]/a')
        title = item.xpath('.//a[@class="item-title"]')[0].text_content().strip()
        rows.append((title, links[0].text_content(), links[0].get("href")) if links else (title,))
    return rows


def file_url(document, language: str, reader_language: str) -> str:
    with translation.override(reader_language):
        return reverse("documents:file_download", args=[document.pk, language])


def test_a_pdf_keeps_its_text_page_by_page_and_other_files_as_one_page(stored_file):
    document = DocumentFactory()
    pdf = stored_file(
        document, samples.pdf_pages_bytes("Agenda", "Smuggling of migrants", "Refugee protection"), "a.pdf"
    )
    docx = stored_file(document, samples.docx_bytes("Защита беженцев", "Refugee protection"), "b.docx", language="ru")

    assert list(pdf.pages.values_list("number", "text")) == [
        (1, "Agenda 1"),
        (2, "Smuggling of migrants 1"),
        (3, "Refugee protection 1"),
    ]
    assert pdf.extracted_text == "Agenda 1\n\nSmuggling of migrants 1\n\nRefugee protection 1"
    assert list(docx.pages.values_list("number", "text")) == [(1, "Защита беженцев\nRefugee protection")]


def test_a_new_upload_drops_the_pages_of_the_file_it_replaces(stored_file):
    document_file = stored_file(DocumentFactory(), samples.pdf_pages_bytes("Agenda", "Refugees"), "a.pdf")

    document_file.file = ContentFile(samples.docx_bytes("Migrants"), name="b.docx")
    document_file.save()

    document_file.refresh_from_db()
    assert document_file.extraction_status == ExtractionStatus.PENDING
    assert list(document_file.pages.all()) == []


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("url_name", ["documents:document_list", "search:search"])
def test_a_hit_inside_a_pdf_names_its_page_and_links_to_the_file_there(client, stored_file, url_name, language):
    document = DocumentFactory(title_en="Annual report", title_ru="Ежегодный доклад", summary_en="", summary_ru="")
    stored_file(document, samples.pdf_pages_bytes("Agenda", "Smuggling of migrants", "Refugee protection"), "a.pdf")

    rows = results(client, "refugees", language, url_name)

    title = document.title_ru if language == "ru" else document.title_en
    assert rows == [(title, PAGE_LABEL[language].format(3), f"{file_url(document, 'en', language)}#page=3")]


def test_the_page_follows_the_readers_language_file_when_both_match(client, stored_file):
    document = DocumentFactory(title_en="Annual report", summary_en="", summary_ru="")
    stored_file(document, samples.pdf_pages_bytes("Agenda", "Refugee protection"), "en.pdf", language="en")
    stored_file(document, samples.pdf_pages_bytes("Agenda", "Index", "Refugee protection"), "ru.pdf", language="ru")

    english = results(client, "refugee", "en")
    russian = results(client, "refugee", "ru")

    assert english == [(document.title_en, "page 2", f"{file_url(document, 'en', 'en')}#page=2")]
    assert russian == [(document.title_ru, "стр.\u00a03", f"{file_url(document, 'ru', 'ru')}#page=3")]


def test_a_hit_outside_any_pdf_names_no_page(client, stored_file):
    in_title = DocumentFactory(title_en="Refugee protection", date=datetime.date(2020, 1, 1))
    stored_file(in_title, samples.pdf_pages_bytes("Agenda", "Budget"), "a.pdf")
    in_text_file = DocumentFactory(title_en="Briefing", date=datetime.date(2019, 1, 1))
    stored_file(in_text_file, b"Refugee protection in the region.\n", "b.txt")

    assert results(client, "refugee") == [("Refugee protection",), ("Briefing",)]


def test_a_page_of_25_documents_finds_its_pages_in_a_bounded_number_of_queries(client, stored_file):
    def queries_for_a_page_of(count: int) -> tuple[int, list]:
        for number in range(count):
            document = DocumentFactory(title_en=f"Report {number}", summary_en="")
            stored_file(document, samples.pdf_pages_bytes("Agenda", "Refugee protection"), "a.pdf")
        with CaptureQueriesContext(connection) as queries:
            rows = results(client, "refugee")
        return len(queries), rows

    results(client, "refugee")  # the glossary's table of terms is read once, then cached (glossary.expansion)
    one, rows = queries_for_a_page_of(1)
    assert [row[1] for row in rows] == ["page 2"]

    many, rows = queries_for_a_page_of(29)
    assert len(rows) == 25
    assert {row[1] for row in rows} == {"page 2"}
    assert many == one
    assert many <= 12


def test_the_snippet_of_a_hit_inside_a_pdf_shows_the_words_of_its_page(client, stored_file):
    document = DocumentFactory(title_en="Annual report", summary_en="", summary_ru="")
    filler = [f"Agenda item {number}" for number in range(1, 40)]
    stored_file(document, samples.pdf_pages_bytes(*filler, "Refugee protection"), "a.pdf")

    page = lxml.html.fromstring(client.get(reverse("documents:document_list"), {"q": "refugee"}).content.decode())

    (snippet,) = page.xpath('//ol[contains(@class, "document-results")]//p[@class="snippet"]')
    assert [mark.text_content() for mark in snippet.xpath(".//mark")] == ["Refugee"]
    # The page's own words, not those of the pages before it.
    assert snippet.text_content().startswith("Refugee protection")
    assert "Agenda" not in snippet.text_content()
    assert page.xpath('//p[@class="page-hit"]/a')[0].text_content() == "стр.\u00a040"


def test_files_read_before_pages_were_kept_are_read_again_by_a_command(client, stored_file, document_with_text):
    document = document_with_text("Refugee protection", language="en", title_en="Annual report")
    kept = stored_file(DocumentFactory(title_en="Other"), samples.pdf_pages_bytes("Agenda"), "a.pdf")
    older = DocumentFile.objects.get(document=document)
    older.file.save("older.pdf", ContentFile(samples.pdf_pages_bytes("Agenda", "Refugee protection")), save=False)
    DocumentFile.objects.filter(pk=older.pk).update(file=older.file.name, content_type="application/pdf")
    assert list(DocumentFile.objects.without_pages()) == [older]
    assert results(client, "refugee", "en") == [("Annual report",)]

    output = io.StringIO()
    call_command("read_file_pages", stdout=output)

    assert output.getvalue() == "1 file(s) queued for reading.\n"
    assert list(DocumentFile.objects.without_pages()) == []
    assert kept.pages.count() == 1
    assert results(client, "refugee", "en") == [("Annual report", "page 2", f"{file_url(document, 'en', 'en')}#page=2")]
