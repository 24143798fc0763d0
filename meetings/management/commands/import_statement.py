from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from meetings.statement_import import StatementImportError, import_statement_file


class Command(BaseCommand):
    help = (
        "Import a meeting's outcome statement in one language from a text file of numbered paragraphs "
        "(as extracted from its PDF). The other language version is left as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Text file, UTF-8 or Windows-1251.")
        parser.add_argument("--meeting", required=True, help="Slug of the meeting.")
        parser.add_argument("--language", required=True, help="Language of the file: ru or en.")
        parser.add_argument("--title", help="Title of the statement in this language (optional).")

    def handle(self, *args, **options):
        try:
            result = import_statement_file(options["file"], options["meeting"], options["language"], options["title"])
        except StatementImportError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _(
                "Statement imported. Paragraphs created: %(created)d, updated: %(updated)d, "
                "emptied: %(emptied)d, removed: %(deleted)d."
            )
            % {
                "created": result.created,
                "updated": result.updated,
                "emptied": result.emptied,
                "deleted": result.deleted,
            }
        )
