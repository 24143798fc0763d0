import datetime

from django.core.management.base import BaseCommand, CommandError

from indicators.importing import FigureImportError, import_figures_file


class Command(BaseCommand):
    help = (
        "Import indicator values from a World Bank WDI CSV file or a UNHCR Refugee Data Finder export. "
        "A file with any bad row changes nothing; bad rows are listed by line number."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file, as downloaded.")
        parser.add_argument(
            "--retrieved",
            type=datetime.date.fromisoformat,
            default=None,
            help="The date the file was downloaded, YYYY-MM-DD (default: today).",
        )
        parser.add_argument(
            "--sample", action="store_true", help="The figures are illustrative: pages label them as sample data."
        )

    def handle(self, *args, **options):
        retrieved = options["retrieved"] or datetime.date.today()
        try:
            result = import_figures_file(options["file"], retrieved=retrieved, is_sample=options["sample"])
        except FigureImportError as error:
            raise CommandError("\n".join(error.messages)) from error
        self.stdout.write(result.summary())
