"""Facet counts beside the archive's results: one aggregate query per facet.

Each facet counts the documents every other active filter leaves, so choosing one kind still
shows how many documents the other kinds would add (values of one facet combine with OR).
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, Count, IntegerField, Value, When
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from core.i18n import current_language
from documents.filters import downloadable_files, visible_meetings
from documents.models import Document, DocumentFile
from meetings.models import Meeting
from participants.models import Organisation, State

# Meetings, states and organisations can be many; the most frequent are shown (chosen ones first).
TOP = 12


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False
    url: str = ""


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption] = field(default_factory=list)

    @property
    def has_selection(self) -> bool:
        return any(option.selected for option in self.options)


def _localized(row: dict, prefix: str) -> str:
    own = row.get(f"{prefix}_{current_language()}")
    return own or row.get(f"{prefix}_ru") or row.get(f"{prefix}_en") or ""


def _chosen_first(field_name: str, chosen: list[str]):
    if not chosen:
        return Value(1)
    return Case(When(**{f"{field_name}__in": chosen}, then=Value(0)), default=Value(1), output_field=IntegerField())


def _kind(queryset, chosen, request=None):
    labels = dict(Document.Kind.choices)
    rows = queryset.order_by().values("kind").annotate(count=Count("pk")).order_by("-count", "kind")
    return [FacetOption(row["kind"], str(labels.get(row["kind"], row["kind"])), row["count"]) for row in rows]


def _year(queryset, chosen, request=None):
    rows = queryset.order_by().annotate(year=ExtractYear("date")).values("year").annotate(count=Count("pk"))
    return [FacetOption(str(row["year"]), str(row["year"]), row["count"]) for row in rows.order_by("-year")]


def _meeting(queryset, chosen, request=None):
    rows = (
        queryset.order_by()
        .filter(meeting__in=visible_meetings(request))
        .values("meeting__slug", "meeting__title_ru", "meeting__title_en")
        .annotate(count=Count("pk"))
        .order_by(_chosen_first("meeting__slug", chosen), "-count", "meeting__slug")[:TOP]
    )
    return [FacetOption(row["meeting__slug"], _localized(row, "meeting__title"), row["count"]) for row in rows]


def _linked(through, target):
    name_fields = ["name_ru", "name_en"]

    def count(queryset, chosen, request=None):
        rows = (
            through.objects.filter(document_id__in=queryset.order_by().values("pk"))
            .values(f"{target}__slug", *[f"{target}__{name}" for name in name_fields])
            .annotate(count=Count("document_id"))
            .order_by(_chosen_first(f"{target}__slug", chosen), "-count", f"{target}__slug")[:TOP]
        )
        return [FacetOption(row[f"{target}__slug"], _localized(row, f"{target}__name"), row["count"]) for row in rows]

    return count


def _language(queryset, chosen, request=None):
    labels = dict(DocumentFile.Language.choices)
    rows = (
        downloadable_files(request)
        .filter(document_id__in=queryset.order_by().values("pk"))
        .values("language")
        .annotate(count=Count("document_id"))
        .order_by("-count", "language")
    )
    return [FacetOption(row["language"], str(labels.get(row["language"], "")), row["count"]) for row in rows]


FACETS = [
    ("kind", _("Kind"), _kind),
    ("year", _("Year"), _year),
    ("meeting", _("Meeting"), _meeting),
    ("state", _("State"), _linked(Document.states.through, "state")),
    ("organisation", _("Organisation"), _linked(Document.organisations.through, "organisation")),
    ("language", _("Language of the files"), _language),
]


def toggle_url(params, name: str, value: str) -> str:
    """The current query string with one facet value switched on or off (and back to page 1)."""
    params = params.copy()
    values = params.getlist(name)
    params.setlist(name, [item for item in values if item != value] if value in values else [*values, value])
    params.pop("page", None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


def _column(model, field: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(field).column)


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _shared_counts(queryset, names: list[str], request) -> dict[str, list[FacetOption]]:
    """PostgreSQL: several facets over the same documents in one statement, the documents found once.

    Each facet would otherwise repeat the whole search (the GIN scan and the visibility checks).
    """
    base_sql, base_params = queryset.order_by().values_list("pk", "kind", "date", "meeting_id").query.sql_with_params()
    meetings_sql, meetings_params = visible_meetings(request).order_by().values("pk").query.sql_with_params()
    files = downloadable_files(request).order_by().values("document_id", "language")
    files_sql, files_params = files.query.sql_with_params()
    states, organisations = Document.states.through, Document.organisations.through
    branches = {
        "kind": ("SELECT 'kind', kind, NULL::text, NULL::text, COUNT(*) FROM base GROUP BY kind", []),
        "year": (
            "SELECT 'year', CAST(EXTRACT(YEAR FROM date) AS integer)::text, NULL::text, NULL::text, COUNT(*) "
            "FROM base GROUP BY 2",
            [],
        ),
        "meeting": (
            f"SELECT 'meeting', m.{_column(Meeting, 'slug')}, m.{_column(Meeting, 'title_ru')}, "
            f"m.{_column(Meeting, 'title_en')}, COUNT(*) FROM base JOIN {_table(Meeting)} m ON m.id = base.meeting_id "
            f"WHERE m.id IN ({meetings_sql}) GROUP BY m.id ORDER BY 5 DESC, 2 LIMIT {TOP}",
            list(meetings_params),
        ),
        "state": (
            f"SELECT 'state', s.{_column(State, 'slug')}, s.{_column(State, 'name_ru')}, "
            f"s.{_column(State, 'name_en')}, COUNT(*) FROM base JOIN {_table(states)} l ON l.document_id = base.pk "
            f"JOIN {_table(State)} s ON s.id = l.state_id GROUP BY s.id ORDER BY 5 DESC, 2 LIMIT {TOP}",
            [],
        ),
        "organisation": (
            f"SELECT 'organisation', o.{_column(Organisation, 'slug')}, o.{_column(Organisation, 'name_ru')}, "
            f"o.{_column(Organisation, 'name_en')}, COUNT(*) FROM base JOIN {_table(organisations)} l "
            f"ON l.document_id = base.pk JOIN {_table(Organisation)} o ON o.id = l.organisation_id "
            f"GROUP BY o.id ORDER BY 5 DESC, 2 LIMIT {TOP}",
            [],
        ),
        "language": (
            f"SELECT 'language', f.language, NULL::text, NULL::text, COUNT(*) FROM base "
            f"JOIN ({files_sql}) f ON f.document_id = base.pk GROUP BY f.language",
            list(files_params),
        ),
    }
    sql = f"WITH base AS MATERIALIZED ({base_sql}) " + " UNION ALL ".join(f"({branches[name][0]})" for name in names)
    params = [*base_params]
    for name in names:
        params += branches[name][1]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    kinds, languages = dict(Document.Kind.choices), dict(DocumentFile.Language.choices)
    options = {name: [] for name in names}
    for name, value, label_ru, label_en, count in rows:
        if name == "kind":
            label = str(kinds.get(value, value))
        elif name == "language":
            label = str(languages.get(value, value))
        elif name == "year":
            label = value
        else:
            label = _localized({"x_ru": label_ru, "x_en": label_en}, "x")
        options[name].append(FacetOption(value, label, count))
    order = {
        "year": lambda option: -int(option.value),
        "kind": lambda option: (-option.count, option.value),
        "language": lambda option: (-option.count, option.value),
    }
    for name, key in order.items():
        if name in options:
            options[name].sort(key=key)
    return options


def document_facets(filterset, params) -> list[Facet]:
    """Facets for a valid DocumentFilter; `params` is the request's QueryDict."""
    chosen_values = {name: [value for value in params.getlist(name) if value] for name, _label, _count in FACETS}
    # A facet with nothing chosen counts exactly the current results; those can share one statement.
    shared_names = [name for name, values in chosen_values.items() if not values]
    shared = {}
    if connection.vendor == "postgresql" and len(shared_names) > 1:
        shared = _shared_counts(filterset.qs, shared_names, filterset.request)
    facets = []
    for name, label, count in FACETS:
        chosen = chosen_values[name]
        if name in shared:
            options = shared[name]
        else:
            options = count(filterset.queryset_without(name), chosen, filterset.request)
        for option in options:
            option.selected = option.value in chosen
            option.url = toggle_url(params, name, option.value)
        if options:
            facets.append(Facet(name, label, options))
    return facets
