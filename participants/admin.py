from django.contrib import admin
from modeltranslation.admin import TranslationStackedInline

from core.admin import PortalAdmin
from participants.models import FocalPoint, Organisation, State


class FocalPointInline(TranslationStackedInline):
    model = FocalPoint
    extra = 0


@admin.register(State)
class StateAdmin(PortalAdmin):
    list_display = ["name", "iso_alpha2", "iso_alpha3", "status", "year_joined"]
    list_filter = ["status"]
    search_fields = ["name_ru", "name_en", "official_name_ru", "official_name_en", "iso_alpha2", "iso_alpha3"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [FocalPointInline]


@admin.register(FocalPoint)
class FocalPointAdmin(PortalAdmin):
    list_display = ["name", "state", "institution", "is_public"]
    list_filter = ["is_public", "state"]
    search_fields = ["name_ru", "name_en", "institution_ru", "institution_en", "email"]
    autocomplete_fields = ["state"]


@admin.register(Organisation)
class OrganisationAdmin(PortalAdmin):
    list_display = ["name", "acronym", "kind", "role"]
    list_filter = ["kind", "role"]
    search_fields = ["name_ru", "name_en", "acronym_ru", "acronym_en"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["secretariat"]
