"""Participant information forms: invitations with a secret link, what partners submit, and its review.

A partner (an Organisation) fills in the form through a link, without an account. Nothing it sends is
shown on the site: the secretariat reviews each submission and either accepts it into the
organisation's participant information (participants.Organisation) or sends it back with a comment.
"""

import hashlib
import secrets
import uuid

from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.history import keeps_history
from core.i18n import LANGUAGE_CODES
from documents.models import PORTAL_LANGUAGES
from meetings.models import Meeting
from participants.models import Organisation

# The form's questions, named as the Organisation's fields that receive the answers on acceptance
# (a column per language: description_ru, description_en...).
FORM_FIELDS = (
    "description",
    "activities_in_central_asia",
    "meetings_with_central_asia",
    "best_practices",
    "contact_details",
)


def hash_token(token: str) -> str:
    """Only this is stored: a copy of the database does not give anyone the links."""
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def for_token(self, token: str):
        """The invitation this link belongs to, or None (unknown or malformed link)."""
        if not token or len(token) > 100:
            return None
        return self.filter(token_hash=hash_token(token)).select_related("organisation", "meeting").first()


@keeps_history()
class Invitation(models.Model):
    """The secretariat's request to a partner to fill in the form, through a secret, expiring link."""

    class State(models.TextChoices):
        OPEN = "open", _("open")
        EXPIRED = "expired", _("expired")
        REVOKED = "revoked", _("revoked")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="form_invitations", verbose_name=_("organisation")
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="form_invitations",
        verbose_name=_("meeting"),
        help_text=_("The meeting the information is asked for, if any."),
    )
    email = models.EmailField(_("e-mail address"), help_text=_("The link is sent to this address."))
    language = models.CharField(
        _("language of the message"), max_length=5, choices=PORTAL_LANGUAGES, default=LANGUAGE_CODES[0]
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False, default="")
    expires_at = models.DateTimeField(_("link valid until"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation to the participant information form")
        verbose_name_plural = _("invitations to the participant information form")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.organisation} — {self.email}"

    def save(self, *args, **kwargs):
        if not self.token_hash:
            # Never an empty or guessable hash, even for a row saved without a link sent.
            self.token_hash = hash_token(uuid.uuid4().hex + secrets.token_hex(16))
        super().save(*args, **kwargs)

    def new_token(self) -> str:
        """A new secret link; the old one stops working. Returns the token, which is not stored."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        return token

    def state(self, now=None) -> str:
        if self.revoked_at is not None:
            return self.State.REVOKED
        if self.expires_at <= (now or timezone.now()):
            return self.State.EXPIRED
        return self.State.OPEN

    @property
    def is_open(self) -> bool:
        return self.state() == self.State.OPEN

    @staticmethod
    def form_path(token: str, language: str) -> str:
        with translation.override(language):
            return reverse("intake:form", args=[token])


@keeps_history(follow=("attachments",))
class Submission(models.Model):
    """What a partner sent through its link; shown nowhere on the site until the secretariat accepts it."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("awaiting review")
        RETURNED = "returned", _("sent back to the partner")
        ACCEPTED = "accepted", _("accepted")

    invitation = models.OneToOneField(
        Invitation, on_delete=models.CASCADE, related_name="submission", verbose_name=_("invitation")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    # The partner writes in Russian, English or both: its text is not the portal's to translate, so these are
    # plain columns, not modeltranslation's (the translation gaps of the admin do not list submissions).
    description_ru = models.TextField(_("short description of the organisation or programme (Russian)"), blank=True)
    description_en = models.TextField(_("short description of the organisation or programme (English)"), blank=True)
    activities_in_central_asia_ru = models.TextField(_("activities in Central Asia (Russian)"), blank=True)
    activities_in_central_asia_en = models.TextField(_("activities in Central Asia (English)"), blank=True)
    meetings_with_central_asia_ru = models.TextField(
        _("meetings with Central Asian participation (Russian)"), blank=True
    )
    meetings_with_central_asia_en = models.TextField(
        _("meetings with Central Asian participation (English)"), blank=True
    )
    best_practices_ru = models.TextField(_("best practices (Russian)"), blank=True)
    best_practices_en = models.TextField(_("best practices (English)"), blank=True)
    contact_details_ru = models.TextField(_("contact details (Russian)"), blank=True)
    contact_details_en = models.TextField(_("contact details (English)"), blank=True)
    review_comment = models.TextField(
        _("comment to the partner"),
        blank=True,
        help_text=_("Shown to the partner through its link when the form is sent back."),
    )
    submitted_at = models.DateTimeField(_("submitted"))
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("participant information submission")
        verbose_name_plural = _("participant information submissions")
        ordering = ["-submitted_at"]

    def __str__(self):
        return str(self.invitation.organisation)

    @property
    def is_editable_by_partner(self) -> bool:
        return self.status == self.Status.RETURNED


def attachment_path(instance, filename):
    # A random name: the partner's file name is kept apart (original_name), never used as a path.
    return f"intake/{uuid.uuid4().hex}/{filename}"


@keeps_history()
class Attachment(models.Model):
    """A file sent with a submission, checked like an archive upload; seen only by the secretariat."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("submission")
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    content_type = models.CharField(_("content type"), max_length=100)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name
