"""The document page: facts, language versions, and a citation a researcher can copy."""

import datetime

import lxml.html
import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import translation

from core.models import Publishable
from documents.models import Audience, DocumentFile
from tests.documents import samples
from tests.factories import (
    DocumentFactory,
    DocumentFileFactory,
    MeetingFactory,
    OrganisationFactory,
    ProcessFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    meeting = MeetingFactory(
        slug="third-som",
        title_ru="Третье совещание старших должностных лиц",
        title_en="Third Senior Officials Meeting",
        process=ProcessFactory(name_ru="Алматинский процесс", name_en="Almaty Process"),
    )
    document = DocumentFactory(
        meeting=meeting,
        title_ru="Итоговое заявление",
        title_en="Outcome statement",
        kind="outcome_statement",
        date=datetime.date(2016, 11, 2),
        summary_ru="Участники договорились о сотрудничестве.",
        summary_en="",
    )
    document.states.add(StateFactory(name_ru="Казахстан", name_en="Kazakhstan"))
    document.organisations.add(OrganisationFactory(name_ru="МОМ", name_en="IOM"))
    DocumentFileFactory(document=document, language="ru", file=ContentFile(samples.pdf_bytes(pages=4), name="z.pdf"))
    return document


def get_page(client, document, language):
    with translation.override(language):
        url = document.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    return response


def test_the_page_shows_the_documents_facts(client, document):
    text = get_page(client, document, "en").text
    assert "<h1>Outcome statement</h1>" in text
    assert '<a href="/en/meetings/third-som/">Third Senior Officials Meeting</a>' in text
    assert "Kazakhstan</a>" in text
    assert "IOM</a>" in text
    # The summary exists only in Russian, and says so.
    assert '<div class="other-language" lang="ru">' in text
    assert "Участники договорились о сотрудничестве." in text


def test_each_language_version_has_its_size_pages_and_link(client, document):
    document_file = document.files.get()
    text = get_page(client, document, "ru").text
    assert f'<a href="{document_file.get_absolute_url()}" hreflang="ru" download>' in text
    cells = [cell.text_content() for cell in lxml.html.fromstring(text).xpath('//table[@class="files"]//td')]
    assert cells[0] == "PDF"
    assert cells[2] == "4"


def test_the_citation_names_process_title_meeting_date_and_permalink(client, document):
    response = get_page(client, document, "en")
    permalink = f"http://testserver/en/documents/{document.pk}/"
    assert response.context["permalink"] == permalink
    citation = lxml.html.fromstring(response.text).xpath('//p[@class="citation-text"]')[0]
    assert " ".join(citation.text_content().split()) == (
        f"Almaty Process. “Outcome statement”. Third Senior Officials Meeting, 2 November 2016. {permalink}"
    )
    assert citation.xpath("a/@href") == [permalink]


def test_the_zip_of_the_meeting_is_offered(client, document):
    assert '<a href="/ru/documents/meeting/third-som/zip/"' in get_page(client, document, "ru").text


def test_restricted_files_are_not_listed_for_the_public(document):
    restricted = DocumentFileFactory(document=document, language="en")
    DocumentFile.objects.filter(pk=restricted.pk).update(audience=Audience.DELEGATES)
    text = get_page(Client(), document, "ru").text
    assert restricted.get_absolute_url() not in text


def test_a_draft_document_is_not_found_for_the_public(document):
    document.publication_status = Publishable.PublicationStatus.DRAFT
    document.save()
    assert Client().get(document.get_absolute_url()).status_code == 404


def test_the_page_needs_few_queries_however_many_related_items(client, document, django_assert_max_num_queries):
    document.states.add(*[StateFactory() for _ in range(60)])
    document.organisations.add(*[OrganisationFactory() for _ in range(60)])
    for language in ["en", "kk", "ky", "tg", "uz"]:
        DocumentFileFactory(document=document, language=language)
    with django_assert_max_num_queries(8):
        response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    assert response.text.count("<tr>") == 7  # the header row and six language versions


def test_the_russian_citation_ends_the_date_with_one_full_stop(client, document):
    page = lxml.html.fromstring(get_page(client, document, "ru").text)
    citation = page.xpath('//p[@class="citation-text"]')[0].text_content()

    assert "2 ноября 2016\xa0г. http" in citation
    assert "г.." not in citation


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_language_column_is_marked_in_the_language_it_is_written_in(client, document, language):
    page = lxml.html.fromstring(get_page(client, document, language).text)
    headings = page.xpath('//table[@class="files"]//th')

    assert headings
    for heading in headings:
        assert heading.xpath("string(ancestor-or-self::*[@lang][1]/@lang)") == language
