"""Keep the search index current: every save of a document or a file, and every extraction."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from documents.models import Document, DocumentFile
from documents.signals import file_text_extracted
from search.indexing import index_document


@receiver(post_save, sender=Document, dispatch_uid="search_index_document")
def document_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index_document(instance)


@receiver(post_save, sender=DocumentFile, dispatch_uid="search_index_file_saved")
@receiver(file_text_extracted, sender=DocumentFile, dispatch_uid="search_index_file_extracted")
def file_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        index_document(instance.document_id)


@receiver(post_delete, sender=DocumentFile, dispatch_uid="search_index_file_deleted")
def file_deleted(sender, instance, **kwargs):
    # When the whole document is being deleted its entry may already be gone: refresh, never recreate.
    index_document(instance.document_id, create=False)
