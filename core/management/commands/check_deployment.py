from django.core.management.base import BaseCommand, CommandError

from core.health import deployment_report


class Command(BaseCommand):
    help = (
        "Check a deployment: its settings (check --deploy), the database, the cache, the file store (write and "
        "read), the job queue, and that a worker answers."
    )

    def add_arguments(self, parser):
        parser.add_argument("--wait", type=float, default=30, help="seconds to wait for a worker to answer")

    def handle(self, *args, wait, **options):
        report = deployment_report(worker_wait=wait)
        for part, result in report.items():
            self.stdout.write(f"{part}: {result}")
        failing = [part for part, result in report.items() if result != "ok"]
        if failing:
            raise CommandError(f"not ready: {', '.join(failing)}")
        self.stdout.write("The deployment is ready.")
