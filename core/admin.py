"""Admin building blocks shared by every content model."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin

from core.edit_conflicts import EditConflictMixin
from core.history import HistoryCompareMixin
from core.translation_status import LANGUAGE_CODES, missing_language_q, missing_languages


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        names = {"ru": _("missing Russian text"), "en": _("missing English text")}
        return [(code, names.get(code, code)) for code in LANGUAGE_CODES]

    def queryset(self, request, queryset):
        if self.value() in LANGUAGE_CODES:
            return queryset.filter(missing_language_q(queryset.model, self.value()))
        return queryset


class PortalAdmin(EditConflictMixin, HistoryCompareMixin, VersionAdmin, TabbedTranslationAdmin):
    """Tabbed Russian/English fields, edit history, what is left to translate, and no lost updates."""

    change_list_template = "admin/portal_change_list.html"

    @admin.display(description=_("translation"))
    def translation_state(self, obj):
        missing = missing_languages(obj)
        if not missing:
            return "✓"
        return _("missing: %(languages)s") % {"languages": ", ".join(code.upper() for code in missing)}

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), MissingTranslationFilter]

    def get_list_display(self, request):
        return [*super().get_list_display(request), "translation_state"]

    def changelist_view(self, request, extra_context=None):
        queryset = self.model._default_manager.all()
        extra_context = {
            **(extra_context or {}),
            "translation_gaps": [
                {
                    "code": code,
                    "count": queryset.filter(missing_language_q(self.model, code)).count(),
                }
                for code in LANGUAGE_CODES
            ],
        }
        return super().changelist_view(request, extra_context)


admin.site.site_header = _("Almaty Process: secretariat")
admin.site.site_title = _("Almaty Process secretariat")
admin.site.index_title = _("Archive of the process")
