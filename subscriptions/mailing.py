"""Subscriptions' mail: the confirmation, the digests of new public items, and the pruning of requests.

Every message carries a one-click unsubscribe link and the RFC 8058 headers. Digests hold public items only,
unless a delegate subscribed while signed in with their account's own address: then the items their rights
admit at the time of sending (``reader``).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Max
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from accounts.models import delegate_state_id
from core.access import is_staff
from core.i18n import localized
from documents.filters import DocumentFilter
from documents.models import Document
from meetings.models import Meeting
from monitoring.models import InformationSheet
from pages.models import NewsItem
from subscriptions.models import SentItem, Subscription

CONFIRM_SALT = "subscriptions.confirm"
UNSUBSCRIBE_SALT = "subscriptions.unsubscribe"
DIGEST_LENGTH = 50


def confirm_token(subscription: Subscription) -> str:
    return signing.dumps(subscription.pk, salt=CONFIRM_SALT)


def unsubscribe_token(subscription: Subscription) -> str:
    return signing.dumps(subscription.pk, salt=UNSUBSCRIBE_SALT)


def read_confirm_token(token: str) -> int | None:
    """The subscription's id, or None when the token is forged or older than SUBSCRIPTION_CONFIRM_DAYS."""
    try:
        return signing.loads(token, salt=CONFIRM_SALT, max_age=timedelta(days=settings.SUBSCRIPTION_CONFIRM_DAYS))
    except signing.BadSignature:
        return None


def read_unsubscribe_token(token: str) -> int | None:
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None


def absolute(path: str) -> str:
    return settings.PORTAL_ORIGIN.rstrip("/") + path


def may_read_restricted(user) -> bool:
    """Whether a subscription of this user gets the items restricted to them: delegates, never staff.

    Staff see drafts through the doors (visible_to), and a draft must never leave in a mail.
    """
    return user is not None and not is_staff(user) and delegate_state_id(user) is not None


def reader(subscription: Subscription):
    """Whose rights choose the items of a digest, checked at each sending (a delegate may have left)."""
    user = subscription.reader
    return user if may_read_restricted(user) else AnonymousUser()


def documents_of(query: str, user):
    """The documents a saved archive query selects for this reader, or None when the query is not valid."""
    filterset = DocumentFilter(QueryDict(query), queryset=Document.objects.visible_to(user), request=None)
    return filterset.qs if filterset.is_valid() else None


@dataclass
class Source:
    model: type
    kind: str

    def items(self, subscription: Subscription):
        user = reader(subscription)
        if self.kind == "document":
            documents = documents_of(subscription.query, user)
            return Document.objects.none() if documents is None else documents
        return self.model.objects.visible_to(user)


SOURCES = {
    Subscription.Topic.MEETINGS: Source(Meeting, "meeting"),
    Subscription.Topic.DOCUMENTS: Source(Document, "document"),
    Subscription.Topic.SEARCH: Source(Document, "document"),
    Subscription.Topic.NEWS: Source(NewsItem, "news"),
    Subscription.Topic.INFORMATION_SHEETS: Source(InformationSheet, "information_sheet"),
}


def baseline() -> dict:
    """The highest id of each kind now: what exists when a subscription starts is not sent as news."""
    return {source.kind: source.model.objects.aggregate(top=Max("pk"))["top"] or 0 for source in SOURCES.values()}


def message(subscription: Subscription, subject: str, template: str, context: dict) -> EmailMultiAlternatives:
    unsubscribe_url = absolute(reverse("subscriptions:unsubscribe", args=[unsubscribe_token(subscription)]))
    body = render_to_string(template, {**context, "subscription": subscription, "unsubscribe_url": unsubscribe_url})
    return EmailMultiAlternatives(
        subject=subject,
        body=body,
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def send_confirmation(subscription: Subscription) -> None:
    with translation.override(subscription.language):
        confirm_url = absolute(reverse("subscriptions:confirm", args=[confirm_token(subscription)]))
        message(
            subscription,
            gettext("Almaty Process portal: confirm your subscription"),
            "subscriptions/confirm_email.txt",
            {"confirm_url": confirm_url, "days": settings.SUBSCRIPTION_CONFIRM_DAYS},
        ).send()


def request_subscription(email: str, language: str, topic: str, query: str, user=None) -> Subscription:
    """Record a request and mail its confirmation link; asking twice for the same thing keeps one row.

    A subscription already confirmed gets no mail: the page answers the same either way, so it does not
    tell a stranger whether an address is subscribed.
    """
    linked = user if may_read_restricted(user) and user.email.casefold() == email.casefold() else None
    subscription, created = Subscription.objects.get_or_create(
        email=email, topic=topic, query=query, reader=linked, defaults={"language": language}
    )
    if not subscription.is_confirmed:
        if not created and subscription.language != language:
            subscription.language = language
            subscription.save(update_fields=["language"])
        send_confirmation(subscription)
    return subscription


def confirm(subscription: Subscription, now) -> None:
    if subscription.confirmed_at is None:
        subscription.confirmed_at = now
        subscription.baseline = baseline()
        subscription.save(update_fields=["confirmed_at", "baseline"])


def due_items(subscription: Subscription) -> list:
    source = SOURCES[subscription.topic]
    sent = SentItem.objects.filter(subscription=subscription, kind=source.kind).values("object_id")
    items = (
        source.items(subscription)
        .filter(pk__gt=subscription.baseline.get(source.kind, 0))
        .exclude(pk__in=sent)
        .order_by("pk")
    )
    return list(items[:DIGEST_LENGTH])


def send_digest(subscription: Subscription, now) -> int:
    """Mail one subscription the public items it has not had yet; the number of items sent."""
    with transaction.atomic():
        # Locked: two runs at once never both send the same items.
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        items = due_items(subscription)
        if not items:
            return 0
        kind = SOURCES[subscription.topic].kind
        SentItem.objects.bulk_create(
            [SentItem(subscription=subscription, kind=kind, object_id=item.pk) for item in items]
        )
        subscription.last_sent_at = now
        subscription.save(update_fields=["last_sent_at"])
        with translation.override(subscription.language):
            entries = [(localized(item, "title").text, absolute(item.get_absolute_url())) for item in items]
            mail = message(
                subscription,
                gettext("Almaty Process portal: new on the portal"),
                "subscriptions/digest_email.txt",
                {"entries": entries},
            )
        # The mail is queued (core.mail) only once the record of what it holds is committed.
        transaction.on_commit(mail.send)
    return len(items)


def send_due_notifications(now) -> int:
    """Send every confirmed subscription its digest of new public items; the number of mails sent."""
    sent = 0
    for subscription in Subscription.objects.filter(confirmed_at__isnull=False).iterator():
        sent += bool(send_digest(subscription, now))
    return sent


def prune_unconfirmed(now) -> int:
    """Delete requests never confirmed within SUBSCRIPTION_CONFIRM_DAYS; how many were deleted."""
    limit = now - timedelta(days=settings.SUBSCRIPTION_CONFIRM_DAYS)
    deleted, _ = Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=limit).delete()
    return deleted
