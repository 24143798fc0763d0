"""Build the whole archive's CSV and JSON files now (what the background job does after a change)."""

from django.core.management.base import BaseCommand, CommandError

from core.i18n import LANGUAGE_CODES
from documents.models import Document
from documents.whole_archive import PUBLIC, build


class Command(BaseCommand):
    help = (
        "Build the CSV and JSON of the whole archive into the file storage, for the site's address "
        "(scheme and host, as readers use it), each language and one access rule (the public by default); "
        "the unfiltered export is then sent from them."
    )

    def add_arguments(self, parser):
        parser.add_argument("origin", help="the site's address as readers see it, e.g. https://almaty-process.org")
        parser.add_argument("--language", action="append", choices=LANGUAGE_CODES, dest="languages")
        parser.add_argument(
            "--rule", default=PUBLIC, help="whose archive: public (default), staff, or state:<id> for its delegates"
        )

    def handle(self, *args, origin, languages, rule, **options):
        origin = origin.rstrip("/")
        if not origin.startswith(("http://", "https://")) or "/" in origin.split("://", 1)[1]:
            raise CommandError("Give the site's address as scheme and host only, e.g. https://almaty-process.org")
        try:
            Document.reader_of_rule(rule)
        except ValueError as error:
            raise CommandError(f"{error}: give public, staff or state:<id>") from error
        for language in languages or LANGUAGE_CODES:
            record = build(origin, language, rule)
            self.stdout.write(f"{language}: {record['csv']}, {record['json']}")
