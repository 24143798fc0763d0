from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from core.admin import PortalAdmin
from indicators.forms import ImportForm
from indicators.models import Indicator, IndicatorValue


@admin.register(Indicator)
class IndicatorAdmin(PortalAdmin):
    list_display = ["name", "unit", "source_name", "source_code", "position"]
    search_fields = ["name_ru", "name_en", "source_code"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(IndicatorValue)
class IndicatorValueAdmin(PortalAdmin):
    list_display = ["indicator", "state", "year", "value", "is_sample", "retrieved"]
    list_filter = ["indicator", "is_sample", "year"]
    search_fields = ["state__name_ru", "state__name_en", "state__iso_alpha3", "source"]
    autocomplete_fields = ["state"]
    list_select_related = ["indicator", "state"]
    change_list_template = "admin/indicators/indicatorvalue/change_list.html"

    def get_urls(self):
        upload = path(
            "import/",
            self.admin_site.admin_view(self.import_view),
            name="indicators_indicatorvalue_import",
        )
        return [upload, *super().get_urls()]

    def import_view(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid() and form.save(user=request.user):
            self.message_user(request, form.result.summary(), messages.SUCCESS)
            return redirect(reverse("admin:indicators_indicatorvalue_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "title": _("Import figures from a CSV file"),
        }
        return TemplateResponse(request, "admin/indicators/indicatorvalue/import.html", context)
