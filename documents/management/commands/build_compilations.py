"""Build the meetings' compiled PDFs now (what the background job does after a change)."""

from django.core.management.base import BaseCommand

from documents.compilation import build_all
from meetings.models import Meeting


class Command(BaseCommand):
    help = "Build the compiled PDF of each public meeting whose every part is public, in each language."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="only these meetings (by slug)")

    def handle(self, *args, slugs, **options):
        meetings = Meeting.objects.public().order_by("start_date")
        if slugs:
            meetings = meetings.filter(slug__in=slugs)
        for meeting in meetings:
            built = build_all(meeting.pk)
            languages = ", ".join(c.language for c in built) or "—"
            self.stdout.write(f"{meeting.slug}: {languages}")
