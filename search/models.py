"""The search index: one entry per document, rebuilt whenever the document or its files change."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.models import Document


class SearchEntry(models.Model):
    """What the search engine knows about one document.

    The texts are copies made for searching: the title and summary in both languages and the
    extracted text of the files anyone may download. On PostgreSQL `vector` holds the weighted
    full-text vector (title A, summary B, text C) that decides what matches, and `rank_vector`
    the title and summary part that orders the matches; elsewhere `stems` and `title_stems`
    hold Snowball stems between spaces.
    """

    document = models.OneToOneField(
        Document,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_entry",
        verbose_name=_("document"),
    )
    title = models.TextField(_("title"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text of the files"), blank=True)
    title_stems = models.TextField(_("stems of the title"), blank=True)
    stems = models.TextField(_("stems"), blank=True)
    vector = SearchVectorField(_("search vector"), null=True, blank=True)
    # Title and summary only: small enough to rank tens of thousands of matches quickly,
    # where ranking on the whole text would read every matching file's text from disk.
    rank_vector = SearchVectorField(_("ranking vector"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        ordering = ["document"]
        # Created on PostgreSQL only (see search.operations); SQLite has no GIN indexes.
        indexes = [GinIndex(fields=["vector"], name="search_entry_vector_gin")]

    def __str__(self):
        return str(self.document_id)

    def get_absolute_url(self):
        return self.document.get_absolute_url()
