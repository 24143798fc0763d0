"""Documents of the archive and their files, one file per language version."""

import logging
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.models import delegate_state_id, stand_in_delegate
from core import isolation
from core.access import is_staff, published_q
from core.history import keeps_history
from core.i18n import LANGUAGE_CODES
from core.models import Publishable, PublishableQuerySet
from core.validators import validate_single_line
from documents import files, symbols, tasks
from documents.signals import documents_updated, file_text_extracted
from meetings.models import Meeting, Participation
from participants.models import Organisation, State
from search import engine

logger = logging.getLogger(__name__)


class Audience(models.TextChoices):
    """Whom a document or a file is meant for; the rule that reads it is Audience.admits_q()."""

    PUBLIC = "public", _("everyone")
    DELEGATES = "delegates", _("delegates of all participating states")
    INVITED_STATES = "invited_states", _("delegates of the states invited to the document’s meeting")
    ATTENDED_STATES = "attended_states", _("delegates of the states that attended the document’s meeting")

    @classmethod
    def admits_q(cls, user, prefix: str = "", meeting_field: str = "meeting_id") -> Q:
        """Rows whose ``audience`` lets this (non-staff) user in.

        ``prefix`` is the path to the model carrying ``audience``; ``meeting_field`` the path, from the
        queried model, to the meeting whose participations count. A row without a meeting has no
        invited or attending states, so the meeting audiences admit nobody there.

        When the meeting id is a column of the queried row (a document, or search.SearchEntry's copy of
        one), the rule reads that row's own columns only: the meetings the delegate's state was invited
        to or attended are one small uncorrelated subquery, which PostgreSQL runs once per statement
        rather than once per row. When the meeting is reached through a relation (a file's document),
        a correlated EXISTS keeps the planner on the few rows asked for instead of hashing the archive.
        """
        admitted = Q(**{f"{prefix}audience": cls.PUBLIC})
        state_id = delegate_state_id(user)
        if state_id is None:
            return admitted
        if "__" in meeting_field:
            invited = Participation.objects.filter(meeting_id=OuterRef(meeting_field), state_id=state_id)
            attended = invited.filter(attendance=Participation.Attendance.ATTENDED)
            invited_q, attended_q = Exists(invited), Exists(attended)
        else:
            invited = Participation.objects.filter(state_id=state_id).order_by()
            attended = invited.filter(attendance=Participation.Attendance.ATTENDED)
            invited_q = Q(**{f"{meeting_field}__in": invited.values("meeting_id")})
            attended_q = Q(**{f"{meeting_field}__in": attended.values("meeting_id")})
        return (
            admitted
            | Q(**{f"{prefix}audience": cls.DELEGATES})
            | (Q(**{f"{prefix}audience": cls.INVITED_STATES}) & invited_q)
            | (Q(**{f"{prefix}audience": cls.ATTENDED_STATES}) & attended_q)
        )

    @classmethod
    def admits(cls, user, audience, meeting_id) -> bool:
        """admits_q() for one row."""
        if audience == cls.PUBLIC:
            return True
        state_id = delegate_state_id(user)
        if state_id is None:
            return False
        if audience == cls.DELEGATES:
            return True
        if meeting_id is None:
            return False
        invited = Participation.objects.filter(meeting_id=meeting_id, state_id=state_id)
        if audience == cls.INVITED_STATES:
            return invited.exists()
        if audience == cls.ATTENDED_STATES:
            return invited.filter(attendance=Participation.Attendance.ATTENDED).exists()
        return False


# The audiences that need the document's meeting to admit anybody.
MEETING_AUDIENCES = (Audience.INVITED_STATES, Audience.ATTENDED_STATES)


class AnnouncedUpdateMixin:
    """QuerySet.update() that names the documents it changed (documents_updated) when it changes a
    field that others copy (the search index): a bulk update sends no post_save."""

    announced_fields: frozenset[str] = frozenset()

    def changed_document_ids(self, values: dict) -> list[int]:
        raise NotImplementedError

    def update(self, **kwargs):
        if not self.announced_fields & kwargs.keys():
            return super().update(**kwargs)
        with transaction.atomic(using=self.db):
            # Read first: the filter may no longer select the rows once they are updated.
            ids = self.changed_document_ids(kwargs)
            count = super().update(**kwargs)
            if ids:
                documents_updated.send(sender=self.model, ids=ids)
        return count


class DocumentQuerySet(AnnouncedUpdateMixin, PublishableQuerySet):
    # What the search index holds of a document (see documents.indexing).
    announced_fields = frozenset(
        "title title_ru title_en summary summary_ru summary_en publication_status publish_at audience kind date "
        "meeting meeting_id".split()
    )

    def changed_document_ids(self, values):
        return list(self.order_by().values_list("pk", flat=True))

    def with_symbol(self, symbol: str):
        """The documents carrying this symbol (at most one), compared without regard to case."""
        symbol = symbols.normalise(symbol)
        if not symbol:
            return self.none()
        # The condition of the unique index (document_symbol_unique) lets PostgreSQL use it.
        return self.exclude(symbol="").annotate(symbol_upper=Upper("symbol")).filter(symbol_upper=symbol.upper())

    def for_detail(self, user):
        """With everything the document page shows, and only the files this user may download."""
        return self.select_related("meeting__process").prefetch_related(
            "states",
            "organisations",
            models.Prefetch("files", queryset=DocumentFile.objects.downloadable_by(user).order_by("language")),
        )


@keeps_history(follow=("files",))
class Document(Publishable):
    """A document of the archive: an agenda, a report, an outcome statement…"""

    class Kind(models.TextChoices):
        OUTCOME_STATEMENT = "outcome_statement", _("outcome statement")
        AGENDA = "agenda", _("agenda")
        CONCEPT_NOTE = "concept_note", _("concept note")
        REPORT = "report", _("report")
        PRESENTATION = "presentation", _("presentation")
        PARTICIPANT_INFORMATION = "participant_information", _("participant information")
        DECLARATION = "declaration", _("declaration")
        PRESS_RELEASE = "press_release", _("press release")
        INFORMATION_SHEET = "information_sheet", _("information sheet")

    title = models.CharField(_("title"), max_length=500, validators=[validate_single_line])
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    date = models.DateField(_("date"))
    symbol = models.CharField(
        _("symbol"),
        max_length=symbols.MAX_LENGTH,
        blank=True,
        validators=[symbols.validate_symbol],
        help_text=_(
            "One symbol for all language versions, in the manner of UN documents, for example AP/SOM.3/2016/1; "
            "add /Rev.1, /Corr.1 or /Add.1 for a revision, a correction or an addendum."
        ),
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("meeting"),
    )
    states = models.ManyToManyField(State, blank=True, related_name="documents", verbose_name=_("related states"))
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="documents", verbose_name=_("related organisations")
    )
    summary = models.TextField(_("summary"), blank=True)
    audience = models.CharField(_("who may see it"), max_length=20, choices=Audience.choices, default=Audience.PUBLIC)

    objects = DocumentQuerySet.as_manager()
    publication_parent_field = "meeting"

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-date", "title"]
        indexes = [
            models.Index(fields=["date"]),
            # The next scheduled publication (core.pagecache.next_publication), asked after every change of
            # content: the few documents with a publication time, not a scan of the whole archive.
            models.Index(fields=["publish_at"], condition=Q(publish_at__isnull=False), name="document_scheduled"),
        ]
        constraints = [
            # Unique without regard to case (ap/som.3/2016/1 is AP/SOM.3/2016/1); the index serves the resolver.
            models.UniqueConstraint(
                Upper("symbol"),
                condition=~Q(symbol=""),
                name="document_symbol_unique",
                violation_error_message=_("Another document already has this symbol."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:document_detail", args=[self.pk])

    def clean_fields(self, exclude=None):
        self.symbol = symbols.normalise(self.symbol)
        super().clean_fields(exclude)

    def save(self, *args, **kwargs):
        self.symbol = symbols.normalise(self.symbol)
        super().save(*args, **kwargs)

    def clean(self):
        if self.audience in MEETING_AUDIENCES and self.meeting_id is None:
            raise ValidationError(
                {
                    "audience": _(
                        "Only a document of a meeting can be meant for the states invited to it or attending it: "
                        "choose the meeting, or another audience."
                    )
                }
            )

    # A document is as hidden as its meeting (Indico's protection_parent): the rules below
    # compose the meeting's own doors rather than restating them.
    protection_parent_field = "meeting"

    @property
    def protection_parent(self):
        return self.meeting

    @classmethod
    def public_q(cls, prefix: str = "") -> Q:
        """Documents anonymous readers may see: published, public, of no meeting or a public one.

        ``prefix`` is the path to the document's fields; search.SearchEntry passes "" for its copies.
        """
        return published_q(prefix) & Q(**{f"{prefix}audience": Audience.PUBLIC}) & cls._parent_q(None, prefix)

    @classmethod
    def visible_q(cls, user, prefix: str = "") -> Q:
        if is_staff(user):
            return Q()
        if delegate_state_id(user) is None:
            return cls.public_q(prefix)
        return (
            published_q(prefix)
            & cls._parent_q(user, prefix)
            & Audience.admits_q(user, prefix, meeting_field=f"{prefix}meeting_id")
        )

    @classmethod
    def _parent_q(cls, user, prefix) -> Q:
        parent = f"{prefix}{cls.protection_parent_field}"
        return Q(**{f"{parent}__isnull": True}) | Q(**{f"{parent}__in": Meeting.objects.visible_to(user).values("pk")})

    PUBLIC_RULE = "public"  # rule_key() of a reader who sees public content only

    @staticmethod
    def rule_key(user) -> str:
        """A name for visible_q(user): readers with the same name see the same documents.

        Results shared between requests (core.pagecache.remember) are kept under it.
        """
        if is_staff(user):
            return "staff"
        state_id = delegate_state_id(user)
        return Document.PUBLIC_RULE if state_id is None else f"state:{state_id}"

    @staticmethod
    def reader_of_rule(key: str):
        """A reader whose rule_key() is `key`, for work done once for every reader of a rule; ValueError if none."""
        if key == Document.PUBLIC_RULE:
            return AnonymousUser()
        if key == "staff":
            return get_user_model()(is_active=True, is_staff=True)
        kind, _colon, state_id = key.partition(":")
        if kind == "state" and state_id.isdigit():
            return stand_in_delegate(int(state_id))
        raise ValueError(f"no access rule is called {key!r}")

    @staticmethod
    def shows_only_public_to(user) -> bool:
        """Whether visible_q(user) is public_q(): the reader is neither staff nor a delegate."""
        return not is_staff(user) and delegate_state_id(user) is None

    def is_visible_to(self, user) -> bool:
        if is_staff(user):
            return True
        parent = self.protection_parent
        return (
            self.is_published
            and (parent is None or parent.is_visible_to(user))
            and Audience.admits(user, self.audience, self.meeting_id)
        )


def document_file_path(instance, filename):
    # The stored name never comes from the user: a random name keeps names unique and
    # the extension of the detected type keeps it visible to whoever inspects the media folder.
    file_type = files.BY_CONTENT_TYPE.get(instance.content_type)
    extension = file_type.extension if file_type else "bin"
    return f"documents/{uuid.uuid4().hex}.{extension}"


def validate_document_file(value):
    """The upload rules (type by content, size, readable PDF); files already stored are not re-read."""
    if value and not getattr(value, "_committed", True):
        files.validate_upload(value.file, value.name)


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    DONE = "done", _("done")
    # Read by tesseract from the images of pages without a text layer (scans), maybe with other pages' text.
    OCR = "ocr", _("recognised by OCR")
    FAILED = "failed", _("failed")

    @classmethod
    def with_text(cls) -> tuple[str, ...]:
        return (cls.DONE, cls.OCR)


class DocumentFileQuerySet(AnnouncedUpdateMixin, models.QuerySet):
    # What the search index reads of a file: the text of the files anyone may download.
    announced_fields = frozenset({"extracted_text", "audience", "document", "document_id"})

    def changed_document_ids(self, values):
        ids = set(self.order_by().values_list("document_id", flat=True))
        moved_to = values.get("document_id", values.get("document"))
        if moved_to is not None:
            ids.add(getattr(moved_to, "pk", moved_to))
        return sorted(ids)

    def without_pages(self):
        """Files whose text was read before it was kept page by page (FilePage): their hits name no page."""
        pages = FilePage.objects.filter(file_id=OuterRef("pk"))
        return self.filter(extraction_status__in=ExtractionStatus.with_text()).exclude(Exists(pages))

    def downloadable_by(self, user, meeting_field: str = "document__meeting_id"):
        """Files whose own audience admits the user, for files of documents already read through visible_to().

        `meeting_field` names the document's meeting id from the file: its document's column by default,
        or an annotation carrying it (documents.facets reads it from the matches it counts).
        """
        if is_staff(user):
            return self
        return self.filter(Audience.admits_q(user, meeting_field=meeting_field))

    def visible_to(self, user):
        """Files of documents the user may see, limited by each file's own audience."""
        return self.filter(DocumentFile.visible_q(user))

    def public(self):
        return self.filter(DocumentFile.public_q())

    def for_meeting_zip(self, meeting, language=""):
        files = self.filter(document__meeting=meeting).exclude(file="").select_related("document")
        if language:
            files = files.filter(language=language)
        return files.order_by("document__date", "document__title", "document_id", "language")


class StoredFileField(models.FileField):
    """A file stored under a random name: the uploaded name's length is not the column's business.

    The original name is kept apart (sanitised and shortened, extension kept), so a name of up to
    255 characters, which file systems allow, is accepted.
    """

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        field.max_length = None
        return field


# Data the portal computes stays out of versions: restoring a version must not roll it back.
@keeps_history(exclude=("extracted_text", "extraction_status", "extraction_error", "download_count"))
class DocumentFile(models.Model):
    """One language version of a document, as a file."""

    class Language(models.TextChoices):
        RUSSIAN = "ru", _("Russian")
        ENGLISH = "en", _("English")
        KAZAKH = "kk", _("Kazakh")
        KYRGYZ = "ky", _("Kyrgyz")
        TAJIK = "tg", _("Tajik")
        TURKMEN = "tk", _("Turkmen")
        UZBEK = "uz", _("Uzbek")
        DARI = "prs", _("Dari")
        PERSIAN = "fa", _("Persian")
        TURKISH = "tr", _("Turkish")
        OTHER = "other", _("another language")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="files", verbose_name=_("document"))
    language = models.CharField(_("language"), max_length=5, choices=Language.choices)
    file = StoredFileField(_("file"), upload_to=document_file_path, max_length=200, validators=[validate_document_file])
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, editable=False, db_index=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True, editable=False)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    audience = models.CharField(
        _("who may download it"),
        max_length=20,
        choices=Audience.choices,
        default=Audience.PUBLIC,
        help_text=_("A file can be more restricted than its document, never less."),
    )
    extraction_status = models.CharField(
        _("text extraction"), max_length=10, choices=ExtractionStatus.choices, default=ExtractionStatus.PENDING
    )
    extraction_error = models.TextField(_("extraction error"), blank=True, editable=False)
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    objects = DocumentFileQuerySet.as_manager()

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["document", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language"],
                name="one_file_per_language",
                violation_error_message=_("This document already has a file in this language."),
            )
        ]

    def __str__(self):
        return f"{self.document} [{self.language}]"

    def save(self, *args, **kwargs):
        new_upload = self.has_new_upload
        if new_upload:
            self.describe_file()
            self.extraction_status = ExtractionStatus.PENDING
            self.extraction_error = ""
            self.extracted_text = ""
            if self.pk:
                self.uploaded_at = timezone.now()
        super().save(*args, **kwargs)
        if new_upload:
            self.pages.all().delete()
        if new_upload:
            # Text is read by a background job once the file is safely stored and committed:
            # the upload answers at once, and a slow or failing extraction can never lose it.
            transaction.on_commit(lambda pk=self.pk: tasks.extract_file_text.enqueue(pk), robust=True)

    def get_absolute_url(self):
        return reverse("documents:file_download", args=[self.document_id, self.language])

    @property
    def file_type(self):
        return files.BY_CONTENT_TYPE.get(self.content_type)

    @property
    def has_new_upload(self) -> bool:
        return bool(self.file) and not self.file._committed

    @classmethod
    def public_q(cls, prefix: str = "") -> Q:
        return Document.public_q(f"{prefix}document__") & Q(**{f"{prefix}audience": Audience.PUBLIC})

    @classmethod
    def visible_q(cls, user, prefix: str = "") -> Q:
        """Visible when its document is, and its own audience admits the reader."""
        if is_staff(user):
            return Q()
        return Document.visible_q(user, f"{prefix}document__") & Audience.admits_q(
            user, prefix, meeting_field=f"{prefix}document__meeting_id"
        )

    def is_visible_to(self, user) -> bool:
        if is_staff(user):
            return True
        document = self.document
        return document.is_visible_to(user) and Audience.admits(user, self.audience, document.meeting_id)

    @property
    def restricted_audience(self) -> str:
        """The audience that keeps this file from everyone (its own, else its document's), or ""."""
        for audience in (self.audience, self.document.audience):
            if audience != Audience.PUBLIC:
                return audience
        return ""

    def count_download(self):
        DocumentFile.objects.filter(pk=self.pk).update(download_count=models.F("download_count") + 1)

    def clean(self):
        if self.has_new_upload:
            try:
                self.sha256 = files.checksum(self.file.file)
            except OSError:
                return
            duplicate = (
                DocumentFile.objects.filter(sha256=self.sha256).exclude(pk=self.pk).select_related("document").first()
            )
            if duplicate is not None:
                raise ValidationError({"file": duplicate.duplicate_message()})

    def duplicate_message(self):
        return format_html(
            _('This file is already in the archive: <a href="{url}">{title}</a>, {language} version.'),
            url=reverse("admin:documents_document_change", args=[self.document_id]),
            title=self.document.title,
            language=self.get_language_display(),
        )

    def describe_file(self):
        """Record the checksum, size, type, page count and a safe name of the newly attached file."""
        upload = self.file.file
        try:
            file_type = files.detect_type(upload)
        except ValidationError:
            # Only reached when validation was skipped (code, not the admin or the importer).
            file_type = None
        self.sha256 = files.checksum(upload)
        self.size = files.file_size(upload)
        self.content_type = file_type.content_type if file_type else "application/octet-stream"
        self.original_name = files.sanitize_filename(self.original_name or self.file.name, file_type)
        self.page_count = files.count_pages(upload, file_type) if file_type else None

    def extract_text(self):
        """Read the file's text now, record the outcome, and tell listeners (search indexing).

        A PDF's pages without a text layer are left to OCR, a job of its own (recognise_text).
        """
        file_type = self.file_type
        pages, blank_pages = [], []
        try:
            if file_type is None:
                raise files.ExtractionFailed(f"unsupported: {self.content_type or 'unknown type'}")
            with self.file.open("rb") as stored:
                # In a child process with its own limits: a hostile file fails this file, nothing else.
                result = isolation.run_limited(
                    files.extract_text,
                    stored,
                    file_type,
                    seconds=settings.EXTRACTION_TIME_LIMIT,
                    memory_bytes=settings.EXTRACTION_MEMORY_LIMIT_MB * 1024 * 1024,
                )
        except isolation.LimitExceeded as error:
            self.extraction_status, self.extracted_text = ExtractionStatus.FAILED, ""
            self.extraction_error = {
                "time": f"stopped: reading the text took more than {settings.EXTRACTION_TIME_LIMIT} s",
                "memory": f"stopped: reading the text needed more than {settings.EXTRACTION_MEMORY_LIMIT_MB} MB",
            }.get(error.reason, f"stopped: {error}")
        except files.ExtractionFailed as error:
            self.extraction_status, self.extraction_error, self.extracted_text = ExtractionStatus.FAILED, str(error), ""
        except Exception as error:  # a broken file must never break the request that stored it
            logger.exception("Text extraction failed for document file %s", self.pk)
            self.extraction_status = ExtractionStatus.FAILED
            self.extraction_error = f"{type(error).__name__}: {error}"[:500]
            self.extracted_text = ""
        else:
            pages, blank_pages = result.pages, result.blank_pages
            self.extraction_status, self.extraction_error, self.extracted_text = (
                ExtractionStatus.DONE if result.text else ExtractionStatus.PENDING,
                result.note,
                result.text,
            )
            if result.page_count and not self.page_count:
                self.page_count = result.page_count
        with transaction.atomic():
            self.store_pages(pages)
            DocumentFile.objects.filter(pk=self.pk).update(
                extraction_status=self.extraction_status,
                extraction_error=self.extraction_error,
                extracted_text=self.extracted_text,
                page_count=self.page_count,
            )
            if blank_pages:
                transaction.on_commit(lambda pk=self.pk: tasks.recognise_file_text.enqueue(pk), robust=True)
        file_text_extracted.send(sender=DocumentFile, instance=self)

    def store_pages(self, texts: list[str]) -> None:
        """Keep the text page by page (numbered from 1), replacing what was kept before."""
        self.pages.all().delete()
        FilePage.objects.bulk_create(
            FilePage(file=self, number=number, text=text) for number, text in enumerate(texts, start=1)
        )
        engine.index_passages(FilePage.objects.filter(file=self).exclude(text=""))

    def recognise_text(self):
        """OCR the pages that have no text (a scan), record the outcome, and tell listeners (search indexing)."""
        blank = dict(self.pages.filter(text="").values_list("number", "pk"))
        if not blank or self.file_type is not files.PDF:
            return
        recognised = None
        try:
            with self.file.open("rb") as stored:
                # External programs on an untrusted file: in a child process whose limits they inherit.
                recognised = isolation.run_limited(
                    files.recognise_pages,
                    stored,
                    sorted(blank),
                    # Its own budget ends first: the pages read by then are kept.
                    settings.OCR_TIME_LIMIT * 0.9,
                    seconds=settings.OCR_TIME_LIMIT,
                    memory_bytes=settings.OCR_MEMORY_LIMIT_MB * 1024 * 1024,
                )
        except isolation.LimitExceeded as error:
            self.extraction_status = ExtractionStatus.FAILED
            self.extraction_error = {
                "time": f"stopped: OCR took more than {settings.OCR_TIME_LIMIT} s",
                "memory": f"stopped: OCR needed more than {settings.OCR_MEMORY_LIMIT_MB} MB",
            }.get(error.reason, f"stopped: {error}")
        except files.ExtractionFailed as error:
            self.extraction_status, self.extraction_error = ExtractionStatus.FAILED, f"OCR: {error}"
        except Exception as error:  # a broken file must never break the job
            logger.exception("OCR failed for document file %s", self.pk)
            self.extraction_status, self.extraction_error = ExtractionStatus.FAILED, f"OCR: {type(error).__name__}"
        with transaction.atomic():
            if recognised is not None:
                self.record_recognition(recognised, blank)
            elif self.extracted_text:
                # The text layer's pages were read: the file keeps them, and says what OCR could not do.
                self.extraction_status = ExtractionStatus.DONE
            DocumentFile.objects.filter(pk=self.pk).update(
                extraction_status=self.extraction_status,
                extraction_error=self.extraction_error,
                extracted_text=self.extracted_text,
            )
        file_text_extracted.send(sender=DocumentFile, instance=self)

    def record_recognition(self, recognition, blank: dict[int, int]) -> None:
        """Keep the recognised pages' text, and the file's text, status and note that follow from it."""
        for number, text in recognition.texts.items():
            FilePage.objects.filter(pk=blank[number]).update(text=text)
        engine.index_passages(FilePage.objects.filter(pk__in=blank.values()).exclude(text=""))
        self.extracted_text = files.join_pages(list(self.pages.order_by("number").values_list("text", flat=True)))
        note = f"OCR: {recognition.note}" if recognition.note else ""
        if any(recognition.texts.values()):
            self.extraction_status, self.extraction_error = ExtractionStatus.OCR, note
        elif self.extracted_text:
            self.extraction_status = ExtractionStatus.DONE
            self.extraction_error = note or "OCR found no text on the pages without a text layer"
        else:
            self.extraction_status = ExtractionStatus.FAILED
            self.extraction_error = note or "no text found, not even by OCR"


class FilePage(models.Model):
    """The text of one page of a file (a PDF's page; any other file is one page), for naming a search hit's page."""

    file = models.ForeignKey(DocumentFile, on_delete=models.CASCADE, related_name="pages", verbose_name=_("file"))
    number = models.PositiveIntegerField(_("page"))
    text = models.TextField(_("text"), blank=True)
    # The engine's full-text vector of the text (search.engine.index_passages), on PostgreSQL.
    vector = SearchVectorField(_("search vector"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("page of a file")
        verbose_name_plural = _("pages of files")
        ordering = ["file", "number"]
        constraints = [models.UniqueConstraint(fields=["file", "number"], name="one_text_per_file_page")]

    def __str__(self):
        return f"{self.file} p. {self.number}"

    def get_absolute_url(self):
        return f"{self.file.get_absolute_url()}#page={self.number}"


# The portal's languages, named as the archive names a file's language.
PORTAL_LANGUAGES = [(code, DocumentFile.Language(code).label) for code in LANGUAGE_CODES]


def compilation_path(instance, filename):
    return f"compilations/{filename}"


class MeetingCompilationQuerySet(models.QuerySet):
    def shown_with(self, meeting) -> list:
        """The compilations a meeting page offers, to every reader alike, or none.

        A compilation is built from public content only, so it is shown only while every part of the
        meeting is public (MeetingCompilation.may_be_public) and it has been rebuilt since the last change.
        """
        compilations = list(self.filter(meeting=meeting, is_current=True).order_by("language"))
        if compilations and not MeetingCompilation.may_be_public(meeting):
            return []
        for compilation in compilations:
            compilation.meeting = meeting
        return compilations


class MeetingCompilation(models.Model):
    """A meeting's compiled PDF in one language (documents.compilation builds it in the background)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="compilations", verbose_name=_("meeting")
    )
    language = models.CharField(_("language"), max_length=5, choices=PORTAL_LANGUAGES)
    file = models.FileField(_("file"), upload_to=compilation_path, max_length=200)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    page_count = models.PositiveIntegerField(_("pages"), default=0)
    # A digest of everything the compilation was built from: an unchanged meeting is not built again.
    fingerprint = models.CharField(max_length=64, editable=False)
    # Cleared by any change of the meeting or its parts, until the rebuild; only a current one is shown.
    is_current = models.BooleanField(_("current"), default=True)
    built_at = models.DateTimeField(_("built"))

    objects = MeetingCompilationQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting compilation")
        verbose_name_plural = _("meeting compilations")
        ordering = ["meeting", "language"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "language"], name="one_compilation_per_meeting_language")
        ]

    def __str__(self):
        return f"{self.meeting} [{self.language}]"

    def get_absolute_url(self):
        return reverse("documents:meeting_compilation", args=[self.meeting.slug, self.language])

    @staticmethod
    def may_be_public(meeting) -> bool:
        """Whether every part of the meeting is public: the meeting, each of its documents and each file."""
        return (
            meeting.is_published
            and not Document.objects.filter(meeting=meeting).exclude(Document.public_q()).exists()
            and not DocumentFile.objects.filter(document__meeting=meeting).exclude(DocumentFile.public_q()).exists()
        )
