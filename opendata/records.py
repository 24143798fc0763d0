"""The archive's documents as OAI-PMH records: which ones, their datestamps, sets and Dublin Core.

Only what an anonymous reader may see (``Document.objects.public()``, files through
``DocumentFile.objects.downloadable_by``) is a live record. A document the public could see and no longer
can is a deleted record (opendata.models.WithdrawnRecord). A record's datestamp is the latest of: its last
saved version in the edit history (django-reversion, which also records its files), the time a scheduled
publication falls due, and the last time it left or came back to the public. A document never saved
through the history (an import, the demo) counts from its last file upload, else from its own date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, DateTimeField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Cast, Coalesce, Greatest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from core.i18n import LANGUAGE_CODES
from documents.models import Document, DocumentFile
from meetings.models import Meeting
from opendata.models import WithdrawnRecord
from participants.models import Organisation

PUBLISHER = _("Almaty Process")


@dataclass(frozen=True)
class SetFamily:
    """A top set (``document-kind``) and the sets below it (``document-kind:report``)."""

    spec: str
    name: object
    field: str  # the document's path to the value that names the set below

    def q(self, value: str | None) -> Q:
        if value is None:
            return Q() if self.field == "kind" else Q(meeting__isnull=False)
        return Q(**{self.field: value})


FAMILIES = {
    family.spec: family
    for family in (
        SetFamily("document-kind", _("Documents by kind"), "kind"),
        SetFamily("meeting-kind", _("Documents by kind of meeting"), "meeting__kind"),
        SetFamily("process", _("Documents by consultative process"), "meeting__process__slug"),
    )
}


def repository_identifier() -> str:
    """The repository's name in record identifiers: the host of the portal's public address."""
    return urlsplit(settings.PORTAL_ORIGIN).hostname or "localhost"


def identifier(document_id: int) -> str:
    return f"oai:{repository_identifier()}:document:{document_id}"


def document_id(oai_identifier: str) -> int | None:
    """The document number an identifier names, or None when it is not one of ours."""
    prefix = f"oai:{repository_identifier()}:document:"
    number = oai_identifier[len(prefix) :] if oai_identifier.startswith(prefix) else ""
    return int(number) if number.isascii() and number.isdigit() and len(number) < 12 else None


def set_specs(kind: str, meeting_kind: str | None, process_slug: str | None) -> list[str]:
    specs = [f"document-kind:{kind}"]
    if meeting_kind:
        specs += [f"meeting-kind:{meeting_kind}", f"process:{process_slug}"]
    return specs


def document_set_specs(document: Document) -> list[str]:
    meeting = document.meeting
    return set_specs(document.kind, meeting.kind if meeting else None, meeting.process.slug if meeting else None)


def public_set_specs(documents) -> dict[int, str]:
    """For the public ones among these documents: their sets, as WithdrawnRecord.set_specs keeps them."""
    rows = documents.filter(Document.public_q()).values_list("pk", "kind", "meeting__kind", "meeting__process__slug")
    return {pk: " " + " ".join(set_specs(kind, meeting_kind, slug)) + " " for pk, kind, meeting_kind, slug in rows}


def set_q(spec: str) -> Q | None:
    """The documents of a set, or None when there is no such set."""
    family, _colon, value = spec.partition(":")
    if family not in FAMILIES or (_colon and not value):
        return None
    return FAMILIES[family].q(value if _colon else None)


def all_sets() -> list[tuple[str, str, dict[str, str]]]:
    """Every set as (setSpec, setName in English, {language: name}), each top set before those below it."""

    def names(label) -> dict[str, str]:
        result = {}
        for code in LANGUAGE_CODES:
            with translation.override(code):
                result[code] = str(label)
        return result

    def entry(spec, label, localized=None):
        localized = localized or names(label)
        return (spec, localized.get("en") or next(iter(localized.values())), localized)

    sets = [entry("document-kind", FAMILIES["document-kind"].name)]
    sets += [entry(f"document-kind:{value}", label) for value, label in Document.Kind.choices]
    sets.append(entry("meeting-kind", FAMILIES["meeting-kind"].name))
    sets += [entry(f"meeting-kind:{value}", label) for value, label in Meeting.Kind.choices]
    sets.append(entry("process", FAMILIES["process"].name))
    for process in Organisation.objects.processes().order_by("slug"):
        localized = {code: getattr(process, f"name_{code}") or process.name for code in LANGUAGE_CODES}
        sets.append(entry(f"process:{process.slug}", None, localized))
    return sets


def datestamp_expression():
    """The SQL expression of a document's datestamp (see the module's docstring)."""
    versions = Version.objects.filter(
        content_type=ContentType.objects.get_for_model(Document), object_id=Cast(OuterRef("pk"), CharField())
    ).order_by("-revision__date_created")
    changes = WithdrawnRecord.objects.filter(document_id=OuterRef("pk"))
    uploads = DocumentFile.objects.filter(document_id=OuterRef("pk")).order_by("-uploaded_at")
    edited = Coalesce(
        Subquery(versions.values("revision__date_created")[:1]),
        Subquery(uploads.values("uploaded_at")[:1]),
        Cast("date", DateTimeField()),
    )
    return Greatest(
        edited,
        Coalesce("publish_at", edited),
        Coalesce(Subquery(changes.values("changed_at")[:1]), edited),
    )


def live_records(*, spec_q: Q, since: datetime | None, before: datetime | None, after: int, with_metadata: bool):
    """Public documents with their datestamps, from number ``after`` on, in number order."""
    documents = Document.objects.public().filter(spec_q).annotate(datestamp=datestamp_expression())
    if since is not None:
        documents = documents.filter(datestamp__gte=since)
    if before is not None:
        documents = documents.filter(datestamp__lt=before)
    documents = documents.filter(pk__gt=after).order_by("pk").select_related("meeting__process")
    if with_metadata:
        files = DocumentFile.objects.downloadable_by(AnonymousUser()).order_by("language")
        documents = documents.prefetch_related(
            "organisations", "states", "meeting__organisers", Prefetch("files", queryset=files, to_attr="public_files")
        )
    return documents


def withdrawn_records(*, spec: str | None, since: datetime | None, before: datetime | None, after: int):
    """Documents the public no longer sees, from number ``after`` on, in number order."""
    records = WithdrawnRecord.objects.filter(is_withdrawn=True).exclude(
        document_id__in=Document.objects.public().values("pk")
    )
    if spec:
        records = records.in_set(spec)
    if since is not None:
        records = records.filter(changed_at__gte=since)
    if before is not None:
        records = records.filter(changed_at__lt=before)
    return records.filter(document_id__gt=after).order_by("document_id")


def earliest_datestamp() -> datetime | None:
    first = Document.objects.public().annotate(datestamp=datestamp_expression()).order_by("datestamp").first()
    withdrawn = WithdrawnRecord.objects.order_by("changed_at").first()
    stamps = [item for item in (first and first.datestamp, withdrawn and withdrawn.changed_at) if item]
    return min(stamps) if stamps else None


def _in_each_language(value) -> dict[str, str]:
    result = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            result[code] = str(value)
    return result


def _names(obj, field: str) -> dict[str, str]:
    return {code: getattr(obj, f"{field}_{code}") for code in LANGUAGE_CODES if getattr(obj, f"{field}_{code}")}


def _url(view: str, args, code: str, absolute) -> str:
    with translation.override(code):
        return absolute(reverse(view, args=args))


def dublin_core(document: Document, absolute) -> list[tuple[str, str, str | None]]:
    """The document's oai_dc elements as (element, text, language or None).

    ``absolute`` turns a path into an address (the request's build_absolute_uri).
    """
    meeting = document.meeting
    elements = [("title", text, code) for code, text in _names(document, "title").items()]
    creators = list(document.organisations.all()) or (list(meeting.organisers.all()) if meeting else [])
    for organisation in creators:
        elements += [("creator", text, code) for code, text in _names(organisation, "name").items()]
    for state in document.states.all():
        elements += [("subject", text, code) for code, text in _names(state, "name").items()]
    elements += [("description", text, code) for code, text in _names(document, "summary").items()]
    publisher = _names(meeting.process, "name") if meeting else _in_each_language(PUBLISHER)
    elements += [("publisher", text, code) for code, text in publisher.items()]
    elements.append(("date", document.date.isoformat(), None))
    elements.append(("type", "Text", None))
    elements += [("type", text, code) for code, text in _in_each_language(Document.Kind(document.kind).label).items()]
    for content_type in sorted({file.content_type for file in document.public_files if file.content_type}):
        elements.append(("format", content_type, None))
    elements += [
        ("identifier", _url("documents:document_detail", [document.pk], code, absolute), None)
        for code in LANGUAGE_CODES
    ]
    if document.symbol:
        # The UN-style symbol (documents/symbols.py), shared by every language version.
        elements.append(("identifier", document.symbol, None))
    for language in dict.fromkeys(file.language for file in document.public_files):
        if language != DocumentFile.Language.OTHER:
            elements.append(("language", language, None))
    if meeting:
        elements += [
            ("relation", _url("meetings:meeting_detail", [meeting.slug], code, absolute), None)
            for code in LANGUAGE_CODES
        ]
    return elements
