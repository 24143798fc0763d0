from django.core.management.base import BaseCommand
from django.utils import timezone

from subscriptions.mailing import send_due_notifications


class Command(BaseCommand):
    help = "Mail each confirmed subscription the new public items it has not had yet (run it e.g. hourly)."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_due_notifications(timezone.now())} digest(s) sent")
