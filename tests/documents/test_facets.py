"""Each facet is declared once; its own count and its branch of the shared statement agree."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from documents.facets import DIFFERENCE, DIRECT, EITHER, FACETS, _shared_counts
from documents.models import Audience, Document
from tests.factories import DocumentFactory, DocumentFileFactory, MeetingFactory, OrganisationFactory, StateFactory

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
