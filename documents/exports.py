"""The catalogue as CSV (for Excel, Cyrillic included) and JSON, streamed row by row."""

import json

from django.db.models import Prefetch

from core import csv
from core.i18n import LANGUAGE_CODES, localized
from documents.models import DocumentFile

COLUMNS = ["id", "title_ru", "title_en", "kind", "date", "meeting", "process", "languages", "permalink", "symbol"]
CHUNK = 1000
EXPORTED_FIELDS = ["id", "title_ru", "title_en", "kind", "date", "symbol", "meeting_id"]


def export_queryset(queryset, user):
    # Languages only of the files this reader may download: a restricted file stays unmentioned.
    files = DocumentFile.objects.downloadable_by(user).only("id", "document_id", "language").order_by("language")
    # Only the columns a row shows: the whole archive's summaries and meetings' texts made up most of the
    # bytes read and of the time spent making objects (a delegate's 10,000 rows: 4.2 s, docs/performance.md).
    related = ("meeting__title", "meeting__process__name", "meeting__process__acronym")
    return (
        queryset.select_related("meeting__process")
        .only(*EXPORTED_FIELDS, *(name for field in related for name in translated(field)))
        .prefetch_related(Prefetch("files", queryset=files, to_attr="export_files"))
    )


def translated(field: str) -> list[str]:
    """A translated field and its copy in every language (django-modeltranslation)."""
    return [field, *(f"{field}_{language}" for language in LANGUAGE_CODES)]


def catalogue_items(queryset, request):
    """One dict per document, in the queryset's order, reading the database in chunks."""
    for document in export_queryset(queryset, request.user).iterator(chunk_size=CHUNK):
        meeting = document.meeting
        yield {
            "id": document.pk,
            "title_ru": document.title_ru or "",
            "title_en": document.title_en or "",
            "kind": document.kind,
            "date": document.date.isoformat(),
            "meeting": localized(meeting, "title").text if meeting else "",
            "process": meeting.process.short_name if meeting else "",
            "languages": [file.language for file in document.export_files],
            "permalink": request.build_absolute_uri(document.get_absolute_url()),
            "symbol": document.symbol,
        }


def csv_lines(queryset, request):
    items = catalogue_items(queryset, request)
    return csv.csv_lines(COLUMNS, ([item[column] for column in COLUMNS] for item in items))


def json_chunks(queryset, request):
    yield "["
    separator = "\n"
    for item in catalogue_items(queryset, request):
        yield separator + json.dumps(item, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"
