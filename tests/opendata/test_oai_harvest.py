"""A real OAI-PMH client (sickle) harvests the whole archive over HTTP and finds what the database holds."""

import pytest
from sickle import Sickle
from sickle.oaiexceptions import IdDoesNotExist

from documents.models import Audience, Document
from opendata import records
from tests.factories import DocumentFactory, DocumentFileFactory, MeetingFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def archive():
    """Public documents (some of a draft meeting's, hidden), a restricted one, a draft, and two withdrawn ones."""
    public = DocumentFactory.create_batch(7)
    for document in public[:3]:
        DocumentFileFactory(document=document, language="en")
    restricted = DocumentFactory(audience=Audience.DELEGATES, title_en="Restricted note")
    draft = DocumentFactory(publication_status=Document.PublicationStatus.DRAFT, title_en="Draft note")
    of_draft_meeting = DocumentFactory(meeting=MeetingFactory(publication_status=Document.PublicationStatus.DRAFT))
    deleted, unpublished = DocumentFactory.create_batch(2)
    deleted_number = deleted.pk
    deleted.delete()
    unpublished.publication_status = Document.PublicationStatus.DRAFT
    unpublished.save()
    return {
        "hidden": [restricted.pk, draft.pk, of_draft_meeting.pk],
        "withdrawn": [deleted_number, unpublished.pk],
    }


def test_a_harvester_gets_every_public_document_with_its_titles_and_the_withdrawn_ones_as_deleted(
    live_server, settings, archive
):
    settings.OAI_PAGE_SIZE = 2  # nine records: five pages, four resumption tokens
    harvester = Sickle(f"{live_server.url}/oai/", max_retries=0)

    harvested = list(harvester.ListRecords(metadataPrefix="oai_dc", ignore_deleted=False))

    live = {record.header.identifier: record for record in harvested if not record.deleted}
    deleted = sorted(record.header.identifier for record in harvested if record.deleted)
    expected = {records.identifier(document.pk): document for document in Document.objects.public()}
    assert sorted(live) == sorted(expected)
    for identifier, record in live.items():
        document = expected[identifier]
        assert record.metadata["title"] == [document.title_ru, document.title_en]
        assert f"{live_server.url}/en/documents/{document.pk}/" in record.metadata["identifier"]
    assert deleted == sorted(records.identifier(number) for number in archive["withdrawn"])
    assert len(harvested) == 9
    for number in archive["hidden"]:
        assert records.identifier(number) not in live
        with pytest.raises(IdDoesNotExist):
            harvester.GetRecord(identifier=records.identifier(number), metadataPrefix="oai_dc")


def test_a_harvester_reads_the_repository_and_its_sets(live_server, archive):
    harvester = Sickle(f"{live_server.url}/oai/", max_retries=0)
    identify = harvester.Identify()
    assert identify.deletedRecord == "transient"
    assert identify.baseURL == f"{live_server.url}/oai/"
    specs = [entry.setSpec for entry in harvester.ListSets()]
    assert "document-kind:report" in specs and "meeting-kind:som" in specs  # the rest: test_oai.py
    headers = list(harvester.ListIdentifiers(metadataPrefix="oai_dc", set="document-kind:report"))
    assert len([header for header in headers if not header.deleted]) == Document.objects.public().count()
