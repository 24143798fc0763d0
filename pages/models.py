"""News and the process's own pages (About, the secretariat's functions)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.history import keeps_history
from core.models import Publishable, PublishableQuerySet
from core.validators import validate_single_line


@keeps_history()
class Page(Publishable):
    """A standing page such as "About the process"."""

    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    slug = models.SlugField(_("slug"), unique=True, help_text=_("Used in the page address; keep it stable."))
    body = models.TextField(_("text"), blank=True, help_text=_("Plain text; a blank line starts a new paragraph."))
    position = models.PositiveSmallIntegerField(_("position in the menu"), default=0)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["position", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:page_detail", args=[self.slug])


@keeps_history()
class NewsItem(Publishable):
    """A news item about the process or its region."""

    title = models.CharField(_("title"), max_length=300, validators=[validate_single_line])
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, help_text=_("Used in the page address; keep it stable.")
    )
    date = models.DateField(_("date"))
    lead = models.TextField(_("lead"), blank=True, help_text=_("One or two sentences shown in lists and feeds."))
    body = models.TextField(_("text"), blank=True, help_text=_("Plain text; a blank line starts a new paragraph."))

    objects = PublishableQuerySet.as_manager()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-date", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:news_detail", args=[self.slug])
