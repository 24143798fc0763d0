from django.core.management.base import BaseCommand
from django.db import transaction

from documents.indexing import rebuild_index
from search import engine


class Command(BaseCommand):
    help = "Rebuild the search index of every document (titles, summaries and extracted text)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=1000)

    def handle(self, *args, batch_size, **options):
        with transaction.atomic():
            engine.clear_index()
            count = rebuild_index(batch_size=batch_size, progress=self.report_progress)
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} documents."))

    def report_progress(self, done):
        if done % 10000 == 0:
            self.stdout.write(f"{done} documents…")
