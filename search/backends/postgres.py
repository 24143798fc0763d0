"""PostgreSQL full-text search over the weighted vectors of search.SearchEntry."""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.indexing import CONFIGURATIONS
from search.models import SearchEntry
from search.sorting import ordering, sql_ordering

# ts_headline marks matches with these; the text never contains them (search.indexing strips them),
# so the headline can be escaped as a whole and the markers turned into <mark> afterwards.
START, STOP = "\ue000", "\ue001"


def web_query(query: str):
    """The query in every configuration, joined with ||: either language's forms match."""
    queries = [SearchQuery(query, config=config, search_type="websearch") for config in CONFIGURATIONS]
    combined = queries[0]
    for other in queries[1:]:
        combined = combined | other
    return combined


def match(queryset, query: str):
    return queryset.filter(search_entry__vector=web_query(query))


def rank(queryset, query: str, sort: str | None = None):
    # Title hits above summary hits above text-only hits (rank 0, newest first): see SearchEntry.rank_vector.
    return queryset.annotate(rank=SearchRank(F("search_entry__rank_vector"), web_query(query))).order_by(
        *ordering(sort), "pk"
    )


class RankedEntries:
    """Matching SearchEntry rows in rank() order, read a page at a time with the total.

    The rank is computed below the window that counts (OFFSET 0 keeps PostgreSQL from flattening
    the subquery), so the window buffers ids, dates and ranks, not every match's ranking vector:
    at 73,000 matches that buffer otherwise spills to disk and doubles the time.
    """

    def __init__(self, entries, query: str, sort: str | None = None):
        self.order = sql_ordering((*ordering(sort), "document_id"))
        ranked = entries.order_by().annotate(rank=SearchRank(F("rank_vector"), web_query(query)))
        self.sql, self.params = ranked.values_list("document_id", "date", "rank").query.sql_with_params()

    def rows(self, offset: int, limit: int) -> list[tuple[int, int]]:
        """(document id, total number of matches) for `limit` matches from `offset`."""
        sql = (
            f"SELECT document_id, total FROM (SELECT *, COUNT(*) OVER () AS total FROM ({self.sql} OFFSET 0) "
            f"AS matches) AS counted ORDER BY {self.order} LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*self.params, limit, offset])
            return cursor.fetchall()

    def count(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({self.sql}) AS matches", self.params)
            return cursor.fetchone()[0]


def rank_entries(entries, query: str, sort: str | None = None) -> RankedEntries:
    return RankedEntries(entries, query, sort)


def safe_headline(headline: str) -> SafeString:
    return mark_safe(escape(headline).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


def snippet_function(query: str):
    def snippets(documents) -> dict[int, SafeString]:
        ids = [document.pk for document in documents]
        if not ids:
            return {}
        headlines = (
            SearchEntry.objects.filter(document_id__in=ids)
            .order_by()
            .annotate(
                headline=SearchHeadline(
                    Concat("summary", Value("\n\n"), "body", output_field=TextField()),
                    # The text is parsed with the Russian configuration (which stems Latin words with
                    # english_stem too), so only that configuration's query can mark anything; the
                    # duplicate English half made phrase headlines twice as slow.
                    SearchQuery(query, config="russian", search_type="websearch"),
                    config="russian",
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=35,
                    min_words=15,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                )
            )
            .values_list("document_id", "headline")
        )
        return {pk: safe_headline(headline.strip()) for pk, headline in headlines}

    return snippets
