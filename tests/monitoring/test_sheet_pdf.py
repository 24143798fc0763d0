"""An information sheet's PDF in each language: typeset with WeasyPrint, read back with pypdf."""

import io

import pytest
from pypdf import PdfReader

from core import pagecache
from documents.models import Audience
from monitoring.models import SheetPdf
from tests.factories import (
    DelegateFactory,
    DocumentFactory,
    InformationSheetFactory,
    MonitoringItemFactory,
    NewsItemFactory,
)

pytestmark = pytest.mark.django_db


def read_pdf(response) -> tuple[PdfReader, str]:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    return reader, text


@pytest.fixture
def sheet():
    sheet = InformationSheetFactory(
        title_ru="Бюллетень за апрель",
        title_en="April sheet",
        slug="april-2022",
        introduction_ru="Главное за месяц: беженцы и трудящиеся-мигранты.",
        introduction_en="The month in brief: refugees and labour migrants.",
    )
    sheet.monitoring_items.add(MonitoringItemFactory(headline="Встреча в КазИСИ", outlet="KazISS"))
    sheet.news.add(NewsItemFactory(title_ru="Открытая новость", title_en="Open news"))
    sheet.news.add(NewsItemFactory(title_ru="Черновик новости", title_en="Draft news", publication_status="draft"))
    sheet.documents.add(DocumentFactory(title_ru="Открытый доклад", title_en="Open report"))
    sheet.documents.add(
        DocumentFactory(title_ru="Закрытый доклад", title_en="Restricted report", audience=Audience.DELEGATES)
    )
    return sheet


def test_the_russian_pdf_has_the_title_the_cyrillic_text_and_only_the_public_items(client, sheet):
    reader, text = read_pdf(client.get("/ru/information-sheets/april-2022.pdf"))

    assert reader.metadata.title == "Бюллетень за апрель"
    assert "Бюллетень за апрель" in text
    assert "Главное за месяц: беженцы и трудящиеся-мигранты." in text
    assert "Встреча в КазИСИ" in text and "KazISS" in text
    assert "Открытая новость" in text and "Открытый доклад" in text
    assert "Закрытый доклад" not in text and "Черновик новости" not in text


def test_the_english_pdf_is_in_english(client, sheet):
    reader, text = read_pdf(client.get("/en/information-sheets/april-2022.pdf"))

    assert reader.metadata.title == "April sheet"
    assert "The month in brief: refugees and labour migrants." in text
    assert "Open report" in text and "Open news" in text
    assert "Restricted report" not in text and "Draft news" not in text


def test_a_delegate_who_may_read_the_restricted_document_still_gets_the_public_pdf(client, sheet):
    client.force_login(DelegateFactory().user)

    page = client.get("/en/information-sheets/april-2022/").content.decode()
    _reader, text = read_pdf(client.get("/en/information-sheets/april-2022.pdf"))

    assert "Restricted report" in page
    assert "Restricted report" not in text and "Open report" in text


def test_publishing_a_sheet_typesets_its_pdfs_in_the_background(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sheet = InformationSheetFactory(slug="may-2022")

    assert sorted(SheetPdf.objects.filter(sheet=sheet).values_list("language", flat=True)) == ["en", "ru"]
    stored = SheetPdf.objects.get(sheet=sheet, language="ru")
    assert PdfReader(stored.file.open("rb")).metadata.title == sheet.title_ru


def test_a_current_pdf_is_served_from_storage_and_a_stale_one_is_typeset_again(client, sheet):
    read_pdf(client.get("/en/information-sheets/april-2022.pdf"))
    first = SheetPdf.objects.get(sheet=sheet, language="en").file.name

    read_pdf(client.get("/en/information-sheets/april-2022.pdf"))
    assert SheetPdf.objects.get(sheet=sheet, language="en").file.name == first

    # The open report becomes restricted after the PDF was made: the old file must not be served.
    sheet.documents.filter(title_en="Open report").update(audience=Audience.DELEGATES)
    _reader, text = read_pdf(client.get("/en/information-sheets/april-2022.pdf"))

    assert "Open report" not in text
    stored = SheetPdf.objects.get(sheet=sheet, language="en")
    assert stored.file.name != first
    assert not stored.file.storage.exists(first)


def test_a_draft_sheet_pdf_is_404_for_the_public_and_delegates_and_served_to_staff(client, admin_client):
    draft = InformationSheetFactory(slug="draft-sheet", publication_status="draft")

    assert client.get("/en/information-sheets/draft-sheet.pdf").status_code == 404
    client.force_login(DelegateFactory().user)
    assert client.get("/en/information-sheets/draft-sheet.pdf").status_code == 404
    reader, _text = read_pdf(admin_client.get("/en/information-sheets/draft-sheet.pdf"))
    assert reader.metadata.title == draft.title_en


def test_an_unknown_sheet_pdf_is_404(client):
    assert client.get("/en/information-sheets/no-such-sheet.pdf").status_code == 404


def test_deleting_a_sheet_deletes_its_pdf_files(client, sheet, django_capture_on_commit_callbacks):
    read_pdf(client.get("/en/information-sheets/april-2022.pdf"))
    stored = SheetPdf.objects.get(sheet=sheet, language="en")
    name, storage = stored.file.name, stored.file.storage

    with django_capture_on_commit_callbacks(execute=True):
        sheet.delete()

    assert not SheetPdf.objects.exists()
    assert not storage.exists(name)


def test_typesetting_a_pdf_keeps_the_cached_pages(client, sheet):
    pagecache.invalidate()
    before = pagecache.content_version()

    read_pdf(client.get("/en/information-sheets/april-2022.pdf"))

    assert before is not None and pagecache.content_version() == before
    # The control: a change of content does drop them.
    sheet.save()
    assert pagecache.content_version() != before
