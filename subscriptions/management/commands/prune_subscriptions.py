from django.core.management.base import BaseCommand
from django.utils import timezone

from subscriptions.mailing import prune_unconfirmed


class Command(BaseCommand):
    help = "Delete subscription requests never confirmed within SUBSCRIPTION_CONFIRM_DAYS, with their addresses."

    def handle(self, *args, **options):
        self.stdout.write(f"{prune_unconfirmed(timezone.now())} unconfirmed request(s) deleted")
