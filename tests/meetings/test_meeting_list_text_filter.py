"""The meeting list's text filter (q) and its orders, declared once in meetings.filters.MeetingSort."""

import datetime

import pytest
from lxml import html

from meetings.filters import MeetingSort
from tests.factories import MeetingFactory, StateFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    assert response.status_code == 200
    return [link.text_content() for link in html.fromstring(response.content).xpath("//a[@class='item-title']")]


def test_the_text_filter_finds_words_of_the_title_in_either_language(client):
    MeetingFactory(title_ru="Семинар по незаконному ввозу мигрантов", title_en="Workshop on smuggling of migrants")
    MeetingFactory(title_ru="Встреча высших должностных лиц", title_en="Senior officials meeting")

    assert titles(client.get("/en/meetings/?q=smuggling")) == ["Workshop on smuggling of migrants"]
    assert titles(client.get("/en/meetings/?q=незаконному")) == ["Workshop on smuggling of migrants"]
    assert titles(client.get("/ru/meetings/?q=Officials")) == ["Встреча высших должностных лиц"]


def test_the_text_filter_finds_the_city_and_host_country_and_wants_every_word(client):
    kazakhstan = StateFactory(name_ru="Казахстан", name_en="Kazakhstan")
    MeetingFactory(title_en="In Almaty", city_en="Almaty", city_ru="Алматы", host_country=kazakhstan)
    MeetingFactory(title_en="In Astana", city_en="Astana", city_ru="Астана", host_country=kazakhstan)

    assert titles(client.get("/en/meetings/?q=almaty")) == ["In Almaty"]
    assert sorted(titles(client.get("/en/meetings/?q=Казахстан"))) == ["In Almaty", "In Astana"]
    assert titles(client.get("/en/meetings/?q=kazakhstan+astana")) == ["In Astana"]
    assert titles(client.get("/en/meetings/?q=kazakhstan+geneva")) == []


def test_a_text_filter_longer_than_200_characters_is_refused_with_a_400_naming_it(client):
    response = client.get("/en/meetings/?q=" + "a" * 201)

    assert response.status_code == 400
    assert "Words in the title or place" in response.content.decode()


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("", ["Gamma", "Beta", "Alpha"]),
        (MeetingSort.NEWEST, ["Gamma", "Beta", "Alpha"]),
        (MeetingSort.OLDEST, ["Alpha", "Beta", "Gamma"]),
        (MeetingSort.TITLE, ["Alpha", "Beta", "Gamma"]),
    ],
)
def test_a_text_filter_keeps_the_order_chosen(client, sort, expected):
    for year, title in [(2013, "Alpha"), (2015, "Beta"), (2017, "Gamma")]:
        MeetingFactory(title_en=f"{title} migration meeting", start_date=datetime.date(year, 1, 1))
    MeetingFactory(title_en="Unrelated", start_date=datetime.date(2016, 1, 1))

    listed = titles(client.get("/en/meetings/", {"q": "migration", "sort": sort}))

    assert [title.split()[0] for title in listed] == expected


def test_the_order_menu_offers_each_declared_order_once(client):
    page = html.fromstring(client.get("/ru/meetings/").content)

    options = page.xpath("//select[@name='sort']/option")
    assert [option.get("value") for option in options] == [value for value, _label in MeetingSort.choices]
    assert [option.text for option in options] == ["Сначала новые", "Сначала старые", "По названию (А–Я)"]


def test_a_filtered_and_sorted_meeting_list_runs_the_same_few_queries_for_60_meetings(
    client, django_assert_max_num_queries
):
    hosts = StateFactory.create_batch(5)
    for number in range(60):
        MeetingFactory(title_en=f"Regional meeting {number}", host_country=hosts[number % 5])

    with django_assert_max_num_queries(8):
        listed = titles(client.get("/en/meetings/?q=regional+meeting&sort=title&page=2"))

    assert len(listed) == 20
