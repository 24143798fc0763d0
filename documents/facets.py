"""Facet counts beside the archive's results: one aggregate query per facet.

Each facet counts the documents every other active filter leaves, so choosing one kind still
shows how many documents the other kinds would add (values of one facet combine with OR).
"""

from dataclasses import dataclass, field, replace

from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from core.i18n import current_language
from core.pagecache import remember
from documents.filters import downloadable_files, reader, visible_meetings
from documents.models import Document, DocumentFile
from documents.search import indexed_matches, shared_as_listed
from meetings.models import Meeting
from search.engine import CountingPaginator

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


def _localized(label_ru: str | None, label_en: str | None) -> str:
    own = label_ru if current_language() == "ru" else label_en
    return own or label_ru or label_en or ""


def _chosen_first(field_name: str, chosen: list[str]):
    if not chosen:
        return Value(1)
    return Case(When(**{f"{field_name}__in": chosen}, then=Value(0)), default=Value(1), output_field=IntegerField())


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


class FacetDefinition:
    """One facet, declared once: its name and label, its ORM count and its SQL branch.

    count() answers alone (one query, used when values of this facet are chosen); sql() gives the
    facet's branch of the statement that counts several facets over the same matching documents
    (PostgreSQL, see shared_counts): rows (name, value, label_ru, label_en, count) reading `base`
    (the matching documents: pk, kind, date, meeting_id). Both make their options with option().
    """

    # Options in which the shared statement leaves them unordered are sorted with this key.
    sort_key = None

    def __init__(self, name: str, label):
        self.name, self.label = name, label

    def option(self, value, label_ru, label_en, count: int) -> FacetOption:
        return FacetOption(str(value), _localized(label_ru, label_en), count)

    def count(self, queryset, chosen: list[str], request=None) -> list[FacetOption]:
        raise NotImplementedError

    def sql(self, request, strategy: str) -> tuple[str, list]:
        raise NotImplementedError


class ChoiceFacet(FacetDefinition):
    """A field of the document with choices (kind): the most frequent first."""

    sort_key = staticmethod(lambda option: (-option.count, option.value))

    def __init__(self, name, label, choices):
        super().__init__(name, label)
        self.choices = choices

    def option(self, value, label_ru, label_en, count):
        return FacetOption(value, str(dict(self.choices).get(value, value)), count)

    def count(self, queryset, chosen, request=None):
        rows = queryset.order_by().values(self.name).annotate(count=Count("pk")).order_by("-count", self.name)
        return [self.option(row[self.name], None, None, row["count"]) for row in rows]

    def sql(self, request, strategy):
        column = connection.ops.quote_name(self.name)
        return f"SELECT '{self.name}', {column}, NULL::text, NULL::text, COUNT(*) FROM base GROUP BY {column}", []


class YearFacet(FacetDefinition):
    """The year of the document's date: the newest first."""

    sort_key = staticmethod(lambda option: -int(option.value))

    def option(self, value, label_ru, label_en, count):
        return FacetOption(str(value), str(value), count)

    def count(self, queryset, chosen, request=None):
        rows = queryset.order_by().annotate(year=ExtractYear("date")).values("year").annotate(count=Count("pk"))
        return [self.option(row["year"], None, None, row["count"]) for row in rows.order_by("-year")]

    def sql(self, request, strategy):
        return (
            f"SELECT '{self.name}', CAST(EXTRACT(YEAR FROM date) AS integer)::text, NULL::text, NULL::text, "
            "COUNT(*) FROM base GROUP BY 2",
            [],
        )


class MeetingFacet(FacetDefinition):
    """The document's meeting, among the meetings the reader may see: the TOP most frequent."""

    def count(self, queryset, chosen, request=None):
        rows = (
            queryset.order_by()
            .filter(meeting__in=visible_meetings(request))
            .values("meeting__slug", "meeting__title_ru", "meeting__title_en")
            .annotate(count=Count("pk"))
            .order_by(_chosen_first("meeting__slug", chosen), "-count", "meeting__slug")[:TOP]
        )
        return [
            self.option(row["meeting__slug"], row["meeting__title_ru"], row["meeting__title_en"], row["count"])
            for row in rows
        ]

    def sql(self, request, strategy):
        meetings_sql, meetings_params = visible_meetings(request).order_by().values("pk").query.sql_with_params()
        # Counting by id first and naming the few groups afterwards keeps the name columns out of
        # the aggregates (the matching documents are unique, so a join counts each one once).
        return (
            f"SELECT '{self.name}', m.{_column(Meeting, 'slug')}, m.{_column(Meeting, 'title_ru')}, "
            f"m.{_column(Meeting, 'title_en')}, c.n FROM (SELECT meeting_id, COUNT(*) AS n FROM base "
            f"WHERE meeting_id IS NOT NULL GROUP BY meeting_id) c JOIN {_table(Meeting)} m ON m.id = c.meeting_id "
            f"WHERE m.id IN ({meetings_sql}) ORDER BY 5 DESC, 2 LIMIT {TOP}",
            list(meetings_params),
        )


class LinkedFacet(FacetDefinition):
    """Rows linked to the document (states, organisations): the TOP most frequent."""

    def __init__(self, name, label, through, target: str):
        super().__init__(name, label)
        self.through, self.target = through, target
        self.model = through._meta.get_field(target).related_model

    def count(self, queryset, chosen, request=None):
        target = self.target
        rows = (
            self.through.objects.filter(document_id__in=queryset.order_by().values("pk"))
            .values(f"{target}__slug", f"{target}__name_ru", f"{target}__name_en")
            .annotate(count=Count("document_id"))
            .order_by(_chosen_first(f"{target}__slug", chosen), "-count", f"{target}__slug")[:TOP]
        )
        return [
            self.option(row[f"{target}__slug"], row[f"{target}__name_ru"], row[f"{target}__name_en"], row["count"])
            for row in rows
        ]

    def sql(self, request, strategy):
        key = _column(self.through, self.target)
        model = self.model
        # Counting by id first and naming the few groups afterwards keeps the names out of the aggregates.
        return (
            f"SELECT '{self.name}', t.{_column(model, 'slug')}, t.{_column(model, 'name_ru')}, "
            f"t.{_column(model, 'name_en')}, c.n FROM ({_counted(key, _table(self.through), strategy)}) c "
            f"JOIN {_table(model)} t ON t.id = c.{key} ORDER BY 5 DESC, 2 LIMIT {TOP}",
            [],
        )


class FileLanguageFacet(FacetDefinition):
    """The languages of the files the reader may download: the most frequent first."""

    sort_key = staticmethod(lambda option: (-option.count, option.value))

    def option(self, value, label_ru, label_en, count):
        return FacetOption(value, str(dict(DocumentFile.Language.choices).get(value, value)), count)

    def count(self, queryset, chosen, request=None):
        rows = (
            downloadable_files(request)
            .filter(document_id__in=queryset.order_by().values("pk"))
            .values("language")
            .annotate(count=Count("document_id"))
            .order_by("-count", "language")
        )
        return [self.option(row["language"], None, None, row["count"]) for row in rows]

    def sql(self, request, strategy):
        if strategy == DIFFERENCE:
            files = downloadable_files(request).order_by().values("document_id", "language")
            files_sql, files_params = files.query.sql_with_params()
            counted = _counted("language", f"({files_sql})", strategy)
            params = list(files_params) * _placeholders(strategy)
        else:
            # Each matching document's files, the audience checked against the meeting `base` carries:
            # reaching it through the files' documents hashed the whole archive (50–60 ms on the bench).
            files = (
                DocumentFile.objects.annotate(
                    of_match=RawSQL("base.pk", ()), match_meeting=RawSQL("base.meeting_id", ())
                )
                .filter(document_id=F("of_match"))
                .downloadable_by(reader(request), meeting_field="match_meeting")
                .order_by()
                .values("language")
            )
            files_sql, files_params = files.query.sql_with_params()
            counted = (
                f"SELECT l.language, COUNT(*) AS n FROM base CROSS JOIN LATERAL ({files_sql}) l GROUP BY l.language"
            )
            params = list(files_params)
        return f"SELECT '{self.name}', c.language, NULL::text, NULL::text, c.n FROM ({counted}) c", params


FACETS = [
    ChoiceFacet("kind", _("Kind"), Document.Kind.choices),
    YearFacet("year", _("Year")),
    MeetingFacet("meeting", _("Meeting")),
    LinkedFacet("state", _("State"), Document.states.through, "state"),
    LinkedFacet("organisation", _("Organisation"), Document.organisations.through, "organisation"),
    FileLanguageFacet("language", _("Language of the files")),
]
BY_NAME = {facet.name: facet for facet in FACETS}


def toggle_url(params, name: str, value: str) -> str:
    """The current query string with one facet value switched on or off (and back to page 1)."""
    params = params.copy()
    values = params.getlist(name)
    params.setlist(name, [item for item in values if item != value] if value in values else [*values, value])
    params.pop("page", None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


# The columns of `base`, the matching documents every facet's branch reads.
BASE_COLUMNS = ("pk", "kind", "date", "meeting_id")
# The name of the shared statement's row that carries a search's first ranked ids (no facet's name).
RANKED = ""


def _shared_counts(
    queryset, names: list[str], request, strategy: str = DIRECT, ranking=None
) -> dict[str, list[FacetOption]]:
    """PostgreSQL: several facets over the same documents in one statement, the documents found once.

    Each facet would otherwise repeat the whole search (the GIN scan and the visibility checks).
    `strategy` says how the linked facets count (see _counted). With `ranking` (a search's
    RankedEntries over the same matches), `base` is its matches with their rank, and the same
    statement also gives the first ranked ids and the total, kept in `ranking` for the paginator
    (search.engine.CountingPaginator): a cold search then reads its matches once.
    """
    if ranking is not None:
        # Named here: the entries' id is document_id, the rank the last column (RankedEntries.base).
        base_sql, base_params = ranking.base("kind", "meeting_id")
        base = "base (pk, kind, meeting_id, date, rank)"
    else:
        if queryset.model is Document:
            queryset = queryset.values_list(*BASE_COLUMNS)
        base_sql, base_params = queryset.order_by().query.sql_with_params()
        base = "base"  # the columns keep the names the query gives them (annotations may come first)
    branches = [BY_NAME[name].sql(request, strategy) for name in names]
    if ranking is not None:
        first_rows = ranking.first_rows_sql("base", "pk", CountingPaginator.SHARED)
        branches.append(
            (f"SELECT '{RANKED}', ids, NULL::text, NULL::text, total FROM ({first_rows}) AS ranked(ids, total)", [])
        )
    ctes = f"WITH {base} AS MATERIALIZED ({base_sql})"
    if strategy == EITHER:
        everything = f"(SELECT COUNT(*) FROM {_table(Document)})"
        ctes += f", size AS MATERIALIZED (SELECT COUNT(*) * 2 > {everything} AS most FROM base)"
    if strategy != DIRECT:
        ctes += (
            f", hidden AS MATERIALIZED (SELECT array_agg(d.id) AS ids FROM {_table(Document)} d "
            "WHERE NOT EXISTS (SELECT 1 FROM base WHERE base.pk = d.id))"
        )
    sql = f"{ctes} " + " UNION ALL ".join(f"({branch_sql})" for branch_sql, _params in branches)
    params = [*base_params]
    for _sql, branch_params in branches:
        params += branch_params
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    options = {name: [] for name in names}
    for name, value, label_ru, label_en, count in rows:
        if name == RANKED:
            ranking.keep_first_rows(value, count, CountingPaginator.SHARED)
        else:
            options[name].append(BY_NAME[name].option(value, label_ru, label_en, count))
    for name in names:
        if BY_NAME[name].sort_key is not None:
            options[name].sort(key=BY_NAME[name].sort_key)
    return options


def document_facets(filterset, params, ranking=None) -> list[Facet]:
    """Facets for a valid DocumentFilter; `params` is the request's QueryDict.

    The counts are shared by every request for the same list and reader's rule until content
    changes (core.pagecache.remember): paging and re-sorting a search do not count it again.
    With `ranking` (the list's documents.search.indexed_ranking), counting them also reads its
    first ranked ids (see _shared_counts), so ask for the facets before the page.
    """
    chosen_values = {facet.name: [value for value in params.getlist(facet.name) if value] for facet in FACETS}
    counted = remember(
        f"facets:{shared_as_listed(filterset.request, 'page', 'sort')}",
        lambda: _facet_options(filterset, chosen_values, ranking),
    )
    facets = []
    for definition in FACETS:
        options = [replace(option) for option in counted[definition.name]]
        for option in options:
            option.selected = option.value in chosen_values[definition.name]
            option.url = toggle_url(params, definition.name, option.value)
        if options:
            facets.append(Facet(definition.name, definition.label, options))
    return facets


def _facet_options(filterset, chosen_values: dict[str, list[str]], ranking=None) -> dict[str, list[FacetOption]]:
    """Each facet's options with their counts, by facet name."""
    # A facet with nothing chosen counts exactly the current results; those can share one statement.
    shared_names = [name for name, values in chosen_values.items() if not values]
    shared = {}
    if connection.vendor == "postgresql" and len(shared_names) > 1:
        # A search is found in the search index alone, with the reader's rule (see documents.search).
        matches = indexed_matches(filterset)
        base = filterset.qs if matches is None else matches.values_list("pk", "kind", "date", "meeting_id")
        if not any(bool(value) for value in filterset.form.cleaned_data.values()):
            strategy = DIFFERENCE  # the list as first opened: nearly the whole archive
        else:
            strategy = EITHER if filterset.query else DIRECT
        # The ranking reads the same matches (documents.search.indexed_ranking): one statement for both.
        ranking = ranking if matches is not None else None
        shared = _shared_counts(base, shared_names, filterset.request, strategy, ranking)
    return {
        definition.name: shared[definition.name]
        if definition.name in shared
        else definition.count(
            filterset.queryset_without(definition.name), chosen_values[definition.name], filterset.request
        )
        for definition in FACETS
    }
