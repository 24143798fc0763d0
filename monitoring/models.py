"""Media monitoring: items from the press and partners' sites, and the information sheets compiled from them.

An information sheet lists only what its reader may see: each kind of linked item goes through its own
model's door (``visible_to``), so a restricted document in a sheet stays out of the page, the PDF, the feed
and the sitemap (``InformationSheet.contents_for``).
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.history import keeps_history
from core.i18n import LANGUAGE_CODES
from core.models import Publishable, PublishableQuerySet
from core.validators import validate_single_line
from documents.models import Document, DocumentFile
from meetings.models import Meeting
from pages.models import NewsItem
from participants.models import State


class Topic(models.Model):
    """A subject the secretariat follows in the media, such as statelessness or labour migration."""

    name = models.CharField(_("name"), max_length=100, validators=[validate_single_line])
    slug = models.SlugField(_("slug"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("monitoring topic")
        verbose_name_plural = _("monitoring topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


# The language a monitored item was published in: the region's languages, as for the archive's files.
SourceLanguage = DocumentFile.Language


@keeps_history()
class MonitoringItem(Publishable):
    """One item from the press or a partner's site, as the secretariat recorded it."""

    headline = models.CharField(
        _("headline"),
        max_length=500,
        validators=[validate_single_line],
        help_text=_("As the outlet published it, in its own language."),
    )
    outlet = models.CharField(_("outlet"), max_length=200, validators=[validate_single_line])
    url = models.URLField(
        _("address (URL)"), max_length=1000, blank=True, help_text=_("Leave empty when the item has no address.")
    )
    date = models.DateField(_("date"))
    language = models.CharField(_("language"), max_length=5, choices=SourceLanguage.choices)
    states = models.ManyToManyField(
        State, blank=True, related_name="monitoring_items", verbose_name=_("states concerned")
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="items", verbose_name=_("topics"))
    summary = models.TextField(_("summary"), blank=True)
    is_illustrative = models.BooleanField(
        _("illustrative example"),
        default=False,
        help_text=_("Tick for a sample item that no outlet published: the site labels it as such."),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        verbose_name = _("monitoring item")
        verbose_name_plural = _("monitoring items")
        ordering = ["-date", "headline"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"],
                condition=~Q(url=""),
                name="monitoring_item_url_once",
                violation_error_message=_("An item with this address is already recorded."),
            )
        ]

    def __str__(self):
        return self.headline


@keeps_history()
class InformationSheet(Publishable):
    """A joint information sheet (a briefing) for a period, compiled from chosen items."""

    title = models.CharField(_("title"), max_length=300, validators=[validate_single_line])
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, help_text=_("Used in the page address; keep it stable.")
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Plain text; a blank line starts a new paragraph.")
    )
    monitoring_items = models.ManyToManyField(
        MonitoringItem, blank=True, related_name="sheets", verbose_name=_("monitoring items")
    )
    news = models.ManyToManyField(NewsItem, blank=True, related_name="information_sheets", verbose_name=_("news"))
    meetings = models.ManyToManyField(
        Meeting, blank=True, related_name="information_sheets", verbose_name=_("meetings")
    )
    documents = models.ManyToManyField(
        Document, blank=True, related_name="information_sheets", verbose_name=_("documents")
    )
    is_illustrative = models.BooleanField(
        _("illustrative example"),
        default=False,
        help_text=_("Tick for a sample sheet that the secretariat did not issue: the site labels it as such."),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        verbose_name = _("information sheet")
        verbose_name_plural = _("information sheets")
        ordering = ["-period_end", "-period_start", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("monitoring:sheet_detail", args=[self.slug])

    def get_pdf_url(self):
        return reverse("monitoring:sheet_pdf", args=[self.slug])

    @property
    def date(self):
        """The day the sheet's period closes: its date in lists and feeds."""
        return self.period_end

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The end of the period cannot be before its start.")})

    def contents_for(self, user) -> "SheetContents":
        """The linked items this reader may see, each kind through its own model's door."""
        return SheetContents(
            monitoring_items=list(
                self.monitoring_items.visible_to(user).prefetch_related("states", "topics").order_by("date", "pk")
            ),
            news=list(self.news.visible_to(user).order_by("date", "pk")),
            meetings=list(self.meetings.visible_to(user).select_related("host_country").order_by("start_date", "pk")),
            documents=list(self.documents.visible_to(user).select_related("meeting").order_by("date", "pk")),
        )


@dataclass
class SheetContents:
    monitoring_items: list
    news: list
    meetings: list
    documents: list

    def __bool__(self):
        return bool(self.monitoring_items or self.news or self.meetings or self.documents)


class SheetPdf(models.Model):
    """A sheet's PDF in one language, typeset for the public from what the public may see."""

    sheet = models.ForeignKey(InformationSheet, on_delete=models.CASCADE, related_name="pdfs")
    language = models.CharField(_("language"), max_length=5, choices=[(code, code) for code in LANGUAGE_CODES])
    file = models.FileField(_("file"), upload_to="information-sheets/")
    # The SHA-256 of the HTML it was typeset from: a PDF is served only while that HTML is still what the
    # public content gives, so an item restricted after the build never reaches a reader (monitoring.pdf).
    source_digest = models.CharField(max_length=64)
    built_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("information sheet PDF")
        verbose_name_plural = _("information sheet PDFs")
        constraints = [models.UniqueConstraint(fields=["sheet", "language"], name="sheet_pdf_once_per_language")]

    def __str__(self):
        return f"{self.sheet} ({self.language})"
