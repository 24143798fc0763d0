"""The meeting page's table of contents and its "Download all documents (zip)" link."""

import io
import zipfile

import pytest
from lxml import html

from documents.models import Audience, Document
from tests.factories import (
    DocumentFactory,
    DocumentFileFactory,
    MeetingFactory,
    OutcomeStatementFactory,
    StatementParagraphFactory,
)

pytestmark = pytest.mark.django_db


def page_of(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return html.fromstring(response.content)


def zip_links(page):
    return [link.get("href") for link in page.xpath("//a[@type='application/zip']")]


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_entry_of_the_table_of_contents_leads_to_a_part_of_the_page(client, language):
    meeting = MeetingFactory(slug="som", summary_en="Mixed migration.", summary_ru="Смешанные миграционные потоки.")
    StatementParagraphFactory(statement=OutcomeStatementFactory(meeting=meeting), number=1)
    agenda = DocumentFactory(meeting=meeting, kind=Document.Kind.AGENDA, title_en="Agenda of the meeting")
    DocumentFileFactory(document=agenda)
    DocumentFactory(meeting=meeting)

    page = page_of(client, f"/{language}/meetings/som/")

    targets = [link.get("href") for link in page.xpath("//nav[contains(@class, 'toc')]//a")]
    assert targets == ["#summary", f"#document-{agenda.pk}", "#participants", "#statement", "#documents"]
    for target in targets:
        assert page.get_element_by_id(target[1:]) is not None, target
    assert page.get_element_by_id(f"document-{agenda.pk}").xpath(".//a[@class='item-title']")[0].text_content() == (
        "Agenda of the meeting" if language == "en" else agenda.title_ru
    )


def test_the_table_of_contents_leaves_out_what_the_meeting_does_not_have(client):
    MeetingFactory(slug="som", summary_en="", summary_ru="")

    page = page_of(client, "/en/meetings/som/")

    assert [link.text_content() for link in page.xpath("//nav[contains(@class, 'toc')]//a")] == [
        "Participants",
        "Documents",
    ]


def test_a_meeting_with_public_files_offers_them_all_as_one_zip_that_holds_them(client):
    meeting = MeetingFactory(slug="som")
    report = DocumentFactory(meeting=meeting)
    DocumentFileFactory(document=report, language="ru")
    DocumentFileFactory(document=report, language="en")

    page = page_of(client, "/ru/meetings/som/")

    assert zip_links(page) == ["/ru/documents/meeting/som/zip/"]
    assert page.xpath("//a[@type='application/zip']")[0].text_content() == "Скачать все документы (zip)"
    response = client.get(zip_links(page)[0])
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert sorted(name for name in archive.namelist() if name != "manifest.csv") == [
        f"2016-11-02 {report.title_ru} [en].txt",
        f"2016-11-02 {report.title_ru} [ru].txt",
    ]


def test_no_zip_link_when_the_reader_may_see_no_file_of_the_meeting(client):
    meeting = MeetingFactory(slug="som")
    DocumentFactory(meeting=meeting)  # no file yet
    DocumentFileFactory(document=DocumentFactory(meeting=meeting, audience=Audience.DELEGATES))
    DocumentFileFactory(document=DocumentFactory(meeting=meeting), audience=Audience.DELEGATES)

    assert zip_links(page_of(client, "/en/meetings/som/")) == []
    assert client.get("/en/documents/meeting/som/zip/").status_code == 404
