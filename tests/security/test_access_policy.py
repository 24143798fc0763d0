"""The access policy as a truth table: reader × item state × audience × attendance → visible or not.

Every row also checks that the doors agree: the queryset door (``objects.visible_to(user)``),
the object door (``obj.is_visible_to(user)``), ``objects.public()`` for anonymous readers, and
the search table's public rule, which must admit exactly the documents ``public()`` admits.
"""

import datetime
import itertools

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.utils import timezone

from documents.indexing import index_document
from documents.models import Audience, Document, DocumentFile
from meetings.models import Meeting, Participation
from search.models import SearchEntry
from tests.factories import DelegateFactory, DocumentFactory, DocumentFileFactory, MeetingFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

Attendance = Participation.Attendance

# Each delegate reader's state, and how it is listed at the document's meeting (None: listed only
# at another meeting, which it attended).
DELEGATES = {
    "delegate_invited": Attendance.INVITED,
    "delegate_confirmed": Attendance.CONFIRMED,
    "delegate_attended": Attendance.ATTENDED,
    "delegate_did_not_attend": Attendance.DID_NOT_ATTEND,
    "delegate_of_another_state": None,
}
READERS = ["anonymous", "plain_account", *DELEGATES, "staff", "inactive_staff"]
DOCUMENT_STATES = ["draft", "scheduled", "published"]
MEETING_STATES = ["no_meeting", "meeting_draft", "meeting_published"]


def expected(reader, document_state, meeting_state, audience) -> bool:
    """The policy, written out in full."""
    if reader == "staff":
        return True
    if document_state != "published" or meeting_state == "meeting_draft":
        return False
    attendance = DELEGATES.get(reader)
    has_meeting = meeting_state != "no_meeting"
    return {
        Audience.PUBLIC: True,
        Audience.DELEGATES: reader in DELEGATES,
        Audience.INVITED_STATES: has_meeting and attendance is not None,
        Audience.ATTENDED_STATES: has_meeting and attendance == Attendance.ATTENDED,
    }[audience]


def make_reader(name, meeting, django_user_model):
    if name == "anonymous":
        return AnonymousUser()
    if name in ("staff", "inactive_staff"):
        return django_user_model.objects.create_user(name, is_staff=True, is_active=name == "staff")
    if name == "plain_account":
        return django_user_model.objects.create_user(name)
    # No password: hashing one per reader would make the table slow.
    delegate = DelegateFactory(user=django_user_model.objects.create_user(name))
    if DELEGATES[name] is None:
        # Attending another meeting admits nobody to this one's material.
        ParticipationFactory(state=delegate.state, attendance=Attendance.ATTENDED)
    elif meeting is not None:
        ParticipationFactory(meeting=meeting, state=delegate.state, attendance=DELEGATES[name])
    return delegate.user


def make_document(document_state, meeting, audience):
    later = timezone.now() + datetime.timedelta(days=1)
    return DocumentFactory(
        meeting=meeting,
        audience=audience,
        publication_status="draft" if document_state == "draft" else "published",
        publish_at=later if document_state == "scheduled" else None,
    )


def make_meeting(meeting_state):
    if meeting_state == "no_meeting":
        return None
    # Another state attended, so "attended" rows exist that must not admit the reader's state.
    meeting = MeetingFactory(publication_status="draft" if meeting_state == "meeting_draft" else "published")
    ParticipationFactory(meeting=meeting, attendance=Attendance.ATTENDED)
    return meeting


def doors(user, document, files) -> dict:
    """What each door answers for this reader."""
    answers = {
        "Document.objects.visible_to": Document.objects.visible_to(user).filter(pk=document.pk).exists(),
        "document.is_visible_to": Document.objects.get(pk=document.pk).is_visible_to(user),
    }
    for name, file in files.items():
        answers[f"DocumentFile.objects.visible_to ({name})"] = (
            DocumentFile.objects.visible_to(user).filter(pk=file.pk).exists()
        )
        answers[f"document_file.is_visible_to ({name})"] = DocumentFile.objects.get(pk=file.pk).is_visible_to(user)
    return answers


# One world per item state, meeting state and audience; every reader is checked against it.
@pytest.mark.parametrize(
    ("document_state", "meeting_state", "audience"),
    list(itertools.product(DOCUMENT_STATES, MEETING_STATES, Audience.values)),
)
def test_every_door_admits_exactly_the_readers_the_truth_table_names(
    document_state, meeting_state, audience, django_user_model
):
    meeting = make_meeting(meeting_state)
    users = {reader: make_reader(reader, meeting, django_user_model) for reader in READERS}
    document = make_document(document_state, meeting, audience)
    # A file is visible when its document is and its own audience admits the reader.
    files = {
        "same audience": DocumentFileFactory(document=document, audience=audience),
        "public file": DocumentFileFactory(document=document, language="en", audience=Audience.PUBLIC),
    }

    wrong = []
    for reader, user in users.items():
        visible = expected(reader, document_state, meeting_state, audience)
        wrong += [(reader, door) for door, answer in doors(user, document, files).items() if answer != visible]
        if meeting is not None:
            meeting_visible = reader == "staff" or meeting_state == "meeting_published"
            if Meeting.objects.visible_to(user).filter(pk=meeting.pk).exists() is not meeting_visible:
                wrong.append((reader, "Meeting.objects.visible_to"))
            if Meeting.objects.get(pk=meeting.pk).is_visible_to(user) is not meeting_visible:
                wrong.append((reader, "meeting.is_visible_to"))

    assert wrong == []


@pytest.mark.parametrize(
    ("document_state", "meeting_state", "audience"),
    list(itertools.product(DOCUMENT_STATES, MEETING_STATES, Audience.values)),
)
def test_public_and_the_search_tables_public_rule_admit_what_anonymous_readers_see(
    document_state, meeting_state, audience
):
    document = make_document(document_state, make_meeting(meeting_state), audience)
    index_document(document)
    visible = expected("anonymous", document_state, meeting_state, audience)

    assert Document.objects.public().filter(pk=document.pk).exists() is visible
    assert Document.objects.published().filter(pk=document.pk).exists() is visible
    assert SearchEntry.objects.filter(Document.public_q(), pk=document.pk).exists() is visible


def test_a_file_can_be_more_restricted_than_its_document_never_less(django_user_model):
    meeting = make_meeting("meeting_published")
    user = make_reader("delegate_invited", meeting, django_user_model)
    open_document = make_document("published", meeting, Audience.INVITED_STATES)
    narrower = DocumentFileFactory(document=open_document, audience=Audience.ATTENDED_STATES)
    closed_document = make_document("published", meeting, Audience.ATTENDED_STATES)
    wider = DocumentFileFactory(document=closed_document, audience=Audience.PUBLIC)

    assert set(DocumentFile.objects.visible_to(user)) == set()
    assert not narrower.is_visible_to(user)
    assert not wider.is_visible_to(user)


@pytest.mark.parametrize("audience", [Audience.INVITED_STATES, Audience.ATTENDED_STATES])
def test_a_document_without_a_meeting_cannot_be_meant_for_a_meetings_states(audience):
    document = DocumentFactory.build(meeting=None, audience=audience)

    with pytest.raises(ValidationError) as error:
        document.full_clean()

    assert list(error.value.message_dict) == ["audience"]
