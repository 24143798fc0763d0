"""States outside the process: recorded at the meetings they attended, never counted as participating."""

import lxml.html
import pytest

from meetings.models import Participation
from participants.models import State
from tests.factories import MeetingFactory, ParticipationFactory, StateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def geneva_2005():
    """A meeting attended by a participating state and, as an observer, by a state outside the process."""
    meeting = MeetingFactory(slug="cis-final", title_en="Final meeting of the CIS Conference Process")
    kazakhstan = StateFactory(name_en="Kazakhstan", iso_alpha2="KZ", iso_alpha3="KAZ", slug="kazakhstan")
    austria = StateFactory(
        name_en="Austria", iso_alpha2="AT", iso_alpha3="AUT", slug="austria", status=State.Status.NONE,
        year_joined=None,
    )  # fmt: skip
    ParticipationFactory(meeting=meeting, state=kazakhstan)
    ParticipationFactory(meeting=meeting, state=austria, role=Participation.Role.OBSERVER)
    return meeting


def names_under_role(page, role: str) -> list[str]:
    return [link.text_content() for link in page.xpath(f"//section[@aria-labelledby='role-{role}']//ul/li/a")]


def test_a_non_participating_state_that_attended_is_listed_on_the_meeting_page(client, geneva_2005):
    page = lxml.html.fromstring(client.get(f"/en/meetings/{geneva_2005.slug}/").content)

    assert names_under_role(page, "observer") == ["Austria"]
    assert names_under_role(page, "member") == ["Kazakhstan"]


def test_a_non_participating_state_that_attended_is_absent_from_the_state_list_and_its_map(client, geneva_2005):
    page = lxml.html.fromstring(client.get("/en/states/").content)

    listed = [link.text_content() for link in page.xpath("//main//a[contains(@class, 'item-title')]")]
    on_the_map = [link.get("href") for link in page.xpath("//figure/svg//a")]
    assert listed == ["Kazakhstan"]
    assert on_the_map == ["/en/states/kazakhstan/"]
    assert "Austria" not in page.text_content()


def test_a_non_participating_state_that_attended_is_not_counted_as_participating(geneva_2005):
    assert list(State.objects.participating().values_list("slug", flat=True)) == ["kazakhstan"]
