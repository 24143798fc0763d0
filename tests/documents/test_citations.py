"""Citations of documents and meetings, read back by the parsers reference managers use."""

import datetime
import json

import bibtexparser
import lxml.html
import pytest
import rispy
from citeproc import Citation as CiteprocCitation
from citeproc import CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from django.test import Client

from documents.models import Audience
from tests.factories import (
    DelegateFactory,
    DocumentFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProcessFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    meeting = MeetingFactory(
        slug="third-som",
        title_ru="Третья встреча высших должностных лиц",
        title_en="Third Senior Officials Meeting",
        process=ProcessFactory(name_ru="Алматинский процесс", name_en="Almaty Process"),
        start_date=datetime.date(2016, 11, 16),
        end_date=datetime.date(2016, 11, 17),
        city_ru="Алматы",
        city_en="Almaty",
        host_country=StateFactory(name_ru="Казахстан", name_en="Kazakhstan"),
    )
    meeting.organisers.add(
        OrganisationFactory(name_ru="УВКБ ООН", name_en="UNHCR"), OrganisationFactory(name_ru="МОМ", name_en="IOM")
    )
    return meeting


@pytest.fixture
def document(meeting):
    return DocumentFactory(
        meeting=meeting,
        title_ru="Итоговое заявление",
        title_en="Outcome statement",
        date=datetime.date(2016, 11, 17),
        symbol="AP/SOM.3/2016/2",
    )


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content.decode()


def test_the_ris_file_names_the_process_title_date_address_and_symbol(client, document):
    [entry] = rispy.loads(download(client, f"/en/documents/{document.pk}/cite.ris"))
    assert entry["type_of_reference"] == "RPRT"
    assert entry["authors"] == ["Almaty Process"]
    assert entry["title"] == "Outcome statement"
    assert entry["date"] == "2016/11/17"
    assert entry["year"] == "2016"
    assert entry["urls"] == [f"http://testserver/en/documents/{document.pk}/"]
    assert entry["issn"] == "AP/SOM.3/2016/2"  # SN: the report's number
    assert entry["secondary_title"] == "Third Senior Officials Meeting"


def test_the_bibtex_entry_keeps_the_institution_whole_and_the_title_in_russian_on_a_russian_address(client, document):
    library = bibtexparser.parse_string(download(client, f"/ru/documents/{document.pk}/cite.bib"))
    assert not library.failed_blocks
    [entry] = library.entries
    assert entry.entry_type == "techreport"
    assert entry["author"] == "{Алматинский процесс}"
    assert entry["title"] == "{Итоговое заявление}"
    assert entry["number"] == "AP/SOM.3/2016/2"
    assert entry["date"] == "2016-11-17"
    assert entry["url"] == f"http://testserver/ru/documents/{document.pk}/"


def test_bibtex_escapes_what_tex_would_read_as_commands(client, document):
    document.title_en = "Costs: 50% & more {draft} #1"
    document.save()
    library = bibtexparser.parse_string(download(client, f"/en/documents/{document.pk}/cite.bib"))
    assert library.entries[0]["title"] == r"{Costs: 50\% \& more \{draft\} \#1}"


def format_with_citeproc(csl_json: str) -> str:
    source = CiteProcJSON(json.loads(csl_json))
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    [item] = json.loads(csl_json)
    bibliography.register(CiteprocCitation([CitationItem(item["id"])]))
    return str(bibliography.bibliography()[0])


def test_csl_json_is_read_and_formatted_by_citeproc(client, document):
    text = download(client, f"/en/documents/{document.pk}/cite.json")
    [item] = json.loads(text)
    assert item["author"] == [{"literal": "Almaty Process"}]
    assert item["title"] == "Outcome statement"
    assert item["issued"] == {"date-parts": [[2016, 11, 17]]}
    assert item["number"] == "AP/SOM.3/2016/2"
    assert item["URL"] == f"http://testserver/en/documents/{document.pk}/"
    formatted = format_with_citeproc(text)
    assert "Almaty Process" in formatted
    assert "Outcome statement" in formatted
    assert "2016" in formatted


def test_a_title_missing_in_the_addresses_language_comes_in_the_other_and_says_so(client, document):
    document.title_en = ""
    document.save()
    [item] = json.loads(download(client, f"/en/documents/{document.pk}/cite.json"))
    assert item["title"] == "Итоговое заявление"
    assert item["language"] == "ru"
    assert item["note"] == "Available in Russian only."
    page = lxml.html.fromstring(client.get(f"/en/documents/{document.pk}/").content)
    [title] = page.xpath("//p[@id='citation-text']/span[@class='citation-title']")
    assert title.get("lang") == "ru"


def test_a_document_without_a_meeting_is_issued_by_its_organisations(client):
    document = DocumentFactory(meeting=None, title_en="Participant information")
    document.organisations.add(OrganisationFactory(name_en="Budapest Process"), OrganisationFactory(name_en="ICMPD"))
    [entry] = rispy.loads(download(client, f"/en/documents/{document.pk}/cite.ris"))
    assert sorted(entry["authors"]) == ["Budapest Process", "ICMPD"]
    assert "issn" not in entry


def test_a_meetings_citation_names_its_organisers_dates_and_place(client, meeting):
    [entry] = rispy.loads(download(client, "/en/meetings/third-som/cite.ris"))
    assert sorted(entry["authors"]) == ["IOM", "UNHCR"]
    assert entry["title"] == "Third Senior Officials Meeting"
    assert entry["place_published"] == "Almaty, Kazakhstan"
    assert entry["urls"] == ["http://testserver/en/meetings/third-som/"]
    [entry] = bibtexparser.parse_string(download(client, "/ru/meetings/third-som/cite.bib")).entries
    assert entry["title"] == "{Третья встреча высших должностных лиц}"
    text = download(client, "/en/meetings/third-som/cite.json")
    [item] = json.loads(text)
    assert item["issued"] == {"date-parts": [[2016, 11, 16], [2016, 11, 17]]}
    assert "Third Senior Officials Meeting" in format_with_citeproc(text)


def test_a_meeting_without_organisers_is_cited_as_its_process(client):
    MeetingFactory(slug="wg", process=ProcessFactory(name_en="Almaty Process"))
    [entry] = rispy.loads(download(client, "/en/meetings/wg/cite.ris"))
    assert entry["authors"] == ["Almaty Process"]


def test_the_document_page_shows_the_formatted_citation_and_links_each_format(client, document):
    page = lxml.html.fromstring(client.get(f"/en/documents/{document.pk}/").content)
    [text] = page.xpath("//p[@id='citation-text']")
    permalink = f"http://testserver/en/documents/{document.pk}/"
    assert " ".join(text.text_content().split()) == (
        f"Almaty Process. “Outcome statement”. Third Senior Officials Meeting, 17 November 2016. "
        f"AP/SOM.3/2016/2. {permalink}"
    )
    links = page.xpath("//section[@class='citation']//a[@download]/@href")
    assert links == [f"/en/documents/{document.pk}/cite.{extension}" for extension in ("ris", "bib", "json")]
    # The copy button is added by portal.js; without it the holder stays hidden.
    [holder] = page.xpath("//*[@data-copy-text-of='citation-text']")
    assert holder.get("hidden") is not None


def test_the_russian_citation_ends_the_date_with_one_full_stop(client, document):
    page = lxml.html.fromstring(client.get(f"/ru/documents/{document.pk}/").content)
    text = page.xpath("//p[@id='citation-text']")[0].text_content()
    assert "17 ноября 2016\xa0г. AP/SOM.3/2016/2" in text
    assert "г.." not in text


def test_the_meeting_page_shows_its_citation(client, meeting):
    page = lxml.html.fromstring(client.get("/en/meetings/third-som/").content)
    [text] = page.xpath("//p[@id='citation-text']")
    assert " ".join(text.text_content().split()) == (
        "IOM, UNHCR. “Third Senior Officials Meeting”. Almaty, Kazakhstan, 16–17 November 2016. "
        "http://testserver/en/meetings/third-som/"
    )


@pytest.mark.parametrize("extension", ["ris", "bib", "json"])
def test_a_restricted_documents_citation_is_not_found_by_a_stranger_but_given_to_an_invited_delegate(extension):
    delegate = DelegateFactory()
    meeting = ParticipationFactory(state=delegate.state).meeting
    document = DocumentFactory(meeting=meeting, audience=Audience.INVITED_STATES)
    client = Client()
    assert client.get(f"/en/documents/{document.pk}/cite.{extension}").status_code == 404
    client.force_login(DelegateFactory().user)
    assert client.get(f"/en/documents/{document.pk}/cite.{extension}").status_code == 404
    client.force_login(delegate.user)
    assert client.get(f"/en/documents/{document.pk}/cite.{extension}").status_code == 200


def test_a_draft_meetings_citation_is_not_found(client):
    MeetingFactory(slug="draft", publication_status="draft")
    assert client.get("/en/meetings/draft/cite.ris").status_code == 404


def test_an_unknown_citation_format_is_not_found(client, document):
    assert client.get(f"/en/documents/{document.pk}/cite.pdf", follow=True).status_code == 404


def test_a_citation_download_needs_few_queries_however_many_issuers(client, django_assert_max_num_queries):
    document = DocumentFactory(meeting=None)
    document.organisations.add(*OrganisationFactory.create_batch(30))
    document.states.add(*StateFactory.create_batch(30))
    with django_assert_max_num_queries(6):
        response = client.get(f"/en/documents/{document.pk}/cite.json")
    assert len(json.loads(response.content)[0]["author"]) == 30


def test_a_meeting_citation_needs_few_queries_however_many_organisers(client, meeting, django_assert_max_num_queries):
    meeting.organisers.add(*OrganisationFactory.create_batch(30))
    with django_assert_max_num_queries(6):
        response = client.get("/en/meetings/third-som/cite.ris")
    assert len(rispy.loads(response.content.decode())[0]["authors"]) == 32
