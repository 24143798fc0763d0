"""Edit history in the admin: compare two saved versions of an item field by field.

django-reversion records every save made in the admin (and in anything wrapped in
``reversion.create_revision()``) with who and when, lists them on the history page and
restores any of them; this adds the missing piece, the differences between two versions,
including the inline items (files, participations, paragraphs) saved with them.

What is recorded is declared by each app on its models with ``@keeps_history(follow=...)``,
with the same "follow" as the admin inlines, so a version of a meeting holds its participations
and a version of a document its files.
"""

import difflib
import json
import re
from functools import cache

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from modeltranslation.translator import NotRegistered, translator
from reversion import is_active, set_comment
from reversion.models import Version

HISTORY_OPTIONS = "_history_options"


def keeps_history(*, follow: tuple[str, ...] = (), exclude: tuple[str, ...] = ()):
    """Class decorator for a model whose edits are recorded; `register_history()` registers it.

    Registration waits until modeltranslation has added the per-language fields (title_ru,
    title_en), which django-reversion would otherwise leave out of every version.
    """

    def declare(model):
        setattr(model, HISTORY_OPTIONS, {"follow": follow, "exclude": exclude})
        return model

    return declare


def register_history():
    """Register with django-reversion every model that declares `keeps_history`."""
    from django.apps import apps
    from reversion import is_registered, register

    for model in apps.get_models():
        options = model.__dict__.get(HISTORY_OPTIONS)
        if options is not None and not is_registered(model):
            register(model, **options)


def _translated_originals(model) -> set[str]:
    """Names of translated fields whose per-language columns (title_ru, title_en) are shown instead."""
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def _display(field, value) -> str:
    if value is None or value == "" or value == []:
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return str(_("yes") if value else _("no"))
    if isinstance(field, models.ManyToManyField):
        related = field.related_model._default_manager.filter(pk__in=value)
        return ", ".join(sorted(str(obj) for obj in related))
    if isinstance(field, models.ForeignKey):
        obj = field.related_model._default_manager.filter(pk=value).first()
        if obj is None:
            deleted = _("deleted")
            return f"#{value} ({deleted})"
        return str(obj)
    return str(value)


def inline_diff(old: str, new: str):
    """The new text with deleted words in <del> and inserted words in <ins>, escaped."""
    old_words, new_words = old.split(" "), new.split(" ")
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape(" ".join(old_words[a1:a2])))
            continue
        if tag in {"delete", "replace"}:
            parts.append(f"<del>{escape(' '.join(old_words[a1:a2]))}</del>")
        if tag in {"insert", "replace"}:
            parts.append(f"<ins>{escape(' '.join(new_words[b1:b2]))}</ins>")
    return mark_safe(" ".join(parts))  # noqa: S308 - every piece of text above is escaped


def field_differences(model, old: dict, new: dict, include_unchanged: bool = False) -> list[dict]:
    """One row per field: its label, the two values for display and, for text, a word diff."""
    skipped = _translated_originals(model)
    rows = []
    for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if field.primary_key or field.name in skipped or not field.editable:
            continue
        key = field.attname if isinstance(field, models.ForeignKey) else field.name
        old_value, new_value = old.get(key), new.get(key)
        changed = old_value != new_value
        if not changed and not include_unchanged:
            continue
        old_text, new_text = _display(field, old_value), _display(field, new_value)
        rows.append(
            {
                "name": field.name,
                "label": field.verbose_name,
                "old": old_text,
                "new": new_text,
                "changed": changed,
                "diff": inline_diff(old_text, new_text)
                if changed and isinstance(field, (models.CharField, models.TextField))
                else None,
            }
        )
    return rows


@cache
def _source_labels(model) -> dict[str, models.Field]:
    """The admin's field labels as stored in the history (source language, e.g. "Title [ru]"), by field."""
    labels = {}
    for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        with override(None):
            labels.setdefault(capfirst(str(field.verbose_name)), field)
        labels.setdefault(field.name, field)
    return labels


@cache
def _model_named(source_name: str):
    """The model whose verbose name, untranslated, is source_name (as the history stores inline items)."""
    for model in apps.get_models():
        with override(None):
            if str(model._meta.verbose_name) == source_name:
                return model
    return None


def _label(model, label: str) -> str:
    field = _source_labels(model).get(label) if model else None
    return str(field.verbose_name) if field else label


# A quoted object name inside a stored message: its words are left alone.
_QUOTED = re.compile(r"(“[^“”]*[“”]|«[^«»]*»|\"[^\"]*\")")


def _translate_labels_in_text(model, text: str) -> str:
    """Older history kept the message as text, with English labels: "Изменено Title [ru] и Summary [ru]."."""
    labels = sorted((label for label in _source_labels(model) if label[:1].isupper()), key=len, reverse=True)
    if not labels:
        return text
    pattern = re.compile(r"(?<![\w\[])(" + "|".join(re.escape(label) for label in labels) + r")(?![\w\]])")
    parts = _QUOTED.split(text)
    return "".join(
        part if index % 2 else pattern.sub(lambda match: _label(model, match.group(1)), part)
        for index, part in enumerate(parts)
    )


def change_message_in_language(message: str, model) -> str:
    """A history comment in the reader's language, field and item names included.

    The admin records the labels of changed fields in the source language ("Title [ru]", which
    django-modeltranslation builds and no catalogue translates) and translates them when the
    message is shown, which fails for these; this names each field by its verbose name in the
    current language: «Изменено: название [ru]». Messages stored as text by older versions of
    the portal get their English labels replaced the same way.
    """
    try:
        parts = json.loads(message)
    except (TypeError, ValueError):
        parts = None
    if not isinstance(parts, list):
        return _translate_labels_in_text(model, message or "")
    for part in parts:
        for details in part.values() if isinstance(part, dict) else ():
            if not isinstance(details, dict):
                continue
            item_model = _model_named(details["name"]) if "name" in details else model
            if item_model and "name" in details:
                details["name"] = str(item_model._meta.verbose_name)
            if isinstance(details.get("fields"), list):
                details["fields"] = [_label(item_model, str(label)) for label in details["fields"]]
    return LogEntry(change_message=json.dumps(parts)).get_change_message()


def related_differences(version_a: Version, version_b: Version) -> list[dict]:
    """Items saved together with the two versions (inlines): added, removed or changed between them."""

    def others(version):
        return {
            (other.content_type_id, other.object_id): other
            for other in version.revision.version_set.select_related("content_type")
            if not (other.content_type_id == version.content_type_id and other.object_id == version.object_id)
        }

    before, after = others(version_a), others(version_b)
    rows = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        item = new or old
        model = item.content_type.model_class()
        label = model._meta.verbose_name if model else item.content_type.model
        if old is None:
            rows.append({"kind": label, "item": new.object_repr, "change": _("added")})
        elif new is None:
            rows.append({"kind": label, "item": old.object_repr, "change": _("removed")})
        elif old.serialized_data != new.serialized_data:
            fields = field_differences(model, old.field_dict, new.field_dict) if model else []
            rows.append({"kind": label, "item": new.object_repr, "change": _("changed"), "fields": fields})
    return rows


class HistoryCompareMixin:
    """For a reversion VersionAdmin: pick two versions on the history page and see what changed."""

    object_history_template = "admin/history/object_history.html"

    def get_urls(self):
        opts = self.model._meta
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.history_compare_view),
            name=f"{opts.app_label}_{opts.model_name}_history_compare",
        )
        return [compare, *super().get_urls()]

    # django-reversion stores the admin's message as text in the editor's language at save time;
    # keeping the admin's structured message instead lets the history show it in the reader's
    # language (change_message_in_language).
    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        if is_active():
            set_comment(entry.change_message)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if is_active():
            set_comment(entry.change_message)
        return entry

    def _versions(self, obj):
        return Version.objects.get_for_object(obj).select_related("revision", "revision__user")

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        versions = []
        if obj is not None:
            opts = self.model._meta
            versions = [
                {
                    "id": version.pk,
                    "revision": version.revision,
                    "comment": change_message_in_language(version.revision.comment, self.model),
                    "url": reverse(
                        f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                        args=(quote(version.object_id), version.pk),
                    ),
                }
                for version in self._versions(obj)
            ]
        return super().history_view(request, object_id, {**(extra_context or {}), "versions": versions})

    def history_compare_view(self, request, object_id):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        versions = self._versions(obj)
        ids = []
        for name in ("version_a", "version_b"):
            value = request.GET.get(name, "")
            if not value.isdigit():
                raise Http404
            ids.append(int(value))
        version_a = get_object_or_404(versions, pk=min(ids))
        version_b = get_object_or_404(versions, pk=max(ids))
        include_unchanged = request.GET.get("all") == "1"
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": _("Differences between two versions of “%(object)s”") % {"object": obj},
            "opts": opts,
            "object": obj,
            "version_a": version_a,
            "version_b": version_b,
            "comment_a": change_message_in_language(version_a.revision.comment, self.model),
            "comment_b": change_message_in_language(version_b.revision.comment, self.model),
            "fields": field_differences(self.model, version_a.field_dict, version_b.field_dict, include_unchanged),
            "related": related_differences(version_a, version_b),
            "include_unchanged": include_unchanged,
            "history_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_history", args=(quote(obj.pk),)
            ),
            "revert_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                args=(quote(obj.pk), version_a.pk),
            ),
        }
        return TemplateResponse(request, "admin/history/compare.html", context)
