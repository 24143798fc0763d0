"""Admin building blocks shared by every content model."""

from django.contrib import admin
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin

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


class FieldNamesInUniqueMessages:
    """For an inline formset: duplicates are reported with the fields' verbose names.

    Django names the fields by their code names ("Please correct the duplicate data for number",
    «…в поле "number"»); an editor reads «…в поле «номер»».
    """

    def get_unique_error_message(self, unique_check):
        # Every row of an inline shares its parent: naming it would only confuse.
        names = [name for name in unique_check if name != getattr(getattr(self, "fk", None), "name", None)]
        labels = [f"«{self.model._meta.get_field(name).verbose_name}»" for name in names or unique_check]
        if len(labels) == 1:
            return gettext("Please correct the duplicate data for %(field)s.") % {"field": labels[0]}
        return gettext("Please correct the duplicate data for %(field)s, which must be unique.") % {
            "field": get_text_list(labels, gettext("and"))
        }


class PortalAdmin(HistoryCompareMixin, VersionAdmin, TabbedTranslationAdmin):
    """Tabbed Russian/English fields, edit history, and what is left to translate."""

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

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            yield type(formset.__name__, (FieldNamesInUniqueMessages, formset), {}), inline

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
