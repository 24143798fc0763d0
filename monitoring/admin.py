import reversion
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.admin import PortalAdmin
from monitoring.forms import PastedListForm
from monitoring.models import InformationSheet, MonitoringItem, Topic
from monitoring.pasting import create_items


@admin.register(Topic)
class TopicAdmin(PortalAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name_ru", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(MonitoringItem)
class MonitoringItemAdmin(PortalAdmin):
    change_list_template = "admin/monitoring/monitoringitem/change_list.html"
    list_display = ["headline", "outlet", "date", "language", "is_illustrative", "publication_status"]
    list_filter = ["publication_status", "language", "topics", "is_illustrative"]
    search_fields = ["headline", "outlet", "url", "summary_ru", "summary_en"]
    date_hierarchy = "date"
    autocomplete_fields = ["states", "topics"]
    fields = [
        "url",
        "headline",
        "outlet",
        "date",
        "language",
        "states",
        "topics",
        "summary",
        "is_illustrative",
        "publication_status",
        "publish_at",
    ]

    def get_urls(self):
        paste = path("paste/", self.admin_site.admin_view(self.paste_view), name="monitoring_monitoringitem_paste")
        return [paste, *super().get_urls()]

    def paste_view(self, request):
        """Add many items at once from a pasted list; all are saved as drafts, or none when a line is bad."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = PastedListForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            with reversion.create_revision():
                reversion.set_user(request.user)
                reversion.set_comment(gettext("Added from a pasted list."))
                items = create_items(
                    form.cleaned_data["lines"],
                    date=form.cleaned_data["date"],
                    language=form.cleaned_data["language"],
                    outlet=form.cleaned_data["outlet"],
                )
            count = len(items)
            self.message_user(
                request,
                ngettext(
                    "%(count)d monitoring item added as a draft.", "%(count)d monitoring items added as drafts.", count
                )
                % {"count": count},
                messages.SUCCESS,
            )
            return redirect(reverse("admin:monitoring_monitoringitem_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Add monitoring items from a pasted list"),
            "form": form,
        }
        return TemplateResponse(request, "admin/monitoring/paste.html", context)


@admin.register(InformationSheet)
class InformationSheetAdmin(PortalAdmin):
    list_display = ["title", "period_start", "period_end", "is_illustrative", "publication_status"]
    list_filter = ["publication_status", "is_illustrative"]
    search_fields = ["title_ru", "title_en", "introduction_ru", "introduction_en"]
    date_hierarchy = "period_end"
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["monitoring_items", "news", "meetings", "documents"]
