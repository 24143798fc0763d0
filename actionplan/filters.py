"""The plan's filters: one FilterSet for the page, the picture and the exports."""

import django_filters
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from actionplan.models import Activity
from core.filters import YearField
from participants.models import Organisation, State


class YearFilter(django_filters.NumberFilter):
    field_class = YearField


class ActivityFilter(django_filters.FilterSet):
    state = django_filters.ModelChoiceFilter(
        queryset=State.objects.all(),
        to_field_name="slug",
        method="filter_state",
        label=_("Lead or partner state"),
        empty_label=_("Any state"),
    )
    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        method="filter_organisation",
        label=_("Lead or partner organisation"),
        empty_label=_("Any organisation"),
    )
    status = django_filters.ChoiceFilter(
        choices=Activity.Status.choices, label=pgettext_lazy("activity", "Status"), empty_label=_("Any status")
    )
    year = YearFilter(method="filter_year", label=_("Under way in the year"))

    class Meta:
        model = Activity
        fields = []

    def filter_state(self, queryset, name, value):
        return queryset.led_or_joined_by(value)

    def filter_organisation(self, queryset, name, value):
        return queryset.with_organisation(value)

    def filter_year(self, queryset, name, value):
        return queryset.in_year(int(value))
