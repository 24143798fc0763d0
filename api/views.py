"""The read-only JSON API: each list asks the model's door for what the reader may see.

Anonymous readers get public items only; a signed-in delegate what the site shows them; staff everything,
as on the site (``visible_to(request.user)`` everywhere). Lists are filtered by the site's own FilterSets.
"""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from actionplan.filters import ActivityFilter
from actionplan.models import Activity, ProgressUpdate
from documents.archive import find_documents
from documents.filters import DocumentFilter
from documents.models import Document, DocumentFile
from glossary.models import Term
from indicators.models import Indicator, IndicatorValue
from meetings.filters import MeetingFilter
from meetings.models import Meeting, Participation, StatementParagraph
from participants.models import Organisation, State

from . import filters, serializers

# The addresses of items named by slug (SlugField's characters) or by id.
SLUG = "[-a-zA-Z0-9_]+"
ID = "[0-9]+"


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    filter_backends = [filters.SiteFilterBackend, filters.SortFilter]
    ordering = None  # each list's model order (Meta.ordering) unless ?sort= says otherwise

    @property
    def user(self):
        return self.request.user


def described(name: str, plural: str):
    """The summaries of a list and of one item in the OpenAPI schema."""
    return extend_schema_view(
        list=extend_schema(summary=f"List {plural}"),
        retrieve=extend_schema(summary=f"One {name}"),
    )


@described("meeting", "meetings")
class MeetingViewSet(ReadOnlyViewSet):
    """Meetings the reader may see; filters and ``sort`` as on the meeting list."""

    serializer_class = serializers.MeetingSerializer
    filterset_class = MeetingFilter
    filter_backends = [filters.SiteFilterBackend]
    lookup_field = "slug"
    lookup_value_regex = SLUG

    def get_queryset(self):
        return (
            Meeting.objects.visible_to(self.user)
            .select_related("process", "host_country")
            .prefetch_related("organisers")
            .order_by("-start_date", "title", "pk")
        )


@described("participation", "participations")
class ParticipationViewSet(ReadOnlyViewSet):
    """Who was invited to, confirmed or attended the meetings the reader may see."""

    serializer_class = serializers.ParticipationSerializer
    filterset_class = filters.ParticipationFilter
    ordering_fields = ["id", "role", "attendance"]
    lookup_value_regex = ID

    def get_queryset(self):
        return (
            Participation.objects.filter(meeting__in=Meeting.objects.visible_to(self.user).values("pk"))
            .select_related("meeting", "state", "organisation")
            .order_by("-meeting__start_date", "meeting_id", "role", "pk")
        )


@described("outcome-statement paragraph", "outcome-statement paragraphs")
class StatementParagraphViewSet(ReadOnlyViewSet):
    """Numbered paragraphs of the outcome statements of the meetings the reader may see."""

    serializer_class = serializers.StatementParagraphSerializer
    filterset_class = filters.StatementParagraphFilter
    ordering_fields = ["id", "number"]
    lookup_value_regex = ID

    def get_queryset(self):
        return (
            StatementParagraph.objects.visible_to(self.user)
            .select_related("statement__meeting")
            .order_by("-statement__meeting__start_date", "statement_id", "number", "pk")
        )


@described("state", "states")
class StateViewSet(ReadOnlyViewSet):
    serializer_class = serializers.StateSerializer
    filterset_class = filters.StateFilter
    ordering_fields = ["slug", "name", "iso_alpha3", "year_joined"]
    lookup_field = "slug"
    lookup_value_regex = SLUG

    def get_queryset(self):
        return State.objects.order_by("name", "pk")


@described("organisation or process", "organisations and processes")
class OrganisationViewSet(ReadOnlyViewSet):
    serializer_class = serializers.OrganisationSerializer
    filterset_class = filters.OrganisationFilter
    ordering_fields = ["slug", "name"]
    lookup_field = "slug"
    lookup_value_regex = SLUG

    def get_queryset(self):
        return Organisation.objects.select_related("secretariat").order_by("name", "pk")


@described("document", "documents")
class DocumentViewSet(ReadOnlyViewSet):
    """Documents of the archive the reader may see, each with the files they may download.

    Filters, search (``q``) and ``sort`` are the archive page's (documents.filters.DocumentFilter).
    """

    serializer_class = serializers.DocumentSerializer
    filterset_class = DocumentFilter
    filter_backends = [filters.SiteFilterBackend]
    lookup_value_regex = ID

    def get_queryset(self):
        files = DocumentFile.objects.downloadable_by(self.user).order_by("language")
        return (
            Document.objects.visible_to(self.user)
            .select_related("meeting")
            .prefetch_related("states", "organisations", Prefetch("files", queryset=files))
        )

    def filtered(self, filterset):
        """In the archive page's order: most relevant first when searching, else newest first."""
        documents, _hits = find_documents(filterset)
        return documents


@described("glossary term", "glossary terms")
class GlossaryTermViewSet(ReadOnlyViewSet):
    serializer_class = serializers.GlossaryTermSerializer
    ordering_fields = ["slug", "label"]
    lookup_field = "slug"
    lookup_value_regex = SLUG

    def get_queryset(self):
        return Term.objects.visible_to(self.user).order_by("label_en", "pk")


@described("action-plan activity", "action-plan activities")
class ActivityViewSet(ReadOnlyViewSet):
    """Activities of the action plan the reader may see, with their approved progress updates.

    Filters as on the action-plan page (actionplan.filters.ActivityFilter).
    """

    serializer_class = serializers.ActivitySerializer
    filterset_class = ActivityFilter
    ordering_fields = ["id", "start_date", "end_date", "status"]
    lookup_value_regex = ID

    def get_queryset(self):
        user = self.user
        return (
            Activity.objects.visible_to(user)
            .select_related("priority__plan")
            .prefetch_related(
                "lead_states",
                "partner_states",
                "lead_organisations",
                "partner_organisations",
                # Linked items the reader may not see are left out, as on the activity's page.
                Prefetch("paragraphs", queryset=StatementParagraph.objects.visible_to(user).only("pk")),
                Prefetch("meetings", queryset=Meeting.objects.visible_to(user).only("pk", "slug")),
                Prefetch("documents", queryset=Document.objects.visible_to(user).only("pk")),
                Prefetch("updates", queryset=ProgressUpdate.objects.visible_to(user).order_by("-date", "-pk")),
            )
            .order_by("priority__plan__start_year", "priority__plan_id", "priority__position", "position", "pk")
        )


@described("indicator", "indicators")
class IndicatorViewSet(ReadOnlyViewSet):
    serializer_class = serializers.IndicatorSerializer
    ordering_fields = ["slug", "position"]
    lookup_field = "slug"
    lookup_value_regex = SLUG

    def get_queryset(self):
        return Indicator.objects.order_by("position", "slug", "pk")


@described("indicator value", "indicator values")
class IndicatorValueViewSet(ReadOnlyViewSet):
    """Key figures: an indicator's value for a state in a year (``is_sample``: illustrative, not published)."""

    serializer_class = serializers.IndicatorValueSerializer
    filterset_class = filters.IndicatorValueFilter
    ordering_fields = ["id", "year", "value"]
    lookup_value_regex = ID

    def get_queryset(self):
        # As on the site (indicators.charts) and in the open-data package: the participating states' figures.
        return (
            IndicatorValue.objects.of_participating_states()
            .select_related("indicator", "state")
            .order_by("indicator__position", "indicator__slug", "state__name", "year", "pk")
        )
