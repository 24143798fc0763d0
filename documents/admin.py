from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.db.models.fields.files import FieldFile
from django.forms.models import BaseInlineFormSet
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin

from core import storage
from core.admin import PortalAdmin
from core.edit_conflicts import EditConflictMixin
from core.history import HistoryCompareMixin
from core.jobs import runs_in_worker
from documents.models import Document, DocumentFile, ExtractionStatus
from documents.tasks import extract_file_text


def retry_extraction(modeladmin, request, document_files):
    ids = list(document_files.values_list("pk", flat=True))
    for pk in ids:
        extract_file_text.enqueue(pk)
    if runs_in_worker():
        modeladmin.message_user(
            request,
            ngettext(
                "Text extraction is queued for %(count)d file; its status changes when the worker has read it.",
                "Text extraction is queued for %(count)d files; their status changes when the worker has read them.",
                len(ids),
            )
            % {"count": len(ids)},
            messages.INFO,
        )
        return
    statuses = list(DocumentFile.objects.filter(pk__in=ids).values_list("extraction_status", flat=True))
    done = sum(statuses.count(status) for status in ExtractionStatus.with_text())
    failed = len(statuses) - done
    if done:
        modeladmin.message_user(
            request,
            ngettext("Text extracted from %(count)d file.", "Text extracted from %(count)d files.", done)
            % {"count": done},
            messages.SUCCESS,
        )
    if failed:
        modeladmin.message_user(
            request,
            ngettext(
                "Extraction failed again for %(count)d file; the reason is in its “extraction error”.",
                "Extraction failed again for %(count)d files; the reasons are in their “extraction error”.",
                failed,
            )
            % {"count": failed},
            messages.WARNING,
        )


class StoredFileWidget(AdminFileWidget):
    """The stored file by its original name, opened through the access-checked download address.

    The media address of a stored file is a random name that the public site never serves; and a
    file chosen in a form that comes back with errors is not kept, which the editor is told.
    """

    template_name = "admin/documents/stored_file_input.html"
    dropped_name = ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if isinstance(value, FieldFile) and value and getattr(value.instance, "pk", None):
            context["widget"]["download_url"] = value.instance.get_absolute_url()
            context["widget"]["download_name"] = value.instance.original_name or value.instance.get_language_display()
        context["widget"]["dropped_name"] = self.dropped_name
        return context

    def render(self, name, value, attrs=None, renderer=None):
        # The project's template, not the form renderer's own set (which sees only Django's and the apps').
        return mark_safe(render_to_string(self.template_name, self.get_context(name, value, attrs)))  # noqa: S308


STORED_FILE = {models.FileField: {"widget": StoredFileWidget}}


class DocumentFileForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A form is shown again after a submit only when something is wrong; a chosen file is not kept then.
        upload = self.files.get(self.add_prefix("file")) if self.is_bound else None
        if isinstance(upload, UploadedFile) and isinstance(self.fields["file"].widget, StoredFileWidget):
            self.fields["file"].widget.dropped_name = upload.name


class DocumentFileFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        # Each form checks the archive; two forms of one save can only be compared here.
        seen = {}
        for form in self.forms:
            instance = form.instance
            if not form.cleaned_data or form.cleaned_data.get("DELETE") or not instance.has_new_upload:
                continue
            if instance.sha256 in seen:
                raise ValidationError(
                    _("The same file was chosen twice, for %(first)s and %(second)s.")
                    % {"first": seen[instance.sha256], "second": instance.get_language_display()}
                )
            seen[instance.sha256] = instance.get_language_display()
        if seen:
            try:
                storage.check_reachable()
            except storage.StorageUnavailable:
                raise ValidationError(
                    _(
                        "The file store cannot be reached just now, so nothing was saved. "
                        "Your entries are kept below: choose the files again and save in a few minutes."
                    )
                ) from None


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    formset = DocumentFileFormSet
    form = DocumentFileForm
    formfield_overrides = STORED_FILE
    extra = 0
    fields = [
        "language",
        "file",
        "audience",
        "original_name",
        "size",
        "content_type",
        "page_count",
        "extraction_status",
        "sha256",
    ]
    readonly_fields = ["original_name", "size", "content_type", "page_count", "extraction_status", "sha256"]


@admin.register(Document)
class DocumentAdmin(PortalAdmin):
    list_display = ["title", "symbol", "kind", "date", "meeting", "publication_status"]
    secondary_columns = ("kind", "meeting")  # shown on "More columns" (PortalAdmin)
    list_filter = ["kind", "publication_status", "meeting__process", "date", "files__extraction_status"]
    search_fields = ["title_ru", "title_en", "summary_ru", "summary_en", "symbol"]
    date_hierarchy = "date"
    autocomplete_fields = ["meeting", "states", "organisations"]
    list_select_related = ["meeting"]
    inlines = [DocumentFileInline]
    actions = ["retry_text_extraction", "publish_parents"]

    @admin.action(description=_("Retry text extraction of the selected documents’ files"))
    def retry_text_extraction(self, request, queryset):
        retry_extraction(self, request, DocumentFile.objects.filter(document__in=queryset).select_related("document"))


@admin.register(DocumentFile)
class DocumentFileAdmin(EditConflictMixin, HistoryCompareMixin, VersionAdmin):
    """Every file of the archive, to follow text extraction and downloads; files are added on their document."""

    form = DocumentFileForm
    formfield_overrides = STORED_FILE

    list_display = [
        "__str__",
        "language",
        "content_type",
        "size",
        "page_count",
        "extraction_status",
        "download_count",
        "uploaded_at",
    ]
    list_filter = ["extraction_status", "language", "content_type", "audience"]
    list_select_related = ["document"]
    search_fields = ["document__title_ru", "document__title_en", "original_name", "sha256"]
    autocomplete_fields = ["document"]
    readonly_fields = [
        "original_name",
        "size",
        "content_type",
        "page_count",
        "sha256",
        "extraction_status",
        "extraction_error",
        "download_count",
        "uploaded_at",
    ]
    fields = ["document", "language", "file", "audience", *readonly_fields]
    actions = ["retry_text_extraction"]

    @admin.action(description=_("Retry text extraction"))
    def retry_text_extraction(self, request, queryset):
        retry_extraction(self, request, queryset.select_related("document"))
