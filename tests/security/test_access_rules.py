import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts.models import delegate_state_id
from documents.models import Audience, Document
from tests.factories import (
    DelegateFactory,
    DocumentFactory,
    DocumentFileFactory,
    MeetingFactory,
    ParticipationFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def readers(django_user_model):
    meeting = MeetingFactory()
    at_meeting = StateFactory()
    ParticipationFactory(meeting=meeting, state=at_meeting)
    return meeting, {
        "anonymous": AnonymousUser(),
        "other_delegate": DelegateFactory().user,
        "right_delegate": DelegateFactory(state=at_meeting).user,
        "staff": django_user_model.objects.create_user("staff", is_staff=True),
        "inactive_staff": django_user_model.objects.create_user("gone", is_staff=True, is_active=False),
    }


def test_what_each_reader_sees(readers):
    meeting, users = readers
    for audience in Audience.values:
        DocumentFactory(meeting=meeting, audience=audience, title_en=audience)
    DocumentFactory(meeting=None, audience=Audience.INVITED_STATES, title_en="no meeting, invited")
    DocumentFactory(meeting=None, audience=Audience.ATTENDED_STATES, title_en="no meeting, attended")

    seen = {
        name: sorted(Document.objects.visible_to(user).values_list("title_en", flat=True))
        for name, user in users.items()
    }

    assert seen == {
        "anonymous": ["public"],
        "other_delegate": ["delegates", "public"],
        "right_delegate": ["attended_states", "delegates", "invited_states", "public"],
        "staff": [
            "attended_states",
            "delegates",
            "invited_states",
            "no meeting, attended",
            "no meeting, invited",
            "public",
        ],
        "inactive_staff": ["public"],
    }


def test_documents_of_an_unpublished_meeting_wait_for_it(readers):
    _, users = readers
    DocumentFactory(meeting=MeetingFactory(publication_status="draft"))
    DocumentFactory(meeting=MeetingFactory(publish_at=timezone.now() + datetime.timedelta(days=1)))

    assert Document.objects.visible_to(users["right_delegate"]).count() == 0
    assert Document.objects.visible_to(users["staff"]).count() == 2


def test_a_document_becomes_visible_when_its_publication_time_comes(readers):
    _, users = readers
    document = DocumentFactory(publish_at=timezone.now() + datetime.timedelta(minutes=1))
    Document.objects.filter(pk=document.pk).update(publish_at=timezone.now() - datetime.timedelta(seconds=1))

    assert list(Document.objects.visible_to(users["anonymous"])) == [document]


def test_many_participations_do_not_duplicate_rows(readers):
    meeting, users = readers
    for _ in range(5):
        ParticipationFactory(meeting=meeting)
    DocumentFactory(meeting=meeting, audience=Audience.ATTENDED_STATES)

    assert Document.objects.visible_to(users["right_delegate"]).count() == 1


def test_the_rule_is_one_query_with_a_subquery(readers, django_assert_num_queries):
    meeting, users = readers
    DocumentFactory.create_batch(120, meeting=meeting, audience=Audience.ATTENDED_STATES)
    user = users["right_delegate"]
    delegate_state_id(user)

    with django_assert_num_queries(1):
        assert len(Document.objects.visible_to(user)) == 120


def test_document_list_runs_a_bounded_number_of_queries_for_a_delegate(client, readers, django_assert_max_num_queries):
    meeting, users = readers
    for index in range(110):
        document = DocumentFactory(meeting=meeting, audience=Audience.ATTENDED_STATES if index % 2 else "public")
        DocumentFileFactory(document=document, audience=Audience.DELEGATES)
    client.force_login(users["right_delegate"])

    with django_assert_max_num_queries(20):
        response = client.get("/en/documents/")

    assert response.status_code == 200
