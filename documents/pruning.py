"""Stored files that nothing refers to any more.

Deleting or replacing a file in the admin keeps its bytes, because the edit history can
restore that version. A stored file is an orphan once neither a current file row nor any
version in the history names it.
"""

import json

from django.core.files.storage import default_storage
from reversion.models import Version

from documents.models import DocumentFile

FOLDER = "documents"


def referenced_names() -> set[str]:
    names = set(DocumentFile.objects.exclude(file="").values_list("file", flat=True))
    for data in Version.objects.get_for_model(DocumentFile).values_list("serialized_data", flat=True).iterator():
        for record in json.loads(data):
            if record.get("fields", {}).get("file"):
                names.add(record["fields"]["file"])
    return names


def orphaned_names() -> list[str]:
    try:
        _folders, stored = default_storage.listdir(FOLDER)
    except FileNotFoundError:  # a local folder not made yet (object storage has no folders to miss)
        return []
    keep = referenced_names()
    return sorted(name for name in (f"{FOLDER}/{filename}" for filename in stored) if name not in keep)


def delete_orphans() -> list[str]:
    orphans = orphaned_names()
    for name in orphans:
        default_storage.delete(name)
    return orphans
