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
