from pathlib import Path

from django.core.management.base import BaseCommand

from core.backup import export_files


class Command(BaseCommand):
    help = "Copy every stored file (local folder or object storage) into a folder, with SHA256SUMS."

    def add_arguments(self, parser):
        parser.add_argument("target", type=Path)

    def handle(self, *args, target, **options):
        target.mkdir(parents=True, exist_ok=True)
        count = export_files(target)
        self.stdout.write(f"{count} file(s) copied to {target}.")
