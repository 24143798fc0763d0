"""The meeting page's map: the states that attended the meeting are highlighted, with a legend saying so."""

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Participation
from participants.models import State
from participants.region_map import map_data
from tests.factories import MeetingFactory, ParticipationFactory, StateFactory

pytestmark = pytest.mark.django_db

Attendance = Participation.Attendance


@pytest.fixture
def som():
    """A held meeting: two members attended, one did not, one was only invited; a state outside the process came."""
    meeting = MeetingFactory(slug="som")
    states = {
        code: StateFactory(iso_alpha2=code, iso_alpha3=f"{code}X", slug=slug, name_ru=ru, name_en=en, status=status)
        for code, slug, ru, en, status in [
            ("KZ", "kazakhstan", "Казахстан", "Kazakhstan", State.Status.MEMBER),
            ("AF", "afghanistan", "Афганистан", "Afghanistan", State.Status.MEMBER),
            ("TJ", "tajikistan", "Таджикистан", "Tajikistan", State.Status.MEMBER),
            ("CN", "china", "Китай", "China", State.Status.OBSERVER),
            ("RU", "russia", "Россия", "Russia", State.Status.NONE),
        ]
    }
    for code, attendance in [
        ("KZ", Attendance.ATTENDED),
        ("AF", Attendance.ATTENDED),
        ("TJ", Attendance.DID_NOT_ATTEND),
        ("CN", Attendance.INVITED),
        ("RU", Attendance.ATTENDED),
    ]:
        ParticipationFactory(meeting=meeting, state=states[code], attendance=attendance)
    return meeting


def the_map(client, language, slug="som"):
    page = lxml.html.fromstring(client.get(f"/{language}/meetings/{slug}/").content)
    return page.xpath("//section[@aria-labelledby='participants-heading']//figure[contains(@class, 'region-map')]")


def marked(figure, css_class) -> dict:
    return {
        link.get("data-iso"): link.get("href")
        for link in figure.xpath(f".//svg//a[contains(concat(' ', @class, ' '), ' {css_class} ')]")
    }


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_highlighted_states_are_the_states_that_attended_the_meeting(client, som, language):
    [figure] = the_map(client, language)

    assert marked(figure, "map-highlighted") == {
        "KZ": f"/{language}/states/kazakhstan/",
        "AF": f"/{language}/states/afghanistan/",
        "RU": f"/{language}/states/russia/",
    }
    assert marked(figure, "map-faded") == {"TJ": f"/{language}/states/tajikistan/", "CN": f"/{language}/states/china/"}


def test_a_state_outside_the_process_that_attended_is_linked_and_dotted_not_shown_as_a_member(client, som):
    [figure] = the_map(client, "en")

    [russia] = figure.xpath(".//svg//a[@data-iso='RU']")
    assert russia.get("class") == "map-state map-other map-highlighted"
    assert russia.find("path").get("fill") == "url(#map-dots)"
    assert russia.find("title").text == "Russia — not participating — took part in this meeting"


@pytest.mark.parametrize(
    ("language", "legend", "title"),
    [
        (
            "ru",
            [
                "участники встречи (толстый контур): 3 государства",
                "не участвовали во встрече (бледный цвет)",
                "государство-член (сплошная заливка)",
                "государство-наблюдатель (штриховка, пунктирный контур)",
                "другое государство (точки, точечный контур)",
                "соседнее государство (серый цвет, без ссылки)",
            ],
            "Карта региона: государства — участники встречи",
        ),
        (
            "en",
            [
                "took part in this meeting (thick outline): 3 states",
                "did not take part (faded)",
                "member state (solid)",
                "observer state (hatched, dashed outline)",
                "other state (dotted, dotted outline)",
                "neighbouring state (grey, no link)",
            ],
            "Map of the region: the states that took part in this meeting",
        ),
    ],
)
def test_the_legend_and_the_title_say_that_the_map_shows_who_took_part(client, som, language, legend, title):
    [figure] = the_map(client, language)

    assert [" ".join(item.text_content().split()) for item in figure.xpath(".//figcaption//li")] == legend
    assert figure.xpath(".//svg/title")[0].text == title


def test_one_state_that_took_part_is_counted_in_the_singular(client):
    meeting = MeetingFactory(slug="small")
    ParticipationFactory(meeting=meeting, state=StateFactory(iso_alpha2="KZ", iso_alpha3="KAZ"))
    ParticipationFactory(meeting=meeting, state=StateFactory(iso_alpha2="TJ", iso_alpha3="TJK"), attendance="invited")

    [figure] = the_map(client, "ru", slug="small")

    assert figure.xpath(".//figcaption//li")[0].text_content().strip() == (
        "участники встречи (толстый контур): 1 государство"
    )


def test_a_meeting_where_no_state_is_recorded_as_present_has_no_map(client):
    meeting = MeetingFactory(slug="next")
    ParticipationFactory(meeting=meeting, state=StateFactory(iso_alpha2="KZ", iso_alpha3="KAZ"), attendance="invited")

    assert the_map(client, "en", slug="next") == []


def queries_for(client, path) -> int:
    client.get(path)  # the first request warms the caches of the site's settings and menus
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_the_meeting_map_costs_the_same_queries_for_two_states_or_sixty(client):
    small = MeetingFactory(slug="small")
    for code in ("KZ", "KG"):
        ParticipationFactory(meeting=small, state=StateFactory(iso_alpha2=code, iso_alpha3=f"{code}X"))
    big = MeetingFactory(slug="big")
    codes = [shape["iso"] for shape in map_data()["shapes"] if shape["iso"]]
    for index, code in enumerate(codes):
        attendance = Attendance.ATTENDED if index % 2 else Attendance.DID_NOT_ATTEND
        ParticipationFactory(
            meeting=big, state=StateFactory(iso_alpha2=code, iso_alpha3=f"{code}X"), attendance=attendance
        )
    for letter in "ABCDEFGHIJKLMNOPQRST":  # states the map does not know: listed under it
        ParticipationFactory(meeting=big, state=StateFactory(iso_alpha2=f"X{letter}", iso_alpha3=f"XX{letter}"))

    assert queries_for(client, "/en/meetings/big/") == queries_for(client, "/en/meetings/small/")

    figure = lxml.html.fromstring(client.get("/en/meetings/big/").content).xpath("//figure[@class]")[0]
    assert len(marked(figure, "map-highlighted")) == len(codes) // 2
    assert len(marked(figure, "map-faded")) == len(codes) - len(codes) // 2
    assert len(figure.xpath(".//p[@class='map-off-map']/a")) == 20
    took_part = f"took part in this meeting (thick outline): {len(codes) // 2 + 20} states"
    assert figure.xpath(".//figcaption//li")[0].text_content().strip() == took_part
