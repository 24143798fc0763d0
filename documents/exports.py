"""The catalogue as CSV (for Excel, Cyrillic included) and JSON, streamed row by row."""

import csv
import json

from django.db.models import Prefetch

from core.i18n import localized
from documents.models import DocumentFile

COLUMNS = ["id", "title_ru", "title_en", "kind", "date", "meeting", "process", "languages", "permalink"]
# Excel reads UTF-8 only when the file starts with a byte order mark.
BOM = "\ufeff"
CHUNK = 1000


def export_queryset(queryset, user):
    # Languages only of the files this reader may download: a restricted file stays unmentioned.
    files = DocumentFile.objects.downloadable_by(user).only("id", "document_id", "language").order_by("language")
    return queryset.select_related("meeting__process").prefetch_related(
        Prefetch("files", queryset=files, to_attr="export_files")
    )


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
        }


def _cell(value) -> str:
    text = ";".join(value) if isinstance(value, list) else str(value)
    # A cell starting like a formula would be run by Excel; a leading apostrophe keeps it text.
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


class _Line:
    """A file-like object for csv.writer that hands back what it is given."""

    def write(self, value):
        return value


def csv_lines(queryset, request):
    writer = csv.writer(_Line(), quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    yield BOM + writer.writerow(COLUMNS)
    for item in catalogue_items(queryset, request):
        yield writer.writerow([_cell(item[column]) for column in COLUMNS])


def json_chunks(queryset, request):
    yield "["
    separator = "\n"
    for item in catalogue_items(queryset, request):
        yield separator + json.dumps(item, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"
