import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from core.admin import PortalAdmin
from core.edit_conflicts import EditConflictMixin
from core.history import HistoryCompareMixin
from meetings.models import Meeting, OutcomeStatement, Participation, StatementParagraph
from meetings.statement_import import import_statement_languages
from meetings.statement_upload import StatementPasteForm


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
    secondary_columns = ("kind", "process", "city")  # shown on "More columns" (PortalAdmin)
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


class StatementParagraphInline(admin.TabularInline):
    """Russian and English side by side, one row a paragraph, with buttons to move it up or down."""

    model = StatementParagraph
    formset = StatementParagraphFormSet
    fields = ["number", "text_ru", "text_en", "move_buttons"]
    readonly_fields = ["move_buttons"]
    classes = ["statement-paragraphs"]
    extra = 0

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        labels = {"text_ru": _("Russian text"), "text_en": _("English text")}
        if db_field.name in labels:
            field.label = labels[db_field.name]
            field.widget = forms.Textarea(attrs={"rows": 6, "lang": db_field.name[-2:]})
        return field

    @admin.display(description=_("order"))
    def move_buttons(self, paragraph):
        if paragraph is None or paragraph.pk is None:
            return ""
        buttons = [
            (direction, symbol, label)
            for direction, symbol, label in (
                ("up", "↑", _("Move paragraph %(number)d up (unsaved changes on this page are lost)")),
                ("down", "↓", _("Move paragraph %(number)d down (unsaved changes on this page are lost)")),
            )
        ]
        return format_html_join(
            " ",
            '<button type="submit" class="button paragraph-move" formaction="{}" formnovalidate '
            'name="move" value="{}" title="{}" aria-label="{}">{}</button>',
            (
                (
                    reverse(
                        "admin:meetings_outcomestatement_move_paragraph",
                        args=[paragraph.statement_id, paragraph.pk, direction],
                    ),
                    direction,
                    label % {"number": paragraph.number},
                    label % {"number": paragraph.number},
                    symbol,
                )
                for direction, symbol, label in buttons
            ),
        )


@admin.register(OutcomeStatement)
class OutcomeStatementAdmin(PortalAdmin):
    list_display = ["__str__", "meeting", "adopted_on"]
    search_fields = ["title_ru", "title_en", "meeting__title_ru", "meeting__title_en"]
    autocomplete_fields = ["meeting"]
    list_select_related = ["meeting"]
    inlines = [StatementParagraphInline]
    change_list_template = "admin/meetings/outcomestatement/change_list.html"

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="meetings_outcomestatement_import",
            ),
            path(
                "<path:object_id>/paragraphs/<int:paragraph_id>/<str:direction>/",
                self.admin_site.admin_view(self.move_paragraph_view),
                name="meetings_outcomestatement_move_paragraph",
            ),
            *super().get_urls(),
        ]

    # The whole statement at once: pasted or uploaded, previewed, then saved (statement_desk_views).

    def import_view(self, request):
        return statement_import_view(self, request)

    def move_paragraph_view(self, request, object_id, paragraph_id, direction):
        return move_paragraph_view(self, request, object_id, paragraph_id, direction)


# --- The secretariat's desk: bringing a whole statement in, and moving its paragraphs ----------------------------


def statement_import_view(model_admin, request):
    """Paste or upload, see the numbered paragraphs and what is wrong, then save every language at once."""
    if not (model_admin.has_add_permission(request) and model_admin.has_change_permission(request)):
        raise PermissionDenied
    if request.method == "POST":
        form = StatementPasteForm(request.POST, request.FILES)
    else:
        form = StatementPasteForm(initial={"meeting": request.GET.get("meeting", "")})
    preview = None
    if request.method == "POST" and form.is_valid():
        splits = form.splits()
        problems = [problem for split in splits.values() for problem in split.problems]
        meeting = form.cleaned_data["meeting"]
        if "_save" in request.POST and not problems:
            with reversion.create_revision():
                reversion.set_user(request.user)
                reversion.set_comment(gettext("Statement imported from pasted text or a file."))
                import_statement_languages(
                    meeting,
                    {code: split.paragraphs for code, split in splits.items()},
                    {code: form.cleaned_data[f"title_{code}"] for code in splits},
                )
                statement = OutcomeStatement.objects.get(meeting=meeting)
                reversion.add_to_revision(statement)
            count = statement.paragraphs.count()
            model_admin.message_user(
                request,
                ngettext(
                    "The statement of “%(meeting)s” is saved: %(count)d paragraph.",
                    "The statement of “%(meeting)s” is saved: %(count)d paragraphs.",
                    count,
                )
                % {"meeting": meeting, "count": count},
                messages.SUCCESS,
            )
            return redirect("admin:meetings_outcomestatement_change", statement.pk)
        numbers = sorted({number for split in splits.values() for number, _text in split.paragraphs})
        texts = {code: dict(split.paragraphs) for code, split in splits.items()}
        preview = {
            "languages": list(splits),
            "rows": [{"number": number, "texts": [texts[code].get(number) for code in splits]} for number in numbers],
            "problems": problems,
            "warnings": form.warnings(splits),
        }
        # The next step posts the text itself, whether it was pasted or read from a file.
        form = StatementPasteForm(
            initial={name: value for name, value in form.cleaned_data.items() if not name.startswith("file_")}
        )
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": gettext("Import an outcome statement"),
        "form": form,
        "preview": preview,
        "language_names": {"ru": gettext("Russian"), "en": gettext("English")},
    }
    return TemplateResponse(request, "admin/meetings/outcomestatement/import.html", context)


def move_paragraph_view(model_admin, request, object_id, paragraph_id, direction):
    """Move one paragraph up or down; every paragraph is renumbered and the change kept in the history."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    statement = model_admin.get_object(request, unquote(object_id))
    steps = {"up": -1, "down": 1}.get(direction)
    if statement is None or steps is None:
        raise Http404
    if not model_admin.has_change_permission(request, statement):
        raise PermissionDenied
    paragraph = get_object_or_404(statement.paragraphs, pk=paragraph_id)
    old_number = paragraph.number
    with reversion.create_revision():
        reversion.set_user(request.user)
        reversion.set_comment(gettext("Paragraph %(number)d moved.") % {"number": old_number})
        moved = statement.move_paragraph(paragraph, steps)
    if moved:
        paragraph.refresh_from_db(fields=["number"])
        model_admin.message_user(
            request,
            gettext("Paragraph %(old)d is now paragraph %(new)d; the others are renumbered.")
            % {"old": old_number, "new": paragraph.number},
            messages.SUCCESS,
        )
    else:
        model_admin.message_user(
            request,
            gettext("Paragraph %(number)d cannot move further.") % {"number": old_number},
            messages.WARNING,
        )
    return redirect("admin:meetings_outcomestatement_change", statement.pk)


@admin.register(Participation)
class ParticipationAdmin(EditConflictMixin, HistoryCompareMixin, VersionAdmin):
    list_display = ["meeting", "state", "organisation", "role", "attendance"]
    list_filter = ["role", "attendance", "meeting__process"]
    search_fields = ["meeting__title_ru", "meeting__title_en", "state__name_ru", "state__name_en"]
    autocomplete_fields = ["meeting", "state", "organisation"]
    list_select_related = ["meeting", "state", "organisation"]
