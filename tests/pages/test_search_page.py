"""The site-wide search page: documents first, then meetings, states, organisations and news."""

import pytest
from django.urls import reverse
from django.utils import translation

from core.models import Publishable
from pages.search import SECTIONS
from tests.factories import (
    DocumentFactory,
    MeetingFactory,
    NewsItemFactory,
    OrganisationFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db
DRAFT = Publishable.PublicationStatus.DRAFT


def groups_of(response) -> dict:
    return {group.kind: group for group in [response.context["documents"], *response.context["groups"]]}


def search_url(language="ru"):
    with translation.override(language):
        return reverse("search:search")


def test_search_page_address_is_under_the_language_prefix():
    assert search_url() == "/ru/search/"
    assert search_url("en") == "/en/search/"


def test_empty_search_page_shows_only_the_box(client):
    response = client.get(search_url())

    assert response.status_code == 200
    assert "documents" not in response.context


def test_search_page_finds_documents_and_other_content_in_any_word_form(client):
    DocumentFactory(title_ru="Доклад о беженцах", title_en="")
    MeetingFactory(title_ru="Совещание по защите беженцев", title_en="Meeting on refugee protection")
    StateFactory(name_ru="Казахстан", name_en="Kazakhstan", profile_ru="Принимает беженцев.")
    OrganisationFactory(name_ru="Управление по делам беженцев", name_en="Refugee Agency")
    NewsItemFactory(title_ru="Новость о беженцах", title_en="")
    NewsItemFactory(title_ru="Черновик о беженцах", publication_status=DRAFT)
    MeetingFactory(title_ru="Скрытое совещание о беженцах", publication_status=DRAFT)

    response = client.get(search_url(), {"q": "беженцы"})

    groups = groups_of(response)
    assert [document.title_ru for document in groups["documents"].hits] == ["Доклад о беженцах"]
    assert groups["documents"].count == 1
    assert [meeting.title_ru for meeting in groups["meetings"].hits] == ["Совещание по защите беженцев"]
    assert [state.name_ru for state in groups["states"].hits] == ["Казахстан"]
    assert [organisation.name_ru for organisation in groups["organisations"].hits] == ["Управление по делам беженцев"]
    assert [item.title_ru for item in groups["news"].hits] == ["Новость о беженцах"]
    assert groups["news"].count == 1
    assert "Черновик" not in response.content.decode()
    assert "Скрытое" not in response.content.decode()


def test_english_query_finds_english_titles(client):
    MeetingFactory(title_ru="Совещание", title_en="Workshop on labour migration")

    response = client.get(search_url("en"), {"q": "migrants OR migration"})

    assert [meeting.title_en for meeting in groups_of(response)["meetings"].hits] == ["Workshop on labour migration"]


def test_search_page_links_to_the_archive_with_the_query(client):
    DocumentFactory(title_ru="Доклад о беженцах")

    response = client.get(search_url(), {"q": "беженцы"})

    assert groups_of(response)["documents"].all_url == "/ru/documents/?q=%D0%B1%D0%B5%D0%B6%D0%B5%D0%BD%D1%86%D1%8B"


def test_too_long_query_gets_a_400(client):
    assert client.get(search_url(), {"q": "x" * 201}).status_code == 400


def test_search_page_queries_stay_bounded_with_many_matches(client, django_assert_max_num_queries):
    for number in range(110):
        DocumentFactory(title_ru=f"Доклад о беженцах {number}")

    # The documents' queries, then two a section (ids with the count, then the hits).
    with django_assert_max_num_queries(4 + 2 * len(SECTIONS)):
        response = client.get(search_url(), {"q": "беженцев"})

    groups = groups_of(response)
    assert groups["documents"].count == 110
    assert len(groups["documents"].hits) == 10
    # Each document's factory made a meeting titled "Совещание N", which does not match.
    assert groups["meetings"].hits == []


@pytest.mark.parametrize("query", ['"', "-", ":*&|!(", "a OR", "OR b", "б" * 200])
def test_odd_queries_answer_without_error(client, query):
    DocumentFactory(title_ru="Доклад о беженцах")

    assert client.get(search_url(), {"q": query}).status_code == 200
    assert client.get("/ru/documents/", {"q": query}).status_code == 200


def test_a_nul_character_in_the_query_gets_a_400(client):
    assert client.get(search_url(), {"q": "беженцы\x00"}).status_code == 400
    assert client.get("/ru/documents/", {"q": "беженцы\x00"}).status_code == 400
