"""OAI-PMH at /oai/: the six verbs, Dublin Core in both languages, sets, datestamps, withdrawals and errors."""

import datetime

import pytest
import reversion
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from documents.models import Audience, Document
from meetings.models import Meeting
from opendata import records
from tests.factories import (
    DocumentFactory,
    DocumentFileFactory,
    MeetingFactory,
    OrganisationFactory,
    ProcessFactory,
    StateFactory,
)
from tests.opendata.conftest import NS, XML_LANG, error_codes, identifiers

pytestmark = pytest.mark.django_db


def test_identify_names_the_repository_its_granularity_and_transient_deletions(oai):
    DocumentFactory()
    tree = oai(verb="Identify")
    identify = tree.find("oai:Identify", NS)
    assert identify.findtext("oai:baseURL", namespaces=NS) == "http://testserver/oai/"
    assert identify.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "transient"
    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert tree.find("oai:request", NS).get("verb") == "Identify"
    assert error_codes(tree) == []


def test_get_record_gives_the_titles_and_summaries_in_both_languages_with_their_language(oai):
    meeting = MeetingFactory(kind=Meeting.Kind.MINISTERIAL, process=ProcessFactory(slug="almaty-process"))
    document = DocumentFactory(
        meeting=meeting,
        title_ru="Доклад о смешанных миграционных потоках",
        title_en="Report on mixed migration",
        summary_ru="Краткое содержание.",
        summary_en="",
        kind=Document.Kind.REPORT,
        date=datetime.date(2016, 11, 2),
        symbol="AP/MM/2016/1",
    )
    document.organisations.add(OrganisationFactory(name_ru="УВКБ ООН", name_en="UNHCR"))
    document.states.add(StateFactory(name_ru="Казахстан", name_en="Kazakhstan"))
    DocumentFileFactory(document=document, language="ru")

    tree = oai(verb="GetRecord", identifier=records.identifier(document.pk), metadataPrefix="oai_dc")

    record = tree.find("oai:GetRecord/oai:record", NS)
    dc = record.find("oai:metadata/oai_dc:dc", NS)

    def values(name):
        return [(element.text, element.get(XML_LANG)) for element in dc.findall(f"dc:{name}", NS)]

    assert values("title") == [("Доклад о смешанных миграционных потоках", "ru"), ("Report on mixed migration", "en")]
    assert values("description") == [("Краткое содержание.", "ru")]
    assert values("creator") == [("УВКБ ООН", "ru"), ("UNHCR", "en")]
    assert values("subject") == [("Казахстан", "ru"), ("Kazakhstan", "en")]
    assert values("date") == [("2016-11-02", None)]
    assert ("Text", None) in values("type")  # the DCMI type; the kind follows in both languages
    assert ("report", "en") in values("type")
    assert values("language") == [("ru", None)]
    assert values("identifier") == [
        (f"http://testserver/ru/documents/{document.pk}/", None),
        (f"http://testserver/en/documents/{document.pk}/", None),
        ("AP/MM/2016/1", None),
    ]
    sets = [element.text for element in record.findall("oai:header/oai:setSpec", NS)]
    assert sets == ["document-kind:report", "meeting-kind:ministerial", "process:almaty-process"]


def test_a_datestamp_is_the_time_of_the_last_saved_version_in_the_edit_history(oai):
    document = DocumentFactory()
    with reversion.create_revision():
        document.save()
    saved_at = reversion.models.Version.objects.get_for_object(document).first().revision.date_created
    tree = oai(verb="GetRecord", identifier=records.identifier(document.pk), metadataPrefix="oai_dc")
    stamp = tree.findtext("oai:GetRecord/oai:record/oai:header/oai:datestamp", namespaces=NS)
    assert stamp == saved_at.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_a_document_never_saved_through_the_history_counts_from_its_last_file_upload(oai):
    document = DocumentFactory(date=datetime.date(2016, 11, 2))
    file = DocumentFileFactory(document=document)
    tree = oai(verb="GetRecord", identifier=records.identifier(document.pk), metadataPrefix="oai_dc")
    stamp = tree.findtext("oai:GetRecord/oai:record/oai:header/oai:datestamp", namespaces=NS)
    assert stamp == file.uploaded_at.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_from_and_until_select_records_by_datestamp(oai):
    old, new = DocumentFactory(), DocumentFactory()
    with reversion.create_revision():
        new.save()
    today = timezone.now().date().isoformat()
    # `old` was never edited through the history: its datestamp is its own date, 2 November 2016.
    assert identifiers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": today})) == [
        records.identifier(new.pk)
    ]
    assert identifiers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc", until="2016-11-02")) == [
        records.identifier(old.pk)
    ]
    tree = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", until="2016-11-01")
    assert error_codes(tree) == ["noRecordsMatch"]


def test_a_set_selects_documents_by_kind_meeting_kind_and_process(oai):
    process = ProcessFactory(slug="budapest-process")
    workshop = DocumentFactory(meeting=MeetingFactory(kind=Meeting.Kind.WORKSHOP, process=process))
    agenda = DocumentFactory(kind=Document.Kind.AGENDA)
    loose = DocumentFactory(meeting=None)

    def listed(spec):
        return identifiers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set=spec))

    assert listed("meeting-kind:workshop") == [records.identifier(workshop.pk)]
    assert listed("process:budapest-process") == [records.identifier(workshop.pk)]
    assert listed("document-kind:agenda") == [records.identifier(agenda.pk)]
    assert listed("document-kind") == [records.identifier(pk) for pk in (workshop.pk, agenda.pk, loose.pk)]
    assert listed("meeting-kind") == [records.identifier(pk) for pk in (workshop.pk, agenda.pk)]


def test_list_sets_names_each_set_in_both_languages(oai):
    ProcessFactory(slug="almaty-process", name_ru="Алматинский процесс", name_en="Almaty Process")
    tree = oai(verb="ListSets")
    sets = {
        entry.findtext("oai:setSpec", namespaces=NS): [
            (title.text, title.get(XML_LANG)) for title in entry.iterfind(".//dc:title", NS)
        ]
        for entry in tree.iterfind("oai:ListSets/oai:set", NS)
    }
    assert sets["process:almaty-process"] == [("Алматинский процесс", "ru"), ("Almaty Process", "en")]
    assert sets["meeting-kind:som"] == [("встреча высших должностных лиц", "ru"), ("senior officials meeting", "en")]
    assert {"document-kind", "meeting-kind", "process", "document-kind:report"} <= sets.keys()


def test_list_metadata_formats_offers_dublin_core(oai):
    tree = oai(verb="ListMetadataFormats")
    prefixes = [element.text for element in tree.iterfind(".//oai:metadataPrefix", NS)]
    assert prefixes == ["oai_dc"]


@pytest.mark.parametrize(
    "hidden",
    [
        {"publication_status": Document.PublicationStatus.DRAFT},
        {"audience": Audience.DELEGATES},
        {"publish_at": timezone.now() + datetime.timedelta(days=1)},
        {"meeting__publication_status": Meeting.PublicationStatus.DRAFT},
    ],
    ids=["draft", "restricted", "scheduled", "of-a-draft-meeting"],
)
def test_a_document_the_public_cannot_see_is_neither_listed_nor_given(oai, hidden):
    shown = DocumentFactory()
    secret = DocumentFactory(**hidden)
    assert not secret.is_visible_to(AnonymousUser())
    for verb in ("ListIdentifiers", "ListRecords"):
        assert identifiers(oai(verb=verb, metadataPrefix="oai_dc")) == [records.identifier(shown.pk)]
    tree = oai(verb="GetRecord", identifier=records.identifier(secret.pk), metadataPrefix="oai_dc")
    assert error_codes(tree) == ["idDoesNotExist"]
    assert secret.title_en.encode() not in oai_bytes(oai, verb="ListRecords", metadataPrefix="oai_dc")


def oai_bytes(oai, **arguments) -> bytes:
    from lxml import etree

    return etree.tostring(oai(**arguments))


@pytest.mark.parametrize(
    "withdraw",
    [
        lambda document: document.delete(),
        lambda document: _with(document, publication_status=Document.PublicationStatus.DRAFT).save(),
        lambda document: _with(document, audience=Audience.DELEGATES).save(),
        lambda document: _with(document.meeting, publication_status=Meeting.PublicationStatus.DRAFT).save(),
    ],
    ids=["deleted", "unpublished", "restricted", "meeting-unpublished"],
)
def test_a_document_withdrawn_from_the_public_is_reported_as_deleted_without_its_metadata(oai, withdraw):
    document = DocumentFactory(kind=Document.Kind.AGENDA, title_en="Withdrawn agenda")
    number = document.pk
    withdraw(document)

    tree = oai(verb="ListRecords", metadataPrefix="oai_dc")
    headers = tree.findall("oai:ListRecords/oai:record/oai:header", NS)
    assert [(header.get("status"), header.findtext("oai:identifier", namespaces=NS)) for header in headers] == [
        ("deleted", records.identifier(number))
    ]
    assert tree.find(".//oai:metadata", NS) is None
    assert b"Withdrawn agenda" not in oai_bytes(oai, verb="ListRecords", metadataPrefix="oai_dc")
    got = oai(verb="GetRecord", identifier=records.identifier(number), metadataPrefix="oai_dc")
    assert got.find("oai:GetRecord/oai:record/oai:header", NS).get("status") == "deleted"
    in_set = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set="document-kind:agenda")
    assert identifiers(in_set) == [records.identifier(number)]


def _with(instance, **values):
    for name, value in values.items():
        setattr(instance, name, value)
    return instance


def test_a_document_that_comes_back_is_a_live_record_again(oai):
    document = DocumentFactory()
    _with(document, publication_status=Document.PublicationStatus.DRAFT).save()
    _with(document, publication_status=Document.PublicationStatus.PUBLISHED).save()
    tree = oai(verb="ListRecords", metadataPrefix="oai_dc")
    headers = tree.findall("oai:ListRecords/oai:record/oai:header", NS)
    assert [header.get("status") for header in headers] == [None]
    assert identifiers(tree) == [records.identifier(document.pk)]


def test_a_draft_that_was_never_public_leaves_no_deleted_record(oai):
    document = DocumentFactory(publication_status=Document.PublicationStatus.DRAFT)
    _with(document, title_en="Still a draft").save()
    document.delete()
    assert error_codes(oai(verb="ListIdentifiers", metadataPrefix="oai_dc")) == ["noRecordsMatch"]


def test_long_lists_are_cut_into_pages_carried_on_by_resumption_tokens(oai, settings):
    settings.OAI_PAGE_SIZE = 2
    documents = DocumentFactory.create_batch(3)
    withdrawn = [document.pk for document in DocumentFactory.create_batch(2)]
    Document.objects.filter(pk__in=withdrawn).delete()
    seen, cursors = [], []
    tree = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    while True:
        seen += identifiers(tree)
        token = tree.find("oai:ListIdentifiers/oai:resumptionToken", NS)
        cursors.append(token.get("cursor") if token is not None else None)
        if token is None or not token.text:
            break
        tree = oai(verb="ListIdentifiers", resumptionToken=token.text)
    expected = [records.identifier(document.pk) for document in documents]
    expected += [records.identifier(number) for number in withdrawn]
    assert seen == expected
    assert cursors == ["0", "2", "4"]


def test_a_list_page_runs_a_bounded_number_of_queries(oai, settings, django_assert_max_num_queries):
    settings.OAI_PAGE_SIZE = 50
    for document in DocumentFactory.create_batch(30):
        document.organisations.add(OrganisationFactory())
        document.states.add(StateFactory())
        DocumentFileFactory(document=document)
    DocumentFactory.create_batch(2)[0].delete()
    with django_assert_max_num_queries(10):
        tree = oai(verb="ListRecords", metadataPrefix="oai_dc")
    assert len(identifiers(tree)) == 32


@pytest.mark.parametrize(
    "arguments, code",
    [
        ({}, "badVerb"),
        ({"verb": "Harvest"}, "badVerb"),
        ({"verb": ["Identify", "Identify"]}, "badVerb"),
        ({"verb": "Identify", "set": "x"}, "badArgument"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2016-02-30"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "9999-12-31"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "process:"}, "noRecordsMatch"),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2016-01-01", "until": "2017-01-01T00:00:00Z"},
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2017-01-01", "until": "2016-01-01"},
            "badArgument",
        ),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "colour:blue"}, "noRecordsMatch"),
        ({"verb": "ListRecords", "resumptionToken": "forged"}, "badResumptionToken"),
        ({"verb": "ListRecords", "resumptionToken": "forged", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListSets", "resumptionToken": "anything"}, "badResumptionToken"),
        (
            {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:elsewhere.org:document:1"},
            "idDoesNotExist",
        ),
        (
            {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:localhost:document:99999999999999"},
            "idDoesNotExist",
        ),
        ({"verb": "GetRecord", "identifier": "oai:localhost:document:1"}, "badArgument"),
        ({"verb": "ListMetadataFormats", "identifier": "oai:localhost:document:404"}, "idDoesNotExist"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "\x01"}, "badArgument"),
    ],
)
def test_bad_verbs_and_arguments_get_the_protocols_error_code_not_a_500(oai, arguments, code):
    DocumentFactory()
    tree = oai(**arguments)
    assert error_codes(tree) == [code]
    if code in ("badVerb", "badArgument"):
        assert dict(tree.find("oai:request", NS).attrib) == {}  # the bad request is not echoed (3.2)


def test_a_token_of_one_verb_is_refused_by_another(oai, settings):
    settings.OAI_PAGE_SIZE = 1
    DocumentFactory.create_batch(2)
    token = oai(verb="ListIdentifiers", metadataPrefix="oai_dc").findtext(
        "oai:ListIdentifiers/oai:resumptionToken", namespaces=NS
    )
    assert error_codes(oai(verb="ListRecords", resumptionToken=token)) == ["badResumptionToken"]


def test_harvesters_may_post_their_arguments(client):
    from lxml import etree

    document = DocumentFactory()
    response = client.post("/oai/", {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"})
    assert identifiers(etree.fromstring(response.content)) == [records.identifier(document.pk)]


def test_a_record_and_the_open_data_page_run_a_bounded_number_of_queries(
    oai, client, settings, django_assert_max_num_queries
):
    document = DocumentFactory()
    for _ in range(5):
        document.organisations.add(OrganisationFactory())
        document.states.add(StateFactory())
    DocumentFileFactory(document=document, language="en")
    with django_assert_max_num_queries(8):
        tree = oai(verb="GetRecord", identifier=records.identifier(document.pk), metadataPrefix="oai_dc")
    assert len(tree.findall(".//dc:creator", NS)) == 10
    with django_assert_max_num_queries(3):
        assert client.get("/en/open-data/").status_code == 200
