"""A reader's request to be told by e-mail of new items; kept only while it is wanted.

An unconfirmed request is deleted after SUBSCRIPTION_CONFIRM_DAYS (subscriptions.sending.prune_unconfirmed),
and unsubscribing deletes the row with its address.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.i18n import LANGUAGE_CODES


class Subscription(models.Model):
    class Topic(models.TextChoices):
        MEETINGS = "meetings", _("new meetings")
        DOCUMENTS = "documents", _("new documents")
        NEWS = "news", _("news")
        INFORMATION_SHEETS = "information_sheets", _("information sheets")
        SEARCH = "search", _("a saved search of the archive")

    email = models.EmailField(_("e-mail address"), max_length=254)
    language = models.CharField(_("language"), max_length=5, choices=[(code, code) for code in LANGUAGE_CODES])
    topic = models.CharField(_("what to follow"), max_length=20, choices=Topic.choices)
    # For documents and saved searches: the archive's query string, read by documents.filters.DocumentFilter.
    query = models.CharField(_("archive query"), max_length=500, blank=True)
    # A delegate who subscribed, signed in, with the address of their account: their digests also hold the
    # items restricted to them (subscriptions.mailing.reader). Empty: public items only.
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
        verbose_name=_("delegate"),
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)
    # The highest id of each kind of item when the subscription was confirmed: older items are not news.
    baseline = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["confirmed_at"]), models.Index(fields=["email"])]

    def __str__(self):
        return f"{masked(self.email)} · {self.get_topic_display()}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class SentItem(models.Model):
    """One item mailed to one subscription: what is recorded here is never sent to it again."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="sent_items")
    kind = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscription", "kind", "object_id"], name="subscription_item_sent_once")
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id}"


def masked(email: str) -> str:
    """The address with most of its local part hidden: a@example.org → a***@example.org."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}***@{domain}"
