from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import ChecksumMismatch, import_files


class Command(BaseCommand):
    help = "Put the files of a backup folder (made by backup_files) back into the storage, checking each checksum."

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path)

    def handle(self, *args, source, **options):
        try:
            count = import_files(source)
        except (ChecksumMismatch, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{count} file(s) restored from {source}.")
