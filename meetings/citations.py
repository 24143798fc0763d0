"""What a meeting's citation says: its organisers (else its process), title, dates, place and address."""

from django.utils.html import strip_tags

from core.citations import Citation, Kind
from core.i18n import current_language, localized
from core.templatetags.portal import date_range


def meeting_citation(meeting, request) -> Citation:
    """Reads the organisers, process and host country that MeetingDetailView's queryset loads."""
    organisers = tuple(localized(organisation, "name").text for organisation in meeting.organisers.all())
    place = ", ".join(
        text
        for text in (
            localized(meeting, "city").text if meeting.city else "",
            localized(meeting.host_country, "name").text if meeting.host_country else "",
        )
        if text
    )
    return Citation(
        key=f"almaty-process-meeting-{meeting.slug}",
        kind=Kind.WEBPAGE,
        title=localized(meeting, "title"),
        authors=organisers or (localized(meeting.process, "name").text,),
        issued=meeting.start_date,
        ended=meeting.end_date,
        url=request.build_absolute_uri(meeting.get_absolute_url()),
        language=current_language(),
        place=place,
        date_text=strip_tags(date_range(meeting.start_date, meeting.end_date)),
    )
