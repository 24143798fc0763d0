"""The participation matrix: who attended which meeting, as a table and as a picture."""

import datetime
import re

import pytest
from lxml import html as lxml_html

from meetings.models import Meeting, Participation
from participants.models import State
from tests.factories import MeetingFactory, ParticipationFactory, ProcessFactory, StateFactory

pytestmark = pytest.mark.django_db


def table_rows(html: str) -> list[list[str]]:
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.S).group(1)
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        title = re.search(r'<th scope="row"><a [^>]+>([^<]+)</a>', row).group(1)
        cells = [
            re.sub(r"<[^>]+>", "", cell).replace("—", "").strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)
        ]
        rows.append([title, *cells])
    return rows


@pytest.fixture
def attendance():
    process = ProcessFactory(slug="almaty-process")
    other = ProcessFactory(slug="budapest-process")
    afghanistan = StateFactory(name_en="Afghanistan")
    china = StateFactory(name_en="China", status=State.Status.OBSERVER)
    first = MeetingFactory(title_en="First", process=process, start_date=datetime.date(2013, 6, 1))
    second = MeetingFactory(title_en="Second", process=process, start_date=datetime.date(2016, 11, 16))
    MeetingFactory(title_en="Partner", process=other, start_date=datetime.date(2015, 5, 19))
    MeetingFactory(
        title_en="Planned", process=process, start_date=datetime.date(2027, 6, 15), status=Meeting.Status.PLANNED
    )
    ParticipationFactory(meeting=first, state=afghanistan, attendance=Participation.Attendance.ATTENDED)
    ParticipationFactory(meeting=first, state=china, attendance=Participation.Attendance.DID_NOT_ATTEND)
    ParticipationFactory(meeting=second, state=afghanistan, attendance=Participation.Attendance.DID_NOT_ATTEND)
    return process


def test_matrix_shows_who_attended_and_who_was_absent_at_held_meetings(client, attendance):
    html = client.get("/en/meetings/matrix/").content.decode()

    assert re.findall(r'<th scope="col"><a [^>]+>([^<]+)</a></th>', html) == ["Afghanistan", "China"]
    assert table_rows(html) == [
        ["First", "present", "absent"],
        ["Partner", "not listed", "not listed"],
        ["Second", "absent", "not listed"],
    ]


def test_matrix_filters_by_process_and_period(client, attendance):
    html = client.get("/en/meetings/matrix/?process=almaty-process&year_from=2014&year_to=2020").content.decode()

    assert [row[0] for row in table_rows(html)] == ["Second"]


def test_matrix_table_has_a_caption_and_header_scopes(client, attendance):
    html = client.get("/en/meetings/matrix/").content.decode()

    assert '<caption id="matrix-caption">' in html
    assert html.count('<th scope="row">') == 4  # three meetings and the totals row
    assert "<td>1 / 1</td>" in html  # Afghanistan: present once, absent once


def test_matrix_picture_has_one_cell_per_state_and_meeting_and_a_text_alternative(client, attendance):
    html = client.get("/en/meetings/matrix/").content.decode()

    svg = re.search(r'<svg class="heatmap".*?</svg>', html, re.S).group(0)
    assert 'role="img" aria-labelledby="heatmap-title heatmap-desc"' in svg
    assert len(re.findall(r'<rect x="[\d.]+" y="[\d.]+"', svg)) == 6
    assert len(re.findall(r'<rect x="[\d.]+" y="[\d.]+" [^>]*class="cell-absent"/>', svg)) == 2


def test_matrix_picture_coordinates_stay_numbers_on_russian_pages(client, attendance):
    html = client.get("/ru/meetings/matrix/").content.decode()

    svg = re.search(r'<svg class="heatmap".*?</svg>', html, re.S).group(0)
    assert re.findall(r'(?:x|y|width|height)="[\d.]*,', svg) == []


@pytest.mark.parametrize(
    "query", ["year_from=soon", "process=unknown", "year_to=99999", "page=0", "page=two", "page=²"]
)
def test_matrix_answers_malformed_filters_with_400(client, query):
    assert client.get(f"/ru/meetings/matrix/?{query}").status_code == 400


def test_matrix_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    process = ProcessFactory()
    states = StateFactory.create_batch(12)
    meetings = MeetingFactory.create_batch(110, process=process)
    Participation.objects.bulk_create(
        [
            Participation(
                meeting=meeting,
                state=state,
                attendance=Participation.Attendance.ATTENDED
                if (index + column) % 4
                else Participation.Attendance.DID_NOT_ATTEND,
            )
            for index, meeting in enumerate(meetings)
            for column, state in enumerate(states)
        ]
    )

    with django_assert_max_num_queries(8):
        response = client.get("/en/meetings/matrix/")

    assert response.status_code == 200
    # One period: the latest forty meetings; the links lead to the earlier ones.
    assert len(table_rows(response.content.decode())) == 40


def test_matrix_says_when_a_held_meeting_has_not_recorded_who_came(client, attendance):
    second = Meeting.objects.get(title_en="Second")
    ParticipationFactory(
        meeting=second, state=State.objects.get(name_en="China"), attendance=Participation.Attendance.CONFIRMED
    )

    rows = table_rows(client.get("/en/meetings/matrix/").content.decode())

    assert rows[-1] == ["Second", "absent", "not recorded"]


def many_meetings(count: int, first_year: int = 1990) -> list:
    process = ProcessFactory(slug="almaty-process")
    state = StateFactory(name_en="Afghanistan")
    meetings = [
        MeetingFactory(
            title_en=f"Meeting {number:03d}",
            process=process,
            start_date=datetime.date(first_year + number // 4, 1 + number % 4 * 3, 1),
        )
        for number in range(count)
    ]
    Participation.objects.bulk_create(
        [
            Participation(meeting=meeting, state=state, attendance=Participation.Attendance.ATTENDED)
            for meeting in meetings
        ]
    )
    return meetings


def period_links(html: str) -> dict:
    page = lxml_html.fromstring(html)
    return {link.get("rel"): link.get("href") for link in page.xpath('//nav[contains(@class, "matrix-periods")]//a')}


def test_matrix_shows_the_latest_period_and_links_to_the_earlier_one(client):
    many_meetings(100)

    html = client.get("/en/meetings/matrix/?process=almaty-process").content.decode()

    titles = [row[0] for row in table_rows(html)]
    assert titles == [f"Meeting {number:03d}" for number in range(60, 100)]
    links = period_links(html)
    assert "next" not in links
    earlier = client.get("/en/meetings/matrix/" + links["prev"]).content.decode()
    assert "process=almaty-process" in links["prev"]
    assert [row[0] for row in table_rows(earlier)] == [f"Meeting {number:03d}" for number in range(20, 60)]
    first = client.get("/en/meetings/matrix/" + period_links(earlier)["prev"]).content.decode()
    assert [row[0] for row in table_rows(first)] == [f"Meeting {number:03d}" for number in range(20)]
    assert "prev" not in period_links(first) and "next" in period_links(first)


def test_matrix_totals_count_every_period(client):
    many_meetings(100)

    html = client.get("/en/meetings/matrix/").content.decode()

    footer = lxml_html.fromstring(html).xpath("//tfoot//td")
    assert [cell.text_content() for cell in footer] == ["100 / 0"]


def test_matrix_page_past_the_last_period_is_not_found(client):
    many_meetings(10)

    assert client.get("/en/meetings/matrix/?page=2").status_code == 404


def test_matrix_size_does_not_grow_with_the_archive(client, django_assert_max_num_queries):
    many_meetings(40)
    with django_assert_max_num_queries(8):
        small = len(client.get("/en/meetings/matrix/").content)
    many_meetings_more = 400
    process = ProcessFactory()
    MeetingFactory.create_batch(many_meetings_more, process=process, start_date=datetime.date(1980, 1, 1))

    with django_assert_max_num_queries(8):
        response = client.get("/en/meetings/matrix/")

    assert len(table_rows(response.content.decode())) == 40
    assert len(response.content) < small * 1.1
