"""The search index: one entry per document, rebuilt whenever the document or its files change.

The entry points at documents.Document by name only: the engine imports no app above it.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """What the search engine knows about one document.

    The texts are copies made for searching: the title and summary in both languages and the
    extracted text of the files anyone may download. On PostgreSQL `lemma_vector` holds the lemmas
    (search.lemmas) of title (weight A), summary (B) and text (C) in the `simple` configuration and
    decides what matches, and `rank_vector` its title and summary part, which orders the matches.
    Elsewhere `stems` and `title_stems` hold the lemmas between spaces.

    The document's own visibility and list fields (publication, audience, kind, date, meeting) are
    copied here too, so that an anonymous search can match, count and rank in this table alone
    (see documents.search). documents.indexing refreshes them with the texts on every save, raw
    save (a restored version) and bulk update of the document or its files, and check_search_index
    finds any drift; the page shown is still read through Document.objects.visible_to(), so a
    stale copy could at worst miscount, never show a hidden document.
    """

    document = models.OneToOneField(
        "documents.Document",
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
    # NULL until the entry is indexed with lemmas: check_search_index reports such entries.
    lemma_vector = SearchVectorField(_("lemma vector"), null=True, blank=True)
    # Title and summary only: small enough to rank tens of thousands of matches quickly,
    # where ranking on the whole text would read every matching file's text from disk.
    rank_vector = SearchVectorField(_("ranking vector"), null=True, blank=True)
    publication_status = models.CharField(_("publication status"), max_length=20, blank=True)
    publish_at = models.DateTimeField(_("publish from"), null=True, blank=True)
    audience = models.CharField(_("who may see it"), max_length=20, blank=True)
    kind = models.CharField(_("kind"), max_length=30, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    # No constraint or reverse accessor: a copy of Document.meeting, which already protects the meeting.
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("meeting"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        ordering = ["document"]
        # Created on PostgreSQL only (see core.operations); SQLite has no GIN indexes.
        indexes = [
            GinIndex(fields=["lemma_vector"], name="search_entry_lemma_gin"),
        ]

    def __str__(self):
        return str(self.document_id)

    def get_absolute_url(self):
        return self.document.get_absolute_url()
