"""Background jobs of media monitoring (see core.jobs)."""

from django.apps import apps

from core.jobs import job


@job()
def build_sheet_pdfs(sheet_id: int) -> str:
    """Typeset an information sheet's PDFs (those missing or out of date) in every language."""
    # Imported here: monitoring.pdf imports the models, and the models' signals enqueue this job.
    from monitoring.pdf import build_pdfs

    sheet = apps.get_model("monitoring", "InformationSheet").objects.filter(pk=sheet_id).first()
    if sheet is None:
        return "gone"
    build_pdfs(sheet)
    return "built"
