"""The meeting list: filters in the address, sorting, pagination, and a 400 for malformed values."""

import datetime
import re

import pytest
from django.test import Client
from lxml import html

from meetings.models import Meeting, Participation
from tests.factories import MeetingFactory, ParticipationFactory, ProcessFactory, StateFactory

pytestmark = pytest.mark.django_db


def listed_titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'class="item-title" href="[^"]+">(?:<span lang="\w+">)?([^<]+)', html)


def test_meeting_list_shows_published_meetings_in_both_languages(client):
    MeetingFactory(title_ru="Третья встреча", title_en="Third meeting")

    assert listed_titles(client.get("/ru/meetings/")) == ["Третья встреча"]
    assert listed_titles(client.get("/en/meetings/")) == ["Third meeting"]


def test_meeting_list_hides_drafts_from_the_public_but_not_from_staff(editor_client):
    MeetingFactory(title_en="Published meeting")
    MeetingFactory(title_en="Draft meeting", publication_status=Meeting.PublicationStatus.DRAFT)

    assert listed_titles(Client().get("/en/meetings/")) == ["Published meeting"]
    assert sorted(listed_titles(editor_client.get("/en/meetings/"))) == ["Draft meeting", "Published meeting"]


def test_meeting_list_filters_by_year_kind_process_host_and_attending_state(client):
    process = ProcessFactory(slug="budapest-process")
    kazakhstan = StateFactory(slug="kazakhstan", iso_alpha2="KZ", iso_alpha3="KAZ")
    wanted = MeetingFactory(
        title_en="Wanted",
        start_date=datetime.date(2015, 5, 19),
        kind=Meeting.Kind.WORKING_GROUP,
        process=process,
        host_country=kazakhstan,
    )
    ParticipationFactory(meeting=wanted, state=kazakhstan, attendance=Participation.Attendance.ATTENDED)
    MeetingFactory(title_en="Other year", start_date=datetime.date(2016, 5, 19), process=process)
    MeetingFactory(title_en="Other kind", start_date=datetime.date(2015, 6, 1), process=process)
    absent_at = MeetingFactory(
        title_en="Kazakhstan absent",
        start_date=datetime.date(2015, 7, 1),
        kind=Meeting.Kind.WORKING_GROUP,
        process=process,
        host_country=kazakhstan,
    )
    ParticipationFactory(meeting=absent_at, state=kazakhstan, attendance=Participation.Attendance.DID_NOT_ATTEND)

    response = client.get(
        "/en/meetings/?year=2015&kind=working_group&process=budapest-process&host=kazakhstan&state=kazakhstan"
    )

    assert response.status_code == 200
    assert listed_titles(response) == ["Wanted"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("-date", ["Beta", "Gamma", "Alpha"]),
        ("date", ["Alpha", "Gamma", "Beta"]),
        ("title", ["Alpha", "Beta", "Gamma"]),
    ],
)
def test_meeting_list_sorts_by_date_or_title(client, sort, expected):
    MeetingFactory(title_en="Gamma", start_date=datetime.date(2014, 1, 1))
    MeetingFactory(title_en="Alpha", start_date=datetime.date(2013, 1, 1))
    MeetingFactory(title_en="Beta", start_date=datetime.date(2015, 1, 1))

    assert listed_titles(client.get(f"/en/meetings/?sort={sort}")) == expected


def test_only_my_language_leaves_out_meetings_without_a_title_in_it(client):
    MeetingFactory(title_ru="Только по-русски", title_en="")
    MeetingFactory(title_ru="На обоих", title_en="In both")

    assert sorted(listed_titles(client.get("/en/meetings/"))) == ["In both", "Только по-русски"]
    assert listed_titles(client.get("/en/meetings/?mine=1")) == ["In both"]
    assert sorted(listed_titles(client.get("/ru/meetings/?mine=1"))) == ["На обоих", "Только по-русски"]


def test_a_title_in_the_other_language_is_marked_with_its_language(client):
    MeetingFactory(title_ru="Только по-русски", title_en="", slug="ru-only")

    html = client.get("/en/meetings/").content.decode()

    assert (
        '<a class="item-title" href="/en/meetings/ru-only/"><span lang="ru">Только по-русски</span> '
        '<small class="other-language-note">(in Russian only)</small></a>'
    ) in html


def test_meeting_list_paginates_and_keeps_filters_in_page_links(client):
    for day in range(1, 26):
        MeetingFactory(start_date=datetime.date(2016, 1, day))

    first = client.get("/en/meetings/?year=2016")
    second = client.get("/en/meetings/?year=2016&page=2")

    assert len(listed_titles(first)) == 20
    assert len(listed_titles(second)) == 5
    assert 'href="?year=2016&amp;page=2" rel="next"' in first.content.decode()


@pytest.mark.parametrize(
    "query",
    ["year=abc", "page=zzz", "page=0", "kind=banquet", "process=no-such-process", "sort=colour", "mine=perhaps"],
)
@pytest.mark.parametrize("language", ["ru", "en"])
def test_malformed_filter_values_get_a_friendly_400(client, query, language):
    MeetingFactory()

    response = client.get(f"/{language}/meetings/?{query}")

    assert response.status_code == 400
    assert response.templates[0].name == "400.html"
    page = html.fromstring(response.content)
    assert page.get("lang") == language
    assert page.xpath(f'//main//a[@href="/{language}/meetings/"]')


def test_a_page_past_the_end_is_not_found(client):
    MeetingFactory()

    assert client.get("/en/meetings/?page=7").status_code == 404


def test_filter_form_controls_are_labelled(client):
    html = client.get("/en/meetings/").content.decode()

    for name in ["year", "kind", "process", "host", "state", "mine", "sort"]:
        assert f'<label for="id_{name}">' in html
        assert f'id="id_{name}"' in html


def test_calendar_subscription_link_carries_the_list_filters(client):
    MeetingFactory()

    html = client.get("/en/meetings/?year=2016&page=1").content.decode()

    assert 'href="/en/meetings/calendar.ics?year=2016"' in html


@pytest.mark.parametrize("query", ["", "?year=2016&kind=som&sort=title&mine=1", "?state=state-filter&page=3"])
def test_meeting_list_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries, query):
    process = ProcessFactory()
    host = StateFactory(slug="state-filter")
    meetings = MeetingFactory.create_batch(120, process=process, host_country=host)
    for meeting in meetings:
        ParticipationFactory(meeting=meeting, state=host)

    with django_assert_max_num_queries(10):
        response = client.get(f"/en/meetings/{query}")

    assert response.status_code == 200


def test_calendar_subscription_link_without_filters_is_the_plain_feed_address(client):
    MeetingFactory()

    assert 'href="/en/meetings/calendar.ics">' in client.get("/en/meetings/?sort=title").content.decode()
