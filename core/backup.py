"""Copy the stored files out of, and back into, whichever storage holds them (folder or object storage).

The database is dumped and restored by PostgreSQL's own tools (scripts/backup.sh, scripts/restore.sh);
these functions carry the files, with a SHA256SUMS list that the restore checks.
"""

import hashlib
from pathlib import Path

from django.core.files.base import File
from django.core.files.storage import default_storage

FOLDERS = ("documents",)
CHECKSUMS = "SHA256SUMS"


def _stored_names(storage, folder: str):
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from _stored_names(storage, f"{folder}/{sub}")


def export_files(target: Path, storage=None) -> int:
    """Copy every stored file into `target`, with their checksums; returns how many."""
    storage = storage or default_storage
    lines = []
    for folder in FOLDERS:
        for name in _stored_names(storage, folder):
            destination = target / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with storage.open(name, "rb") as source, destination.open("wb") as copy:
                for chunk in iter(lambda: source.read(1024 * 1024), b""):
                    digest.update(chunk)
                    copy.write(chunk)
            lines.append(f"{digest.hexdigest()}  {name}")
    (target / CHECKSUMS).write_text("".join(f"{line}\n" for line in sorted(lines, key=lambda x: x[66:])))
    return len(lines)


class ChecksumMismatch(Exception):
    pass


def import_files(source: Path, storage=None) -> int:
    """Put every file listed in `source`/SHA256SUMS back into the storage under its own name; returns how many.

    Every file is checked against its checksum before anything is written.
    """
    storage = storage or default_storage
    listed = []
    for line in (source / CHECKSUMS).read_text().splitlines():
        digest, name = line.split("  ", 1)
        data_path = source / name
        if hashlib.sha256(data_path.read_bytes()).hexdigest() != digest:
            raise ChecksumMismatch(f"{name} does not match its checksum")
        listed.append(name)
    for name in listed:
        if storage.exists(name):
            storage.delete(name)
        with (source / name).open("rb") as data:
            saved = storage.save(name, File(data))
        if saved != name:
            raise ChecksumMismatch(f"{name} was stored as {saved}")
    return len(listed)
