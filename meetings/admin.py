from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline
from reversion.admin import VersionAdmin

from core.admin import PortalAdmin
from core.edit_conflicts import EditConflictMixin
from core.history import HistoryCompareMixin
from meetings.models import Meeting, OutcomeStatement, Participation, StatementParagraph


class YearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = model_admin.model.objects.dates("start_date", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(start_date__year=int(self.value()))
        return queryset


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["state", "organisation"]


@admin.register(Meeting)
class MeetingAdmin(PortalAdmin):
    list_display = ["title", "kind", "process", "start_date", "city", "status", "publication_status"]
    list_filter = ["kind", YearFilter, "status", "process", "publication_status"]
    search_fields = ["title_ru", "title_en", "city_ru", "city_en", "slug"]
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["process", "host_country", "organisers"]
    list_select_related = ["process"]
    inlines = [ParticipationInline]


class StatementParagraphFormSet(BaseInlineFormSet):
    """A new paragraph without a number gets the next one, in the order the rows are shown."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "number" in form.fields:
            form.fields["number"].required = False
            form.fields["number"].help_text = _("Leave empty for the next number.")

    def clean(self):
        kept = [
            form
            for form in self.forms
            if hasattr(form, "cleaned_data")
            and (form.has_changed() or form.instance.pk)
            and not self._should_delete_form(form)
        ]
        numbers = [form.cleaned_data.get("number") for form in kept]
        last = max((number for number in numbers if number), default=0)
        for form in kept:
            if not form.cleaned_data.get("number"):
                last += 1
                form.cleaned_data["number"] = form.instance.number = last
        super().clean()


class StatementParagraphInline(TranslationTabularInline):
    model = StatementParagraph
    formset = StatementParagraphFormSet
    extra = 0


@admin.register(OutcomeStatement)
class OutcomeStatementAdmin(PortalAdmin):
    list_display = ["__str__", "meeting", "adopted_on"]
    search_fields = ["title_ru", "title_en", "meeting__title_ru", "meeting__title_en"]
    autocomplete_fields = ["meeting"]
    list_select_related = ["meeting"]
    inlines = [StatementParagraphInline]


@admin.register(Participation)
class ParticipationAdmin(EditConflictMixin, HistoryCompareMixin, VersionAdmin):
    list_display = ["meeting", "state", "organisation", "role", "attendance"]
    list_filter = ["role", "attendance", "meeting__process"]
    search_fields = ["meeting__title_ru", "meeting__title_en", "state__name_ru", "state__name_en"]
    autocomplete_fields = ["meeting", "state", "organisation"]
    list_select_related = ["meeting", "state", "organisation"]
