"""Documents of the archive and their files, one file per language version."""

import hashlib
import mimetypes
import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import Publishable, PublishableQuerySet
from meetings.models import Meeting
from participants.models import Organisation, State


class Audience(models.TextChoices):
    PUBLIC = "public", _("everyone")
    DELEGATES = "delegates", _("delegates of all participating states")
    MEETING_DELEGATES = "meeting_delegates", _("delegates of the states taking part in the meeting")


class DocumentQuerySet(PublishableQuerySet):
    def visible_to(self, user):
        # Restricted audiences are refined for delegate accounts by the access rules;
        # until then only staff see anything that is not public.
        if user.is_active and user.is_staff:
            return self
        return self.published().filter(audience=Audience.PUBLIC)

    def for_listing(self):
        return self.select_related("meeting").prefetch_related("files")


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
    # The stored name never comes from the user: a random folder keeps names unique
    # and the extension keeps the type visible to whoever inspects the media folder.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"documents/{uuid.uuid4().hex}.{extension[:10]}"


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


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
    file = models.FileField(_("file"), upload_to=document_file_path, max_length=200)
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

    def get_absolute_url(self):
        return reverse("documents:file_download", args=[self.document_id, self.language])

    def save(self, *args, **kwargs):
        if self.file and not self.sha256:
            self.describe_file()
        super().save(*args, **kwargs)

    def describe_file(self):
        """Record the size, checksum, type and name of the attached file."""
        digest = hashlib.sha256()
        self.file.open("rb")
        self.file.seek(0)
        for chunk in self.file.chunks():
            digest.update(chunk)
        self.file.seek(0)
        self.sha256 = digest.hexdigest()
        self.size = self.file.size
        if not self.original_name:
            self.original_name = self.file.name.rsplit("/", 1)[-1]
        self.content_type = mimetypes.guess_type(self.original_name)[0] or "application/octet-stream"
