from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin import PortalAdmin
from glossary.models import Term
from glossary.terms_csv import COLUMNS, MAX_ROWS, ImportFailed, export_csv, import_csv

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB; a glossary is much smaller."))
        return upload


@admin.register(Term)
class TermAdmin(PortalAdmin):
    list_display = ["label_ru", "label_en", "abbreviations_en", "source_name", "publication_status"]
    list_filter = ["publication_status", "source_name"]
    search_fields = [
        "label_ru",
        "label_en",
        "synonyms_ru",
        "synonyms_en",
        "abbreviations_ru",
        "abbreviations_en",
        "slug",
    ]
    prepopulated_fields = {"slug": ["label_en"]}
    change_list_template = "admin/glossary/term_change_list.html"
    fieldsets = [
        (None, {"fields": ["label", "abbreviations", "synonyms", "definition"]}),
        (_("Source"), {"fields": ["source_name", "source_url"]}),
        (_("Publication"), {"fields": ["slug", "publication_status", "publish_at"]}),
    ]

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="glossary_term_import"),
            path("export/", view(self.export_view), name="glossary_term_export"),
            *super().get_urls(),
        ]

    def export_view(self, request):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        response = HttpResponse(export_csv(Term.objects.all()), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="glossary.csv"'
        return response

    def import_view(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        errors = []
        if request.method == "POST" and form.is_valid():
            try:
                result = import_csv(form.cleaned_data["file"].read(), user=request.user)
            except ImportFailed as failure:
                errors = failure.errors
            else:
                created, updated = len(result.created), len(result.updated)
                self.message_user(
                    request,
                    ngettext("%(count)d term added.", "%(count)d terms added.", created) % {"count": created}
                    + " "
                    + ngettext("%(count)d term changed.", "%(count)d terms changed.", updated) % {"count": updated}
                    + " "
                    + ngettext(
                        "%(count)d term was already up to date.",
                        "%(count)d terms were already up to date.",
                        result.unchanged,
                    )
                    % {"count": result.unchanged},
                    messages.SUCCESS,
                )
                return redirect(reverse("admin:glossary_term_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import glossary terms from CSV"),
            "form": form,
            "errors": errors,
            "columns": COLUMNS,
            "max_rows": MAX_ROWS,
        }
        return TemplateResponse(request, "admin/glossary/term_import.html", context)
