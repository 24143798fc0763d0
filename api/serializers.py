"""What each API item holds. Text kept in several languages is given in all of them (api.fields)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from actionplan.models import ActionPlan, Activity, Priority, ProgressUpdate
from documents.models import Document, DocumentFile
from glossary.models import Term
from indicators.models import Indicator, IndicatorValue
from meetings.models import Meeting, Participation, StatementParagraph
from participants.models import Organisation, State

from .fields import DownloadUrlField, PageUrlField, TranslatedField, TranslatedLinesField


def slugs(**kwargs):
    return serializers.SlugRelatedField(slug_field="slug", read_only=True, **kwargs)


class StateSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    name = TranslatedField()
    official_name = TranslatedField()
    profile = TranslatedField()

    class Meta:
        model = State
        fields = [
            "slug",
            "url",
            "name",
            "official_name",
            "iso_alpha2",
            "iso_alpha3",
            "status",
            "year_joined",
            "profile",
        ]


class OrganisationSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    name = TranslatedField()
    acronym = TranslatedField()
    description = TranslatedField()
    secretariat = slugs(allow_null=True)
    activities_in_central_asia = TranslatedField()
    best_practices = TranslatedField()
    contact_details = TranslatedField()

    class Meta:
        model = Organisation
        fields = [
            "slug",
            "url",
            "name",
            "acronym",
            "kind",
            "role",
            "website",
            "description",
            "secretariat",
            "activities_in_central_asia",
            "best_practices",
            "contact_details",
        ]


class MeetingSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    title = TranslatedField()
    process = slugs()
    host_country = slugs(allow_null=True)
    organisers = slugs(many=True)
    city = TranslatedField()
    chair = TranslatedField()
    summary = TranslatedField()

    class Meta:
        model = Meeting
        fields = [
            "slug",
            "url",
            "title",
            "kind",
            "number",
            "status",
            "start_date",
            "end_date",
            "city",
            "host_country",
            "process",
            "organisers",
            "chair",
            "summary",
        ]


class ParticipationSerializer(serializers.ModelSerializer):
    meeting = slugs()
    state = slugs(allow_null=True)
    organisation = slugs(allow_null=True)

    class Meta:
        model = Participation
        fields = ["id", "meeting", "state", "organisation", "role", "attendance"]


class StatementParagraphSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    meeting = serializers.SlugRelatedField(source="statement.meeting", slug_field="slug", read_only=True)
    statement_title = TranslatedField("title", of="statement")
    adopted_on = serializers.DateField(source="statement.adopted_on", read_only=True, allow_null=True)
    text = TranslatedField()

    class Meta:
        model = StatementParagraph
        fields = ["id", "url", "meeting", "statement_title", "adopted_on", "number", "text"]


class DocumentFileSerializer(serializers.ModelSerializer):
    download_url = DownloadUrlField()
    name = serializers.CharField(source="original_name", read_only=True)

    class Meta:
        model = DocumentFile
        fields = ["language", "name", "download_url", "content_type", "size", "sha256", "page_count"]


# Fields another part of the portal adds to Document appear as soon as the model has them: name them here.
class DocumentSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    title = TranslatedField()
    summary = TranslatedField()
    meeting = slugs(allow_null=True)
    states = slugs(many=True)
    organisations = slugs(many=True)
    # Only the files this reader may download (the view prefetches them through the files' door).
    files = DocumentFileSerializer(many=True, read_only=True)

    class Meta:
        model = Document
        fields = [
            "id",
            "url",
            "symbol",
            "title",
            "kind",
            "date",
            "meeting",
            "states",
            "organisations",
            "summary",
            "audience",
            "files",
        ]


class GlossaryTermSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    label = TranslatedField()
    abbreviations = TranslatedLinesField()
    synonyms = TranslatedLinesField()
    definition = TranslatedField()

    class Meta:
        model = Term
        fields = ["slug", "url", "label", "abbreviations", "synonyms", "definition", "source_name", "source_url"]


class ActionPlanSerializer(serializers.ModelSerializer):
    title = TranslatedField()

    class Meta:
        model = ActionPlan
        fields = ["title", "start_year", "end_year", "is_illustrative"]


class PrioritySerializer(serializers.ModelSerializer):
    title = TranslatedField()

    class Meta:
        model = Priority
        fields = ["position", "title"]


class ProgressUpdateSerializer(serializers.ModelSerializer):
    text = TranslatedField()

    class Meta:
        model = ProgressUpdate
        fields = ["id", "date", "text"]


@extend_schema_field({"type": "array", "items": {"type": "integer"}})
class PrimaryKeysField(serializers.Field):
    """The ids of a prefetched relation (the view prefetches only what the reader may see)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, manager):
        return [item.pk for item in manager.all()]


class ActivitySerializer(serializers.ModelSerializer):
    url = PageUrlField()
    title = TranslatedField()
    description = TranslatedField()
    plan = ActionPlanSerializer(source="priority.plan", read_only=True)
    priority = PrioritySerializer(read_only=True)
    lead_states = slugs(many=True)
    partner_states = slugs(many=True)
    lead_organisations = slugs(many=True)
    partner_organisations = slugs(many=True)
    paragraphs = PrimaryKeysField()
    meetings = slugs(many=True)
    documents = PrimaryKeysField()
    # Approved updates only (ProgressUpdate.objects.visible_to), newest first.
    updates = ProgressUpdateSerializer(many=True, read_only=True)

    class Meta:
        model = Activity
        fields = [
            "id",
            "url",
            "title",
            "description",
            "status",
            "start_date",
            "end_date",
            "is_illustrative",
            "plan",
            "priority",
            "lead_states",
            "partner_states",
            "lead_organisations",
            "partner_organisations",
            "paragraphs",
            "meetings",
            "documents",
            "updates",
        ]


class IndicatorSerializer(serializers.ModelSerializer):
    url = PageUrlField()
    name = TranslatedField()
    definition = TranslatedField()
    unit = TranslatedField()
    source_name = TranslatedField()

    class Meta:
        model = Indicator
        fields = [
            "slug",
            "url",
            "name",
            "definition",
            "unit",
            "decimal_places",
            "source_name",
            "source_url",
            "source_licence",
            "source_code",
        ]


class IndicatorValueSerializer(serializers.ModelSerializer):
    indicator = slugs()
    state = slugs()
    note = TranslatedField()

    class Meta:
        model = IndicatorValue
        fields = ["id", "indicator", "state", "year", "value", "source", "retrieved", "is_sample", "note"]
