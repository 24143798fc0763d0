"""The admin's form for bringing in a whole outcome statement: pasted text, or a DOCX, PDF or text file.

The text of an upload is read by the archive's own checks and extraction (documents.files), in a
child process with limits (core.isolation), exactly as a document's file is. This module is the
one place in meetings that imports documents: the admin is the top layer of its app, as views
are (docs/architecture.md), and the contract in pyproject.toml names this import.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import isolation
from core.i18n import LANGUAGE_CODES
from documents import files
from meetings.models import Meeting, OutcomeStatement
from meetings.statement_import import StatementSplit, compare_languages, split_numbered_paragraphs

STATEMENT_FILE_TYPES = (files.PDF, files.DOCX, files.TXT)


def read_statement_file(upload) -> str:
    """The text of an uploaded statement; ValidationError with a reason an editor can act on."""
    file_type = files.validate_upload(upload, getattr(upload, "name", ""))
    if file_type not in STATEMENT_FILE_TYPES:
        raise ValidationError(_("Upload the statement as a DOCX, PDF or plain-text file."), code="file_type")
    try:
        extraction = isolation.run_limited(
            files.extract_text,
            upload,
            file_type,
            seconds=settings.EXTRACTION_TIME_LIMIT,
            memory_bytes=settings.EXTRACTION_MEMORY_LIMIT_MB * 1024 * 1024,
        )
    except isolation.LimitExceeded:
        raise ValidationError(
            _("Reading this file took too long or needed too much memory; paste its text instead."), code="limit"
        ) from None
    except files.ExtractionFailed:
        raise ValidationError(
            _("No text could be read from this file; paste its text instead."), code="unreadable"
        ) from None
    finally:
        upload.seek(0)
    if not extraction.text.strip():
        raise ValidationError(
            _("This file has no text to read (is it a scan?); paste its text instead."), code="no_text"
        )
    return extraction.text


class StatementPasteForm(forms.Form):
    """A meeting and its statement's text in Russian, English or both; each text pasted or uploaded."""

    meeting = forms.ModelChoiceField(Meeting.objects.all(), label=_("meeting"))
    title_ru = forms.CharField(label=_("title (Russian)"), max_length=300, required=False)
    title_en = forms.CharField(label=_("title (English)"), max_length=300, required=False)
    text_ru = forms.CharField(
        label=_("Russian text"), required=False, strip=False, widget=forms.Textarea(attrs={"rows": 14, "lang": "ru"})
    )
    file_ru = forms.FileField(
        label=_("or the Russian file"), required=False, help_text=_("DOCX, PDF or plain text; it replaces the text.")
    )
    text_en = forms.CharField(
        label=_("English text"), required=False, strip=False, widget=forms.Textarea(attrs={"rows": 14, "lang": "en"})
    )
    file_en = forms.FileField(
        label=_("or the English file"), required=False, help_text=_("DOCX, PDF or plain text; it replaces the text.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.label = capfirst(field.label)

    def clean(self):
        cleaned_data = super().clean()
        for code in LANGUAGE_CODES:
            upload = cleaned_data.get(f"file_{code}")
            if upload:
                try:
                    cleaned_data[f"text_{code}"] = read_statement_file(upload)
                except ValidationError as error:
                    self.add_error(f"file_{code}", error)
        if not self.errors and not any((cleaned_data.get(f"text_{code}") or "").strip() for code in LANGUAGE_CODES):
            raise ValidationError(
                _("Paste the statement's text or upload its file, in Russian, English or both."), code="empty"
            )
        return cleaned_data

    def splits(self) -> dict[str, StatementSplit]:
        """Each given language's text cut into paragraphs, by the rules of import_statement."""
        return {
            code: split_numbered_paragraphs(self.cleaned_data[f"text_{code}"])
            for code in LANGUAGE_CODES
            if (self.cleaned_data.get(f"text_{code}") or "").strip()
        }

    def warnings(self, splits: dict[str, StatementSplit]) -> list[str]:
        """What the editor should know before saving; nothing here stops the save."""
        warnings = compare_languages(splits)
        statement = OutcomeStatement.objects.filter(meeting=self.cleaned_data["meeting"]).first()
        count = statement.paragraphs.count() if statement is not None else 0
        for code in splits if count else ():
            if code == "ru":
                message = ngettext(
                    "The meeting's statement already has %(count)d paragraph; saving replaces its Russian text.",
                    "The meeting's statement already has %(count)d paragraphs; saving replaces its Russian text.",
                    count,
                )
            else:
                message = ngettext(
                    "The meeting's statement already has %(count)d paragraph; saving replaces its English text.",
                    "The meeting's statement already has %(count)d paragraphs; saving replaces its English text.",
                    count,
                )
            warnings.append(message % {"count": count})
        return warnings
