from django.core.management.base import BaseCommand

from documents import tasks
from documents.indexing import rebuild_whole_index


class Command(BaseCommand):
    help = "Rebuild the search index of every document (titles, summaries and extracted text)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=1000)
        parser.add_argument(
            "--background", action="store_true", help="hand the rebuild to the worker (a background job) and return"
        )

    def handle(self, *args, batch_size, background, **options):
        if background:
            result = tasks.rebuild_search_index.enqueue(batch_size=batch_size)
            self.stdout.write(f"Rebuild queued as job {result.id}.")
            return
        count = rebuild_whole_index(batch_size=batch_size, progress=self.report_progress)
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} documents."))

    def report_progress(self, done):
        if done % 10000 == 0:
            self.stdout.write(f"{done} documents…")
