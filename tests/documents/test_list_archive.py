"""The document list: search, facets with exact counts, filters in the address, bad values, query budget."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from lxml import html

from core.models import Publishable
from documents.indexing import index_document
from documents.models import Audience, Document, DocumentFile
from tests.factories import (
    DocumentFactory,
    DocumentFileFactory,
    MeetingFactory,
    OrganisationFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db
DRAFT = Publishable.PublicationStatus.DRAFT


def list_url():
    with translation.override("ru"):
        return reverse("documents:document_list")


def counts(response):
    facets = response.context["facets"]
    return {facet.name: {option.value: option.count for option in facet.options} for facet in facets}


def titles(response):
    return [document.title_ru for document in response.context["documents"]]


@pytest.fixture
def archive():
    kazakhstan = StateFactory(slug="kazakhstan", name_ru="Казахстан", name_en="Kazakhstan")
    iom = OrganisationFactory(slug="iom", name_ru="МОМ", name_en="IOM")
    som = MeetingFactory(slug="som-3", title_ru="Третье совещание", title_en="Third meeting")
    report = DocumentFactory(
        title_ru="Доклад о беженцах", kind=Document.Kind.REPORT, date=datetime.date(2016, 11, 2), meeting=som
    )
    report.states.add(kazakhstan)
    report.organisations.add(iom)
    DocumentFileFactory(document=report, language="ru")
    DocumentFileFactory(document=report, language="en")
    agenda = DocumentFactory(
        title_ru="Повестка дня", kind=Document.Kind.AGENDA, date=datetime.date(2016, 11, 1), meeting=som
    )
    agenda.states.add(kazakhstan)
    DocumentFileFactory(document=agenda, language="ru")
    DocumentFactory(title_ru="Заявление о беженцах", kind=Document.Kind.DECLARATION, date=datetime.date(2013, 6, 5))
    # Neither of these may be listed or counted for the public.
    draft = DocumentFactory(title_ru="Черновик о беженцах", kind=Document.Kind.REPORT, publication_status=DRAFT)
    draft.states.add(kazakhstan)
    DocumentFileFactory(document=draft, language="ru")
    restricted = DocumentFactory(
        title_ru="Закрытый доклад о беженцах", kind=Document.Kind.REPORT, meeting=som, audience=Audience.DELEGATES
    )
    restricted.organisations.add(iom)
    DocumentFileFactory(document=restricted, language="en")


def test_list_shows_visible_documents_newest_first(client, archive):
    response = client.get(list_url())

    assert response.status_code == 200
    assert titles(response) == ["Доклад о беженцах", "Повестка дня", "Заявление о беженцах"]
    assert response.context["paginator"].count == 3


def test_facet_counts_are_exact_and_leave_out_what_the_reader_cannot_see(client, archive):
    response = client.get(list_url())

    assert counts(response) == {
        "kind": {"report": 1, "agenda": 1, "declaration": 1},
        "year": {"2016": 2, "2013": 1},
        "meeting": {"som-3": 2, Document.objects.get(title_ru="Заявление о беженцах").meeting.slug: 1},
        "state": {"kazakhstan": 2},
        "organisation": {"iom": 1},
        "language": {"ru": 2, "en": 1},
    }


def test_staff_see_and_count_drafts_and_restricted_documents(client, editor, archive):
    client.force_login(editor)

    response = client.get(list_url(), {"kind": "report"})

    assert titles(response) == ["Доклад о беженцах", "Закрытый доклад о беженцах", "Черновик о беженцах"]
    assert counts(response)["kind"] == {"report": 3, "agenda": 1, "declaration": 1}


def test_search_and_facets_combine_in_the_address(client, archive):
    response = client.get(list_url(), {"q": "беженцев", "year": "2016"})

    assert titles(response) == ["Доклад о беженцах"]
    # Each facet counts what the other filters leave: the year facet ignores the chosen year.
    assert counts(response)["year"] == {"2016": 1, "2013": 1}
    assert counts(response)["kind"] == {"report": 1}


def test_several_values_of_one_facet_widen_the_choice(client, archive):
    response = client.get(list_url(), {"kind": ["report", "declaration"]})

    assert titles(response) == ["Доклад о беженцах", "Заявление о беженцах"]


def test_state_organisation_and_language_filters(client, archive):
    assert titles(client.get(list_url(), {"state": "kazakhstan"})) == ["Доклад о беженцах", "Повестка дня"]
    assert titles(client.get(list_url(), {"organisation": "iom"})) == ["Доклад о беженцах"]
    assert titles(client.get(list_url(), {"language": "en"})) == ["Доклад о беженцах"]
    assert titles(client.get(list_url(), {"meeting": "som-3", "kind": "agenda"})) == ["Повестка дня"]


def test_facet_links_toggle_a_value_and_return_to_the_first_page(client, archive):
    response = client.get(list_url(), {"kind": "report", "page": "1"})

    kind = next(facet for facet in response.context["facets"] if facet.name == "kind")
    options = {option.value: option for option in kind.options}
    assert options["report"].selected is True
    assert options["report"].url == "?"
    assert options["agenda"].url == "?kind=report&kind=agenda"


def test_result_shows_a_highlighted_snippet(client, archive):
    document = Document.objects.get(title_ru="Повестка дня")
    DocumentFile.objects.filter(document=document).update(extracted_text="Положение трудовых мигрантов")
    index_document(document)

    response = client.get(list_url(), {"q": "мигранты"})

    assert titles(response) == ["Повестка дня"]
    (snippet,) = html.fromstring(response.content).find_class("snippet")
    assert snippet.text_content().strip() == "Положение трудовых мигрантов"
    assert [mark.text for mark in snippet.iter("mark")] == ["мигрантов"]


@pytest.mark.parametrize(
    "params",
    [
        {"year": "abc"},
        {"year": "1812"},
        {"kind": "novel"},
        {"meeting": "no-such-meeting"},
        {"state": "atlantis"},
        {"language": "xx"},
        {"q": "б" * 201},
        {"page": "zero"},
    ],
)
def test_bad_filter_values_get_a_friendly_400(client, archive, params):
    response = client.get(list_url(), params)

    assert response.status_code == 400
    assert "400.html" in [template.name for template in response.templates]


def test_a_draft_meeting_cannot_be_used_as_a_filter(client):
    MeetingFactory(slug="secret-meeting", publication_status=DRAFT)

    assert client.get(list_url(), {"meeting": "secret-meeting"}).status_code == 400


def test_list_page_in_english_labels_facets_in_english(client, archive):
    with translation.override("en"):
        url = reverse("documents:document_list")

    response = client.get(url)

    meeting = next(facet for facet in response.context["facets"] if facet.name == "meeting")
    assert meeting.options[0].label == "Third meeting"


def test_list_page_queries_stay_bounded_with_many_documents(client, django_assert_max_num_queries):
    meetings = [MeetingFactory() for _ in range(5)]
    states = [StateFactory() for _ in range(5)]
    for number in range(120):
        document = DocumentFactory(title_ru=f"Доклад о беженцах {number}", meeting=meetings[number % 5])
        document.states.add(states[number % 5])
        DocumentFileFactory(document=document)

    with django_assert_max_num_queries(12):
        response = client.get(list_url(), {"q": "беженцы", "state": [states[0].slug, states[1].slug]})

    assert response.status_code == 200
    assert response.context["paginator"].count == 48
    assert len(response.context["documents"]) == 25


def test_pages_count_and_slice_the_results(client):
    for number in range(30):
        DocumentFactory(title_ru=f"Документ {number:02}", date=datetime.date(2016, 1, 1))

    second = client.get(list_url(), {"page": "2"})
    last = client.get(list_url(), {"page": "last"})

    assert second.context["paginator"].count == 30
    assert titles(second) == [f"Документ {number:02}" for number in range(25, 30)]
    assert titles(last) == titles(second)
    assert client.get(list_url(), {"page": "3"}).status_code == 404


def test_an_empty_archive_still_shows_its_first_page(client):
    response = client.get(list_url())

    assert response.status_code == 200
    assert response.context["paginator"].count == 0
    assert response.context["documents"] == []


def test_language_facet_and_filter_ignore_files_the_reader_may_not_download(client):
    document = DocumentFactory(title_ru="Доклад")
    DocumentFileFactory(document=document, language="ru")
    DocumentFileFactory(document=document, language="en", audience=Audience.DELEGATES)

    response = client.get(list_url())

    assert counts(response)["language"] == {"ru": 1}
    assert titles(client.get(list_url(), {"language": "en"})) == []
