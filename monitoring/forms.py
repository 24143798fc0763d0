from django import forms
from django.utils.translation import gettext_lazy as _

from monitoring.models import MonitoringItem, SourceLanguage
from monitoring.pasting import MAX_LINES, read_pasted_list


class PastedListForm(forms.Form):
    """Many monitoring items at once: a pasted list of addresses with headlines, and what they share."""

    lines = forms.CharField(
        label=_("Addresses and headlines"),
        widget=forms.Textarea(attrs={"rows": 12, "cols": 100}),
        max_length=MAX_LINES * 1600,
        help_text=_("One item a line: “address<Tab>headline” or “headline — address”."),
    )
    date = forms.DateField(label=_("Date"))
    language = forms.ChoiceField(label=_("Language"), choices=SourceLanguage.choices)
    outlet = forms.CharField(
        label=_("Outlet"),
        required=False,
        max_length=MonitoringItem._meta.get_field("outlet").max_length,
        help_text=_("Leave empty to name each item after its site, such as kisi.kz."),
    )

    def clean_lines(self):
        return read_pasted_list(self.cleaned_data["lines"])
