"""Optimistic concurrency for the admin: a form opened before someone else's save cannot silently undo it.

The change form carries a signed snapshot of what the editor saw (the item's editable fields and
its inline rows). On save, the snapshot is compared with the database, under a row lock; if
anything changed in between, the save is refused, the form comes back with everything the editor
typed, and the editor is told which fields changed, with the value they saw and the value now
stored. Saving again then keeps the editor's version knowingly.

No version column is needed, so every model edited in the admin is covered without a migration,
and changes made outside the admin (imports, shell, restore) are seen too.
"""

import datetime
import decimal

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.history import _display

TOKEN_FIELD = "edit_token"
_SALT = "core.edit_conflicts"


def _plain(value):
    """A JSON-friendly form of a field value, equal for equal values (no text and empty text alike)."""
    if value is None:
        return ""
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, (datetime.date, datetime.time, decimal.Decimal)):
        return str(value)
    if isinstance(value, (list, tuple)):  # many-to-many: the related objects
        return sorted(getattr(item, "pk", item) for item in value)
    return value


def _model_fields(model, names):
    fields = {}
    for name in names:
        try:
            field = model._meta.get_field(name)
        except Exception:  # a form-only field (the token itself, a password widget…)
            continue
        if getattr(field, "concrete", False) or isinstance(field, models.ManyToManyField):
            fields[name] = field
    return fields


def field_values(obj, names) -> dict:
    return {name: _plain(field.value_from_object(obj)) for name, field in _model_fields(type(obj), names).items()}


class EditTokenField(forms.CharField):
    """The snapshot the editor saw: never an edit of its own, so never named in the history."""

    def has_changed(self, initial, data):
        return False


class EditConflictMixin:
    """For a ModelAdmin: refuse a save made from a change form that is out of date."""

    def _edited_parts(self, request, obj):
        """The form's own model fields, and for each inline its model, link to the parent and fields."""
        form = self.get_form(request, obj, change=True)
        parts = {"fields": [name for name in form.base_fields if name != TOKEN_FIELD], "inlines": []}
        for inline in self.get_inline_instances(request, obj):
            formset = inline.get_formset(request, obj)
            parts["inlines"].append((inline.model, formset.fk.name, list(formset.form.base_fields)))
        return parts

    def edit_snapshot(self, request, obj) -> dict:
        parts = self._edited_parts(request, obj)
        snapshot = {"fields": field_values(obj, parts["fields"]), "inlines": {}}
        for model, fk_name, names in parts["inlines"]:
            rows = model._default_manager.filter(**{fk_name: obj}).order_by("pk")
            snapshot["inlines"][model._meta.label] = {
                str(row.pk): {"label": str(row), "values": field_values(row, [n for n in names if n != fk_name])}
                for row in rows
            }
        return snapshot

    def edit_token(self, request, obj) -> str:
        return signing.dumps(self.edit_snapshot(request, obj), salt=_SALT, compress=True)

    def edit_differences(self, model, seen: dict, now: dict) -> list[str]:
        """One sentence per change between what the editor saw and what is stored now."""
        lines = []
        fields = _model_fields(model, seen["fields"].keys() | now["fields"].keys())
        for name, field in fields.items():
            before, after = seen["fields"].get(name), now["fields"].get(name)
            if before != after:
                lines.append(self._change_line(capfirst(field.verbose_name), field, before, after))
        for label in sorted(seen["inlines"].keys() | now["inlines"].keys()):
            inline_model = self._model_by_label(label)
            if inline_model is None:
                continue
            kind = capfirst(inline_model._meta.verbose_name)
            rows_before, rows_after = seen["inlines"].get(label, {}), now["inlines"].get(label, {})
            for pk in sorted(rows_before.keys() | rows_after.keys(), key=int):
                old, new = rows_before.get(pk), rows_after.get(pk)
                if old is None:
                    lines.append(gettext("%(kind)s “%(item)s” was added.") % {"kind": kind, "item": new["label"]})
                elif new is None:
                    lines.append(gettext("%(kind)s “%(item)s” was removed.") % {"kind": kind, "item": old["label"]})
                else:
                    row_fields = _model_fields(inline_model, old["values"].keys() | new["values"].keys())
                    for name, field in row_fields.items():
                        before, after = old["values"].get(name), new["values"].get(name)
                        if before != after:
                            label_text = f"{kind} “{new['label']}”, {field.verbose_name}"
                            lines.append(self._change_line(label_text, field, before, after))
        return lines

    @staticmethod
    def _model_by_label(label):
        from django.apps import apps

        try:
            return apps.get_model(label)
        except LookupError:
            return None

    @staticmethod
    def _change_line(label, field, before, after) -> str:
        empty = gettext("(empty)")
        if isinstance(field, models.FileField):
            return gettext("%(field)s: the file was replaced or removed.") % {"field": label}
        return gettext("%(field)s: “%(before)s” when you opened the form, “%(after)s” now.") % {
            "field": label,
            "before": _display(field, before) or empty,
            "after": _display(field, after) or empty,
        }

    def get_form(self, request, obj=None, change=False, **kwargs):
        fields = kwargs.pop("fields") if "fields" in kwargs else flatten_fieldsets(self.get_fieldsets(request, obj))
        if fields is not None:
            fields = [name for name in fields if name != TOKEN_FIELD]
        form = super().get_form(request, obj, change=change, fields=fields, **kwargs)
        if obj is None or obj.pk is None:
            return form
        admin = self

        def clean(self):
            cleaned_data = super(new_form, self).clean()
            token = self.data.get(self.add_prefix(TOKEN_FIELD))
            if not token:
                return cleaned_data
            try:
                seen = signing.loads(token, salt=_SALT)
            except signing.BadSignature as error:
                raise ValidationError(
                    _("This form could not be checked against the stored item. Reload the page and edit again."),
                    code="edit_token",
                ) from error
            model = type(self.instance)
            # The lock keeps a save from slipping in between this check and this save.
            current = model._default_manager.select_for_update().get(pk=self.instance.pk)
            now = admin.edit_snapshot(request, current)
            changes = admin.edit_differences(model, seen, now)
            if changes:
                # The next save from this form is made knowing what changed: it carries today's state.
                self.data = self.data.copy()
                self.data[self.add_prefix(TOKEN_FIELD)] = signing.dumps(now, salt=_SALT, compress=True)
                raise ValidationError(
                    [
                        ValidationError(
                            _(
                                "Someone saved this item after you opened this form; your changes are not saved yet. "
                                "What changed meanwhile is listed below. Check your changes against it and save "
                                "again to keep your version."
                            ),
                            code="edit_conflict",
                        ),
                        *(ValidationError(line, code="edit_conflict_change") for line in changes),
                    ]
                )
            return cleaned_data

        token_field = EditTokenField(
            widget=forms.HiddenInput, required=False, initial=lambda: admin.edit_token(request, obj)
        )
        new_form = type(form)(form.__name__, (form,), {TOKEN_FIELD: token_field, "clean": clean})
        return new_form

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if obj is not None and self.fields is not None and TOKEN_FIELD not in fields:
            fields.append(TOKEN_FIELD)
        return fields
