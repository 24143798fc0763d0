"""The states list with its map, and a state's page."""

import datetime
import re

import pytest

from documents.models import Audience
from meetings.models import Meeting, Participation
from participants.models import State
from tests.factories import (
    DocumentFactory,
    FocalPointFactory,
    MeetingFactory,
    ParticipationFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


def group_names(html: str, status: str) -> list[str]:
    block = re.search(rf'<h2 id="status-{status}">.*?</section>', html, re.S).group(0)
    return re.findall(r'class="item-title" href="[^"]+">([^<]+)</a>', block)


def test_state_list_groups_members_and_observers_and_leaves_out_others(client):
    StateFactory(name_en="Kazakhstan", iso_alpha2="KZ", iso_alpha3="KAZ")
    StateFactory(name_en="Afghanistan", iso_alpha2="AF", iso_alpha3="AFG")
    StateFactory(name_en="China", iso_alpha2="CN", iso_alpha3="CHN", status=State.Status.OBSERVER)
    StateFactory(name_en="Bulgaria", iso_alpha2="BG", iso_alpha3="BGR", status=State.Status.NONE, year_joined=None)

    html = client.get("/en/states/").content.decode()

    assert group_names(html, "member") == ["Afghanistan", "Kazakhstan"]
    assert group_names(html, "observer") == ["China"]
    assert "Bulgaria" not in html


def test_state_page_shows_status_year_and_only_public_focal_points(client):
    state = StateFactory(slug="kazakhstan", name_en="Kazakhstan", year_joined=2013)
    FocalPointFactory(state=state, name_en="Public Person", is_public=True)
    FocalPointFactory(state=state, name_en="Private Person", is_public=False)

    html = client.get("/en/states/kazakhstan/").content.decode()

    assert "<dd>Member state</dd>" in html
    assert "<dd>2013</dd>" in html
    assert "Public Person" in html
    assert "Private Person" not in html


def test_state_page_timeline_marks_present_and_absent_and_hides_draft_meetings(client):
    state = StateFactory(slug="kazakhstan")
    ParticipationFactory(state=state, meeting=MeetingFactory(title_en="Attended", start_date=datetime.date(2016, 1, 1)))
    ParticipationFactory(
        state=state,
        meeting=MeetingFactory(title_en="Missed", start_date=datetime.date(2015, 1, 1)),
        attendance=Participation.Attendance.DID_NOT_ATTEND,
    )
    ParticipationFactory(
        state=state,
        meeting=MeetingFactory(title_en="Secret draft", publication_status=Meeting.PublicationStatus.DRAFT),
    )

    html = client.get("/en/states/kazakhstan/").content.decode()

    entries = re.findall(r'<li class="timeline-(\w+)">.*?<a href="[^"]+">([^<]+)</a>', html, re.S)
    assert entries == [("present", "Attended"), ("absent", "Missed")]


def test_state_page_lists_only_visible_related_documents(client):
    state = StateFactory(slug="kazakhstan")
    DocumentFactory(title_en="Public report").states.add(state)
    DocumentFactory(title_en="Delegates' note", audience=Audience.DELEGATES).states.add(state)

    html = client.get("/en/states/kazakhstan/").content.decode()

    assert "Public report" in html
    assert "Delegates&#x27; note" not in html and "Delegates' note" not in html


@pytest.mark.parametrize("language", ["ru", "en"])
def test_unknown_state_is_not_found(client, language):
    assert client.get(f"/{language}/states/atlantis/").status_code == 404


def test_state_list_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    StateFactory.create_batch(120)

    with django_assert_max_num_queries(4):
        assert client.get("/en/states/").status_code == 200


def test_state_page_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    state = StateFactory(slug="busy")
    FocalPointFactory.create_batch(3, state=state)
    meetings = MeetingFactory.create_batch(120)
    Participation.objects.bulk_create(
        [
            Participation(meeting=meeting, state=state, attendance=Participation.Attendance.ATTENDED)
            for meeting in meetings
        ]
    )
    for document in DocumentFactory.create_batch(110, meeting=meetings[0]):
        document.states.add(state)

    with django_assert_max_num_queries(10):
        response = client.get("/en/states/busy/")

    assert response.status_code == 200
    # The latest ten; the meeting list, filtered by the state, has them all.
    assert response.content.decode().count('class="timeline-present"') == 10
