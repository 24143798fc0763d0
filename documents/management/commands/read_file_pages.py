from django.core.management.base import BaseCommand

from documents.tasks import read_pages_of_older_files


class Command(BaseCommand):
    help = (
        "Read again the files whose text was read before it was kept page by page, so that search hits "
        "inside them name their page (one text extraction job per file)."
    )

    def handle(self, *args, **options):
        count = read_pages_of_older_files()
        self.stdout.write(f"{count} file(s) queued for reading.")
