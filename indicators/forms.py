from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from indicators.importing import MAX_FILE_SIZE, FigureImportError, ImportResult, import_figures


class ImportForm(forms.Form):
    """The admin's upload of a UNHCR or WDI file: one call of import_figures, its errors as the form's."""

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("A World Bank WDI CSV file or a UNHCR Refugee Data Finder export (population.csv), as downloaded."),
    )
    retrieved = forms.DateField(label=_("retrieved on"), initial=timezone.localdate)
    is_sample = forms.BooleanField(
        label=_("sample data"),
        required=False,
        help_text=_("Tick for illustrative figures: every page that shows them will label them as sample data."),
    )

    result: ImportResult | None = None

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_SIZE:
            raise forms.ValidationError(
                _("The file is larger than %(size)d MB.") % {"size": MAX_FILE_SIZE // (1024 * 1024)}
            )
        return upload

    def save(self, user=None) -> ImportResult | None:
        """Import the file; None when it was refused, with the reasons added to the form’s errors."""
        upload = self.cleaned_data["file"]
        try:
            self.result = import_figures(
                upload.read(),
                name=upload.name,
                retrieved=self.cleaned_data["retrieved"],
                is_sample=self.cleaned_data["is_sample"],
                user=user,
            )
        except FigureImportError as error:
            for message in error.messages:
                self.add_error("file", message)
            return None
        return self.result
