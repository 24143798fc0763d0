from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_UPDATE_LENGTH = 5000


class ProposalForm(forms.Form):
    """A delegate's progress update, written in the language of the page."""

    date = forms.DateField(label=_("Date of the progress"), widget=forms.DateInput(attrs={"type": "date"}))
    text = forms.CharField(
        label=_("What has been done"),
        max_length=MAX_UPDATE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The secretariat reads it before it is published."),
    )

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("Report progress that has happened: the date cannot be in the future."))
        return date
