"""Bulk import of files into the archive from a folder or a CSV manifest.

Every row is checked first (file rules, kind, date, meeting, language, duplicates); only when
all rows are sound is anything written, in one transaction. Files already in the archive
(same SHA-256) are skipped, so running an import twice changes nothing.
"""

from __future__ import annotations

import csv
import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from documents import files
from documents.models import Document, DocumentFile
from meetings.models import Meeting

MANIFEST_COLUMNS = ["title_ru", "title_en", "kind", "date", "meeting", "language", "file"]
FOLDER_EXTENSIONS = {".pdf", ".docx", ".doc", ".xlsx", ".pptx", ".odt", ".txt"}


@dataclass
class Row:
    """One file to import, as read from the folder or the manifest, and what checking found."""

    path: Path
    line: int | None = None
    title_ru: str = ""
    title_en: str = ""
    kind: str = ""
    date: datetime.date | None = None
    meeting: Meeting | None = None
    language: str = ""
    errors: list[str] = field(default_factory=list)
    skip_reason: str = ""
    sha256: str = ""
    document: Document | None = None

    @property
    def label(self) -> str:
        if self.line is not None:
            return _("line %(line)d (%(file)s)") % {"line": self.line, "file": self.path.name}
        return self.path.name

    @property
    def document_key(self):
        return (self.title_ru, self.title_en, self.kind, self.date, self.meeting.pk if self.meeting else None)


@dataclass
class Outcome:
    action: str  # "created", "skipped" or "error"
    label: str
    message: str


def parse_date(value: str) -> datetime.date | None:
    value = value.strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def parse_kind(value: str) -> str:
    value = value.strip()
    for code, label in Document.Kind.choices:
        if value.casefold() in {code.casefold(), str(label).casefold()}:
            return code
    return ""


def guess_language(path: Path, file_type: files.FileType) -> str:
    """ru or en from the share of Cyrillic letters in the text; "" when the file has no readable text."""
    with path.open("rb") as stream:
        try:
            text = files.extract_text(stream, file_type, time_budget=5).text[:20000]
        except files.ExtractionFailed:
            return ""
    if not text:  # a scan: its text waits for OCR
        return ""
    cyrillic = len(re.findall(r"[\u0400-\u04FF]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "ru" if cyrillic > latin else "en"


def rows_from_folder(folder: Path, *, meeting=None, kind="", language="", date=None) -> tuple[list[Row], list[Outcome]]:
    """One row per document file in the folder (not its subfolders); other files are reported and left."""
    rows, ignored = [], []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        if path.suffix.lower() not in FOLDER_EXTENSIONS:
            reason = _("not a document file (%(suffix)s)") % {"suffix": path.suffix}
            ignored.append(Outcome("skipped", path.name, reason))
            continue
        title = re.sub(r"[_\s]+", " ", path.stem).strip() or path.stem
        row = Row(path=path, kind=kind or Document.Kind.REPORT, meeting=meeting, language=language)
        row.date = date or (meeting.start_date if meeting else None)
        if row.date is None:
            row.date = datetime.date.fromtimestamp(path.stat().st_mtime)
        row.title_ru = title
        rows.append(row)
    return rows, ignored


def rows_from_manifest(manifest: Path, *, meeting=None, kind="", language="") -> list[Row]:
    """One row per manifest line; blank kind, meeting or language cells take the command's defaults."""
    rows = []
    try:
        text = manifest.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(_("The manifest is not UTF-8 text; save it as “CSV UTF-8”.")) from error
    reader = csv.DictReader(text.splitlines(keepends=True))
    missing = [column for column in MANIFEST_COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise ValidationError(_("The manifest lacks the columns: %(columns)s.") % {"columns": ", ".join(missing)})
    meetings = {}
    for record in reader:
        values = {key: (value or "").strip() for key, value in record.items() if key}
        row = Row(path=(manifest.parent / values["file"]) if values["file"] else manifest.parent, line=reader.line_num)
        row.title_ru, row.title_en = values["title_ru"], values["title_en"]
        if not (row.title_ru or row.title_en):
            row.errors.append(_("no title: fill title_ru or title_en"))
        if not values["file"]:
            row.errors.append(_("no file named"))
        row.kind = parse_kind(values["kind"]) if values["kind"] else kind
        if not row.kind:
            row.errors.append(_("unknown kind “%(kind)s”") % {"kind": values["kind"]})
        row.date = parse_date(values["date"])
        if row.date is None:
            row.errors.append(_("date “%(date)s” is not YYYY-MM-DD") % {"date": values["date"]})
        slug = values["meeting"]
        if slug:
            if slug not in meetings:
                meetings[slug] = Meeting.objects.filter(slug=slug).first()
            row.meeting = meetings[slug]
            if row.meeting is None:
                row.errors.append(_("unknown meeting “%(slug)s”") % {"slug": slug})
        else:
            row.meeting = meeting
        row.language = values["language"] or language
        rows.append(row)
    return rows


def check_rows(rows: list[Row]) -> None:
    """Fill in each row's errors or reason to skip, and the existing document it belongs to, if any."""
    seen_checksums: dict[str, Row] = {}
    planned_languages: dict[tuple, set[str]] = {}
    for row in rows:
        if row.language and row.language not in DocumentFile.Language.values:
            row.errors.append(_("unknown language “%(language)s”") % {"language": row.language})
        if not row.path.is_file():
            row.errors.append(_("file not found: %(path)s") % {"path": row.path})
            continue
        with row.path.open("rb") as stream:
            try:
                file_type = files.validate_upload(stream, row.path.name)
            except ValidationError as error:
                row.errors.extend(error.messages)
                continue
            row.sha256 = files.checksum(stream)
        if not row.language:
            row.language = guess_language(row.path, file_type)
            if not row.language:
                row.errors.append(_("cannot tell the language; give it with --language"))
                continue
        if row.line is None and row.language == "en":
            row.title_en, row.title_ru = row.title_ru, ""
        if row.errors:
            continue
        existing = DocumentFile.objects.filter(sha256=row.sha256).select_related("document").first()
        if existing is not None:
            row.skip_reason = _("already in the archive as “%(title)s” [%(language)s], document %(pk)d") % {
                "title": existing.document.title,
                "language": existing.language,
                "pk": existing.document_id,
            }
            continue
        if row.sha256 in seen_checksums:
            row.skip_reason = _("the same file as %(other)s") % {"other": seen_checksums[row.sha256].label}
            continue
        seen_checksums[row.sha256] = row
        row.document = _existing_document(row)
        taken = planned_languages.setdefault(row.document_key, set())
        if row.document is not None:
            taken |= set(row.document.files.values_list("language", flat=True))
        if row.language in taken:
            row.errors.append(
                _("the document already has a file in language “%(language)s”") % {"language": row.language}
            )
        taken.add(row.language)


def _existing_document(row: Row) -> Document | None:
    return Document.objects.filter(
        title_ru=row.title_ru or None,
        title_en=row.title_en or None,
        kind=row.kind,
        date=row.date,
        meeting=row.meeting,
    ).first()


def write_rows(rows: list[Row], *, publish: bool = False) -> list[Outcome]:
    """Create the documents and files of checked rows in one transaction; nothing stays behind on failure."""
    outcomes = []
    stored_names = []
    documents: dict[tuple, Document] = {}
    try:
        with transaction.atomic():
            for row in rows:
                if row.skip_reason:
                    outcomes.append(Outcome("skipped", row.label, row.skip_reason))
                    continue
                document = row.document or documents.get(row.document_key)
                if document is None:
                    document = Document(
                        title_ru=row.title_ru or None,
                        title_en=row.title_en or None,
                        kind=row.kind,
                        date=row.date,
                        meeting=row.meeting,
                    )
                    if publish:
                        document.publication_status = Document.PublicationStatus.PUBLISHED
                    document.save()
                documents[row.document_key] = document
                with row.path.open("rb") as stream:
                    document_file = DocumentFile(
                        document=document, language=row.language, file=File(stream, name=row.path.name)
                    )
                    try:
                        document_file.save()
                    finally:
                        if document_file.file._committed:
                            stored_names.append(document_file.file.name)
                outcomes.append(
                    Outcome(
                        "created",
                        row.label,
                        _("document %(pk)d “%(title)s” [%(language)s]")
                        % {"pk": document.pk, "title": document.title, "language": row.language},
                    )
                )
    except BaseException:
        # The rows are gone with the rollback; the bytes already written to storage must go too.
        storage = DocumentFile._meta.get_field("file").storage
        for name in stored_names:
            storage.delete(name)
        raise
    return outcomes


def import_rows(rows: list[Row], *, publish: bool = False) -> list[Outcome]:
    """Check every row; write them all only if none has an error."""
    check_rows(rows)
    errors = [Outcome("error", row.label, "; ".join(row.errors)) for row in rows if row.errors]
    if errors:
        return errors
    return write_rows(rows, publish=publish)
