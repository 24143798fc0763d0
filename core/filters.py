"""Filter pieces shared by the public lists."""

from dataclasses import dataclass

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from core.i18n import current_language, exists_in_language_q

FIRST_YEAR, LAST_YEAR = 1990, 2100


class StrictCheckbox(forms.CheckboxInput):
    """A checkbox sending "1" whose raw value reaches the field, so that ?mine=zzz is an error, not "off"."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"value": "1", **(attrs or {})}, check_test=lambda value: value == "1")

    def format_value(self, value):
        return None

    def value_from_datadict(self, data, files, name):
        return data.get(name, "")


class InMyLanguageFilter(django_filters.ChoiceFilter):
    """Only items whose given field has text in the reader's language."""

    def __init__(self, *args, text_field="title", **kwargs):
        self.text_field = text_field
        kwargs.setdefault("label", _("Only items in my language"))
        kwargs.setdefault("choices", [("1", _("yes"))])
        kwargs.setdefault("widget", StrictCheckbox)
        kwargs.setdefault("empty_label", None)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value != "1":
            return qs
        return qs.filter(exists_in_language_q(self.text_field, current_language()))


class YearField(forms.IntegerField):
    """One year of the archive's range: the filters of every list use this field."""

    # The same words for a misspelt and an out-of-range year (FIRST_YEAR and LAST_YEAR).
    default_error_messages = {
        key: _("Enter a year between 1990 and 2100, such as 2016.") for key in ("invalid", "min_value", "max_value")
    }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        kwargs.setdefault("widget", forms.NumberInput(attrs={"inputmode": "numeric"}))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        # int() reads "²" and Arabic-Indic digits; a year in the address is ASCII digits.
        text = str(value).strip() if value not in self.empty_values else ""
        if text and not (text.isascii() and text.isdigit()):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class YearsField(forms.Field):
    """Several years from a repeated parameter (?year=2016&year=2017), each checked by YearField."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        if not value:
            return []
        year = YearField()
        items = value if isinstance(value, list | tuple) else [value]
        return sorted({year.clean(str(item).strip()) for item in items})


# Parameters that shape a list without narrowing it: never shown as filters to remove.
NOT_FILTERS = frozenset({"sort", "page", "expand"})


@dataclass(frozen=True)
class ActiveFilter:
    """One value a list is filtered by, and the address of the same list without it."""

    label: str
    value: str
    remove_query: str


def _raw_value(field, value) -> str:
    if isinstance(value, models.Model):
        return str(getattr(value, getattr(field, "to_field_name", None) or "pk"))
    return str(value)


def _shown_value(field, value) -> str:
    if isinstance(field.widget, forms.CheckboxInput):
        return ""  # a switch: its label says it all
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(field, forms.CharField) and not isinstance(field, forms.ChoiceField):
        # Translators: words typed into a list's text filter, as the summary of active filters quotes them.
        return _("“%(words)s”") % {"words": value}
    choices = {str(key): label for key, label in getattr(field, "choices", ())}
    return str(choices.get(str(value), value))


def active_filters(form, query: QueryDict) -> list[ActiveFilter]:
    """The filters of a valid bound form, one entry a value; each removes that value alone (and the page number)."""
    if not form.is_bound or not form.is_valid():
        return []
    active = []
    for name, field in form.fields.items():
        if name in NOT_FILTERS:
            continue
        value = form.cleaned_data.get(name)
        values = list(value) if isinstance(value, list | tuple | set | QuerySet) else [value]
        for item in values:
            if item in (None, "", False):
                continue
            raw = _raw_value(field, item)
            remaining = query.copy()
            remaining.setlist(name, [given for given in query.getlist(name) if given.strip() != raw])
            remaining.pop("page", None)
            encoded = remaining.urlencode()
            active.append(
                ActiveFilter(
                    label=str(field.label),
                    value=_shown_value(field, item),
                    remove_query=f"?{encoded}" if encoded else "",
                )
            )
    return active
