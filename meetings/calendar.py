"""Meetings as iCalendar: a feed calendar apps subscribe to, and one file per meeting.

Meetings last whole days in the host city, so events are all-day (DATE values)
and DTEND is the day after the last day, as RFC 5545 makes it exclusive.
"""

import datetime

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event

from core.i18n import localized
from core.seo import feed_text
from core.views import bad_request, form_errors
from meetings.filters import MeetingFilter
from meetings.models import Meeting

ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"

# Only a meeting that took place is confirmed; a planned or postponed one is tentative (RFC 5545, 3.8.1.11).
EVENT_STATUS = {
    Meeting.Status.PLANNED: "TENTATIVE",
    Meeting.Status.HELD: "CONFIRMED",
    Meeting.Status.POSTPONED: "TENTATIVE",
    Meeting.Status.CANCELLED: "CANCELLED",
}


def one_line(text: str) -> str:
    """A single-line property (SUMMARY, LOCATION, CATEGORIES): any run of whitespace, CR/LF included, is one space.

    icalendar escapes line breaks in TEXT values, but a title that carries one (pasted, or saved before
    the admin refused them) should read as one line in a calendar, never as a new property.
    """
    return " ".join(str(text).split())


def event_uid(meeting: Meeting, host: str) -> str:
    # The same in both languages and in the feed and the single file, so a calendar
    # that receives the meeting twice recognises it as one event.
    return f"meeting-{meeting.pk}@{host.split(':')[0]}"


def meeting_location(meeting: Meeting) -> str:
    parts = [localized(meeting, "city").text]
    if meeting.host_country:
        parts.append(localized(meeting.host_country, "name").text)
    return one_line(", ".join(part for part in parts if part))


def meeting_event(meeting: Meeting, request, stamp: datetime.datetime) -> Event:
    url = request.build_absolute_uri(meeting.get_absolute_url())
    event = Event()
    event.add("uid", event_uid(meeting, request.get_host()))
    event.add("dtstamp", stamp)
    event.add("summary", one_line(localized(meeting, "title").text))
    event.add("dtstart", meeting.start_date)
    event.add("dtend", meeting.end_date + datetime.timedelta(days=1))
    event.add("status", EVENT_STATUS[meeting.status])
    event.add("url", url)
    event.add("description", "\n\n".join(part for part in [feed_text(meeting, "summary"), url] if part))
    location = meeting_location(meeting)
    if location:
        event.add("location", location)
    event.add("categories", [one_line(meeting.get_kind_display())])
    # A meeting abroad should not mark the subscriber's whole day as busy.
    event.add("transp", "TRANSPARENT")
    return event


def build_calendar(meetings, request, name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//Almaty Process//Portal//{(get_language() or 'ru').upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", one_line(name))
    stamp = timezone.now().replace(microsecond=0)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, request, stamp))
    return calendar


def ics_response(calendar: Calendar, filename: str, disposition: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type=ICS_CONTENT_TYPE)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_safe
def calendar_feed(request):
    """The meetings the list shows for the same query string (all pages of it), as a calendar."""
    # Calendar apps fetch the feed without a session and its URL gets shared, so it carries
    # only what the public sees, even when a member of staff copies the link.
    meetings = Meeting.objects.visible_to(AnonymousUser()).select_related("host_country")
    meeting_filter = MeetingFilter(request.GET, queryset=meetings, request=request)
    if not meeting_filter.is_valid():
        return bad_request(request, errors=form_errors(meeting_filter.form))
    meetings = meeting_filter.qs.order_by("start_date", "pk")
    calendar = build_calendar(meetings, request, str(_("Almaty Process meetings")))
    # Hints for subscribing apps on how often to look again.
    calendar.add("refresh-interval", datetime.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    response = ics_response(calendar, f"almaty-process-{get_language()}.ics", "inline")
    patch_cache_control(response, public=True, max_age=3600)
    return response


@require_safe
def meeting_ics(request, slug):
    # A one-off download by whoever is reading the page, so staff previewing a draft get it too.
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user).select_related("host_country"), slug=slug)
    calendar = build_calendar([meeting], request, localized(meeting, "title").text)
    return ics_response(calendar, f"{meeting.slug}.ics", "attachment")
