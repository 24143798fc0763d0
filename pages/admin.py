from django.contrib import admin

from core.admin import PortalAdmin
from pages.models import NewsItem, Page


@admin.register(Page)
class PageAdmin(PortalAdmin):
    list_display = ["title", "slug", "position", "publication_status"]
    list_filter = ["publication_status"]
    search_fields = ["title_ru", "title_en", "body_ru", "body_en"]
    prepopulated_fields = {"slug": ["title_en"]}


@admin.register(NewsItem)
class NewsItemAdmin(PortalAdmin):
    list_display = ["title", "date", "publication_status"]
    list_filter = ["publication_status"]
    search_fields = ["title_ru", "title_en", "lead_ru", "lead_en", "body_ru", "body_en"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title_en"]}
