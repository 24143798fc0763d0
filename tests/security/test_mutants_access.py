"""The meeting rule of core.access, seen through pages, downloads and the visible_to() doors.

Written against mutants that survived the whole suite: a participation check that forgets which
meeting it is about, and a meeting rule that says yes for a document without a meeting.
The audience is looked up at runtime so that the tests outlive a renaming of the audiences.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from documents.models import Audience, Document, DocumentFile
from participants.models import State
from tests.factories import (
    DelegateFactory,
    DocumentFactory,
    DocumentFileFactory,
    ParticipationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def meeting_audience() -> str:
    """The audience that admits only the states taking part in the document's own meeting."""
    for name in ("MEETING_DELEGATES", "ATTENDED_STATES", "INVITED_STATES"):
        if hasattr(Audience, name):
            return getattr(Audience, name)
    raise LookupError("no audience tied to the document's meeting")


def all_delegates_audience() -> str:
    return next(value for value in Audience.values if value not in (Audience.PUBLIC, meeting_audience()))


@pytest.fixture
def delegate():
    """A delegate whose state takes part in one meeting (``delegate.meeting``) and not in another."""
    delegate = DelegateFactory()
    delegate.meeting = ParticipationFactory(state=delegate.state).meeting
    delegate.other_meeting = ParticipationFactory().meeting
    return delegate


def meeting_document(meeting, **fields):
    document = DocumentFactory(meeting=meeting, audience=meeting_audience(), **fields)
    DocumentFileFactory(document=document, audience=meeting_audience(), file=ContentFile(b"for the meeting", "m.txt"))
    return document


def detail(client, document):
    return client.get(reverse("documents:document_detail", args=[document.pk]))


def download(client, document):
    return client.get(reverse("documents:file_download", args=[document.pk, "ru"]))


def test_a_delegate_gets_the_document_and_file_of_a_meeting_their_state_takes_part_in(client, delegate):
    document = meeting_document(delegate.meeting)
    client.force_login(delegate.user)

    assert detail(client, document).status_code == 200
    response = download(client, document)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"for the meeting"


def test_a_delegate_gets_neither_the_document_nor_the_file_of_another_meeting(client, delegate):
    document = meeting_document(delegate.other_meeting)
    client.force_login(delegate.user)

    assert detail(client, document).status_code == 404
    assert download(client, document).status_code == 404


def test_the_visible_to_doors_leave_out_another_meetings_document_and_file(delegate):
    mine, other = meeting_document(delegate.meeting), meeting_document(delegate.other_meeting)

    documents = set(Document.objects.visible_to(delegate.user).values_list("pk", flat=True))
    files = set(DocumentFile.objects.visible_to(delegate.user).values_list("document_id", flat=True))

    assert documents == {mine.pk}
    assert files == {mine.pk}
    assert other.pk not in documents


def test_a_public_documents_file_for_another_meeting_is_not_sent_to_the_delegate(client, delegate):
    document = DocumentFactory(meeting=delegate.other_meeting)
    DocumentFileFactory(document=document, audience=meeting_audience())
    client.force_login(delegate.user)

    assert detail(client, document).status_code == 200
    assert download(client, document).status_code == 404
    assert not DocumentFile.objects.visible_to(delegate.user).filter(document=document).exists()
    assert document.files.get().is_visible_to(delegate.user) is False


def test_a_meeting_document_without_a_meeting_is_for_no_delegate(client, delegate):
    document = meeting_document(None)
    client.force_login(delegate.user)

    assert detail(client, document).status_code == 404
    assert download(client, document).status_code == 404
    assert not Document.objects.visible_to(delegate.user).filter(pk=document.pk).exists()
    assert document.files.get().is_visible_to(delegate.user) is False


def test_an_audience_the_rules_do_not_know_admits_no_delegate(delegate):
    document = meeting_document(delegate.meeting)
    Document.objects.filter(pk=document.pk).update(audience="somebody-else")
    DocumentFile.objects.filter(document=document).update(audience="somebody-else")

    assert not Document.objects.visible_to(delegate.user).filter(pk=document.pk).exists()
    assert not DocumentFile.objects.visible_to(delegate.user).filter(document=document).exists()
    assert document.files.get().is_visible_to(delegate.user) is False


def test_the_all_delegates_audience_admits_any_delegate_but_not_a_plain_account(client, delegate):
    document = DocumentFactory(meeting=delegate.other_meeting, audience=all_delegates_audience())
    plain = UserFactory()

    assert Document.objects.visible_to(delegate.user).filter(pk=document.pk).exists()
    assert not Document.objects.visible_to(plain).filter(pk=document.pk).exists()
    client.force_login(plain)
    assert detail(client, document).status_code == 404
    client.force_login(delegate.user)
    assert detail(client, document).status_code == 200


def test_a_deactivated_delegate_loses_the_meeting_documents(delegate):
    document = meeting_document(delegate.meeting)
    delegate.user.is_active = False
    delegate.user.save()

    assert not Document.objects.visible_to(delegate.user).filter(pk=document.pk).exists()


def test_a_deactivated_staff_account_sees_no_drafts(editor):
    draft = DocumentFactory(publication_status="draft")
    editor.is_active = False

    assert not Document.objects.visible_to(editor).filter(pk=draft.pk).exists()
    editor.is_active = True
    assert Document.objects.visible_to(editor).filter(pk=draft.pk).exists()


def test_the_file_rule_seen_from_documents_reads_the_files_own_audience(delegate):
    """DocumentFile.visible_q() with a prefix: the documents that have a file this reader may open."""
    document = DocumentFactory(meeting=delegate.other_meeting)
    DocumentFileFactory(document=document, audience=meeting_audience())

    with_a_file_for_them = Document.objects.filter(DocumentFile.visible_q(delegate.user, "files__"))

    assert not with_a_file_for_them.filter(pk=document.pk).exists()
    assert Document.objects.filter(DocumentFile.visible_q(UserFactory(is_staff=True), "files__"), pk=document.pk)


def test_a_delegate_of_a_state_that_no_longer_participates_is_a_plain_reader(client, delegate):
    document = DocumentFactory(audience=all_delegates_audience())
    DocumentFileFactory(document=document, audience=all_delegates_audience())
    delegate.state.status = State.Status.FORMER
    delegate.state.save()
    client.force_login(delegate.user)

    assert detail(client, document).status_code == 404
    assert download(client, document).status_code == 404
    assert not Document.objects.visible_to(delegate.user).filter(pk=document.pk).exists()


def test_the_doors_treat_no_user_at_all_as_the_public():
    public = DocumentFactory()
    for_delegates = DocumentFactory(audience=all_delegates_audience())

    assert list(Document.objects.visible_to(None).filter(pk__in=[public.pk, for_delegates.pk])) == [public]
    assert public.is_visible_to(None) is True
    assert for_delegates.is_visible_to(None) is False
