"""Sending archive files: safe headers, byte ranges, and a meeting's files as one streamed zip."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from urllib.parse import quote

from django.utils import timezone

from core import csv
from documents import files

RANGE_CHUNK_SIZE = 64 * 1024
# Larger than any file we keep; longer positions in a Range header are read as this.
MAX_POSITION_DIGITS = 18


def content_disposition(filename: str) -> str:
    """attachment with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987), so Cyrillic survives."""
    return f"attachment; filename=\"{files.ascii_filename(filename)}\"; filename*=UTF-8''{quote(filename, safe='')}"


def parse_range(header: str, size: int) -> tuple[int, int] | None | str:
    """The single byte range asked for, as (first, last) inclusive.

    None means "send the whole file" (no header, a syntax we ignore, or several ranges,
    which RFC 9110 lets us refuse by answering in full); "unsatisfiable" means 416.
    """
    match = re.fullmatch(r"\s*bytes\s*=\s*([0-9]*)\s*-\s*([0-9]*)\s*", header or "")
    if not match or not (match[1] or match[2]):
        return None
    if match[1]:
        first = _position(match[1])
        if first >= size:
            return "unsatisfiable"
        last = _position(match[2]) if match[2] else size - 1
        if last < first:
            return None
        return first, min(last, size - 1)
    suffix = _position(match[2])
    if suffix == 0:
        return "unsatisfiable"
    return max(size - suffix, 0), size - 1


def _position(digits: str) -> int:
    """A byte position; thousands of digits (which int() refuses) mean "beyond any file"."""
    digits = digits.lstrip("0") or "0"
    return int(digits) if len(digits) <= MAX_POSITION_DIGITS else 10**MAX_POSITION_DIGITS


def read_range(fileobj, first: int, last: int) -> Iterator[bytes]:
    try:
        fileobj.seek(first)
        remaining = last - first + 1
        while remaining > 0:
            chunk = fileobj.read(min(RANGE_CHUNK_SIZE, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        fileobj.close()


class _ZipStream(io.RawIOBase):
    """A write-only, unseekable sink: zipfile writes into it, the generator empties it."""

    def __init__(self):
        self._buffer = bytearray()

    def writable(self):
        return True

    def write(self, data):
        self._buffer += data
        return len(data)

    def take(self) -> bytes:
        chunk = bytes(self._buffer)
        self._buffer.clear()
        return chunk


def unique_zip_names(entries: list[tuple[str, str]]) -> list[str]:
    """Sanitised, unique names for (wanted name, extension) pairs, in order."""
    seen = set()
    names = []
    for wanted, extension in entries:
        # A slash in a title is part of the title ("2015/2016"), not a folder: it is replaced, not cut
        # (no entry can leave the zip's root), and a dot in a title does not start an extension.
        stem = files.clean_name(re.sub(r"[/\\]", "-", wanted))[:120].rstrip(" .") or "document"
        name = f"{stem}.{extension}"
        counter = 2
        while name.lower() in seen:
            name = f"{stem} ({counter}).{extension}"
            counter += 1
        seen.add(name.lower())
        names.append(name)
    return names


def zip_date_time(moment) -> tuple[int, int, int, int, int, int]:
    local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    if local.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return local.timetuple()[:6]


def stream_zip(members: list[dict]) -> Iterator[bytes]:
    """A zip of the given files, produced chunk by chunk so memory stays flat whatever the total size.

    Each member: name, open (a callable returning a binary file), size, compressed (bool),
    modified (datetime); a member with "data" (bytes) instead of "open" is written as is.
    """
    sink = _ZipStream()
    with zipfile.ZipFile(sink, mode="w", allowZip64=True) as archive:
        for member in members:
            info = zipfile.ZipInfo(member["name"], date_time=zip_date_time(member["modified"]))
            info.compress_type = zipfile.ZIP_STORED if member.get("compressed") else zipfile.ZIP_DEFLATED
            info.file_size = member["size"]
            # Readers must not try to run or interpret anything: plain files, rw-r--r--.
            info.external_attr = 0o644 << 16
            if "data" in member:
                with archive.open(info, mode="w", force_zip64=True) as target:
                    target.write(member["data"])
                yield sink.take()
                continue
            with member["open"]() as source, archive.open(info, mode="w", force_zip64=True) as target:
                while chunk := source.read(files.CHUNK_SIZE):
                    target.write(chunk)
                    yield sink.take()
            yield sink.take()
    yield sink.take()


MANIFEST_COLUMNS = ["title", "kind", "language", "file", "size", "sha256", "permalink"]


def manifest_csv(rows: list[dict]) -> bytes:
    """manifest.csv through the portal's one CSV writer (BOM for Excel, formulas neutralised)."""
    return csv.csv_bytes(MANIFEST_COLUMNS, ([row[column] for column in MANIFEST_COLUMNS] for row in rows))


def meeting_zip_members(request, document_files) -> list[dict]:
    """manifest.csv, then each file under a readable, unique name: date, title, [language]."""
    document_files = list(document_files)
    names = unique_zip_names(
        [
            (
                f"{f.document.date:%Y-%m-%d} {f.document.title} [{f.language}]",
                f.file_type.extension if f.file_type else (f.original_name.rpartition(".")[2] or "bin"),
            )
            for f in document_files
        ]
    )
    manifest = [
        {
            "title": f.document.title,
            "kind": f.document.get_kind_display(),
            "language": f.language,
            "file": name,
            "size": f.size,
            "sha256": f.sha256,
            "permalink": request.build_absolute_uri(f.get_absolute_url()),
        }
        for f, name in zip(document_files, names, strict=True)
    ]
    manifest_data = manifest_csv(manifest)
    members = [{"name": "manifest.csv", "data": manifest_data, "size": len(manifest_data), "modified": timezone.now()}]
    for document_file, name in zip(document_files, names, strict=True):
        members.append(
            {
                "name": name,
                "open": (lambda f=document_file: f.file.open("rb")),
                "size": document_file.size,
                "compressed": bool(document_file.file_type and document_file.file_type.compressed),
                "modified": document_file.uploaded_at,
            }
        )
    return members
