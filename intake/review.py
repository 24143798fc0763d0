"""The life of a participant information form: invite, submit, accept or send back. Each step is one function."""

import reversion
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.i18n import LANGUAGE_CODES
from documents.files import sanitize_filename
from intake.models import FORM_FIELDS, Attachment, Invitation, Submission


class NotOpen(Exception):
    """The link is expired or revoked, or its form is not the partner's to edit now."""


def absolute(path: str) -> str:
    return settings.PORTAL_ORIGIN.rstrip("/") + path


def send_link(invitation: Invitation) -> str:
    """Give the invitation a new secret link and e-mail it (the old link stops working); returns the token."""
    token = invitation.new_token()
    invitation.sent_at = timezone.now()
    with reversion.create_revision():
        reversion.set_comment(gettext("A new link was sent."))
        invitation.save(update_fields=["token_hash", "sent_at"])
    with translation.override(invitation.language):
        context = {
            "invitation": invitation,
            "url": absolute(Invitation.form_path(token, invitation.language)),
        }
        subject = gettext("Participant information form of the Almaty Process")
        body = render_to_string("intake/invitation_email.txt", context)
    # The message is a job (core.mail); it leaves once the invitation is committed.
    transaction.on_commit(lambda: send_mail(subject, body, None, [invitation.email]))
    return token


@transaction.atomic
def revoke(invitations, user=None) -> int:
    """Close these links for good, in the history; returns how many were still open."""
    revoked = 0
    with reversion.create_revision():
        if user is not None:
            reversion.set_user(user)
        reversion.set_comment(gettext("Link revoked."))
        for invitation in invitations.filter(revoked_at__isnull=True):
            invitation.revoked_at = timezone.now()
            invitation.save(update_fields=["revoked_at"])
            revoked += 1
    return revoked


@transaction.atomic
def submit(invitation: Invitation, data: dict, files: list) -> Submission:
    """Record what the partner sent (a first submission, or a resubmission after it was sent back)."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise NotOpen
    submission = Submission.objects.filter(invitation=invitation).first()
    if submission is not None and not submission.is_editable_by_partner:
        raise NotOpen
    submission = submission or Submission(invitation=invitation)
    for field in FORM_FIELDS:
        for language in LANGUAGE_CODES:
            setattr(submission, f"{field}_{language}", data.get(f"{field}_{language}", "").strip())
    submission.status = Submission.Status.SUBMITTED
    submission.submitted_at = timezone.now()
    with reversion.create_revision():
        reversion.set_comment(gettext("Submitted by the partner through its link."))
        submission.save()
        for upload, file_type in files:
            name = sanitize_filename(upload.name, file_type)
            Attachment.objects.create(
                submission=submission,
                file=upload,
                original_name=name,
                size=upload.size,
                content_type=file_type.content_type,
            )
    return submission


@transaction.atomic
def accept(submission: Submission, user) -> None:
    """Copy the submission into the organisation's participant information: from now on the public sees it.

    A field left empty in one language keeps the organisation's text in that language.
    """
    organisation = submission.invitation.organisation
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(gettext("Participant information accepted from a submitted form."))
        for field in FORM_FIELDS:
            for language in LANGUAGE_CODES:
                value = getattr(submission, f"{field}_{language}")
                if value.strip():
                    setattr(organisation, f"{field}_{language}", value)
        organisation.save()
        submission.status = Submission.Status.ACCEPTED
        submission.reviewed_at = timezone.now()
        submission.save()


@transaction.atomic
def send_back(submission: Submission, user, comment: str) -> None:
    """Return the form to the partner with a comment; it sees the comment through its link and may resubmit."""
    comment = comment.strip()
    if not comment:
        raise ValueError("A submission is sent back with a comment.")
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(gettext("Sent back to the partner."))
        submission.status = Submission.Status.RETURNED
        submission.review_comment = comment
        submission.reviewed_at = timezone.now()
        submission.save()
    invitation = submission.invitation
    with translation.override(invitation.language):
        subject = gettext("Your participant information form was sent back")
        body = render_to_string("intake/sent_back_email.txt", {"submission": submission})
    transaction.on_commit(lambda: send_mail(subject, body, None, [invitation.email]))
