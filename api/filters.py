"""How API lists are filtered and ordered.

Lists that have a page on the site use that page's FilterSet (meetings.filters.MeetingFilter,
documents.filters.DocumentFilter, actionplan.filters.ActivityFilter): one set of filters, one set of
error messages. The FilterSets below serve the lists the site has no filter form for.
Every list is ordered by ``?sort=`` (the site's own ``sort`` where its FilterSet has one).
"""

import django_filters
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter

from core.filters import YearField
from indicators.models import Indicator, IndicatorValue
from meetings.models import Meeting, Participation, StatementParagraph
from participants.models import Organisation, State


class SiteFilterBackend(DjangoFilterBackend):
    """The view's FilterSet, bound to the reader's request; a bad value is a 400 naming the filter.

    A view may order what the FilterSet selects as its page does (``filtered(filterset)``).
    """

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        filtered = getattr(view, "filtered", None)
        return filtered(filterset) if filtered else filterset.qs


class SortFilter(OrderingFilter):
    """DRF's ordering as ``?sort=``, strict: an unknown key is a 400 naming ``sort``, not silently ignored."""

    ordering_param = "sort"
    ordering_description = _("Order of the list: a field name, or the name with “-” for descending order.")

    def get_ordering(self, request, queryset, view):
        params = request.query_params.get(self.ordering_param)
        if not params:
            return self.get_default_ordering(view)
        fields = [param.strip() for param in params.split(",") if param.strip()]
        valid = {name for name, _label in self.get_valid_fields(queryset, view, {"request": request})}
        unknown = [field for field in fields if field.lstrip("-") not in valid]
        if unknown or not fields:
            raise ValidationError(
                {self.ordering_param: [gettext("Sort by one of: %(choices)s.") % {"choices": ", ".join(sorted(valid))}]}
            )
        return fields

    def filter_queryset(self, request, queryset, view):
        ordering = self.get_ordering(request, queryset, view)
        if not ordering:
            return queryset
        # The primary key last: pages of a list ordered by a repeated value neither repeat nor skip items.
        return queryset.order_by(*ordering, "pk")


class ParticipationFilter(django_filters.FilterSet):
    meeting = django_filters.ModelChoiceFilter(
        queryset=lambda request: Meeting.objects.visible_to(request.user if request else None),
        to_field_name="slug",
        label=_("Meeting"),
    )
    state = django_filters.ModelChoiceFilter(queryset=State.objects.all(), to_field_name="slug", label=_("State"))
    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.all(), to_field_name="slug", label=_("Organisation")
    )
    attendance = django_filters.ChoiceFilter(choices=Participation.Attendance.choices, label=_("Attendance"))

    class Meta:
        model = Participation
        fields = []


class StatementParagraphFilter(django_filters.FilterSet):
    meeting = django_filters.ModelChoiceFilter(
        field_name="statement__meeting",
        queryset=lambda request: Meeting.objects.visible_to(request.user if request else None),
        to_field_name="slug",
        label=_("Meeting"),
    )

    class Meta:
        model = StatementParagraph
        fields = []


class StateFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=State.Status.choices, label=_("Status in the process"))

    class Meta:
        model = State
        fields = []


class OrganisationFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Organisation.Kind.choices, label=_("Kind"))
    role = django_filters.ChoiceFilter(choices=Organisation.Role.choices, label=_("Role in the process"))

    class Meta:
        model = Organisation
        fields = []


class YearFilter(django_filters.NumberFilter):
    field_class = YearField


class IndicatorValueFilter(django_filters.FilterSet):
    indicator = django_filters.ModelChoiceFilter(
        queryset=Indicator.objects.all(), to_field_name="slug", label=_("Indicator")
    )
    state = django_filters.ModelChoiceFilter(queryset=State.objects.all(), to_field_name="slug", label=_("State"))
    # The same year field as the indicator's comparison page (indicators.views.YearForm).
    year = YearFilter(label=_("Year"))

    class Meta:
        model = IndicatorValue
        fields = []
