import datetime

import pytest
from django.utils import timezone, translation
from icalendar import Calendar

from core.models import Publishable
from meetings.models import Meeting, Participation
from tests.factories import MeetingFactory, ParticipationFactory, ProcessFactory, StateFactory

pytestmark = pytest.mark.django_db

DRAFT = Publishable.PublicationStatus.DRAFT


def in_russian(message):
    with translation.override("ru"):
        return translation.gettext(message)


def events(response):
    return {str(event["uid"]): event for event in Calendar.from_ical(response.content).walk("VEVENT")}


def only_event(response):
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    return event


def test_feed_answers_text_calendar(client):
    MeetingFactory()

    response = client.get("/ru/meetings/calendar.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"


def test_feed_is_named_in_the_language_of_its_url(client):
    russian = Calendar.from_ical(client.get("/ru/meetings/calendar.ics").content)
    english = Calendar.from_ical(client.get("/en/meetings/calendar.ics").content)

    assert str(russian["X-WR-CALNAME"]) == in_russian("Almaty Process meetings")
    assert str(english["X-WR-CALNAME"]) == "Almaty Process meetings"


def test_feed_event_summary_is_in_the_language_of_the_url(client):
    MeetingFactory(title_ru="Третье совещание", title_en="Third meeting")

    assert str(only_event(client.get("/ru/meetings/calendar.ics"))["SUMMARY"]) == "Третье совещание"
    assert str(only_event(client.get("/en/meetings/calendar.ics"))["SUMMARY"]) == "Third meeting"


def test_feed_event_summary_falls_back_to_the_other_language(client):
    MeetingFactory(title_ru="Только по-русски", title_en="")

    assert str(only_event(client.get("/en/meetings/calendar.ics"))["SUMMARY"]) == "Только по-русски"


def test_multi_day_meeting_ends_the_day_after_its_last_day(client):
    MeetingFactory(start_date=datetime.date(2016, 11, 1), end_date=datetime.date(2016, 11, 2))

    event = only_event(client.get("/ru/meetings/calendar.ics"))

    assert event.decoded("DTSTART") == datetime.date(2016, 11, 1)
    assert event.decoded("DTEND") == datetime.date(2016, 11, 3)
    assert "DTSTART;VALUE=DATE:20161101" in event.to_ical().decode()
    assert "DTEND;VALUE=DATE:20161103" in event.to_ical().decode()


def test_one_day_meeting_is_one_all_day_event(client):
    MeetingFactory(start_date=datetime.date(2019, 6, 13), end_date=datetime.date(2019, 6, 13))

    event = only_event(client.get("/ru/meetings/calendar.ics"))

    assert event.decoded("DTSTART") == datetime.date(2019, 6, 13)
    assert event.decoded("DTEND") == datetime.date(2019, 6, 14)


def test_event_carries_city_and_host_country_in_the_language(client):
    host = StateFactory(name_ru="Казахстан", name_en="Kazakhstan")
    MeetingFactory(city_ru="Алматы", city_en="Almaty", host_country=host)

    assert str(only_event(client.get("/ru/meetings/calendar.ics"))["LOCATION"]) == "Алматы, Казахстан"
    assert str(only_event(client.get("/en/meetings/calendar.ics"))["LOCATION"]) == "Almaty, Kazakhstan"


def test_event_without_host_country_has_the_city_only(client):
    MeetingFactory(city_en="Almaty", host_country=None)

    assert str(only_event(client.get("/en/meetings/calendar.ics"))["LOCATION"]) == "Almaty"


def test_event_links_back_to_its_page_in_the_language(client):
    MeetingFactory(slug="som-3", summary_en="Migration and refugees.")

    event = only_event(client.get("/en/meetings/calendar.ics"))

    assert str(event["URL"]) == "http://testserver/en/meetings/som-3/"
    assert str(event["DESCRIPTION"]) == "Migration and refugees.\n\nhttp://testserver/en/meetings/som-3/"


def test_event_uid_is_stable_across_languages(client):
    meeting = MeetingFactory()

    russian = only_event(client.get("/ru/meetings/calendar.ics"))
    english = only_event(client.get("/en/meetings/calendar.ics"))

    assert str(russian["UID"]) == f"meeting-{meeting.pk}@testserver"
    assert str(english["UID"]) == str(russian["UID"])


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (Meeting.Status.PLANNED, "TENTATIVE"),
        (Meeting.Status.HELD, "CONFIRMED"),
        (Meeting.Status.POSTPONED, "TENTATIVE"),
        (Meeting.Status.CANCELLED, "CANCELLED"),
    ],
)
def test_event_status_follows_the_meeting_status(client, status, expected):
    MeetingFactory(status=status)

    assert str(only_event(client.get("/ru/meetings/calendar.ics"))["STATUS"]) == expected


def test_event_has_a_utc_timestamp(client):
    MeetingFactory()

    stamp = only_event(client.get("/ru/meetings/calendar.ics")).decoded("DTSTAMP")

    assert stamp.utcoffset() == datetime.timedelta(0)
    assert abs(timezone.now() - stamp) < datetime.timedelta(minutes=1)


def test_feed_leaves_out_drafts_and_meetings_scheduled_for_later(client):
    published = MeetingFactory()
    MeetingFactory(publication_status=DRAFT)
    MeetingFactory(publish_at=timezone.now() + datetime.timedelta(days=1))

    assert list(events(client.get("/ru/meetings/calendar.ics"))) == [f"meeting-{published.pk}@testserver"]


def test_feed_shows_staff_only_what_the_public_sees(editor_client):
    published = MeetingFactory()
    MeetingFactory(publication_status=DRAFT)

    assert list(events(editor_client.get("/ru/meetings/calendar.ics"))) == [f"meeting-{published.pk}@testserver"]


def test_meeting_file_holds_that_meeting_only(client):
    meeting = MeetingFactory(slug="som-3", title_en="Third meeting")
    MeetingFactory()

    response = client.get("/en/meetings/som-3/calendar.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="som-3.ics"'
    assert list(events(response)) == [f"meeting-{meeting.pk}@testserver"]
    assert str(Calendar.from_ical(response.content)["X-WR-CALNAME"]) == "Third meeting"


def test_meeting_file_of_a_draft_is_not_found_for_the_public(client):
    MeetingFactory(slug="draft", publication_status=DRAFT)

    assert client.get("/ru/meetings/draft/calendar.ics").status_code == 404


def test_meeting_file_of_a_draft_is_there_for_staff_previewing_it(editor_client):
    MeetingFactory(slug="draft", publication_status=DRAFT)

    assert editor_client.get("/ru/meetings/draft/calendar.ics").status_code == 200


def test_meeting_file_of_an_unknown_meeting_is_not_found(client):
    assert client.get("/ru/meetings/no-such-meeting/calendar.ics").status_code == 404


def test_feed_keeps_the_meeting_list_filters(client):
    process = ProcessFactory(slug="almaty-process")
    wanted = MeetingFactory(process=process, start_date=datetime.date(2016, 11, 1), kind=Meeting.Kind.SENIOR_OFFICIALS)
    MeetingFactory(process=process, start_date=datetime.date(2017, 11, 1), kind=Meeting.Kind.SENIOR_OFFICIALS)
    MeetingFactory(process=process, start_date=datetime.date(2016, 5, 1), kind=Meeting.Kind.WORKSHOP)
    MeetingFactory(start_date=datetime.date(2016, 11, 1), kind=Meeting.Kind.SENIOR_OFFICIALS)

    response = client.get("/en/meetings/calendar.ics?year=2016&kind=som&process=almaty-process&sort=title&page=2")

    assert list(events(response)) == [f"meeting-{wanted.pk}@testserver"]


def test_feed_of_meetings_a_state_attended(client):
    state = StateFactory(slug="tajikistan")
    attended = ParticipationFactory(state=state, attendance=Participation.Attendance.ATTENDED).meeting
    ParticipationFactory(state=state, attendance=Participation.Attendance.DID_NOT_ATTEND)
    MeetingFactory()

    response = client.get("/ru/meetings/calendar.ics?state=tajikistan")

    assert list(events(response)) == [f"meeting-{attended.pk}@testserver"]


@pytest.mark.parametrize("query", ["year=twenty", "kind=party", "process=no-such-process", "state=atlantis"])
def test_feed_with_a_malformed_filter_is_a_bad_request(client, query):
    response = client.get(f"/ru/meetings/calendar.ics?{query}")

    assert response.status_code == 400


def test_feed_refuses_writes(client):
    assert client.post("/ru/meetings/calendar.ics").status_code == 405


def test_feed_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    hosts = StateFactory.create_batch(5)
    for number in range(120):
        MeetingFactory(host_country=hosts[number % 5])

    with django_assert_max_num_queries(3):
        response = client.get("/ru/meetings/calendar.ics")

    assert len(events(response)) == 120


def test_meeting_file_answers_a_head_request(client):
    MeetingFactory(slug="som-3")

    response = client.head("/ru/meetings/som-3/calendar.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"


def test_meeting_file_runs_one_query(client, django_assert_max_num_queries):
    meeting = MeetingFactory(slug="som-3", host_country=StateFactory())
    MeetingFactory.create_batch(100)

    with django_assert_max_num_queries(1):
        response = client.get("/en/meetings/som-3/calendar.ics")

    assert str(only_event(response)["summary"]).startswith(meeting.title_en)


def test_feed_may_be_cached_for_an_hour_but_a_bad_request_may_not(client):
    # Browsers and calendar apps may keep it an hour; shared caches (nginx) only what the page cache keeps (off here).
    assert client.get("/ru/meetings/calendar.ics")["Cache-Control"] == "public, max-age=3600, s-maxage=0"
    assert "Cache-Control" not in client.get("/ru/meetings/calendar.ics?year=twenty")


def test_a_title_with_line_breaks_stays_one_summary_line_and_injects_nothing(client):
    MeetingFactory(
        slug="injected",
        title_en="Forum\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Fake",
        city_en="Almaty\nCentre",
    )

    response = client.get("/en/meetings/injected/calendar.ics")

    event = only_event(response)
    assert str(event["summary"]) == "Forum END:VEVENT BEGIN:VEVENT SUMMARY:Fake"
    assert str(event["location"]) == "Almaty Centre"
    lines = response.content.decode().split("\r\n")
    assert lines.count("BEGIN:VEVENT") == 1
