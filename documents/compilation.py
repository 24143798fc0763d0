"""A meeting's compiled PDF, per language: cover, contents, agenda, participants, statement, then its PDFs.

The portal typesets the first part from its own data (WeasyPrint, through core.pdf; it turns the h1–h3
headings into PDF bookmarks), then appends the meeting's PDF documents with pypdf, each with a bookmark,
and lists the other files. A compilation is built from public content only, and is built at all only
when every part of the meeting is public (MeetingCompilation.may_be_public); the meeting page shows it
to everyone alike while that stays true (MeetingCompilation.objects.shown_with).

Any change of the meeting, its statement, participations, documents or files marks its compilations as
not current at once (they stop being shown) and, where a worker runs jobs, queues one rebuild a meeting
after REBUILD_DELAY seconds, so that a burst of edits gives one build; an unchanged meeting (same
fingerprint) is not typeset again. Without a worker, ``manage.py build_compilations`` builds them.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Prefetch
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.i18n import LANGUAGE_CODES, localized
from core.jobs import job, runs_in_worker
from core.pdf import render_pdf
from documents import files
from documents.models import Document, DocumentFile, MeetingCompilation
from documents.signals import documents_updated
from meetings.models import Meeting, OutcomeStatement, Participation, StatementParagraph
from meetings.views import participant_groups

logger = logging.getLogger(__name__)

REBUILD_DELAY = 60  # seconds: edits made meanwhile go into the same build


@dataclass
class Appended:
    """A PDF file appended to the compilation, and the page it starts on (1-based)."""

    document: Document
    file: DocumentFile
    start: int | None = None


def _chosen_files(documents, language: str) -> tuple[list[Appended], list[DocumentFile]]:
    """For each document, the PDF to append (in this language if there is one), and every other file."""
    preference = [language, *(code for code in LANGUAGE_CODES if code != language)]
    appended, others = [], []
    for document in documents:
        document_files = list(document.files.all())
        pdfs = [f for f in document_files if f.content_type == files.PDF.content_type and f.page_count]
        pdfs.sort(key=lambda f: preference.index(f.language) if f.language in preference else len(preference))
        if pdfs:
            appended.append(Appended(document, pdfs[0]))
        others.extend(f for f in document_files if not pdfs or f.pk != pdfs[0].pk)
    # The agenda first, then the documents by date.
    appended.sort(key=lambda part: part.document.kind != Document.Kind.AGENDA)
    return appended, others


def _public_parts(meeting: Meeting):
    documents = (
        Document.objects.public()
        .filter(meeting=meeting)
        # Only public files: a compilation never holds what an anonymous reader may not download.
        .prefetch_related(_files_prefetch())
        .order_by("date", "title", "pk")
    )
    statement = OutcomeStatement.objects.filter(meeting=meeting).first()
    paragraphs = list(StatementParagraph.objects.filter(statement=statement)) if statement else []
    participations = Participation.objects.filter(meeting=meeting).select_related("state", "organisation")
    return list(documents), statement, paragraphs, list(participations)


def _files_prefetch():
    return Prefetch("files", queryset=DocumentFile.objects.public().exclude(file="").order_by("language"))


def _html(meeting, language, parts, appended, others) -> str:
    documents, statement, paragraphs, participations = parts
    context = {
        "meeting": meeting,
        "language": language,
        "LANGUAGE_CODE": language,
        "statement": statement,
        "paragraphs": paragraphs,
        "participant_groups": participant_groups(participations),
        "agenda": [a for a in appended if a.document.kind == Document.Kind.AGENDA],
        "appended": appended,
        "others": others,
        "built_on": timezone.localdate(),
    }
    return render_to_string("documents/compilation.html", context)


def _fingerprint(html: str, appended: list[Appended]) -> str:
    digest = hashlib.sha256(html.encode())
    for part in appended:
        digest.update(f"{part.file.pk}:{part.file.sha256}:{part.file.size}".encode())
    return digest.hexdigest()


def _page_count(pdf: bytes) -> int:
    from pypdf import PdfReader  # imported here, as in documents.files: only the jobs that read PDFs need it

    return len(PdfReader(io.BytesIO(pdf)).pages)


def _typeset(meeting, language, parts, appended, others) -> bytes:
    """The portal's own pages, with the contents naming the page on which each appended document starts."""
    first = render_pdf(_html(meeting, language, parts, appended, others))
    start = _page_count(first) + 1
    for part in appended:
        part.start = start
        start += part.file.page_count
    return render_pdf(_html(meeting, language, parts, appended, others))


def _append(typeset: bytes, appended: list[Appended], heading: str) -> tuple[bytes, int]:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(typeset)))
    parent = None
    for part in appended:
        first_page = len(writer.pages)
        with part.file.file.open("rb") as stored:
            writer.append(PdfReader(io.BytesIO(stored.read())), import_outline=False)
        if parent is None:
            parent = writer.add_outline_item(title=heading, page_number=first_page)
        title = localized(part.document, "title").text
        writer.add_outline_item(title=title, page_number=first_page, parent=parent)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), len(writer.pages)


def build(meeting_id: int, language: str) -> MeetingCompilation | None:
    """Build (or keep, when nothing changed) the meeting's compilation in this language; None when there is none."""
    meeting = (
        Meeting.objects.public()
        .filter(pk=meeting_id)
        .select_related("process", "host_country")
        .prefetch_related("organisers")
        .first()
    )
    existing = MeetingCompilation.objects.filter(meeting_id=meeting_id, language=language).first()
    if meeting is None or not MeetingCompilation.may_be_public(meeting):
        if existing is not None:
            existing.file.delete(save=False)
            existing.delete()
        return None
    with translation.override(language):
        parts = _public_parts(meeting)
        appended, others = _chosen_files(parts[0], language)
        fingerprint = _fingerprint(_html(meeting, language, parts, appended, others), appended)
        if existing is not None and existing.fingerprint == fingerprint and existing.file:
            MeetingCompilation.objects.filter(pk=existing.pk).update(is_current=True)
            existing.is_current = True
            return existing
        pdf, pages = _append(
            _typeset(meeting, language, parts, appended, others), appended, translation.gettext("Documents")
        )
    compilation = existing or MeetingCompilation(meeting=meeting, language=language)
    old_file = compilation.file.name if compilation.file else None
    compilation.file.save(f"{meeting.slug}-{language}.pdf", ContentFile(pdf), save=False)
    compilation.size, compilation.page_count = len(pdf), pages
    compilation.fingerprint, compilation.is_current, compilation.built_at = fingerprint, True, timezone.now()
    compilation.save()
    if old_file and old_file != compilation.file.name:
        compilation.file.storage.delete(old_file)
    return compilation


def build_all(meeting_id: int) -> list[MeetingCompilation]:
    return [c for c in (build(meeting_id, language) for language in LANGUAGE_CODES) if c is not None]


@job(retries=2, retry_delay=120, time_limit=1800)
def build_meeting_compilations(meeting_id: int) -> int:
    return len(build_all(meeting_id))


def queue_rebuild(meeting_id: int) -> bool:
    """One rebuild of this meeting's compilations, REBUILD_DELAY seconds from the first change of a burst."""
    if not runs_in_worker():
        return False  # no worker: manage.py build_compilations builds them
    try:
        if not cache.add(f"compilation:queued:{meeting_id}", 1, timeout=REBUILD_DELAY):
            return False
    except Exception:
        logger.warning("Cache unreachable: the compilation of meeting %s is rebuilt without delay", meeting_id)
    run_after = timezone.now() + timedelta(seconds=REBUILD_DELAY)
    build_meeting_compilations.using(run_after=run_after).enqueue(meeting_id)
    return True


def _outdate(meeting_id: int) -> None:
    MeetingCompilation.objects.filter(meeting_id=meeting_id, is_current=True).update(is_current=False)
    queue_rebuild(meeting_id)


def meeting_changed(meeting_id: int | None) -> None:
    """The meeting or one of its parts changed: once that is committed, its compilations stop being shown
    until rebuilt. (Restricting any part hides them at once anyway: shown_with checks every part.)"""
    if meeting_id is not None:
        transaction.on_commit(lambda: _outdate(meeting_id), robust=True)


def _meeting_of(sender, instance) -> int | None:
    if sender is Meeting:
        return instance.pk
    if sender in (OutcomeStatement, Participation, Document):
        return instance.meeting_id
    if sender is StatementParagraph:
        return OutcomeStatement.objects.filter(pk=instance.statement_id).values_list("meeting_id", flat=True).first()
    if sender is DocumentFile:
        return Document.objects.filter(pk=instance.document_id).values_list("meeting_id", flat=True).first()
    return None


WATCHED = (Meeting, OutcomeStatement, StatementParagraph, Participation, Document, DocumentFile)


def _remember_old_meeting(sender, instance, **kwargs):
    # A document moved to another meeting leaves its old meeting's compilation too.
    if instance.pk and not kwargs.get("raw"):
        instance._compiled_meeting_id = (
            Document.objects.filter(pk=instance.pk).values_list("meeting_id", flat=True).first()
        )


def _saved_or_deleted(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    meeting_changed(_meeting_of(sender, instance))
    old = getattr(instance, "_compiled_meeting_id", None)
    if old is not None and old != _meeting_of(sender, instance):
        meeting_changed(old)


def _organisers_changed(sender, instance, **kwargs):
    if isinstance(instance, Meeting) and kwargs.get("action", "").startswith("post_"):
        meeting_changed(instance.pk)


def _documents_updated(sender, ids, **kwargs):
    for meeting_id in set(Document.objects.filter(pk__in=ids).values_list("meeting_id", flat=True)):
        meeting_changed(meeting_id)


def connect_signals() -> None:
    """Called from DocumentsConfig.ready."""
    for model in WATCHED:
        post_save.connect(_saved_or_deleted, sender=model, dispatch_uid=f"compilation-save-{model.__name__}")
        post_delete.connect(_saved_or_deleted, sender=model, dispatch_uid=f"compilation-delete-{model.__name__}")
    pre_save.connect(_remember_old_meeting, sender=Document, dispatch_uid="compilation-document-moved")
    m2m_changed.connect(_organisers_changed, sender=Meeting.organisers.through, dispatch_uid="compilation-organisers")
    documents_updated.connect(_documents_updated, dispatch_uid="compilation-documents-updated")
