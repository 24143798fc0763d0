"""A document as schema.org's DigitalDocument, with one MediaObject a language file the reader may download."""

from core.i18n import localized
from documents.citations import issuers
from participants.structured_data import party

# File languages that are not a language tag.
NOT_A_LANGUAGE = {"other"}


def media_object(document_file, request) -> dict:
    language = document_file.language if document_file.language not in NOT_A_LANGUAGE else ""
    return {
        "@type": "MediaObject",
        "name": document_file.original_name,
        "contentUrl": request.build_absolute_uri(document_file.get_absolute_url()),
        "encodingFormat": document_file.content_type,
        "contentSize": f"{document_file.size} B",
        "inLanguage": language,
    }


def document_json_ld(document, request) -> dict:
    """Reads document.files.all() as Document.objects.for_detail(user) prefetches it: only the reader's files."""
    files = [document_file for document_file in document.files.all() if document_file.file]
    meeting = document.meeting
    return {
        "@type": "DigitalDocument",
        "name": localized(document, "title").text,
        "description": localized(document, "summary").text,
        "url": request.build_absolute_uri(document.get_absolute_url()),
        "identifier": document.symbol,
        "genre": document.get_kind_display(),
        "dateCreated": document.date,
        "inLanguage": [file.language for file in files if file.language not in NOT_A_LANGUAGE],
        "author": [party(item, request) for item in issuers(document)],
        "about": [party(item, request) for item in [*document.states.all(), *document.organisations.all()]],
        "isPartOf": {
            "@type": "Event",
            "name": localized(meeting, "title").text,
            "url": request.build_absolute_uri(meeting.get_absolute_url()),
            "startDate": meeting.start_date,
        }
        if meeting
        else None,
        "encoding": [media_object(document_file, request) for document_file in files],
    }
