"""schema.org JSON-LD on the pages, read with extruct as search engines and harvesters read it."""

import datetime

import extruct
import lxml.html
import pytest
from django.core.files.base import ContentFile
from django.test import Client

from core.structured_data import json_ld
from documents.models import Audience, DocumentFile
from meetings.models import Participation
from tests.factories import (
    DelegateFactory,
    DocumentFactory,
    DocumentFileFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProcessFactory,
    StateFactory,
    TermFactory,
)

pytestmark = pytest.mark.django_db


def json_ld_of(client, url) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200
    return extruct.extract(response.text, base_url="http://testserver", syntaxes=["json-ld"])["json-ld"]


def the_one(client, url, schema_type) -> dict:
    items = [item for item in json_ld_of(client, url) if item.get("@type") == schema_type]
    assert len(items) == 1, items
    assert items[0]["@context"] == "https://schema.org"
    return items[0]


@pytest.fixture
def meeting():
    meeting = MeetingFactory(
        slug="third-som",
        title_ru="Третья встреча высших должностных лиц",
        title_en="Third Senior Officials Meeting",
        process=ProcessFactory(name_en="Almaty Process"),
        start_date=datetime.date(2016, 11, 16),
        end_date=datetime.date(2016, 11, 17),
        city_ru="Алматы",
        city_en="Almaty",
        host_country=StateFactory(name_en="Kazakhstan", iso_alpha2="KZ", iso_alpha3="KAZ"),
    )
    meeting.organisers.add(OrganisationFactory(name_en="UNHCR", acronym_en="UNHCR"))
    ParticipationFactory(
        meeting=meeting, state=StateFactory(name_en="Kyrgyzstan"), attendance=Participation.Attendance.ATTENDED
    )
    ParticipationFactory(
        meeting=meeting,
        state=None,
        organisation=OrganisationFactory(name_en="IOM"),
        attendance=Participation.Attendance.ATTENDED,
    )
    ParticipationFactory(
        meeting=meeting, state=StateFactory(name_en="Absentland"), attendance=Participation.Attendance.DID_NOT_ATTEND
    )
    return meeting


def test_a_meeting_is_an_event_with_its_place_organiser_and_attendees(client, meeting):
    event = the_one(client, "/en/meetings/third-som/", "Event")
    assert event["name"] == "Third Senior Officials Meeting"
    assert event["startDate"] == "2016-11-16"
    assert event["endDate"] == "2016-11-17"
    assert event["url"] == "http://testserver/en/meetings/third-som/"
    assert event["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Almaty",
        "addressCountry": "KZ",
    }
    assert [organiser["name"] for organiser in event["organizer"]] == ["UNHCR"]
    assert sorted((attendee["@type"], attendee["name"]) for attendee in event["attendee"]) == [
        ("Country", "Kyrgyzstan"),
        ("Organization", "IOM"),
    ]


def test_the_meetings_event_is_in_the_pages_language(client, meeting):
    event = the_one(client, "/ru/meetings/third-som/", "Event")
    assert event["name"] == "Третья встреча высших должностных лиц"
    assert event["location"]["address"]["addressLocality"] == "Алматы"


@pytest.fixture
def document(meeting):
    document = DocumentFactory(
        meeting=meeting, title_en="Outcome statement", date=datetime.date(2016, 11, 17), symbol="AP/SOM.3/2016/2"
    )
    DocumentFileFactory(document=document, language="ru", file=ContentFile("Текст".encode(), name="ru.txt"))
    DocumentFileFactory(document=document, language="en", file=ContentFile(b"Text", name="en.txt"))
    return document


def test_a_document_is_a_digital_document_with_one_encoding_a_language_file(client, document):
    item = the_one(client, f"/en/documents/{document.pk}/", "DigitalDocument")
    assert item["name"] == "Outcome statement"
    assert item["identifier"] == "AP/SOM.3/2016/2"
    assert item["dateCreated"] == "2016-11-17"
    assert item["inLanguage"] == ["en", "ru"]
    assert [author["name"] for author in item["author"]] == ["Almaty Process"]
    encodings = {encoding["inLanguage"]: encoding for encoding in item["encoding"]}
    assert set(encodings) == {"en", "ru"}
    assert encodings["ru"]["@type"] == "MediaObject"
    assert encodings["ru"]["contentUrl"] == f"http://testserver/en/documents/{document.pk}/ru/"
    assert encodings["ru"]["encodingFormat"] == "text/plain"
    assert encodings["ru"]["contentSize"] == f"{len('Текст'.encode())} B"


def test_a_file_restricted_to_delegates_is_not_in_a_strangers_json_ld_but_is_in_an_invited_delegates(document):
    delegate = DelegateFactory()
    ParticipationFactory(meeting=document.meeting, state=delegate.state)
    DocumentFile.objects.filter(document=document, language="en").update(audience=Audience.INVITED_STATES)
    url = f"/en/documents/{document.pk}/"
    client = Client()
    item = the_one(client, url, "DigitalDocument")
    assert [encoding["inLanguage"] for encoding in item["encoding"]] == ["ru"]
    assert f"/documents/{document.pk}/en/" not in str(json_ld_of(client, url))
    client.force_login(delegate.user)
    item = the_one(client, url, "DigitalDocument")
    assert sorted(encoding["inLanguage"] for encoding in item["encoding"]) == ["en", "ru"]


def test_a_state_page_describes_a_country_with_its_codes(client):
    StateFactory(slug="kazakhstan", name_en="Kazakhstan", official_name_en="Republic of Kazakhstan", iso_alpha2="KZ")
    country = the_one(client, "/en/states/kazakhstan/", "Country")
    assert country["name"] == "Kazakhstan"
    assert country["alternateName"] == "Republic of Kazakhstan"
    assert {identifier["value"] for identifier in country["identifier"]} >= {"KZ"}


def test_an_organisation_page_describes_an_organization(client):
    OrganisationFactory(
        slug="iom", name_en="International Organization for Migration", acronym_en="IOM", website="https://www.iom.int/"
    )
    organization = the_one(client, "/en/organisations/iom/", "Organization")
    assert organization["name"] == "International Organization for Migration"
    assert organization["alternateName"] == "IOM"
    assert organization["sameAs"] == "https://www.iom.int/"


def test_the_glossary_is_a_defined_term_set_of_its_published_terms(client):
    TermFactory(slug="refugee", label_ru="беженец", label_en="refugee", definition_en="A person who…")
    TermFactory(slug="draft-term", label_en="Qxdraft", publication_status="draft")
    term_set = the_one(client, "/en/glossary/", "DefinedTermSet")
    [term] = term_set["hasDefinedTerm"]
    assert term["@type"] == "DefinedTerm"
    assert term["name"] == "refugee"
    assert term["alternateName"] == ["беженец"]
    assert term["description"] == "A person who…"
    assert term["inDefinedTermSet"] == "http://testserver/en/glossary/"
    assert term["url"] == "http://testserver/en/glossary/#refugee"


def test_json_ld_cannot_be_closed_by_a_title_and_is_not_executed_script(client):
    markup = json_ld({"@type": "Thing", "name": "</script><script>alert(1)</script> & <!--"})
    assert "</script><script>" not in markup
    assert markup.count("</script>") == 1
    [script] = lxml.html.fragment_fromstring(markup, create_parent="div").xpath("script")
    assert script.get("type") == "application/ld+json"
    [item] = extruct.extract(f"<html><body>{markup}</body></html>", syntaxes=["json-ld"])["json-ld"]
    assert item["name"] == "</script><script>alert(1)</script> & <!--"


def test_the_pages_json_ld_runs_under_the_content_security_policy_without_inline_scripts(client, meeting):
    response = client.get("/en/meetings/third-som/")
    policy = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    page = lxml.html.fromstring(response.content)
    # The only inline script elements are data, which browsers do not run.
    assert {script.get("type") for script in page.xpath("//script[not(@src)]")} == {"application/ld+json"}
