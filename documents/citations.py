"""What a document's citation says: its issuing body, title in the reader's language, date, address, symbol."""

from django.utils import formats
from django.utils.html import strip_tags

from core.citations import Citation, Kind
from core.i18n import current_language, localized


def issuers(document) -> list:
    """Who issued the document, as far as the archive knows: its meeting's process, else its organisations,
    else its states (Organisation or State objects). Reads what Document.objects.for_detail() prefetches."""
    if document.meeting_id:
        return [document.meeting.process]
    return list(document.organisations.all()) or list(document.states.all())


def issuing_bodies(document) -> tuple[str, ...]:
    return tuple(localized(item, "name").text for item in issuers(document))


def document_citation(document, request) -> Citation:
    meeting = document.meeting
    return Citation(
        key=f"almaty-process-document-{document.pk}",
        kind=Kind.REPORT,
        title=localized(document, "title"),
        authors=issuing_bodies(document),
        issued=document.date,
        url=request.build_absolute_uri(document.get_absolute_url()),
        language=current_language(),
        symbol=document.symbol,
        container=localized(meeting, "title").text if meeting else "",
        date_text=strip_tags(formats.date_format(document.date)),
    )
