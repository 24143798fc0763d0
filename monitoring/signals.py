"""When an information sheet or its list of items changes, its PDFs are typeset again in the background.

Several changes in one transaction (the sheet, then each of its lists) enqueue several jobs; the first
typesets and the others find the PDFs current (monitoring.pdf.current_pdf) and do nothing.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from monitoring.models import InformationSheet, SheetPdf
from monitoring.tasks import build_sheet_pdfs


def rebuild_later(sheet_id: int) -> None:
    transaction.on_commit(lambda: build_sheet_pdfs.enqueue(sheet_id))


@receiver(post_save, sender=InformationSheet, dispatch_uid="monitoring.sheet_saved")
def sheet_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        rebuild_later(instance.pk)


def sheet_items_changed(sender, instance, action, reverse, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and not reverse:
        rebuild_later(instance.pk)


for field in ("monitoring_items", "news", "meetings", "documents"):
    m2m_changed.connect(
        sheet_items_changed,
        sender=getattr(InformationSheet, field).through,
        dispatch_uid=f"monitoring.sheet_{field}_changed",
    )


@receiver(post_delete, sender=SheetPdf, dispatch_uid="monitoring.sheet_pdf_deleted")
def sheet_pdf_deleted(sender, instance, **kwargs):
    # A deleted sheet takes its PDFs' rows along (CASCADE); their files go once the deletion is committed.
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
