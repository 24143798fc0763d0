"""Filters of the meeting list and of the participation matrix; their values live in the address."""

import django_filters
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from core.filters import InMyLanguageFilter, YearField
from meetings.models import Meeting, Participation
from participants.models import Organisation, State


class YearFilter(django_filters.NumberFilter):
    field_class = YearField


class MeetingSort(models.TextChoices):
    """The orders of the meeting list, declared once: the menu's choices and their ORDER BY keys."""

    NEWEST = "-date", _("Newest first")
    OLDEST = "date", _("Oldest first")
    TITLE = "title", _("Title (A–Z)")


MEETING_ORDERINGS = {
    MeetingSort.NEWEST: ("-start_date", "title", "pk"),
    MeetingSort.OLDEST: ("start_date", "title", "pk"),
    MeetingSort.TITLE: ("title", "-start_date", "pk"),
}

# The words of a meeting that the list's text filter looks in, in both languages.
MEETING_TEXT_FIELDS = ("title_ru", "title_en", "city_ru", "city_en", "host_country__name_ru", "host_country__name_en")
MAX_TEXT_LENGTH = 200


class MeetingFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Words in the title or place"), method="filter_text", max_length=MAX_TEXT_LENGTH, strip=True
    )
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
    sort = django_filters.ChoiceFilter(
        choices=MeetingSort.choices, label=_("Sort by"), method="order_by", empty_label=None
    )

    class Meta:
        model = Meeting
        fields = []

    def filter_text(self, queryset, name, value):
        """Meetings whose title, city or host country holds every word typed, in either language."""
        for word in value.split():
            queryset = queryset.filter(
                Q.create([(f"{field}__icontains", word) for field in MEETING_TEXT_FIELDS], connector=Q.OR)
            )
        return queryset

    def order_by(self, queryset, name, value):
        return queryset.order_by(*MEETING_ORDERINGS[MeetingSort(value)])

    def filter_attended_by(self, queryset, name, value):
        # Exists() rather than a join: a join would repeat meetings and upset pagination.
        attended = Participation.objects.filter(
            meeting=OuterRef("pk"), state=value, attendance=Participation.Attendance.ATTENDED
        )
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
