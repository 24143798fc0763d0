"""Background jobs of the document archive (see core.jobs)."""

from django.apps import apps

from core.jobs import job


@job()
def extract_file_text(file_id: int) -> str:
    """Read the text of one stored file; its outcome is recorded on the file (extraction status)."""
    # Looked up through the app registry: documents.models enqueues this job and imports this module.
    document_file = apps.get_model("documents", "DocumentFile").objects.filter(pk=file_id).first()
    if document_file is None:
        return "gone"
    document_file.extract_text()
    return document_file.extraction_status


def read_pages_of_older_files() -> int:
    """Read again the files whose text is not kept page by page yet (one extraction job each); how many."""
    ids = list(apps.get_model("documents", "DocumentFile").objects.without_pages().values_list("pk", flat=True))
    for pk in ids:
        extract_file_text.enqueue(pk)
    return len(ids)


@job(retries=1, time_limit=3600)
def recognise_file_text(file_id: int) -> str:
    """OCR the pages of a stored PDF that have no text layer (scans); the outcome is recorded on the file."""
    document_file = apps.get_model("documents", "DocumentFile").objects.filter(pk=file_id).first()
    if document_file is None:
        return "gone"
    document_file.recognise_text()
    return document_file.extraction_status


@job(retries=1, time_limit=3600)
def rebuild_search_index(batch_size: int = 1000) -> int:
    """Rebuild the whole search index in one transaction: readers see the old index until it is done."""
    # Imported here: documents.indexing imports documents.models, which imports this module.
    from documents.indexing import rebuild_whole_index

    return rebuild_whole_index(batch_size=batch_size)
