"""Build the open-data package (a zip of CSV files with datapackage.json) now, or hand it to the worker."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from opendata.package import build, build_open_data_package


class Command(BaseCommand):
    help = "Build the open-data package of everything public into the file storage; /open-data/ then offers it."

    def add_arguments(self, parser):
        parser.add_argument(
            "--origin",
            default=settings.PORTAL_ORIGIN,
            help="the site's address as readers see it, for the addresses in the files (default: PORTAL_ORIGIN)",
        )
        parser.add_argument("--background", action="store_true", help="hand the build to the worker and return")

    def handle(self, *args, origin, background, **options):
        origin = origin.rstrip("/")
        if not origin.startswith(("http://", "https://")) or "/" in origin.split("://", 1)[1]:
            raise CommandError("Give the site's address as scheme and host only, e.g. https://almaty-process.org")
        if background:
            result = build_open_data_package.enqueue(origin)
            self.stdout.write(f"queued: {result.id}")
            return
        built = build(origin)
        rows = ", ".join(f"{name} {count}" for name, count in built.counts.items())
        self.stdout.write(f"{built.file} ({filesizeformat(built.size)}): {rows}")
