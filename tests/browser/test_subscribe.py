"""The calendar a delegate subscribes to from the meeting list, and the file behind "add to calendar"."""

import urllib.request

import pytest
from icalendar import Calendar

pytestmark = pytest.mark.browser


def fetch(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (the live test server)
        return response.headers["Content-Type"], response.read()


def event_summaries(body: bytes) -> list[str]:
    return sorted(str(event["SUMMARY"]) for event in Calendar.from_ical(body).walk("VEVENT"))


def test_filtered_meeting_list_offers_a_calendar_of_the_same_meetings(page, portal):
    page.open("/en/meetings/?process=budapest-process&page=1")

    link = page.find('a[href*="calendar.ics"]')
    content_type, body = fetch(link.get_attribute("href"))

    assert page.path == "/en/meetings/?process=budapest-process&page=1"
    assert link.get_attribute("href") == f"{page.base_url}/en/meetings/calendar.ics?process=budapest-process"
    assert content_type == "text/calendar; charset=utf-8"
    assert [str(event["URL"]) for event in Calendar.from_ical(body).walk("VEVENT")] == [
        f"{page.base_url}/en/meetings/workshop/"
    ]
    page.screenshot("meeting-list-calendar-link")


def test_calendar_of_all_meetings_holds_every_published_meeting_in_the_language(page, portal):
    page.open("/ru/meetings/")

    content_type, body = fetch(page.find('a[href*="calendar.ics"]').get_attribute("href"))

    assert content_type == "text/calendar; charset=utf-8"
    assert len(event_summaries(body)) == 26
    assert "Третье совещание старших должностных лиц" in event_summaries(body)


def test_meeting_page_offers_the_meeting_as_a_calendar_file(page, portal):
    page.open("/en/meetings/som-2016/")

    content_type, body = fetch(page.find('a[href$="/som-2016/calendar.ics"]').get_attribute("href"))
    (event,) = Calendar.from_ical(body).walk("VEVENT")

    assert content_type == "text/calendar; charset=utf-8"
    assert str(event["SUMMARY"]) == "Third Senior Officials Meeting"
    assert event.to_ical().decode().count("VALUE=DATE:2016111") == 2
    assert str(event["URL"]) == f"{page.base_url}/en/meetings/som-2016/"
