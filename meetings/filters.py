"""Filters of the meeting list and of the participation matrix; their values live in the address."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from core.filters import InMyLanguageFilter
from meetings.models import Meeting, Participation
from participants.models import Organisation, State


class YearField(forms.IntegerField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1990)
        kwargs.setdefault("max_value", 2100)
        kwargs.setdefault("widget", forms.NumberInput(attrs={"inputmode": "numeric"}))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        # int() reads Arabic-Indic and other Unicode digits; a year in the address is ASCII digits.
        text = str(value).strip() if value not in self.empty_values else ""
        if text and not (text.isascii() and text.isdigit()):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class YearFilter(django_filters.NumberFilter):
    field_class = YearField


class MeetingFilter(django_filters.FilterSet):
    year = YearFilter(field_name="start_date", lookup_expr="year", label=_("Year"))
    kind = django_filters.ChoiceFilter(choices=Meeting.Kind.choices, label=_("Kind"), empty_label=_("All kinds"))
    process = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.processes(),
        to_field_name="slug",
        label=_("Process"),
        empty_label=_("All processes"),
    )
    host = django_filters.ModelChoiceFilter(
        field_name="host_country",
        queryset=State.objects.all(),
        to_field_name="slug",
        label=_("Host country"),
        empty_label=_("All host countries"),
    )
    state = django_filters.ModelChoiceFilter(
        queryset=State.objects.all(),
        to_field_name="slug",
        method="filter_attended_by",
        label=_("Attended by"),
        empty_label=_("Any state"),
    )
    mine = InMyLanguageFilter(text_field="title", label=_("Only meetings described in my language"))
    sort = django_filters.OrderingFilter(
        fields=(("start_date", "date"), ("title", "title")),
        choices=[
            ("-date", _("Newest first")),
            ("date", _("Oldest first")),
            ("title", _("Title (A–Z)")),
        ],
        label=_("Sort by"),
        empty_label=None,
    )

    class Meta:
        model = Meeting
        fields = []

    def filter_attended_by(self, queryset, name, value):
        # Exists() rather than a join: a join would repeat meetings and upset pagination.
        attended = Participation.objects.filter(meeting=OuterRef("pk"), state=value, present=True)
        return queryset.filter(Exists(attended))


class MatrixFilter(django_filters.FilterSet):
    process = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.processes(),
        to_field_name="slug",
        label=_("Process"),
        empty_label=_("All processes"),
    )
    year_from = YearFilter(field_name="start_date", lookup_expr="year__gte", label=_("From year"))
    year_to = YearFilter(field_name="start_date", lookup_expr="year__lte", label=_("To year"))

    class Meta:
        model = Meeting
        fields = []
