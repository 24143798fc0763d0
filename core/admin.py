"""Admin building blocks shared by every content model."""

import json

import reversion
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import FieldDoesNotExist
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin

from core.edit_conflicts import EditConflictMixin
from core.history import HistoryCompareMixin, register_history
from core.i18n import LANGUAGE_CODES
from core.slugs import unique_slug
from core.translation_dashboard import count_gaps
from core.translation_status import missing_language_q, missing_languages

# Every app's admin module imports this one, and the admin is loaded after modeltranslation has
# added the per-language fields: the moment to register the models that keep a history, before
# any VersionAdmin is built (its automatic registration cannot exclude fields).
register_history()


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


class PublishWithItForm(forms.ModelForm):
    """Draft children ticked for publication are published only with a published parent."""

    publish_with_it_names: tuple[str, ...] = ()

    def clean(self):
        cleaned_data = super().clean()
        status = cleaned_data.get("publication_status", getattr(self.instance, "publication_status", None))
        for name in self.publish_with_it_names:
            if cleaned_data.get(name) and status != self.instance.PublicationStatus.PUBLISHED:
                self.add_error(
                    name,
                    gettext("Set the publication status to “published” to publish these with it, or untick them."),
                )
        return cleaned_data


class PortalAdmin(EditConflictMixin, HistoryCompareMixin, VersionAdmin, TabbedTranslationAdmin):
    """Tabbed Russian/English fields, edit history, what is left to translate, and no lost updates."""

    change_list_template = "admin/portal_change_list.html"
    change_form_template = "admin/portal_change_form.html"

    @admin.display(description=_("translation"))
    def translation_state(self, obj):
        missing = missing_languages(obj)
        if not missing:
            return "✓"
        return _("missing: %(languages)s") % {"languages": ", ".join(code.upper() for code in missing)}

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), MissingTranslationFilter]

    # Change lists that fit at 1280 px: the first column (the title) is cut to one line with the whole
    # title on hover, and the columns named in secondary_columns are shown only to an editor who asks
    # for them ("More columns"; remembered in the session, per list).

    secondary_columns: tuple[str, ...] = ()

    def get_list_display(self, request):
        columns = [*super().get_list_display(request), "translation_state"]
        if self.secondary_columns and not self.shows_all_columns(request):
            columns = [column for column in columns if column not in self.secondary_columns]
        if columns and isinstance(columns[0], str) and columns[0] not in self.get_list_display_links(request, []):
            columns[0] = self.truncated_column(columns[0])
        return columns

    def columns_session_key(self) -> str:
        return f"admin_columns:{self.opts.label_lower}"

    def shows_all_columns(self, request) -> bool:
        return request.session.get(self.columns_session_key()) == "all"

    def truncated_column(self, name: str):
        """The column ``name`` as one line cut with an ellipsis, the whole text in its title attribute."""
        model_admin = self

        def portal_title(obj):
            value = admin.utils.lookup_field(name, obj, model_admin)[2]
            if value is None or value == "":
                return model_admin.get_empty_value_display()
            return format_html('<span class="truncated" title="{}">{}</span>', value, value)

        portal_title.short_description = admin.utils.label_for_field(name, self.model, self)
        try:
            self.model._meta.get_field(name)
        except FieldDoesNotExist:
            order = getattr(getattr(self, name, None), "admin_order_field", None)
        else:
            order = name
        if order:
            portal_title.admin_order_field = order
        return portal_title

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            yield type(formset.__name__, (FieldNamesInUniqueMessages, formset), {}), inline

    def changelist_view(self, request, extra_context=None):
        choice = request.GET.get("columns")
        if choice in ("all", "main"):
            request.session[self.columns_session_key()] = choice
            query = request.GET.copy()
            del query["columns"]
            return redirect(f"{request.path}?{query.urlencode()}" if query else request.path)
        counts = count_gaps(self.model)
        extra_context = {
            **(extra_context or {}),
            "translation_gaps": [{"code": code, "count": counts[code]} for code in LANGUAGE_CODES],
            "secondary_columns": bool(self.secondary_columns),
            "all_columns": self.shows_all_columns(request),
        }
        return super().changelist_view(request, extra_context)

    # Slugs: from the English title, or from the Russian one while there is no English title.

    class Media:
        js = ["js/admin_slug.js"]

    def slug_sources(self) -> dict[str, list[str]]:
        sources = {}
        for slug_field, fields in self.prepopulated_fields.items():
            russian = [f"{name.removesuffix('_en')}_ru" for name in fields if name.endswith("_en")]
            sources[slug_field] = [*fields, *russian]
        return sources

    def get_prepopulated_fields(self, request, obj=None):
        return {}  # admin_slug.js fills them, with the Russian fallback Django's prepopulate.js lacks

    def get_form(self, request, obj=None, change=False, **kwargs):
        children_fields = self.publish_with_it_fields(obj)
        if children_fields:
            base = kwargs.get("form", self.form)
            kwargs["form"] = type(
                base.__name__,
                (PublishWithItForm, base),
                {**children_fields, "publish_with_it_names": tuple(children_fields)},
            )
        form = super().get_form(request, obj, change=change, **kwargs)
        sources = {name: fields for name, fields in self.slug_sources().items() if name in form.base_fields}
        if not sources:
            return form
        model = self.model

        def clean(self):
            cleaned_data = super(slug_form, self).clean()
            for slug_field, fields in sources.items():
                if cleaned_data.get(slug_field) or slug_field in self.errors:
                    continue
                text = next((cleaned_data[name] for name in fields if cleaned_data.get(name)), "")
                max_length = model._meta.get_field(slug_field).max_length
                slug = unique_slug(model, text, max_length, exclude_pk=self.instance.pk)
                if slug:
                    cleaned_data[slug_field] = slug
                else:
                    self.add_error(slug_field, _("Give a title, or type the slug."))
            return cleaned_data

        slug_form = type(form)(form.__name__, (form,), {"clean": clean})
        for slug_field in sources:
            slug_form.base_fields[slug_field].required = False
        return slug_form

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # As JSON in a data attribute: the admin's pages carry no inline script, not even data.
        sources = self.slug_sources()
        extra_context = {**(extra_context or {}), "slug_sources": json.dumps(sources) if sources else ""}
        return super().changeform_view(request, object_id, form_url, extra_context)

    # A published item that nobody can see because its parent (a document's meeting) is not published.

    def hidden_by_parent_warning(self, obj):
        """The warning for a published item whose parent hides it, with a link to the parent; None otherwise."""
        if obj is None or getattr(obj, "publication_parent_field", None) is None:
            return None
        parent = obj.publication_parent
        reason = parent.hidden_by_parent_reason() if parent is not None else None
        if reason is None or obj.publication_status != obj.PublicationStatus.PUBLISHED:
            return None
        opts = parent._meta
        return format_html(
            '{} {} <a href="{}">{}</a>',
            gettext("“%(item)s” is published, but the public cannot see it.") % {"item": obj},
            reason,
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[parent.pk]),
            gettext("Open %(kind)s “%(title)s” to publish it, or use the action “%(action)s” in the list.")
            % {"kind": opts.verbose_name, "title": parent, "action": self.publish_parents.short_description},
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self.publish_chosen_children(request, form)
        warning = self.hidden_by_parent_warning(form.instance)
        if warning:
            self.message_user(request, warning, messages.WARNING)
        for warning in self.hidden_children_warnings(form.instance):
            self.message_user(request, warning, messages.WARNING)

    # Publishing an item with its children in one step (a meeting and its chosen draft documents), and
    # saying which published children stay hidden behind it while it is not public.

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        names = list(self.publish_with_it_fields(obj))
        if names:
            # A section of their own, under the item's fields, whichever fieldset they were put in.
            fieldsets = [
                (title, {**options, "fields": [name for name in options["fields"] if name not in names]})
                for title, options in fieldsets
            ]
            fieldsets.append((_("Publish with it"), {"fields": names}))
        return fieldsets

    def publish_with_it_fields(self, obj) -> dict:
        """A checkbox list per kind of draft child, for an item that exists and has draft children."""
        if obj is None or obj.pk is None or not hasattr(obj, "child_kinds"):
            return {}
        fields = {}
        for kind in obj.child_kinds():
            drafts = obj.draft_children(kind)
            if drafts.exists():
                fields[f"publish_{kind[0]._meta.model_name}"] = forms.ModelMultipleChoiceField(
                    queryset=drafts,
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                    label=capfirst(kind[0]._meta.verbose_name_plural),
                    help_text=_("Drafts that are published together with this item when it is saved as published."),
                )
        return fields

    def publish_chosen_children(self, request, form):
        chosen = [
            child for name in getattr(form, "publish_with_it_names", ()) for child in form.cleaned_data.get(name) or ()
        ]
        for child in chosen:
            child.publication_status = child.PublicationStatus.PUBLISHED
            if child.publish_at is not None and child.publish_at > timezone.now():
                child.publish_at = None
            child.save()
        if chosen:
            self.message_user(
                request,
                ngettext(
                    "%(count)d item published with it: %(items)s.",
                    "%(count)d items published with it: %(items)s.",
                    len(chosen),
                )
                % {"count": len(chosen), "items": ", ".join(f"«{child}»" for child in chosen)},
                messages.SUCCESS,
            )

    def hidden_children_warnings(self, obj) -> list:
        """One warning per kind of published child that the public cannot see because of this item."""
        if obj is None or not hasattr(obj, "published_children_hidden_by_this"):
            return []
        warnings = []
        for model, count, items in obj.published_children_hidden_by_this():
            opts = model._meta
            links = format_html_join(
                ", ",
                '<a href="{}">{}</a>',
                ((reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]), item) for item in items),
            )
            warnings.append(
                format_html(
                    "{} {}{}",
                    gettext(
                        "Published, but hidden from the public while this item is not public — %(kind)s (%(count)d):"
                    )
                    % {"kind": opts.verbose_name_plural, "count": count},
                    links,
                    "…" if count > len(items) else ".",
                )
            )
        return warnings

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = dict(extra_context or {})
        if request.method == "GET":
            obj = self.get_object(request, admin.utils.unquote(object_id))
            extra_context["publication_warning"] = self.hidden_by_parent_warning(obj)
            extra_context["hidden_children_warnings"] = self.hidden_children_warnings(obj)
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.action(description=_("Publish their meetings now"), permissions=["change"])
    def publish_parents(self, request, queryset):
        parents = {obj.publication_parent for obj in queryset if obj.publication_parent is not None}
        published = 0
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(gettext("Published from the list of its items."))
            for parent in parents:
                if parent.hidden_by_parent_reason() is None:
                    continue
                parent.publication_status = parent.PublicationStatus.PUBLISHED
                if parent.publish_at is not None and parent.publish_at > timezone.now():
                    parent.publish_at = None
                parent.save()
                published += 1
        self.message_user(
            request,
            ngettext("%(count)d meeting published.", "%(count)d meetings published.", published) % {"count": published},
            messages.SUCCESS,
        )


admin.site.site_header = _("Almaty Process: secretariat")
admin.site.site_title = _("Almaty Process secretariat")
admin.site.index_title = _("Archive of the process")
