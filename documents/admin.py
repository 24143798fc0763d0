from django.contrib import admin

from core.admin import PortalAdmin
from documents.models import Document, DocumentFile


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    extra = 0
    fields = ["language", "file", "size", "content_type", "page_count", "sha256"]
    readonly_fields = ["size", "content_type", "page_count", "sha256"]


@admin.register(Document)
class DocumentAdmin(PortalAdmin):
    list_display = ["title", "kind", "date", "meeting", "publication_status"]
    list_filter = ["kind", "publication_status", "meeting__process", "date"]
    search_fields = ["title_ru", "title_en", "summary_ru", "summary_en"]
    date_hierarchy = "date"
    autocomplete_fields = ["meeting", "states", "organisations"]
    list_select_related = ["meeting"]
    inlines = [DocumentFileInline]
