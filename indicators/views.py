"""Public pages of the key figures: the list of indicators and, for each, a comparison across the states."""

from django import forms
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from core import csv
from core.filters import YearField
from core.views import bad_request, form_errors
from indicators.charts import comparison, comparison_values
from indicators.models import Indicator


class YearForm(forms.Form):
    year = YearField(label=_("Year"), required=False)


@require_GET
def indicator_list(request):
    return render(request, "indicators/indicator_list.html", {"indicators": Indicator.objects.all()})


@require_GET
def indicator_detail(request, slug):
    indicator = get_object_or_404(Indicator, slug=slug)
    form = YearForm(request.GET)
    if not form.is_valid():
        return bad_request(request, errors=form_errors(form))
    return render(
        request,
        "indicators/indicator_detail.html",
        {"indicator": indicator, "comparison": comparison(indicator, form.cleaned_data["year"])},
    )


CSV_COLUMNS = ["state", "iso_alpha3", "year", "value", "unit", "source", "retrieved", "sample_data", "note"]


def csv_row(value) -> list:
    """One value as a row of CSV_COLUMNS (also a row of the open-data package's indicator values)."""
    return [
        value.state.name,
        value.state.iso_alpha3,
        value.year,
        value.value,  # a number: core.csv writes it without an exponent, and a negative one stays a number
        value.indicator.unit,
        value.source,
        value.retrieved.isoformat(),
        "yes" if value.is_sample else "no",
        value.note,
    ]


@require_GET
def indicator_csv(request, slug):
    """Every value of the participating states for this indicator, one row per state and year."""
    indicator = get_object_or_404(Indicator, slug=slug)
    rows = (csv_row(value) for value in comparison_values(indicator))
    response = StreamingHttpResponse(csv.csv_lines(CSV_COLUMNS, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{indicator.slug}.csv"'
    return response
