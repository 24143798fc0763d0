"""Remember the documents that leave the public (and come back), for OAI-PMH's deleted records.

A document leaves the public when it is deleted, unpublished, restricted, scheduled for later, or when its
meeting is. Before a document or a meeting is saved or deleted, the public documents it holds are read;
after, those no longer public get a WithdrawnRecord, and those public again are marked so. Bulk updates
made in code (QuerySet.update) send no signal: Identify declares deleted records "transient".
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from documents.models import Document
from meetings.models import Meeting
from opendata.models import WithdrawnRecord
from opendata.records import public_set_specs

BEFORE = "_opendata_public_before"


def _public_documents(instance) -> dict[int, str]:
    if instance.pk is None:
        return {}
    if isinstance(instance, Meeting):
        return public_set_specs(Document.objects.filter(meeting_id=instance.pk))
    return public_set_specs(Document.objects.filter(pk=instance.pk))


def record_changes(before: dict[int, str], after: dict[int, str]) -> None:
    """Mark as withdrawn the documents public before and not after; as public again those public after."""
    now = timezone.now()
    for document_id in before.keys() - after.keys():
        WithdrawnRecord.objects.update_or_create(
            document_id=document_id,
            defaults={"changed_at": now, "is_withdrawn": True, "set_specs": before[document_id]},
        )
    if after:
        WithdrawnRecord.objects.filter(document_id__in=after, is_withdrawn=True).update(
            is_withdrawn=False, changed_at=now
        )


def _remember(sender, instance, raw=False, **kwargs):
    if not raw:
        setattr(instance, BEFORE, _public_documents(instance))


def _compare(sender, instance, raw=False, **kwargs):
    if raw or not hasattr(instance, BEFORE):
        return
    before = getattr(instance, BEFORE)
    delattr(instance, BEFORE)
    record_changes(before, _public_documents(instance))


def _compare_deleted(sender, instance, **kwargs):
    before = getattr(instance, BEFORE, {})
    if hasattr(instance, BEFORE):
        delattr(instance, BEFORE)
    record_changes(before, {})


def connect_signals() -> None:
    for model in (Document, Meeting):
        pre_save.connect(_remember, sender=model, dispatch_uid=f"opendata-before-save-{model.__name__}")
        post_save.connect(_compare, sender=model, dispatch_uid=f"opendata-after-save-{model.__name__}")
        pre_delete.connect(_remember, sender=model, dispatch_uid=f"opendata-before-delete-{model.__name__}")
        post_delete.connect(_compare_deleted, sender=model, dispatch_uid=f"opendata-after-delete-{model.__name__}")
