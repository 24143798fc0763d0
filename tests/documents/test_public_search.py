"""Searches answered from the search index alone, for every reader, and the facets counted by difference.

The fast paths must give exactly what the join through Document.objects.visible_to() gives.
"""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import QueryDict
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from core.models import Publishable
from documents.archive import find_documents
from documents.facets import DIFFERENCE, DIRECT, EITHER, _shared_counts, document_facets
from documents.filters import DocumentFilter
from documents.models import Audience, Document, DocumentFile
from documents.search import indexed_matches, indexed_ranking, sees_public_only
from meetings.models import Participation
from search.models import SearchEntry
from tests.factories import (
    DelegateFactory,
    DocumentFileFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    StateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search only")

DRAFT = Publishable.PublicationStatus.DRAFT
LATER = timezone.now() + datetime.timedelta(days=3)
FACET_NAMES = ["kind", "year", "meeting", "state", "organisation", "language"]


@pytest.fixture
def mixed_archive(document_with_text):
    """Documents about refugees that the public may and may not see, with states and organisations."""
    state, organisation = StateFactory(), OrganisationFactory()
    draft_meeting = MeetingFactory(publication_status=DRAFT)
    scheduled_meeting = MeetingFactory(publish_at=LATER)
    visible = [
        document_with_text("Защита беженцев.", title_ru="Беженцы в заголовке", kind=Document.Kind.REPORT),
        document_with_text("Refugees and borders.", language="en", title_ru="Доклад", kind=Document.Kind.AGENDA),
        document_with_text("Беженцы.", title_ru="Без совещания", meeting=None, date=datetime.date(2019, 5, 1)),
    ]
    hidden = [
        document_with_text("Беженцы.", title_ru="Черновик", publication_status=DRAFT),
        document_with_text("Беженцы.", title_ru="Позже", publish_at=LATER),
        document_with_text("Беженцы.", title_ru="Делегатам", audience=Audience.DELEGATES),
        document_with_text("Беженцы.", title_ru="Совещания делегатов", audience=Audience.ATTENDED_STATES),
        document_with_text("Беженцы.", title_ru="Черновик совещания", meeting=draft_meeting),
        document_with_text("Беженцы.", title_ru="Совещание позже", meeting=scheduled_meeting),
    ]
    for document in [*visible, *hidden]:
        document.states.add(state)
        document.organisations.add(organisation)
    DocumentFileFactory(document=visible[0], language=DocumentFile.Language.ENGLISH, audience=Audience.DELEGATES)
    return visible, hidden


def filterset(user=None, **values):
    params = QueryDict(mutable=True)
    for name, value in values.items():
        params[name] = value
    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    documents = DocumentFilter(params, queryset=Document.objects.visible_to(request.user), request=request)
    assert documents.is_valid(), documents.form.errors
    return documents


def joined_ids(documents):
    """The ids and total the join path gives (the reference)."""
    ranked, _snippets = find_documents(documents)
    ids = list(ranked.values_list("pk", flat=True))
    return ids, len(ids)


def test_only_readers_without_staff_or_delegate_rights_see_public_only():
    assert sees_public_only(AnonymousUser()) is True
    assert sees_public_only(UserFactory()) is True
    assert sees_public_only(UserFactory(is_staff=True)) is False
    assert sees_public_only(DelegateFactory().user) is False


def test_entry_copies_follow_every_save_of_the_document(document_with_text):
    document = document_with_text("Беженцы.", kind=Document.Kind.AGENDA)
    document.publication_status, document.audience, document.kind = DRAFT, Audience.DELEGATES, Document.Kind.REPORT
    document.publish_at, document.meeting = LATER, None
    document.save()

    entry = SearchEntry.objects.get(document=document)
    assert (entry.publication_status, entry.audience, entry.kind, entry.publish_at, entry.meeting_id) == (
        DRAFT,
        Audience.DELEGATES,
        Document.Kind.REPORT,
        LATER,
        None,
    )
    assert entry.date == document.date


@postgresql_only
@pytest.mark.parametrize(
    "query", ["беженцев", "refugees", "беженцы OR borders", '"защита беженцев"', "беженцы -заголовке"]
)
def test_public_ranking_gives_the_ids_order_and_total_of_the_join(mixed_archive, query):
    documents = filterset(q=query)
    expected_ids, expected_total = joined_ids(documents)

    rows = indexed_ranking(documents).rows(0, 25)

    assert [pk for pk, _total in rows] == expected_ids
    assert {total for _pk, total in rows} == ({expected_total} if rows else set())
    assert indexed_ranking(documents).count() == expected_total


@postgresql_only
def test_public_ranking_never_returns_a_hidden_document(mixed_archive):
    visible, hidden = mixed_archive

    rows = indexed_ranking(filterset(q="беженцы OR refugees")).rows(0, 25)

    assert sorted(pk for pk, _total in rows) == sorted(document.pk for document in visible)


@postgresql_only
@pytest.mark.parametrize("values", [{"kind": "agenda"}, {"year": "2019"}, {"language": "en"}])
def test_public_ranking_applies_the_other_filters(mixed_archive, values):
    documents = filterset(q="беженцы OR refugees", **values)
    expected_ids, _total = joined_ids(documents)

    assert [pk for pk, _total in indexed_ranking(documents).rows(0, 25)] == expected_ids


@postgresql_only
@pytest.mark.parametrize("kind", ["staff", "delegate of the attending state", "delegate of another state"])
@pytest.mark.parametrize("values", [{}, {"kind": "agenda"}, {"language": "en"}])
def test_staff_and_delegates_get_from_the_index_exactly_what_the_join_gives(mixed_archive, kind, values):
    visible, hidden = mixed_archive
    attended = hidden[3]  # for the states that attended its meeting
    attending_state = StateFactory()
    ParticipationFactory(meeting=attended.meeting, state=attending_state, attendance=Participation.Attendance.ATTENDED)
    user = {
        "staff": lambda: UserFactory(is_staff=True),
        "delegate of the attending state": lambda: DelegateFactory(state=attending_state).user,
        "delegate of another state": lambda: DelegateFactory().user,
    }[kind]()
    documents = filterset(user, q="беженцы OR refugees", **values)
    expected_ids, expected_total = joined_ids(documents)

    ranking = indexed_ranking(documents)

    assert [pk for pk, _total in ranking.rows(0, 25)] == expected_ids
    assert ranking.count() == expected_total
    if kind == "delegate of the attending state" and not values:
        assert attended.pk in expected_ids
    if kind == "delegate of another state":
        assert attended.pk not in expected_ids


def test_the_list_without_a_query_needs_no_search_index(mixed_archive):
    assert indexed_matches(filterset()) is None


@postgresql_only
def test_a_stale_entry_never_shows_a_hidden_document_on_the_list(client, mixed_archive):
    _visible, hidden = mixed_archive
    draft = hidden[0]
    # As if the document had been unpublished without its entry being refreshed.
    SearchEntry.objects.filter(document=draft).update(publication_status=Publishable.PublicationStatus.PUBLISHED)

    response = client.get(reverse("documents:document_list"), {"q": "черновик"})

    assert response.status_code == 200
    assert list(response.context["documents"]) == []


@postgresql_only
def test_document_list_shows_the_public_ranking_in_order(client, mixed_archive):
    visible, _hidden = mixed_archive

    response = client.get(reverse("documents:document_list"), {"q": "беженцев OR refugees"})

    assert [document.pk for document in response.context["documents"]] == joined_ids(
        filterset(q="беженцев OR refugees")
    )[0]
    assert response.context["paginator"].count == len(visible)


def options(facets):
    return {name: sorted((option.value, option.count) for option in found) for name, found in facets.items()}


@postgresql_only
def test_unfiltered_facets_counted_by_difference_equal_the_direct_count(mixed_archive):
    documents = filterset().qs

    by_difference = options(_shared_counts(documents, FACET_NAMES, None, strategy=DIFFERENCE))

    assert by_difference == options(_shared_counts(documents, FACET_NAMES, None, strategy=DIRECT))
    assert by_difference["state"][0][1] == 3
    assert by_difference["language"] == [("en", 1), ("ru", 2)]


@postgresql_only
@pytest.mark.parametrize("staff", [False, True], ids=["few-matches-counted-directly", "most-counted-by-difference"])
def test_facets_chosen_by_the_number_of_matches_equal_the_direct_count(mixed_archive, staff):
    # Staff see all nine documents (more than half: by difference), the public three (directly).
    documents = filterset(UserFactory(is_staff=True) if staff else None).qs

    either = options(_shared_counts(documents, FACET_NAMES, None, strategy=EITHER))

    assert either == options(_shared_counts(documents, FACET_NAMES, None, strategy=DIRECT))
    assert either["state"][0][1] == (9 if staff else 3)


@postgresql_only
def test_facets_of_a_public_search_equal_those_of_the_join(mixed_archive):
    documents = filterset(q="беженцы OR refugees")

    entries = indexed_matches(documents).values_list("pk", "kind", "date", "meeting_id")

    from_entries = _shared_counts(entries, FACET_NAMES, None, strategy=EITHER)

    assert options(from_entries) == options(_shared_counts(documents.qs, FACET_NAMES, None))


def test_unfiltered_facets_count_only_public_documents(mixed_archive):
    facets = {facet.name: facet for facet in document_facets(filterset(), QueryDict())}

    assert [(option.value, option.count) for option in facets["kind"].options] == [("report", 2), ("agenda", 1)]
    assert [option.count for option in facets["state"].options] == [3]
    assert [option.count for option in facets["organisation"].options] == [3]
    assert [(option.value, option.count) for option in facets["language"].options] == [("ru", 2), ("en", 1)]


@postgresql_only
def test_last_page_and_a_page_past_the_end_of_a_public_search(client, mixed_archive):
    url = reverse("documents:document_list")

    last = client.get(url, {"q": "беженцы OR refugees", "page": "last"})
    past = client.get(url, {"q": "беженцы OR refugees", "page": "2"})

    assert last.status_code == 200
    assert (last.context["page_obj"].number, last.context["paginator"].count) == (1, 3)
    assert past.status_code == 404
