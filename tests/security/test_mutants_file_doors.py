"""The doors a reader never names: DocumentFile.objects.public(), a meeting zip's files, a document's page.

Written against mutants of documents.models that survived the access tests: a public door that lets
every file through, or a draft document's public file; a zip that lists files in an order that
changes with the database, leaves in a file without stored bytes, or drops the files of a language.
"""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile

from core.models import Publishable
from documents.models import Audience, Document, DocumentFile
from tests.factories import (
    DocumentFactory,
    DocumentFileFactory,
    MeetingFactory,
    OrganisationFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db

RUSSIAN, ENGLISH = DocumentFile.Language.RUSSIAN, DocumentFile.Language.ENGLISH
DAY = datetime.date(2016, 11, 2)


def test_the_public_file_door_lets_through_only_public_files_of_public_documents():
    public = DocumentFileFactory()
    DocumentFileFactory(audience=Audience.DELEGATES)
    DocumentFileFactory(document=DocumentFactory(publication_status=Publishable.PublicationStatus.DRAFT))
    DocumentFileFactory(document=DocumentFactory(audience=Audience.DELEGATES))
    DocumentFileFactory(document=DocumentFactory(meeting=MeetingFactory(publication_status="draft")))

    assert list(DocumentFile.objects.public()) == [public]
    assert list(DocumentFile.objects.filter(DocumentFile.public_q())) == [public]


def zip_listing(meeting, *language):
    return [(f.document.title_ru, f.language) for f in DocumentFile.objects.for_meeting_zip(meeting, *language)]


def test_a_meeting_zip_lists_its_files_by_date_title_document_and_language_in_every_language():
    meeting = MeetingFactory()
    later = DocumentFactory(meeting=meeting, title_ru="А: позже", date=DAY + datetime.timedelta(days=1))
    second = DocumentFactory(meeting=meeting, title_ru="Б: второй", date=DAY)
    first = DocumentFactory(meeting=meeting, title_ru="А: первый", date=DAY)
    twin, twin_created_later = (DocumentFactory(meeting=meeting, title_ru="В: близнец", date=DAY) for _ in range(2))
    for document, languages in [
        (later, [RUSSIAN]),
        (second, [RUSSIAN]),
        (first, [RUSSIAN, ENGLISH]),
        (twin, [RUSSIAN]),
        (twin_created_later, [ENGLISH]),
    ]:
        for language in languages:
            DocumentFileFactory(document=document, language=language)
    DocumentFileFactory(document=DocumentFactory(title_ru="Другое совещание", date=DAY))

    assert zip_listing(meeting) == [
        ("А: первый", ENGLISH),
        ("А: первый", RUSSIAN),
        ("Б: второй", RUSSIAN),
        ("В: близнец", RUSSIAN),
        ("В: близнец", ENGLISH),
        ("А: позже", RUSSIAN),
    ]
    assert zip_listing(meeting, ENGLISH) == [("А: первый", ENGLISH), ("В: близнец", ENGLISH)]


def test_a_meeting_zip_leaves_out_a_file_whose_bytes_were_never_stored():
    stored = DocumentFileFactory(file=ContentFile(b"stored", name="stored.txt"))
    missing = DocumentFileFactory(document=DocumentFactory(meeting=stored.document.meeting), language=ENGLISH)
    DocumentFile.objects.filter(pk=missing.pk).update(file="")

    assert list(DocumentFile.objects.for_meeting_zip(stored.document.meeting)) == [stored]


def test_a_meeting_zip_reads_its_files_and_their_documents_in_one_query(django_assert_num_queries):
    meeting = MeetingFactory()
    for title in ("А", "Б", "В"):
        DocumentFileFactory(document=DocumentFactory(meeting=meeting, title_ru=title))

    with django_assert_num_queries(1):
        titles = [f.document.title_ru for f in DocumentFile.objects.for_meeting_zip(meeting)]

    assert sorted(titles) == ["А", "Б", "В"]


def test_a_document_read_for_its_page_brings_everything_the_page_shows_and_only_the_files_the_reader_may_have(
    django_assert_num_queries,
):
    document = DocumentFactory()
    document.states.add(StateFactory())
    document.organisations.add(OrganisationFactory())
    public = DocumentFileFactory(document=document, language=RUSSIAN)
    DocumentFileFactory(document=document, language=ENGLISH, audience=Audience.DELEGATES)
    reader = AnonymousUser()

    read = Document.objects.visible_to(reader).for_detail(reader).get(pk=document.pk)

    with django_assert_num_queries(0):
        assert read.meeting.process == document.meeting.process
        assert len(read.states.all()) == 1
        assert len(read.organisations.all()) == 1
        assert list(read.files.all()) == [public]
