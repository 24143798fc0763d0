from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from documents import importing
from documents.models import Document, DocumentFile, ExtractionStatus
from meetings.models import Meeting


class Command(BaseCommand):
    help = (
        "Import files into the archive from a folder (each file becomes a document titled after its name) "
        "or from a CSV manifest with the columns title_ru, title_en, kind, date, meeting, language, file "
        "(file paths relative to the CSV). Files already in the archive are skipped; if any row is bad, "
        "nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="A folder of files, or a CSV manifest.")
        parser.add_argument("--meeting", help="Slug of the meeting the documents belong to (default for blank cells).")
        parser.add_argument(
            "--kind", default="", help=f"Kind of document: {', '.join(Document.Kind.values)} (default: report)."
        )
        parser.add_argument(
            "--language",
            default="",
            help=f"Language of the files: {', '.join(DocumentFile.Language.values)} "
            "(default: guessed from the text, Russian or English).",
        )
        parser.add_argument("--date", help="Date of the documents, YYYY-MM-DD (folder import; default: the meeting's).")
        parser.add_argument("--publish", action="store_true", help="Publish the new documents (default: drafts).")

    def handle(self, *args, path, meeting, kind, language, date, publish, **options):
        meeting_obj = None
        if meeting:
            meeting_obj = Meeting.objects.filter(slug=meeting).first()
            if meeting_obj is None:
                raise CommandError(f"Unknown meeting: {meeting}")
        if kind:
            kind = importing.parse_kind(kind)
            if not kind:
                raise CommandError(f"Unknown kind; choose one of {', '.join(Document.Kind.values)}.")
        if language and language not in DocumentFile.Language.values:
            raise CommandError(f"Unknown language; choose one of {', '.join(DocumentFile.Language.values)}.")
        parsed_date = None
        if date:
            parsed_date = importing.parse_date(date)
            if parsed_date is None:
                raise CommandError("Give --date as YYYY-MM-DD.")

        outcomes = []
        if path.is_dir():
            rows, outcomes = importing.rows_from_folder(
                path, meeting=meeting_obj, kind=kind, language=language, date=parsed_date
            )
        elif path.is_file():
            try:
                rows = importing.rows_from_manifest(path, meeting=meeting_obj, kind=kind, language=language)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
        else:
            raise CommandError(f"No such folder or file: {path}")

        outcomes += importing.import_rows(rows, publish=publish)
        for outcome in outcomes:
            self.stdout.write(f"{outcome.action}: {outcome.label}: {outcome.message}")
        failed = [outcome for outcome in outcomes if outcome.action == "error"]
        if failed:
            raise CommandError(f"Nothing was imported: {len(failed)} row(s) have errors (listed above).")

        created = [outcome for outcome in outcomes if outcome.action == "created"]
        not_extracted = DocumentFile.objects.filter(
            sha256__in=[row.sha256 for row in rows if not row.skip_reason],
            extraction_status=ExtractionStatus.FAILED,
        ).count()
        summary = f"{len(created)} file(s) imported, {len(outcomes) - len(created)} skipped."
        if not_extracted:
            summary += f" Text could not be read from {not_extracted} file(s); see “text extraction” in the admin."
        self.stdout.write(self.style.SUCCESS(summary))
