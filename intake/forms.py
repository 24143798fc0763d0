from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.i18n import LANGUAGE_CODES
from documents.files import validate_upload
from intake.models import FORM_FIELDS

MAX_ATTACHMENTS = 10
MAX_TEXT_LENGTH = 20_000
LANGUAGE_NAMES = {"ru": _("in Russian"), "en": _("in English")}
QUESTIONS = {
    "description": _("short description of the organisation or programme"),
    "activities_in_central_asia": _("activities in Central Asia"),
    "meetings_with_central_asia": _("meetings with Central Asian participation"),
    "best_practices": _("best practices"),
    "contact_details": _("contact details"),
}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files at once, each checked as the archive checks an upload (documents.files)."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data if isinstance(data, list | tuple) else [data]) if upload]
        if len(uploads) > MAX_ATTACHMENTS:
            raise ValidationError(
                _("Attach at most %(count)s files."), code="too_many", params={"count": MAX_ATTACHMENTS}
            )
        checked, errors = [], []
        for upload in uploads:
            try:
                checked.append((upload, validate_upload(upload, upload.name)))
            except ValidationError as error:
                for message in error.messages:
                    errors.append(
                        ValidationError(_("%(name)s: %(message)s"), params={"name": upload.name, "message": message})
                    )
        if errors:
            raise ValidationError(errors)
        return checked


class ParticipantInformationForm(forms.Form):
    """The partner's form, in Russian and/or English; nothing in it is published before the secretariat accepts it."""

    attachments = AttachmentsField(
        label=_("Attachments"),
        required=False,
        help_text=_("Up to 10 files: PDF, Word, Excel, PowerPoint, OpenDocument text or plain text."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        attachments = self.fields.pop("attachments")
        for field in FORM_FIELDS:
            label = QUESTIONS[field]
            for language in LANGUAGE_CODES:
                self.fields[f"{field}_{language}"] = forms.CharField(
                    label=f"{str(label).capitalize()} ({LANGUAGE_NAMES.get(language, language)})",
                    required=False,
                    max_length=MAX_TEXT_LENGTH,
                    widget=forms.Textarea(attrs={"rows": 6, "lang": language}),
                )
        self.fields["attachments"] = attachments

    def clean(self):
        data = super().clean()
        if not any(
            (data.get(f"{field}_{language}") or "").strip() for field in FORM_FIELDS for language in LANGUAGE_CODES
        ):
            raise ValidationError(_("Fill in at least one field, in Russian or in English."), code="empty")
        return data

    def field_groups(self):
        """The fields side by side: one row per question, one column per language."""
        return [
            {
                "label": QUESTIONS[field],
                "fields": [self[f"{field}_{language}"] for language in LANGUAGE_CODES],
            }
            for field in FORM_FIELDS
        ]

    @staticmethod
    def initial_from(submission, organisation) -> dict:
        """What the form starts with: the partner's last submission, else the organisation's current information."""
        source = submission or organisation
        return {
            f"{field}_{language}": getattr(source, f"{field}_{language}", "") or ""
            for field in FORM_FIELDS
            for language in LANGUAGE_CODES
        }
