"""Documents of the archive and their files, one file per language version."""

import logging
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core import access, isolation
from core.models import Publishable, PublishableQuerySet
from documents import files, tasks
from documents.signals import file_text_extracted
from meetings.models import Meeting
from participants.models import Organisation, State

logger = logging.getLogger(__name__)


class Audience(models.TextChoices):
    PUBLIC = "public", _("everyone")
    DELEGATES = "delegates", _("delegates of all participating states")
    MEETING_DELEGATES = "meeting_delegates", _("delegates of the states taking part in the meeting")


class DocumentQuerySet(PublishableQuerySet):
    def visible_to(self, user):
        """Documents this user may see: the rules live in core.access."""
        return access.visible_documents(self, user)

    def for_listing(self):
        return self.select_related("meeting").prefetch_related("files")

    def for_detail(self, user):
        """With everything the document page shows, and only the files this user may download."""
        return self.select_related("meeting__process").prefetch_related(
            "states",
            "organisations",
            models.Prefetch("files", queryset=DocumentFile.objects.downloadable_by(user).order_by("language")),
        )


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

    title = models.CharField(_("title"), max_length=500)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    date = models.DateField(_("date"))
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

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-date", "title"]
        indexes = [models.Index(fields=["date"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:document_detail", args=[self.pk])


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
    FAILED = "failed", _("failed")


class DocumentFileQuerySet(models.QuerySet):
    def downloadable_by(self, user):
        """Files whose own audience admits the user (the queryset twin of DocumentFile.is_visible_to)."""
        if access.is_staff(user):
            return self
        return self.filter(access.audience_q(user, meeting_field="document__meeting_id"))

    def visible_to(self, user):
        """Files of documents the user may see, limited by each file's own audience."""
        return access.visible_document_files(self, user)

    def for_meeting_zip(self, meeting, language=""):
        files = self.filter(document__meeting=meeting).exclude(file="").select_related("document")
        if language:
            files = files.filter(language=language)
        return files.order_by("document__date", "document__title", "document_id", "language")


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
    file = models.FileField(
        _("file"), upload_to=document_file_path, max_length=200, validators=[validate_document_file]
    )
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

    def is_visible_to(self, user) -> bool:
        """Whether the user may download this file, judged on the file's own audience only."""
        if access.is_staff(user):
            return True
        meeting_id = self.document.meeting_id if self.audience == Audience.MEETING_DELEGATES else None
        return access.audience_allows(user, self.audience, meeting_id)

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
        """Read the file's text now, record the outcome, and tell listeners (search indexing)."""
        file_type = self.file_type
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
            self.extraction_status, self.extraction_error, self.extracted_text = (
                ExtractionStatus.DONE,
                result.note,
                result.text,
            )
            if result.page_count and not self.page_count:
                self.page_count = result.page_count
        with transaction.atomic():
            DocumentFile.objects.filter(pk=self.pk).update(
                extraction_status=self.extraction_status,
                extraction_error=self.extraction_error,
                extracted_text=self.extracted_text,
                page_count=self.page_count,
            )
        file_text_extracted.send(sender=DocumentFile, instance=self)
