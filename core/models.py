"""Behaviour shared by the portal's content models."""

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext
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

    # The field of a publishable parent whose draft hides this item too (a document's meeting).
    publication_parent_field: str | None = None

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
    def publication_parent(self):
        return getattr(self, self.publication_parent_field) if self.publication_parent_field else None

    def _unpublished_reason(self) -> str | None:
        if self.publication_status != self.PublicationStatus.PUBLISHED:
            return "draft"
        if self.publish_at is not None and self.publish_at > timezone.now():
            return formats.date_format(timezone.localtime(self.publish_at), "DATETIME_FORMAT")
        return None

    def hidden_from_public_reasons(self) -> list[str]:
        """Why an anonymous reader gets a 404 here, in words for the secretariat; empty when the public sees it."""
        reasons = []
        own = self._unpublished_reason()
        if own == "draft":
            reasons.append(gettext("It is a draft."))
        elif own:
            reasons.append(gettext("Its publication is scheduled for %(date)s.") % {"date": own})
        parent = self.publication_parent
        parents = parent.hidden_by_parent_reason() if parent is not None else None
        if parents:
            reasons.append(parents)
        audience = getattr(self, "audience", "public")
        if audience != "public":
            reasons.append(
                gettext("Only these readers may see it: %(audience)s.") % {"audience": self.get_audience_display()}
            )
        return reasons

    def hidden_by_parent_reason(self) -> str | None:
        """Why the items that belong to this one are hidden from the public because of it, or None."""
        own = self._unpublished_reason()
        values = {"kind": self._meta.verbose_name, "title": str(self)}
        if own == "draft":
            return gettext("It belongs to a draft, %(kind)s “%(title)s”.") % values
        if own:
            return gettext("It belongs to %(kind)s “%(title)s”, whose publication is scheduled for %(date)s.") % {
                **values,
                "date": own,
            }
        return None

    @property
    def is_published(self) -> bool:
        return self.publication_status == self.PublicationStatus.PUBLISHED and (
            self.publish_at is None or self.publish_at <= timezone.now()
        )

    # Items that hide behind this one (a meeting's documents, a plan's activities): found through the
    # children's own publication_parent_field, so a new kind of child needs no change here.

    # The lookup from a child to this parent when the parent field is not a foreign key (an activity's
    # plan is its priority's plan: "priority__plan"); None when it is publication_parent_field itself.
    publication_parent_lookup: str | None = None

    @classmethod
    def child_kinds(cls) -> list[tuple[type, str]]:
        """(model, lookup to this model) of every publishable model whose publication parent this model is."""
        kinds = []
        for model in apps.get_models():
            if not issubclass(model, Publishable) or not model.publication_parent_field:
                continue
            lookup = model.publication_parent_lookup or model.publication_parent_field
            target = model
            for part in lookup.split("__"):
                target = target._meta.get_field(part).related_model
            if target is cls:
                kinds.append((model, lookup))
        return kinds

    def children(self, kind: tuple[type, str]) -> models.QuerySet:
        model, lookup = kind
        return model._default_manager.filter(**{lookup: self})

    def draft_children(self, kind: tuple[type, str]) -> models.QuerySet:
        return self.children(kind).exclude(publication_status=self.PublicationStatus.PUBLISHED)

    def published_children_hidden_by_this(self, limit: int = 10) -> list[tuple[type, int, list]]:
        """(model, count, first items) for each kind of published child the public cannot see because of this.

        One query for the count and one for the first items, per kind of child, and none at all
        while this item is public.
        """
        if self.pk is None or self._unpublished_reason() is None:
            return []
        hidden = []
        for kind in self.child_kinds():
            published = self.children(kind).filter(publication_status=self.PublicationStatus.PUBLISHED)
            count = published.count()
            if count:
                hidden.append((kind[0], count, list(published[:limit])))
        return hidden
