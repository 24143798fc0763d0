"""Behaviour shared by the portal's content models."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """Items the public may see: published, and not scheduled for later."""
        return self.filter(publication_status=Publishable.PublicationStatus.PUBLISHED).filter(
            Q(publish_at__isnull=True) | Q(publish_at__lte=timezone.now())
        )

    def visible_to(self, user):
        if user.is_active and user.is_staff:
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
