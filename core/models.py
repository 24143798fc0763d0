"""Behaviour shared by the portal's content models."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.access import is_staff, published_q


class PublishableQuerySet(models.QuerySet):
    """The queryset doors of a publishable model; the rule itself is the model's ``visible_q``."""

    def public(self):
        """Items anonymous readers may see."""
        return self.filter(self.model.public_q())

    def visible_to(self, user):
        """Items this user may see."""
        return self.filter(self.model.visible_q(user))

    def published(self):
        """The same as public(): kept for callers written before public() existed."""
        return self.public()


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

    @classmethod
    def public_q(cls, prefix: str = "") -> Q:
        """The rows anonymous readers may see; ``prefix`` is the path from the queried model."""
        return published_q(prefix)

    @classmethod
    def visible_q(cls, user, prefix: str = "") -> Q:
        """The rows this user may see: staff see drafts and scheduled items too."""
        return Q() if is_staff(user) else cls.public_q(prefix)

    def is_visible_to(self, user) -> bool:
        """The object door: the same rule as visible_q(), on this one object."""
        return is_staff(user) or self.is_published

    @property
    def is_published(self) -> bool:
        return self.publication_status == self.PublicationStatus.PUBLISHED and (
            self.publish_at is None or self.publish_at <= timezone.now()
        )
