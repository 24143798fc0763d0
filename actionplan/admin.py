from django.contrib import admin, messages
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from actionplan.models import ActionPlan, Activity, Priority, ProgressUpdate
from actionplan.proposals import decide_updates
from core.admin import PortalAdmin
from meetings.models import StatementParagraph


class PriorityInline(TranslationTabularInline):
    model = Priority
    extra = 0


@admin.register(ActionPlan)
class ActionPlanAdmin(PortalAdmin):
    list_display = ["title", "start_year", "end_year", "is_illustrative", "publication_status"]
    list_filter = ["publication_status", "is_illustrative"]
    search_fields = ["title_ru", "title_en"]
    inlines = [PriorityInline]


@admin.register(Priority)
class PriorityAdmin(PortalAdmin):
    list_display = ["title", "plan", "position"]
    list_filter = ["plan"]
    search_fields = ["title_ru", "title_en"]
    list_select_related = ["plan"]


class ProgressUpdateInline(TranslationStackedInline):
    model = ProgressUpdate
    extra = 0
    fields = ["date", "text", "status", "proposed_by", "proposed_for"]
    readonly_fields = ["proposed_by", "proposed_for"]


@admin.action(description=_("Approve the selected proposed updates"), permissions=["change"])
def approve(modeladmin, request, queryset):
    count = decide_updates(queryset, request.user, ProgressUpdate.Status.APPROVED)
    modeladmin.message_user(
        request,
        ngettext("%(count)d update approved.", "%(count)d updates approved.", count) % {"count": count},
        messages.SUCCESS,
    )


@admin.action(description=_("Reject the selected proposed updates"), permissions=["change"])
def reject(modeladmin, request, queryset):
    count = decide_updates(queryset, request.user, ProgressUpdate.Status.REJECTED)
    modeladmin.message_user(
        request,
        ngettext("%(count)d update rejected.", "%(count)d updates rejected.", count) % {"count": count},
        messages.SUCCESS,
    )


@admin.register(Activity)
class ActivityAdmin(PortalAdmin):
    list_display = ["title", "priority", "status", "start_date", "end_date", "waiting_updates", "publication_status"]
    list_filter = ["status", "priority__plan", "publication_status", "is_illustrative"]
    search_fields = ["title_ru", "title_en"]
    list_select_related = ["priority"]
    autocomplete_fields = [
        "priority",
        "lead_states",
        "partner_states",
        "lead_organisations",
        "partner_organisations",
        "meetings",
        "documents",
    ]
    filter_horizontal = ["paragraphs"]
    inlines = [ProgressUpdateInline]

    def get_queryset(self, request):
        waiting = Count("updates", filter=Q(updates__status=ProgressUpdate.Status.PROPOSED))
        return super().get_queryset(request).annotate(waiting=waiting)

    @admin.display(description=_("updates waiting for approval"), ordering="waiting")
    def waiting_updates(self, obj):
        return obj.waiting

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "paragraphs":
            kwargs["queryset"] = StatementParagraph.objects.select_related("statement__meeting")
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(PortalAdmin):
    list_display = ["activity", "date", "status", "proposed_by", "proposed_for"]
    list_filter = ["status"]
    search_fields = ["text_ru", "text_en", "activity__title_ru", "activity__title_en"]
    list_select_related = ["activity", "proposed_by", "proposed_for"]
    readonly_fields = ["proposed_by", "proposed_for"]
    actions = [approve, reject]
