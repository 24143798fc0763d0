"""The region map tells who attended a meeting only on that meeting's page, and only to those who may see it."""

import lxml.html
import pytest

from core.models import Publishable
from tests.factories import MeetingFactory, ParticipationFactory, StateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings():
    kazakhstan = StateFactory(iso_alpha2="KZ", iso_alpha3="KAZ", slug="kazakhstan")
    tajikistan = StateFactory(iso_alpha2="TJ", iso_alpha3="TJK", slug="tajikistan")
    public = MeetingFactory(slug="public-meeting")
    ParticipationFactory(meeting=public, state=kazakhstan)
    draft = MeetingFactory(slug="draft-meeting", publication_status=Publishable.PublicationStatus.DRAFT)
    ParticipationFactory(meeting=draft, state=kazakhstan)
    ParticipationFactory(meeting=draft, state=tajikistan)
    return public, draft


def highlighted(response) -> list[str]:
    page = lxml.html.fromstring(response.content)
    return sorted(
        page.xpath("//figure[contains(@class, 'region-map')]//a[contains(@class, 'map-highlighted')]/@data-iso")
    )


def test_a_draft_meetings_map_is_seen_by_staff_only(client, django_user_model, meetings):
    assert client.get("/en/meetings/draft-meeting/").status_code == 404

    client.force_login(django_user_model.objects.create_user("staff", is_staff=True))
    assert highlighted(client.get("/en/meetings/draft-meeting/")) == ["KZ", "TJ"]


@pytest.mark.parametrize("staff", [False, True])
def test_a_meetings_map_highlights_its_own_attendance_not_that_of_a_draft_meeting(
    client, django_user_model, meetings, staff
):
    if staff:
        client.force_login(django_user_model.objects.create_user("staff", is_staff=True))

    assert highlighted(client.get("/en/meetings/public-meeting/")) == ["KZ"]


def test_the_states_lists_map_highlights_nothing(client, meetings):
    page = lxml.html.fromstring(client.get("/en/states/").content)

    assert page.xpath("//figure//a[contains(@class, 'map-highlighted') or contains(@class, 'map-faded')]") == []
    assert sorted(page.xpath("//figure//a/@data-iso")) == ["KZ", "TJ"]
