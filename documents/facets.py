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
from documents.search import public_matches
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


# How the facets over linked rows (states, organisations, file languages) count: by joining each
# link to the matching documents, or by difference (see _counted), or whichever suits the number
# of matches (decided inside the statement, once the matches are known).
DIRECT, DIFFERENCE, EITHER = "direct", "difference", "either"


def _counted(key: str, links: str, strategy: str) -> str:
    """Rows (key, n): how many of `links` (a table or subquery with document_id) belong to base.

    By difference: every link less the links of the documents not in base (`hidden`), two counts
    without a join; cheaper when base is most of the archive (the unfiltered list, a broad query).
    """
    direct = f"SELECT l.{key}, COUNT(*) AS n FROM base JOIN {links} l ON l.document_id = base.pk GROUP BY l.{key}"
    difference = (
        f"SELECT {key}, CAST(SUM(n) AS bigint) AS n FROM ("
        f"SELECT l.{key}, COUNT(*) AS n FROM {links} l GROUP BY l.{key} UNION ALL "
        # `hidden` is one array: the planner then expects few ids and looks them up in the
        # document_id index (a row set of unknown size would be planned as half the archive).
        f"SELECT l.{key}, -COUNT(*) FROM {links} l "
        f"WHERE l.document_id = ANY(CAST((SELECT ids FROM hidden) AS bigint[])) GROUP BY l.{key}"
        f") parts GROUP BY {key} HAVING SUM(n) > 0"
    )
    if strategy == DIRECT:
        return direct
    if strategy == DIFFERENCE:
        return difference
    # The condition is evaluated once; the branch it rules out is never run (nor `hidden` built).
    return (
        f"SELECT * FROM ({direct}) d WHERE NOT (SELECT most FROM size) "
        f"UNION ALL SELECT * FROM ({difference}) f WHERE (SELECT most FROM size)"
    )


def _placeholders(strategy: str) -> int:
    """How many times _counted() repeats `links` (and so its parameters)."""
    return {DIRECT: 1, DIFFERENCE: 2, EITHER: 3}[strategy]


def _linked_sql(name: str, model, links: str, key: str, strategy: str) -> str:
    # Counting by id first and naming the few groups afterwards keeps the names out of the aggregates.
    return (
        f"SELECT '{name}', t.{_column(model, 'slug')}, t.{_column(model, 'name_ru')}, t.{_column(model, 'name_en')}, "
        f"c.n FROM ({_counted(key, links, strategy)}) c JOIN {_table(model)} t ON t.id = c.{key} "
        f"ORDER BY 5 DESC, 2 LIMIT {TOP}"
    )


def _language_sql(files: str, strategy: str) -> str:
    return (
        f"SELECT 'language', c.language, NULL::text, NULL::text, c.n FROM ({_counted('language', files, strategy)}) c"
    )


def _shared_counts(queryset, names: list[str], request, strategy: str = DIRECT) -> dict[str, list[FacetOption]]:
    """PostgreSQL: several facets over the same documents in one statement, the documents found once.

    Each facet would otherwise repeat the whole search (the GIN scan and the visibility checks).
    `strategy` says how the linked facets count (see _counted).
    """
    if queryset.model is Document:
        queryset = queryset.values_list("pk", "kind", "date", "meeting_id")
    base_sql, base_params = queryset.order_by().query.sql_with_params()
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
        # Counting by id first and naming the few groups afterwards keeps the name columns out of
        # the aggregates (the matching documents are unique, so a join counts each one once).
        "meeting": (
            f"SELECT 'meeting', m.{_column(Meeting, 'slug')}, m.{_column(Meeting, 'title_ru')}, "
            f"m.{_column(Meeting, 'title_en')}, c.n FROM (SELECT meeting_id, COUNT(*) AS n FROM base "
            f"WHERE meeting_id IS NOT NULL GROUP BY meeting_id) c JOIN {_table(Meeting)} m ON m.id = c.meeting_id "
            f"WHERE m.id IN ({meetings_sql}) ORDER BY 5 DESC, 2 LIMIT {TOP}",
            list(meetings_params),
        ),
        "state": (_linked_sql("state", State, _table(states), "state_id", strategy), []),
        "organisation": (
            _linked_sql("organisation", Organisation, _table(organisations), "organisation_id", strategy),
            [],
        ),
        "language": (
            _language_sql(f"({files_sql})", strategy),
            list(files_params) * _placeholders(strategy),
        ),
    }
    ctes = f"WITH base AS MATERIALIZED ({base_sql})"
    if strategy == EITHER:
        everything = f"(SELECT COUNT(*) FROM {_table(Document)})"
        ctes += f", size AS MATERIALIZED (SELECT COUNT(*) * 2 > {everything} AS most FROM base)"
    if strategy != DIRECT:
        ctes += (
            f", hidden AS MATERIALIZED (SELECT array_agg(d.id) AS ids FROM {_table(Document)} d "
            "WHERE NOT EXISTS (SELECT 1 FROM base WHERE base.pk = d.id))"
        )
    sql = f"{ctes} " + " UNION ALL ".join(f"({branches[name][0]})" for name in names)
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
        # A public reader's search is found in the search index alone (see documents.search).
        matches = public_matches(filterset)
        base = filterset.qs if matches is None else matches.values_list("pk", "kind", "date", "meeting_id")
        if not any(bool(value) for value in filterset.form.cleaned_data.values()):
            strategy = DIFFERENCE  # the list as first opened: nearly the whole archive
        else:
            strategy = EITHER if filterset.query else DIRECT
        shared = _shared_counts(base, shared_names, filterset.request, strategy)
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
