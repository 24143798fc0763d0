"""The archive's filters: one FilterSet for the document list, the search and the exports."""

import datetime
from functools import reduce
from operator import or_

import django_filters
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from core.filters import YearsField
from core.i18n import current_language
from documents.models import Document, DocumentFile
from glossary.expansion import EXPAND_CHOICES, Expansion, expand, expansion_wanted
from meetings.models import Meeting
from participants.models import Organisation, State
from search import engine

MAX_QUERY_LENGTH = 200


class YearsFilter(django_filters.Filter):
    field_class = YearsField

    def filter(self, qs, value):
        if not value:
            return qs
        # Date ranges rather than EXTRACT(year): the date index stays usable.
        ranges = (Q(date__gte=datetime.date(year, 1, 1), date__lt=datetime.date(year + 1, 1, 1)) for year in value)
        return qs.filter(reduce(or_, ranges))


def reader(request):
    return request.user if request is not None else AnonymousUser()


def downloadable_files(request):
    """Files the reader may download: only those count for the language filter and facet."""
    return DocumentFile.objects.downloadable_by(reader(request))


def visible_meetings(request):
    return Meeting.objects.visible_to(reader(request))


class DocumentFilter(django_filters.FilterSet):
    # Several values of one filter widen the choice (OR); different filters narrow it (AND).
    q = django_filters.CharFilter(
        label=_("Search the documents"), method="filter_query", max_length=MAX_QUERY_LENGTH, strip=True
    )
    # expand=0 switches the glossary's query expansion off (0 is falsy: it filters nothing).
    expand = django_filters.TypedChoiceFilter(
        choices=EXPAND_CHOICES, coerce=int, label=_("Glossary equivalents"), method="keep_all", widget=forms.HiddenInput
    )
    kind = django_filters.MultipleChoiceFilter(
        choices=Document.Kind.choices, label=_("Kind"), distinct=False, widget=forms.MultipleHiddenInput
    )
    year = YearsFilter(label=_("Year"))
    meeting = django_filters.ModelMultipleChoiceFilter(
        queryset=visible_meetings,
        to_field_name="slug",
        label=_("Meeting"),
        method="filter_meetings",
        widget=forms.MultipleHiddenInput,
    )
    state = django_filters.ModelMultipleChoiceFilter(
        queryset=State.objects.all(),
        to_field_name="slug",
        label=_("State"),
        method="filter_states",
        widget=forms.MultipleHiddenInput,
    )
    organisation = django_filters.ModelMultipleChoiceFilter(
        queryset=Organisation.objects.all(),
        to_field_name="slug",
        label=_("Organisation"),
        method="filter_organisations",
        widget=forms.MultipleHiddenInput,
    )
    language = django_filters.MultipleChoiceFilter(
        choices=DocumentFile.Language.choices,
        label=_("Language of the files"),
        method="filter_languages",
        widget=forms.MultipleHiddenInput,
    )

    # How the list is ordered, not what it holds: read by find_documents (documents.archive), not filtered.
    sort = django_filters.ChoiceFilter(
        choices=engine.Sort.choices, label=_("Sort"), method="keep_order", empty_label=None
    )

    class Meta:
        model = Document
        fields = []

    @property
    def query(self) -> str:
        return (self.form.cleaned_data.get("q") or "") if self.is_bound and self.form.is_valid() else ""

    @property
    def expansion(self) -> Expansion:
        """The glossary's extra phrases for the query (glossary.expansion), computed once."""
        if not hasattr(self, "_expansion"):
            wanted = expansion_wanted(self.form.cleaned_data.get("expand")) if self.query else True
            self._expansion = expand(self.query, current_language(), enabled=wanted) if self.query else Expansion()
        return self._expansion

    @property
    def sort_order(self) -> str:
        return (self.form.cleaned_data.get("sort") or "") if self.is_bound and self.form.is_valid() else ""

    def keep_order(self, queryset, name, value):
        return queryset

    def queryset_without(self, name: str):
        """The documents every filter but `name` leaves: what that filter's facet counts."""
        queryset = self.queryset.all()
        for field_name, value in self.form.cleaned_data.items():
            if field_name != name:
                queryset = self.filters[field_name].filter(queryset, value)
        return queryset

    def filter_query(self, queryset, name, value):
        return engine.match(queryset, value, self.expansion.also) if value else queryset

    def keep_all(self, queryset, name, value):
        return queryset

    def filter_meetings(self, queryset, name, value):
        return queryset.filter(meeting__in=value) if value else queryset

    # Exists() rather than joins: a join would repeat documents and upset counts and pagination.
    def filter_states(self, queryset, name, value):
        if not value:
            return queryset
        linked = Document.states.through.objects.filter(document_id=OuterRef("pk"), state__in=value)
        return queryset.filter(Exists(linked))

    def filter_organisations(self, queryset, name, value):
        if not value:
            return queryset
        linked = Document.organisations.through.objects.filter(document_id=OuterRef("pk"), organisation__in=value)
        return queryset.filter(Exists(linked))

    def filter_languages(self, queryset, name, value):
        if not value:
            return queryset
        files = downloadable_files(self.request).filter(document_id=OuterRef("pk"), language__in=value)
        return queryset.filter(Exists(files))
