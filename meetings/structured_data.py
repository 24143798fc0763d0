"""A meeting as schema.org's Event: place, organisers, and the states and organisations that took part."""

from core.i18n import localized
from meetings.models import Meeting, Participation
from participants.structured_data import party

EVENT_STATUS = {
    Meeting.Status.PLANNED: "https://schema.org/EventScheduled",
    Meeting.Status.HELD: "https://schema.org/EventScheduled",
    Meeting.Status.POSTPONED: "https://schema.org/EventPostponed",
    Meeting.Status.CANCELLED: "https://schema.org/EventCancelled",
}


def attendees(meeting) -> list:
    """Who came to a meeting held, or who confirmed for one ahead; reads the prefetched participations."""
    wanted = (
        Participation.Attendance.ATTENDED
        if meeting.status == Meeting.Status.HELD
        else Participation.Attendance.CONFIRMED
    )
    return [
        participation.participant
        for participation in meeting.participations.all()
        if participation.attendance == wanted
    ]


def location(meeting) -> dict | None:
    city = localized(meeting, "city").text if meeting.city else ""
    country = meeting.host_country
    if not city and country is None:
        return None
    return {
        "@type": "Place",
        "name": ", ".join(part for part in (city, localized(country, "name").text if country else "") if part),
        "address": {
            "@type": "PostalAddress",
            "addressLocality": city,
            "addressCountry": country.iso_alpha2 if country else "",
        },
    }


def meeting_json_ld(meeting, request) -> dict:
    """Reads the process, host country, organisers and participations that MeetingDetailView loads."""
    return {
        "@type": "Event",
        "name": localized(meeting, "title").text,
        "description": localized(meeting, "summary").text,
        "url": request.build_absolute_uri(meeting.get_absolute_url()),
        "startDate": meeting.start_date,
        "endDate": meeting.end_date,
        "eventStatus": EVENT_STATUS.get(meeting.status, ""),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": location(meeting),
        "organizer": [party(item, request) for item in meeting.organisers.all()] or [party(meeting.process, request)],
        "attendee": [party(item, request) for item in attendees(meeting)],
    }
