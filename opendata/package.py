"""The open-data package: every public table as a CSV file, and a Frictionless datapackage.json, in one zip.

``build(origin)`` writes the zip to the file storage and records it (PackageBuild); ``manage.py
build_open_data`` and the job ``build_open_data_package`` call it. Only what an anonymous reader may see
goes in: each table is read through its model's public door. The column lists are those of the exports
that exist (documents.exports, actionplan.exports, glossary.terms_csv, indicators.views); what each column
means, in English and Russian, is opendata.columns. The Russian title and description of the package, of
each file and of each column are the custom properties ``title_ru`` and ``description_ru``, next to
Frictionless's own ``title`` and ``description``, which are in English.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser
from django.core.files import File
from django.core.files.storage import default_storage
from django.db.models import Prefetch
from django.http import FileResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from actionplan import exports as actionplan_exports
from actionplan.models import Activity, ProgressUpdate
from actionplan.views import plan_activities
from core import csv, storage
from core.jobs import job
from documents import exports as document_exports
from documents.models import Document, DocumentFile
from glossary import terms_csv
from glossary.models import Term
from indicators.models import IndicatorValue
from indicators.views import CSV_COLUMNS as INDICATOR_COLUMNS
from indicators.views import csv_row as indicator_row
from meetings.models import Meeting, Participation, StatementParagraph
from opendata.columns import describe
from opendata.models import PackageBuild
from participants.models import Organisation, State

FOLDER = "open-data"
FILENAME = "almaty-process.zip"
# The language of the titles and addresses the CSV files hold where they hold one language.
LANGUAGE = "en"


@dataclass(frozen=True)
class Table:
    name: str
    title: object
    description: object
    columns: Sequence[str]
    rows: Callable[[SimpleNamespace], Iterable[Sequence]]

    @property
    def path(self) -> str:
        return f"{self.name}.csv"


def _meetings(reader):
    meetings = Meeting.objects.public().select_related("process", "host_country").order_by("pk")
    for meeting in meetings:
        yield [
            meeting.pk,
            meeting.slug,
            meeting.title_ru,
            meeting.title_en,
            meeting.kind,
            meeting.number,
            meeting.process.short_name,
            meeting.start_date.isoformat(),
            meeting.end_date.isoformat(),
            meeting.city_ru,
            meeting.city_en,
            meeting.host_country.iso_alpha3 if meeting.host_country else "",
            meeting.status,
            reader.build_absolute_uri(meeting.get_absolute_url()),
        ]


def _participations(reader):
    participations = Participation.objects.filter(meeting__in=Meeting.objects.public().values("pk"))
    for participation in participations.select_related("state", "organisation").order_by("meeting_id", "pk"):
        yield [
            participation.meeting_id,
            participation.state.iso_alpha3 if participation.state else "",
            participation.organisation.slug if participation.organisation else "",
            participation.role,
            participation.attendance,
        ]


def _paragraphs(reader):
    paragraphs = StatementParagraph.objects.public().select_related("statement__meeting")
    for paragraph in paragraphs.order_by("statement__meeting_id", "number"):
        yield [
            paragraph.statement.meeting_id,
            paragraph.number,
            paragraph.text_ru,
            paragraph.text_en,
            reader.build_absolute_uri(paragraph.get_absolute_url()),
        ]


def _states(reader):
    for state in State.objects.order_by("iso_alpha3"):
        yield [
            state.iso_alpha3,
            state.iso_alpha2,
            state.name_ru,
            state.name_en,
            state.status,
            state.year_joined,
            reader.build_absolute_uri(state.get_absolute_url()),
        ]


def _organisations(reader):
    for organisation in Organisation.objects.order_by("slug"):
        yield [
            organisation.slug,
            organisation.name_ru,
            organisation.name_en,
            organisation.acronym_ru,
            organisation.acronym_en,
            organisation.kind,
            organisation.role,
            organisation.website,
            reader.build_absolute_uri(organisation.get_absolute_url()),
        ]


DOCUMENT_COLUMNS = [*document_exports.COLUMNS, "meeting_id"]


def _documents(reader):
    documents = Document.objects.public().order_by("pk")
    meetings = dict(documents.values_list("pk", "meeting_id"))
    for item in document_exports.catalogue_items(documents, reader):
        yield [*(item[column] for column in document_exports.COLUMNS), meetings.get(item["id"])]


def _files(reader):
    files = DocumentFile.objects.public().exclude(file="").order_by("document_id", "language")
    for file in files.only("document_id", "language", "original_name", "size", "sha256", "content_type", "page_count"):
        yield [
            file.document_id,
            file.language,
            file.original_name,
            file.size,
            file.sha256,
            file.content_type,
            file.page_count,
            reader.build_absolute_uri(file.get_absolute_url()),
        ]


def _terms(reader):
    return (terms_csv.term_row(term) for term in Term.objects.public().order_by("slug"))


def _activities(reader):
    activities = plan_activities(Activity.objects.public(), reader.user)
    items = actionplan_exports.activity_items(activities, reader)
    return ([item[column] for column in actionplan_exports.COLUMNS] for item in items)


def _updates(reader):
    updates = ProgressUpdate.objects.public().order_by("activity_id", "date", "pk")
    # The address of an update is its activity's page: the activity is read with the update, once.
    for update in updates.prefetch_related(Prefetch("activity", queryset=Activity.objects.only("pk"))):
        yield [
            update.pk,
            update.activity_id,
            update.date.isoformat(),
            update.text_ru,
            update.text_en,
            reader.build_absolute_uri(update.get_absolute_url()),
        ]


def _indicator_values(reader):
    values = IndicatorValue.objects.of_participating_states().select_related("state", "indicator")
    for value in values.order_by("indicator__slug", "state__name", "year"):
        yield [value.indicator.slug, *indicator_row(value)]


TABLES = [
    Table(
        "meetings",
        _("Meetings"),
        _("The meetings of the process and of its partners."),
        [
            "id",
            "slug",
            "title_ru",
            "title_en",
            "kind",
            "number",
            "process",
            "start_date",
            "end_date",
            "city_ru",
            "city_en",
            "host_country",
            "status",
            "permalink",
        ],
        _meetings,
    ),
    Table(
        "participations",
        _("Participations"),
        _("Which states and organisations were invited to each meeting, and who attended."),
        ["meeting_id", "state", "organisation", "role", "attendance"],
        _participations,
    ),
    Table(
        "paragraphs",
        _("Outcome-statement paragraphs"),
        _("The numbered paragraphs of the outcome statements the meetings adopted."),
        ["meeting_id", "number", "text_ru", "text_en", "permalink"],
        _paragraphs,
    ),
    Table(
        "states",
        _("States"),
        _("The states of the process and those that appear in its archive."),
        ["iso_alpha3", "iso_alpha2", "name_ru", "name_en", "status", "year_joined", "permalink"],
        _states,
    ),
    Table(
        "organisations",
        _("Organisations"),
        _("International organisations, NGOs, institutes and consultative processes."),
        ["slug", "name_ru", "name_en", "acronym_ru", "acronym_en", "kind", "role", "website", "permalink"],
        _organisations,
    ),
    Table(
        "documents",
        _("Documents"),
        _("The public documents of the archive."),
        DOCUMENT_COLUMNS,
        _documents,
    ),
    Table(
        "files",
        _("Files"),
        _("The public files of the documents, one for each language version."),
        ["document_id", "language", "file_name", "size", "sha256", "content_type", "pages", "download_url"],
        _files,
    ),
    Table(
        "glossary_terms",
        _("Glossary terms"),
        _("The bilingual glossary of terms of migration and refugee protection."),
        terms_csv.COLUMNS,
        _terms,
    ),
    Table(
        "activities",
        _("Action-plan activities"),
        _("The activities of the published action plans."),
        actionplan_exports.COLUMNS,
        _activities,
    ),
    Table(
        "activity_updates",
        _("Progress updates"),
        _("Approved reports of progress on the activities."),
        ["id", "activity_id", "date", "text_ru", "text_en", "permalink"],
        _updates,
    ),
    Table(
        "indicator_values",
        _("Indicator values"),
        _("Key figures of the participating states, by indicator and year."),
        ["indicator", *INDICATOR_COLUMNS],
        _indicator_values,
    ),
]


def _both(text) -> dict[str, str]:
    """Frictionless's title or description (English) and our Russian twin, as properties of one name."""
    with translation.override("en"):
        english = str(text)
    with translation.override("ru"):
        russian = str(text)
    return {"en": english, "ru": russian}


def _texts(title, description) -> dict[str, str]:
    title, description = _both(title), _both(description)
    return {
        "title": title["en"],
        "title_ru": title["ru"],
        "description": description["en"],
        "description_ru": description["ru"],
    }


def field_descriptor(table: Table, name: str) -> dict:
    kind, title, description, choices = describe(table.name, name)
    field = {"name": name, "type": kind, **_texts(title, description)}
    if choices is not None:
        field["constraints"] = {"enum": list(choices.values)}
    return field


def descriptor(origin: str, written: dict[str, dict], created) -> dict:
    """datapackage.json: the package, each file (with its size and checksum) and each column, in both languages."""
    with translation.override(LANGUAGE):
        homepage = origin + reverse("opendata:open_data")
    return {
        "name": "almaty-process",
        **_texts(
            _("Almaty Process: open data"),
            _(
                "Everything public on the portal of the Almaty Process as CSV files: meetings, participations, "
                "outcome statements, states, organisations, documents and their files, the glossary, the action "
                "plan and the key figures."
            ),
        ),
        "homepage": homepage,
        "created": created.isoformat(timespec="seconds"),
        "resources": [
            {
                "name": table.name,
                "path": table.path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": written[table.name]["bytes"],
                "hash": f"sha256:{written[table.name]['sha256']}",
                **_texts(table.title, table.description),
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
                "schema": {"fields": [field_descriptor(table, name) for name in table.columns]},
            }
            for table in TABLES
        ],
    }


def table_bytes(table: Table, reader) -> tuple[bytes, int]:
    """The table's CSV file (core.csv: UTF-8 with a byte-order mark) and its number of rows."""
    for name in table.columns:
        describe(table.name, name)  # a column without a description fails here, before anything is written
    count = 0

    def counted(rows):
        nonlocal count
        for row in rows:
            count += 1
            yield row

    content = "".join(csv.csv_lines(table.columns, counted(table.rows(reader)))).encode("utf-8")
    return content, count


def write_zip(target, origin: str) -> dict[str, int]:
    """Write the package to a binary file; returns the number of rows of each table."""
    reader = SimpleNamespace(user=AnonymousUser(), build_absolute_uri=lambda path: origin + path)
    written, counts = {}, {}
    created = timezone.now()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive, translation.override(LANGUAGE):
        for table in TABLES:
            content, counts[table.name] = table_bytes(table, reader)
            written[table.name] = {"bytes": len(content), "sha256": hashlib.sha256(content).hexdigest()}
            archive.writestr(table.path, content)
        package = descriptor(origin, written, created)
        archive.writestr("datapackage.json", json.dumps(package, ensure_ascii=False, indent=2) + "\n")
    return counts


def build(origin: str) -> PackageBuild:
    """Build the package into the file storage, record it, and delete the builds before the previous one."""
    origin = origin.rstrip("/")
    stamp = timezone.now()
    name = f"{FOLDER}/almaty-process-{stamp.strftime('%Y%m%d%H%M%S%f')}.zip"
    with tempfile.TemporaryFile() as scratch:
        counts = write_zip(scratch, origin)
        size = scratch.tell()
        scratch.seek(0)
        name = default_storage.save(name, File(scratch, name=name))
    built = PackageBuild.objects.create(file=name, size=size, built_at=stamp, counts=counts)
    # The previous build stays one round: a download that started on it may still be running.
    for old in PackageBuild.objects.exclude(pk=built.pk).order_by("-built_at")[1:]:
        default_storage.delete(old.file)
        old.delete()
    return built


@job(retries=2, retry_delay=300)
def build_open_data_package(origin: str) -> str:
    return build(origin).file


def latest_build() -> PackageBuild | None:
    return PackageBuild.objects.order_by("-built_at").first()


def send(built: PackageBuild):
    """The package file: from the portal's own storage, or by a redirect to the object storage's address."""
    if not storage.is_local(default_storage):
        return HttpResponseRedirect(default_storage.url(built.file))
    response = FileResponse(
        default_storage.open(built.file, "rb"), as_attachment=True, filename=FILENAME, content_type="application/zip"
    )
    response["Last-Modified"] = built.built_at.strftime("%a, %d %b %Y %H:%M:%S GMT")
    return response


def contents(built: PackageBuild) -> list[dict]:
    """The files of a build as its page lists them: file name, title in the reader's language, rows."""
    return [
        {"path": table.path, "title": table.title, "rows": built.counts.get(table.name, 0)}
        for table in TABLES
        if table.name in built.counts
    ]
