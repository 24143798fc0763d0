"""Each facet is declared once; its own count and its branch of the shared statement agree."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from documents.facets import BY_NAME, DIFFERENCE, DIRECT, EITHER, FACETS, _shared_counts
from documents.models import Audience, Document
from meetings.models import Participation
from tests.factories import (
    DelegateFactory,
    DocumentFactory,
    DocumentFileFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    StateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents():
    states = [StateFactory(), StateFactory()]
    organisation = OrganisationFactory()
    meeting = MeetingFactory()
    made = [
        DocumentFactory(kind=Document.Kind.REPORT, date=datetime.date(2015, 3, 1), meeting=meeting),
        DocumentFactory(kind=Document.Kind.REPORT, date=datetime.date(2016, 3, 1), meeting=None),
        DocumentFactory(kind=Document.Kind.AGENDA, date=datetime.date(2016, 5, 1)),
        DocumentFactory(kind=Document.Kind.AGENDA, publication_status="draft"),
    ]
    for document, linked in zip(made, [states, states[:1], [], states[1:]], strict=True):
        document.states.add(*linked)
    made[0].organisations.add(organisation)
    DocumentFileFactory(document=made[0], language="ru")
    DocumentFileFactory(document=made[0], language="en", audience=Audience.DELEGATES)
    DocumentFileFactory(document=made[2], language="en")
    return Document.objects.visible_to(AnonymousUser())


def as_pairs(options):
    return sorted((option.value, option.label, option.count) for option in options)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the shared statement is PostgreSQL's")
@pytest.mark.parametrize("strategy", [DIRECT, DIFFERENCE, EITHER])
@pytest.mark.parametrize("facet", FACETS, ids=lambda facet: facet.name)
def test_a_facets_own_count_equals_its_branch_of_the_shared_statement(documents, facet, strategy):
    own = facet.count(documents, [], None)

    shared = _shared_counts(documents, [facet.name], None, strategy)[facet.name]

    assert own  # every facet has something to count here
    assert as_pairs(shared) == as_pairs(own)
    assert [option.value for option in shared] == [option.value for option in own]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the shared statement is PostgreSQL's")
@pytest.mark.parametrize("strategy", [DIRECT, DIFFERENCE, EITHER])
@pytest.mark.parametrize("who", ["stranger", "delegate", "staff"])
def test_the_file_language_facet_counts_only_the_files_each_reader_may_download(strategy, who):
    state, other_state = StateFactory(), StateFactory()
    invited_only = MeetingFactory()
    ParticipationFactory(meeting=invited_only, state=state, attendance=Participation.Attendance.DID_NOT_ATTEND)
    attended = MeetingFactory()
    ParticipationFactory(meeting=attended, state=state)
    not_invited = MeetingFactory()
    ParticipationFactory(meeting=not_invited, state=other_state)
    for meeting, language in ((invited_only, "ru"), (attended, "en"), (not_invited, "ru")):
        for audience in Audience.values:  # one file per language and document: a document for each audience
            DocumentFileFactory(document=DocumentFactory(meeting=meeting), language=language, audience=audience)
    user = {
        "stranger": AnonymousUser(),
        "delegate": DelegateFactory(state=state).user,
        "staff": UserFactory(is_staff=True),
    }[who]
    request = SimpleNamespace(user=user)
    documents = Document.objects.visible_to(user)
    language = BY_NAME["language"]

    shared = _shared_counts(documents, ["language"], request, strategy)["language"]

    expected = {
        "stranger": [("en", 1), ("ru", 2)],  # the public files only
        # ru: two public, the delegates' files of both meetings, the invited states' file of the meeting it was
        # invited to; en: the public file, the delegates', the invited and the attending states' files.
        "delegate": [("en", 4), ("ru", 5)],
        "staff": [("en", 4), ("ru", 8)],
    }[who]
    assert sorted((option.value, option.count) for option in shared) == expected
    assert as_pairs(shared) == as_pairs(language.count(documents, [], request))
