"""What a document's search entry holds, and keeping it current.

The entry is rebuilt on every save of a document or of a file, after bulk updates (text extractions
among them) of documents or files (their querysets announce them, see documents.signals), and
after raw saves too: django-reversion restores versions with raw saves, and a restored document
must not keep the copies of the version it replaced. find_drift() and repair_drift() find and mend
what could still slip through (see the check_search_index command).
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Prefetch
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from documents.models import Audience, Document, DocumentFile
from documents.signals import documents_updated
from search import engine

DOCUMENT_FIELDS = ("title_ru", "title_en", "summary_ru", "summary_en", *engine.COPIED_FIELDS)


def searchable_files():
    # Only files anyone may download are indexed: a restricted file's text must never surface
    # in a snippet of a public document.
    return DocumentFile.objects.filter(audience=Audience.PUBLIC).exclude(extracted_text="").order_by("language")


def _entry(document, files) -> tuple:
    return (
        document.pk,
        (document.title_ru, document.title_en),
        (document.summary_ru, document.summary_en),
        [file.extracted_text for file in files],
        {name: getattr(document, name) for name in engine.COPIED_FIELDS},
    )


def index_document(document, create: bool = True) -> None:
    """Bring one document's entry up to date; `document` is a Document or its primary key.

    The document's row is locked while its entry is written: a re-index that read the document
    before a concurrent change committed would otherwise write the old copies after the new ones.
    """
    pk = document.pk if isinstance(document, Document) else document
    with transaction.atomic():
        document = Document.objects.select_for_update().filter(pk=pk).only(*DOCUMENT_FIELDS).first()
        if document is None:
            return
        files = searchable_files().filter(document_id=pk).only("extracted_text")
        pk, titles, summaries, texts, copies = _entry(document, files)
        engine.index_entry(pk, titles, summaries, texts, copies, create=create)


def rebuild_whole_index(batch_size: int = 1000, progress=None) -> int:
    """Clear the index and index every document again, in one transaction; returns how many.

    Then the index is vacuumed (search.engine.tidy_index) unless the caller holds a transaction.
    """
    with transaction.atomic():
        engine.clear_index()
        count = rebuild_index(batch_size=batch_size, progress=progress)
    engine.tidy_index()
    return count


def rebuild_index(queryset=None, batch_size: int = 1000, progress=None) -> int:
    """Rebuild the entries of `queryset` (all documents by default) in batches; returns how many."""
    queryset = (queryset if queryset is not None else Document.objects.all()).order_by("pk")
    queryset = queryset.only(*DOCUMENT_FIELDS).prefetch_related(
        Prefetch("files", queryset=searchable_files().only("document_id", "extracted_text"), to_attr="indexed_files")
    )
    done = 0
    last_pk = 0
    while True:
        batch = list(queryset.filter(pk__gt=last_pk)[:batch_size])
        if not batch:
            return done
        done += engine.index_entries(_entry(document, document.indexed_files) for document in batch)
        last_pk = batch[-1].pk
        if progress:
            progress(done)


@dataclass
class Drift:
    """Where the search index and the archive disagree, by document id."""

    stale: list[int] = field(default_factory=list)  # the entry's copies or titles differ from the document
    missing: list[int] = field(default_factory=list)  # a document without an entry
    orphans: list[int] = field(default_factory=list)  # an entry without a document
    without_lemmas: list[int] = field(default_factory=list)  # an entry written before lemmas (PostgreSQL)

    def __bool__(self):
        return bool(self.stale or self.missing or self.orphans or self.without_lemmas)


# What can be compared without rebuilding the texts: the copies, the titles and summaries, and
# (without PostgreSQL) the title's lemmas, which tell an entry written before lemmas.
COMPARED = ("title", "summary", "title_stems", *engine.COPIED_FIELDS)


def _expected(document) -> tuple:
    _pk, titles, summaries, texts, copies = _entry(document, [])
    fields = engine.entry_fields(titles, summaries, texts, copies)
    return tuple(fields[name] for name in COMPARED)


def find_drift(batch_size: int = 2000) -> Drift:
    drift = Drift()
    documents = Document.objects.order_by("pk").only(*DOCUMENT_FIELDS)
    last_pk = 0
    while True:
        batch = list(documents.filter(pk__gt=last_pk)[:batch_size])
        if not batch:
            break
        entries = engine.entry_values([document.pk for document in batch], COMPARED)
        for document in batch:
            stored = entries.get(document.pk)
            if stored is None:
                drift.missing.append(document.pk)
            elif stored != _expected(document):
                drift.stale.append(document.pk)
        last_pk = batch[-1].pk
    drift.orphans = engine.orphan_entries(Document.objects.values("pk"))
    orphans = set(drift.orphans)
    drift.without_lemmas = [pk for pk in engine.entries_without_lemmas() if pk not in orphans]
    return drift


def repair_drift(drift: Drift) -> None:
    with transaction.atomic():
        rebuild_index(Document.objects.filter(pk__in=[*drift.stale, *drift.missing, *drift.without_lemmas]))
        engine.delete_entries(drift.orphans)


@receiver(post_save, sender=Document, dispatch_uid="search_index_document")
def document_saved(sender, instance, **kwargs):
    # Raw saves too: django-reversion restores versions with them (loaddata as well, harmlessly).
    index_document(instance)


# A text extraction records its outcome with update(), announced through documents_updated.
@receiver(post_save, sender=DocumentFile, dispatch_uid="search_index_file_saved")
def file_changed(sender, instance, **kwargs):
    index_document(instance.document_id)


@receiver(documents_updated, dispatch_uid="search_index_bulk_update")
def documents_changed(sender, ids, **kwargs):
    # Sent inside the update's transaction. As in index_document(), the documents' rows are locked
    # first (in one order, so that two bulk updates cannot deadlock) before their entries are written.
    locked = Document.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True)
    rebuild_index(Document.objects.filter(pk__in=list(locked)))


@receiver(post_delete, sender=DocumentFile, dispatch_uid="search_index_file_deleted")
def file_deleted(sender, instance, **kwargs):
    # When the whole document is being deleted its entry may already be gone: refresh, never recreate.
    index_document(instance.document_id, create=False)
