"""The summary of active filters on every filtered list: one link a filter value, removing exactly that value."""

from urllib.parse import parse_qsl, urlsplit

import pytest
from lxml import html

from documents.models import Document
from meetings.models import Meeting
from tests.factories import DocumentFactory, MeetingFactory, ProcessFactory, StateFactory

pytestmark = pytest.mark.django_db


def summary(client, path) -> dict[str, tuple[str, list]]:
    """Each removal link's text (without the hidden "Remove filter:") and the parameters of its address."""
    response = client.get(path)
    assert response.status_code == 200
    links = html.fromstring(response.content).xpath("//div[@class='active-filters']//a[@class='active-filter']")
    shown = {}
    for link in links:
        for hidden in link.xpath(".//span[@class='visually-hidden']"):
            hidden.drop_tree()
        address = urlsplit(link.get("href"))
        shown[link.text_content()] = (address.path, sorted(parse_qsl(address.query)))
    return shown


def test_each_meeting_filter_has_a_link_that_removes_only_it_and_the_page_number(client):
    StateFactory(slug="kazakhstan", name_en="Kazakhstan")
    MeetingFactory(title_en="Senior officials meeting", kind=Meeting.Kind.SENIOR_OFFICIALS)

    shown = summary(client, "/en/meetings/?q=officials&kind=som&host=kazakhstan&sort=title&page=1")

    assert shown == {
        "Words in the title or place: “officials”": (
            "/en/meetings/",
            [("host", "kazakhstan"), ("kind", "som"), ("sort", "title")],
        ),
        "Kind: senior officials meeting": (
            "/en/meetings/",
            [("host", "kazakhstan"), ("q", "officials"), ("sort", "title")],
        ),
        "Host country: Kazakhstan": ("/en/meetings/", [("kind", "som"), ("q", "officials"), ("sort", "title")]),
    }


def test_a_list_without_filters_has_no_summary_and_the_order_is_not_a_filter(client):
    MeetingFactory()

    assert summary(client, "/en/meetings/") == {}
    assert summary(client, "/en/meetings/?sort=title") == {}


def test_removing_one_of_several_values_of_a_document_facet_keeps_the_others(client):
    kazakhstan = StateFactory(slug="kazakhstan", name_ru="Казахстан")
    kyrgyzstan = StateFactory(slug="kyrgyzstan", name_ru="Кыргызстан")
    document = DocumentFactory(kind=Document.Kind.REPORT)
    document.states.add(kazakhstan, kyrgyzstan)

    shown = summary(client, "/ru/documents/?state=kazakhstan&state=kyrgyzstan&year=2016&q=беженцах")

    assert shown["Государство: Казахстан"] == (
        "/ru/documents/",
        [("q", "беженцах"), ("state", "kyrgyzstan"), ("year", "2016")],
    )
    assert shown["Государство: Кыргызстан"] == (
        "/ru/documents/",
        [("q", "беженцах"), ("state", "kazakhstan"), ("year", "2016")],
    )
    assert shown["Год: 2016"] == (
        "/ru/documents/",
        [("q", "беженцах"), ("state", "kazakhstan"), ("state", "kyrgyzstan")],
    )
    assert len(shown) == 4


def test_a_switch_is_summarised_by_its_label_and_the_last_filter_leads_back_to_the_whole_list(client):
    shown = summary(client, "/en/news/?mine=1")

    assert shown == {"Only news in my language": ("/en/news/", [])}


def test_the_matrix_and_the_action_plan_summarise_their_filters_too(client):
    ProcessFactory(slug="almaty-process", name_en="Almaty Process")

    assert summary(client, "/en/meetings/matrix/?process=almaty-process&year_from=2010") == {
        "Process: Almaty Process": ("/en/meetings/matrix/", [("year_from", "2010")]),
        "From year: 2010": ("/en/meetings/matrix/", [("process", "almaty-process")]),
    }
    assert summary(client, "/en/action-plan/?year=2020") == {"Under way in the year: 2020": ("/en/action-plan/", [])}
