from django.utils import timezone

from core.jobs import job
from subscriptions.mailing import prune_unconfirmed, send_due_notifications


@job()
def send_notifications() -> int:
    return send_due_notifications(timezone.now())


@job()
def prune_subscriptions() -> int:
    return prune_unconfirmed(timezone.now())
