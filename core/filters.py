"""Filter pieces shared by the public lists."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.i18n import current_language, exists_in_language_q


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
