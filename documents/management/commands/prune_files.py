from django.core.management.base import BaseCommand

from documents.pruning import delete_orphans, orphaned_names


class Command(BaseCommand):
    help = (
        "List stored document files that no file row and no version in the edit history refers to; "
        "with --delete, remove them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="Delete the orphaned files (default: only list).")

    def handle(self, *args, delete, **options):
        names = delete_orphans() if delete else orphaned_names()
        for name in names:
            self.stdout.write(name)
        verb = "deleted" if delete else "orphaned (run with --delete to remove)"
        self.stdout.write(f"{len(names)} file(s) {verb}.")
