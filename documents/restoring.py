"""Restoring a version of a document (django-reversion) keeps what the portal read from its files.

Versions leave out what the portal computes from a file (core.history.HISTORY): its text (and its pages), the
outcome of the extraction and its download count. A restore saves each file of the version with
raw=True, which would put those back to their defaults, "pending" and empty, and so drop the
document's text from the search until someone retried the extraction by hand. Instead, when the
restored file is the one already stored (same checksum, or same stored name), its text, status,
page count and downloads are kept; when it is another file whose text the archive has read
before (same checksum), that text is re-used; otherwise its text is read again once the restore
is committed.
"""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from documents import tasks
from documents.models import DocumentFile, ExtractionStatus, FilePage
from search import engine

READ_FROM_THE_FILE = ("extracted_text", "extraction_status", "extraction_error", "page_count")
KEPT_WHEN_THE_SAME = (*READ_FROM_THE_FILE, "download_count")


def _same_file_q(document_file) -> Q:
    same = Q(file=document_file.file.name) if document_file.file else Q(pk__in=[])
    return same | Q(sha256=document_file.sha256) if document_file.sha256 else same


def keep_computed_data(document_file) -> None:
    """Give a file being restored what the archive already read from the same bytes.

    Its pages (FilePage) follow after the save (restore_pages): kept when it is the stored file,
    copied from the file its text is re-used from, or dropped until its text is read again.
    """
    current = DocumentFile.objects.filter(_same_file_q(document_file), pk=document_file.pk).first()
    if current is not None:
        for name in KEPT_WHEN_THE_SAME:
            setattr(document_file, name, getattr(current, name))
        return
    document_file._pages_from = None
    if not document_file.sha256:
        return
    read_before = (
        DocumentFile.objects.filter(sha256=document_file.sha256, extraction_status__in=ExtractionStatus.with_text())
        .exclude(pk=document_file.pk)
        .first()
    )
    if read_before is not None:
        for name in READ_FROM_THE_FILE:
            setattr(document_file, name, getattr(read_before, name))
        document_file._pages_from = read_before.pk


def restore_pages(document_file) -> None:
    """Replace a restored file's pages by those of the file its text came from (none: read again)."""
    if not hasattr(document_file, "_pages_from"):
        return
    source = document_file.__dict__.pop("_pages_from")
    document_file.pages.all().delete()
    if source is not None:
        pages = FilePage.objects.filter(file_id=source).values_list("number", "text")
        FilePage.objects.bulk_create(FilePage(file=document_file, number=number, text=text) for number, text in pages)
        engine.index_passages(FilePage.objects.filter(file=document_file).exclude(text=""))


@receiver(pre_save, sender=DocumentFile, dispatch_uid="documents_restore_keeps_text")
def file_restoring(sender, instance, raw=False, **kwargs):
    # Raw saves are restores (django-reversion) and fixtures; ordinary saves keep their own fields.
    if raw:
        keep_computed_data(instance)


@receiver(post_save, sender=DocumentFile, dispatch_uid="documents_restore_reads_new_text")
def file_restored(sender, instance, raw=False, **kwargs):
    if raw:
        restore_pages(instance)
    if raw and instance.file and instance.extraction_status == ExtractionStatus.PENDING:
        transaction.on_commit(lambda pk=instance.pk: tasks.extract_file_text.enqueue(pk), robust=True)
