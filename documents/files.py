"""What an uploaded file really is, whether the archive accepts it, its safe name and its text.

Pure functions over file-like objects (anything with read/seek), so the admin, the import
command and the tests share one set of rules. Nothing here touches the database.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import tempfile
import time
import unicodedata
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.text import decode_text

CHUNK_SIZE = 1024 * 1024
# Enough of a text file to tell its encoding and that it is text at all.
TEXT_SAMPLE_SIZE = 1024 * 1024
# Extracted text beyond this is of no use to search and would only bloat the database.
MAX_TEXT_CHARS = 2_000_000
# An Office file is a zip: never inflate more than this from one member (zip bombs).
MAX_XML_BYTES = 64 * 1024 * 1024
MAX_NAME_LENGTH = 150


@dataclass(frozen=True)
class FileType:
    code: str
    extension: str
    content_type: str
    # Zip-based formats are already compressed; deflating them again only costs time.
    compressed: bool


PDF = FileType("pdf", "pdf", "application/pdf", True)
DOCX = FileType("docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", True)
XLSX = FileType("xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", True)
PPTX = FileType("pptx", "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", True)
ODT = FileType("odt", "odt", "application/vnd.oasis.opendocument.text", True)
DOC = FileType("doc", "doc", "application/msword", False)
TXT = FileType("txt", "txt", "text/plain", False)
FILE_TYPES = {file_type.code: file_type for file_type in (PDF, DOCX, XLSX, PPTX, ODT, DOC, TXT)}
BY_CONTENT_TYPE = {file_type.content_type: file_type for file_type in FILE_TYPES.values()}

ACCEPTED = _(
    "Upload a PDF, Word (DOCX or DOC), Excel (XLSX), PowerPoint (PPTX), OpenDocument text (ODT) or plain-text file."
)

# Main parts named in [Content_Types].xml of the Office Open XML formats we accept.
OOXML_MAIN_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": PPTX,
}

# Recognised only to tell the editor what was uploaded instead of a document.
KNOWN_OTHER_SIGNATURES = [
    (b"MZ", _("a Windows program")),
    (b"\x7fELF", _("a program")),
    (b"\x89PNG", _("an image")),
    (b"\xff\xd8\xff", _("an image")),
    (b"GIF8", _("an image")),
    (b"Rar!", _("a RAR archive")),
    (b"7z\xbc\xaf\x27\x1c", _("a 7-Zip archive")),
    (b"\x1f\x8b", _("a gzip archive")),
]
MARKUP_STARTS = ("<!doctype", "<html", "<svg", "<?xml", "<script")


def not_accepted(what=None) -> ValidationError:
    if what:
        return ValidationError(
            _("This file is not accepted: its contents are %(what)s, not a document. %(accepted)s"),
            code="file_type",
            params={"what": what, "accepted": ACCEPTED},
        )
    return ValidationError(
        _("This file type is not accepted. %(accepted)s"), code="file_type", params={"accepted": ACCEPTED}
    )


def file_size(fileobj) -> int:
    size = getattr(fileobj, "size", None)
    if size is not None:
        return size
    fileobj.seek(0, 2)
    size = fileobj.tell()
    fileobj.seek(0)
    return size


def checksum(fileobj) -> str:
    """The SHA-256 of the whole file, read in chunks."""
    digest = hashlib.sha256()
    fileobj.seek(0)
    while chunk := fileobj.read(CHUNK_SIZE):
        digest.update(chunk)
    fileobj.seek(0)
    return digest.hexdigest()


def detect_type(fileobj) -> FileType:
    """The file's type from its contents; raises ValidationError for anything not accepted."""
    fileobj.seek(0)
    head = fileobj.read(8)
    fileobj.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return _detect_zip_type(fileobj)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _detect_ole_type(fileobj)
    for signature, what in KNOWN_OTHER_SIGNATURES:
        if head.startswith(signature):
            raise not_accepted(what)
    if decode_text_sample(fileobj) is None:
        raise not_accepted()
    return TXT


def _detect_zip_type(fileobj) -> FileType:
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:200].decode("ascii", "replace").strip()
                if mimetype == ODT.content_type:
                    return ODT
                raise not_accepted(_("an OpenDocument file other than a text document"))
            if "[Content_Types].xml" in names:
                if any(name.lower().endswith("vbaproject.bin") for name in names):
                    raise not_accepted(_("an Office file with macros"))
                with archive.open("[Content_Types].xml") as member:
                    content_types = member.read(CHUNK_SIZE).decode("utf-8", "replace")
                for main_part, file_type in OOXML_MAIN_PARTS.items():
                    if main_part in content_types:
                        return file_type
                raise not_accepted(_("an Office file of another kind"))
    except zipfile.BadZipFile as error:
        raise ValidationError(
            _("The file is damaged: it starts like an Office document but cannot be opened."), code="corrupt"
        ) from error
    finally:
        fileobj.seek(0)
    raise not_accepted(_("a zip archive"))


def _detect_ole_type(fileobj) -> FileType:
    # Word 97–2003 files keep their text in a stream called "WordDocument"; the other
    # OLE2 formats (Excel, PowerPoint, Outlook) do not have one.
    marker = "WordDocument".encode("utf-16-le")
    fileobj.seek(0)
    tail = b""
    try:
        while chunk := fileobj.read(CHUNK_SIZE):
            if marker in tail + chunk:
                return DOC
            tail = chunk[-len(marker) :]
    finally:
        fileobj.seek(0)
    raise not_accepted(_("an old-format Office file other than a Word document"))


def decode_text_sample(fileobj) -> str | None:
    """The start of a plain-text file as text, or None if the bytes are not text."""
    fileobj.seek(0)
    sample = fileobj.read(TEXT_SAMPLE_SIZE)
    is_whole = not fileobj.read(1)
    fileobj.seek(0)
    if b"\x00" in sample:
        return None
    text = decode_text(sample, partial=not is_whole)
    if text is None:
        return None
    controls = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in "\t\n\r\f\v")
    if controls > len(text) / 100:
        return None
    if text.lstrip().lower().startswith(MARKUP_STARTS):
        raise not_accepted(_("a web page or an image in markup"))
    return text


def check_pdf(fileobj) -> int | None:
    """Opens the PDF; returns its page count (None when encrypted). Raises ValidationError if damaged."""
    from pypdf import PdfReader

    fileobj.seek(0)
    try:
        reader = PdfReader(fileobj, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return None
        return len(reader.pages)
    except Exception as error:  # pypdf raises many kinds of errors for broken files
        raise ValidationError(
            _("The PDF file is damaged and cannot be read. Save or export it again and upload the new file."),
            code="corrupt",
        ) from error
    finally:
        fileobj.seek(0)


def distinct_sizes(size: int, limit: int) -> tuple[str, str]:
    """Two sizes for one message that never read the same ("100.0 MB" twice): exact bytes when rounding hides it."""
    rounded = filesizeformat(size), filesizeformat(limit)
    if rounded[0] != rounded[1]:
        return rounded
    return tuple(
        ngettext("%(size)s byte", "%(size)s bytes", value) % {"size": number_format(value, force_grouping=True)}
        for value in (size, limit)
    )


def validate_upload(fileobj, name: str = "") -> FileType:
    """Everything the archive checks before it keeps a file; returns the file's type."""
    size = file_size(fileobj)
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    limit = settings.DOCUMENT_MAX_UPLOAD_SIZE
    if size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest file accepted is %(limit)s."),
            code="too_large",
            params=dict(zip(("size", "limit"), distinct_sizes(size, limit), strict=True)),
        )
    file_type = detect_type(fileobj)
    if file_type is PDF:
        check_pdf(fileobj)
    return file_type


def clean_name(text: str) -> str:
    """Text safe in a file name: no control characters or characters Windows refuses, one space between words."""
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(" " if unicodedata.category(char)[0] in "CZ" else char for char in text)
    text = re.sub(r'[<>:"|?*/\\]', "_", text)
    return re.sub(r"\s+", " ", text).strip(" .")


def sanitize_filename(name: str, file_type: FileType | None = None) -> str:
    """A file name safe to store and to send back: no folders, no control characters, bounded length.

    Letters of any script are kept. When the file's real type is known, the extension says so.
    """
    name = unicodedata.normalize("NFC", name or "")
    name = clean_name(re.split(r"[/\\]", name)[-1])
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    if file_type is not None:
        # The contents decide the extension: a missing or misleading one is replaced.
        if extension and not re.fullmatch(r"[A-Za-z0-9]{1,5}", extension):
            stem = f"{stem}.{extension}"
        extension = file_type.extension
    stem = stem.strip(" .") or "document"
    extension = extension[:10]
    room = MAX_NAME_LENGTH - (len(extension) + 1 if extension else 0)
    stem = stem[:room].rstrip(" .") or "document"
    return f"{stem}.{extension}" if extension else stem


# Russian, Kazakh, Kyrgyz, Tajik and Uzbek Cyrillic letters for the ASCII fallback name of a download.
_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіҳҷӯ",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya a g q n o u u h i h j u".split(),
        strict=True,
    )
)
_TRANSLIT["ъ"] = _TRANSLIT["ь"] = ""


def ascii_filename(name: str) -> str:
    """An ASCII stand-in for clients that ignore filename* (RFC 6266 fallback)."""
    letters = []
    for char in name:
        lower = char.lower()
        if lower in _TRANSLIT:
            latin = _TRANSLIT[lower]
            letters.append(latin.capitalize() if char != lower else latin)
        else:
            letters.append(char)
    text = unicodedata.normalize("NFKD", "".join(letters)).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r'["\\]', "_", text)
    text = "".join(char for char in text if char.isprintable())
    return text.strip() or "document"


# Text extraction ---------------------------------------------------------------------------------


class ExtractionFailed(Exception):
    """Extraction could not produce text; the message is the reason shown to editors."""


@dataclass
class Extraction:
    text: str
    page_count: int | None = None
    # Set when only part of the text was taken (too long, too slow).
    note: str = ""
    # The text page by page (a PDF's pages; any other file is one page), joined into `text`.
    pages: list[str] = field(default_factory=list)
    # Numbers of the PDF pages that have no text layer (scans): for OCR.
    blank_pages: list[int] = field(default_factory=list)


def count_pages(fileobj, file_type: FileType) -> int | None:
    """Pages of a PDF, slides of a presentation, pages Word last counted for a DOCX; else None."""
    try:
        if file_type is PDF:
            return check_pdf(fileobj)
        if file_type is PPTX:
            with zipfile.ZipFile(fileobj) as archive:
                return len(_slide_names(archive))
        if file_type is DOCX:
            with zipfile.ZipFile(fileobj) as archive:
                return count_pages_in_archive(archive, file_type)
    except (ValidationError, ExtractionFailed, zipfile.BadZipFile, ElementTree.ParseError, KeyError):
        return None
    finally:
        fileobj.seek(0)
    return None


def extract_text(fileobj, file_type: FileType, time_budget: float | None = None) -> Extraction:
    """The file's text. Raises ExtractionFailed with a reason an editor can act on."""
    budget = settings.DOCUMENT_EXTRACTION_TIME_BUDGET if time_budget is None else time_budget
    deadline = time.monotonic() + budget
    fileobj.seek(0)
    try:
        if file_type is PDF:
            extraction = _extract_pdf(fileobj, deadline)
        elif file_type is TXT:
            extraction = Extraction(decode_text(fileobj.read(MAX_TEXT_CHARS * 2), partial=True, lenient=True))
        elif file_type is DOC:
            raise ExtractionFailed(
                "unsupported: text is not read from Word 97–2003 (.doc) files; upload a DOCX or PDF version too"
            )
        else:
            with zipfile.ZipFile(fileobj) as archive:
                extraction = _extract_zipped(archive, file_type, deadline)
    except (ExtractionFailed, MemoryError):
        # Running out of memory is the caller's to report (core.isolation's memory limit), not the file's fault.
        raise
    except Exception as error:
        raise ExtractionFailed(f"{type(error).__name__}: {error}"[:500]) from error
    finally:
        fileobj.seek(0)
    pages = [page.replace("\x00", "").strip() for page in extraction.pages or [extraction.text]]
    pages, cut = _cut_pages(pages)
    if cut:
        extraction.note = extraction.note or f"text cut at {MAX_TEXT_CHARS} characters"
    extraction.pages = pages
    extraction.text = join_pages(pages)
    if not extraction.text and not extraction.blank_pages:
        raise ExtractionFailed("no text found")
    return extraction


def join_pages(pages: list[str]) -> str:
    """A file's whole text from its pages' texts."""
    return "\n\n".join(page for page in pages if page).strip()


def _cut_pages(pages: list[str]) -> tuple[list[str], bool]:
    """The pages within MAX_TEXT_CHARS in all (the last one shortened), and whether any text was left out."""
    kept, room = [], MAX_TEXT_CHARS
    for page in pages:
        if len(page) > room:
            kept.append(page[:room])
            return kept, True
        kept.append(page)
        room -= len(page)
    return kept, False


def _extract_pdf(fileobj, deadline: float) -> Extraction:
    from pypdf import PdfReader

    reader = PdfReader(fileobj, strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ExtractionFailed("encrypted: the PDF needs a password to open")
    pages = []
    total = len(reader.pages)
    length = 0
    for number, page in enumerate(reader.pages, start=1):
        page_text = page.extract_text() or ""
        pages.append(page_text)
        length += len(page_text)
        if length > MAX_TEXT_CHARS:
            break
        if time.monotonic() > deadline and number < total:
            note = f"stopped after {number} of {total} pages: time budget used"
            return _pdf_extraction(pages, total, note)
    return _pdf_extraction(pages, total)


def _pdf_extraction(pages: list[str], total: int, note: str = "") -> Extraction:
    blank = [number for number, text in enumerate(pages, start=1) if not text.strip()]
    return Extraction("", total, note, pages=pages, blank_pages=blank)


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as member:
        data = member.read(MAX_XML_BYTES + 1)
    if len(data) > MAX_XML_BYTES:
        raise ExtractionFailed(f"too large: {name} inflates to more than {MAX_XML_BYTES // 1024 // 1024} MB")
    return data


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _paragraph_texts(xml: bytes, paragraph_tags: tuple[str, ...], text_tags: tuple[str, ...] = ()) -> list[str]:
    """Text of each paragraph-like element: its text-run descendants, or all its text."""
    paragraphs = []
    for element in ElementTree.fromstring(xml).iter():
        if _local(element.tag) in paragraph_tags:
            if text_tags:
                text = "".join(node.text or "" for node in element.iter() if _local(node.tag) in text_tags)
            else:
                text = "".join(element.itertext())
            if text.strip():
                paragraphs.append(text.strip())
    return paragraphs


def _slide_names(archive: zipfile.ZipFile) -> list[str]:
    slides = [name for name in archive.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", name)]
    return sorted(slides, key=lambda name: int(re.search(r"(\d+)\.xml$", name).group(1)))


def _extract_zipped(archive: zipfile.ZipFile, file_type: FileType, deadline: float) -> Extraction:
    if file_type is DOCX:
        parts = ["word/document.xml"]
        parts += sorted(n for n in archive.namelist() if re.fullmatch(r"word/(footnotes|endnotes)\.xml", n))
        texts = []
        for part in parts:
            texts += _paragraph_texts(_read_member(archive, part), ("p",), ("t",))
        return Extraction("\n".join(texts), count_pages_in_archive(archive, file_type))
    if file_type is PPTX:
        slides = _slide_names(archive)
        texts = []
        for number, name in enumerate(slides, start=1):
            texts.append("\n".join(_paragraph_texts(_read_member(archive, name), ("p",), ("t",))))
            if time.monotonic() > deadline and number < len(slides):
                note = f"stopped after {number} of {len(slides)} slides: time budget used"
                return Extraction("\n\n".join(texts), len(slides), note)
        return Extraction("\n\n".join(texts), len(slides))
    if file_type is XLSX:
        texts = []
        if "xl/sharedStrings.xml" in archive.namelist():
            texts += _paragraph_texts(_read_member(archive, "xl/sharedStrings.xml"), ("si",), ("t",))
        for name in sorted(n for n in archive.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)):
            texts += _paragraph_texts(_read_member(archive, name), ("is",), ("t",))
            if time.monotonic() > deadline:
                return Extraction("\n".join(texts), None, "stopped early: time budget used")
        return Extraction("\n".join(texts))
    if file_type is ODT:
        return Extraction("\n".join(_paragraph_texts(_read_member(archive, "content.xml"), ("p", "h"), ())))
    raise ExtractionFailed(f"unsupported: {file_type.code}")


def count_pages_in_archive(archive: zipfile.ZipFile, file_type: FileType) -> int | None:
    if file_type is DOCX and "docProps/app.xml" in archive.namelist():
        for element in ElementTree.fromstring(_read_member(archive, "docProps/app.xml")).iter():
            if element.tag.endswith("}Pages") and (element.text or "").strip().isdigit():
                return int(element.text) or None
    return None


# OCR of scanned PDF pages ------------------------------------------------------------------------

OCR_LANGUAGES = "rus+eng"
# The programs OCR runs, and the Debian packages that bring them (with tesseract-ocr-rus and -eng).
OCR_PROGRAMS = {"pdftoppm": "poppler-utils", "tesseract": "tesseract-ocr"}
OCR_DPI = 300
# A page rendered larger than this (about four A3 pages at 300 dpi) is a bomb, not a scan: it is skipped.
OCR_MAX_PIXELS = 80_000_000


@dataclass
class Recognition:
    texts: dict[int, str]  # {page number: text} of the pages read
    # Why some pages were not read (too large, out of time), for the editor; "" when all were.
    note: str = ""


class OutOfTime(ExtractionFailed):
    pass


def recognise_pages(fileobj, numbers: list[int], time_budget: float) -> Recognition:
    """The text tesseract reads on the given pages of a PDF, each rendered by pdftoppm.

    Runs external programs on untrusted input: call it through core.isolation.run_limited, whose
    limits the programs inherit; each also stops at the time budget, and the pages read by then are
    kept. A page too large to render is skipped. Raises ExtractionFailed when the PDF cannot be read.
    """
    from pypdf import PdfReader

    deadline = time.monotonic() + time_budget
    fileobj.seek(0)
    with tempfile.TemporaryDirectory(prefix="ocr-") as folder:
        path = os.path.join(folder, "file.pdf")
        with open(path, "wb") as copy:
            while chunk := fileobj.read(CHUNK_SIZE):
                copy.write(chunk)
        fileobj.seek(0)
        try:
            reader = PdfReader(path, strict=False)
            sizes = {number: reader.pages[number - 1].mediabox for number in numbers}
        except Exception as error:  # pypdf raises many kinds of errors for broken files
            raise ExtractionFailed(f"{type(error).__name__}: {error}"[:500]) from error
        texts, notes = {}, []
        for number in numbers:
            pixels = float(sizes[number].width) * float(sizes[number].height) * (OCR_DPI / 72) ** 2
            if pixels > OCR_MAX_PIXELS:
                notes.append(f"page {number} is too large to recognise ({round(pixels / 1e6)} megapixels)")
                continue
            try:
                texts[number] = _recognise_page(path, number, os.path.join(folder, f"page-{number}"), deadline)
            except OutOfTime:
                notes.append(f"stopped after {len(texts)} of {len(numbers)} pages: time budget used")
                break
    return Recognition(texts, "; ".join(notes))


def _recognise_page(path: str, number: int, image: str, deadline: float) -> str:
    render = ["pdftoppm", "-r", str(OCR_DPI), "-gray", "-f", str(number), "-l", str(number), "-singlefile"]
    _run([*render, "-tiff", path, image], deadline, f"page {number} could not be rendered")
    try:
        return _run(
            ["tesseract", f"{image}.tif", "stdout", "-l", OCR_LANGUAGES], deadline, f"page {number} could not be read"
        ).strip()
    finally:
        os.remove(f"{image}.tif")


def _run(command: list[str], deadline: float, failure: str) -> str:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise OutOfTime(failure)
    # One thread: the machine's cores are shared with the web and job workers.
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(command, capture_output=True, timeout=remaining, env=environment, check=False)  # noqa: S603
    except subprocess.TimeoutExpired as error:
        raise OutOfTime(failure) from error
    except FileNotFoundError as error:
        package = OCR_PROGRAMS.get(command[0], command[0])
        raise ExtractionFailed(f"not installed: {command[0]} is missing (Debian package {package})") from error
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit {done.returncode}"]
        raise ExtractionFailed(f"{failure}: {detail[0]}"[:500])
    return done.stdout.decode("utf-8", "replace")
