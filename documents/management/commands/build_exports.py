"""Build the whole public archive's CSV and JSON files now (what the background job does after a change)."""

from django.core.management.base import BaseCommand, CommandError

from core.i18n import LANGUAGE_CODES
from documents.whole_archive import build


class Command(BaseCommand):
    help = (
        "Build the CSV and JSON of the whole public archive into the file storage, for the site's address "
        "(scheme and host, as readers use it) and each language; the unfiltered export is then sent from them."
    )

    def add_arguments(self, parser):
        parser.add_argument("origin", help="the site's address as readers see it, e.g. https://almaty-process.org")
        parser.add_argument("--language", action="append", choices=LANGUAGE_CODES, dest="languages")

    def handle(self, *args, origin, languages, **options):
        origin = origin.rstrip("/")
        if not origin.startswith(("http://", "https://")) or "/" in origin.split("://", 1)[1]:
            raise CommandError("Give the site's address as scheme and host only, e.g. https://almaty-process.org")
        for language in languages or LANGUAGE_CODES:
            record = build(origin, language)
            self.stdout.write(f"{language}: {record['csv']}, {record['json']}")
