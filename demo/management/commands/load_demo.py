from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from demo.loading import load_demo


class Command(BaseCommand):
    help = (
        "Load bilingual demonstration content drawn from the seed documents: states, organisations, meetings "
        "with their participants, an outcome statement, documents, pages and news. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seeds-dir",
            type=Path,
            help="Folder with the seed documents (default: the SEEDS_DIR setting).",
        )

    def handle(self, *args, **options):
        counts = load_demo(options["seeds_dir"])
        self.stdout.write(_("Demo content loaded:"))
        for model, number in counts.items():
            self.stdout.write(f"  {model._meta.verbose_name_plural}: {number}")
