"""Behaviour shared by the portal's content models."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access import is_staff, published_q


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """Items the public may see: published, and not scheduled for later."""
        return self.filter(published_q())

    def visible_to(self, user):
        if is_staff(user):
            return self
        return self.published()


class Publishable(models.Model):
    """A draft until the secretariat publishes it; optionally from a set time."""

    class PublicationStatus(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    publication_status = models.CharField(
        _("publication status"),
        max_length=10,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
    )
    publish_at = models.DateTimeField(
        _("publish from"),
        null=True,
        blank=True,
        help_text=_("Leave empty to publish as soon as the status is “published”."),
    )

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.publication_status == self.PublicationStatus.PUBLISHED and (
            self.publish_at is None or self.publish_at <= timezone.now()
        )
