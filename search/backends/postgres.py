"""PostgreSQL full-text search over the lemma vectors of search.SearchEntry.

The query is read by search.query.parse() (lemmas, web-search syntax, bounds) and written as a
tsquery over lemmas in the `simple` configuration, which keeps them as they are. Expansions (`also`)
are alternatives to the whole query; exact matches rank above every match found by an expansion only.
"""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, FloatField, Q, TextField, Value, When
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.lemmas import form_stems
from search.models import SearchEntry
from search.query import ParsedQuery, Term, parse
from search.sorting import ordering, sql_ordering

# ts_headline marks matches with these; the text never contains them (search.indexing strips them),
# so the headline can be escaped as a whole and the markers turned into <mark> afterwards.
START, STOP = "\ue000", "\ue001"
# ts_rank is at most 1: an exact match's bonus puts it above any match found by an expansion only,
# whose own rank counts a tenth.
EXACT_BONUS = 2.0
EXPANSION_WEIGHT = 0.1


def _lexeme(lemma: str) -> str:
    # Lemmas are letters and digits only (search.lemmas.WORD_RE); quoted all the same.
    return "'" + lemma.replace("'", "''").replace("\\", "\\\\") + "'"


def _term(term: Term, loose: bool = False) -> str:
    text = (" & " if loose else " <-> ").join(_lexeme(lemma) for lemma in term.lemmas)
    if len(term.lemmas) > 1:
        text = f"({text})"
    return f"!{text}" if term.negated else text


def _raw(text: str) -> SearchQuery:
    if not text:  # the empty tsquery, which matches nothing (to_tsquery would call it a syntax error)
        return SearchQuery("", config="simple", search_type="plain")
    return SearchQuery(text, config="simple", search_type="raw")


def exact_query(parsed: ParsedQuery) -> SearchQuery:
    clauses = ["(" + " | ".join(_term(term) for term in clause) + ")" for clause in parsed.clauses]
    return _raw(" & ".join(clauses))


def expansion_query(parsed: ParsedQuery) -> SearchQuery | None:
    return _raw(" | ".join(_term(term) for term in parsed.also)) if parsed.also else None


def lemma_query(parsed: ParsedQuery) -> SearchQuery:
    """What matches: the query, or any of its expansions (a query without words matches nothing)."""
    exact = exact_query(parsed)
    expansion = expansion_query(parsed)
    return exact if expansion is None or parsed.is_empty else exact | expansion


def web_query(query: str, also=()) -> SearchQuery:
    return lemma_query(parse(query, also))


def _exact_ids(parsed: ParsedQuery):
    return SearchEntry.objects.filter(lemma_vector=exact_query(parsed)).values("document_id")


def match_q(parsed: ParsedQuery, vector: str, id_field: str) -> Q:
    """The entries matching lemma_query(parsed): `vector` names the lemma vector, `id_field` the document id.

    A multi-word expansion is a phrase ("labour migration": 'labour' <-> 'migrat'), which the GIN
    index cannot check: with one in the query, PostgreSQL re-read every candidate's whole vector
    from TOAST, the exact matches' too (250–330 ms instead of 115–155 ms for «трудовой миграции» on
    the 100,000-document bench). So the index is asked for the query or the expansions' words in
    any order, which it answers alone, and only the candidates that are not exact matches (the
    hashed ids, as in rank_expression) have their phrase checked. The same entries match.
    """
    exact = exact_query(parsed)
    expansion = expansion_query(parsed)
    if expansion is None or parsed.is_empty:
        return Q(**{vector: exact})
    if all(len(term.lemmas) == 1 for term in parsed.also):
        return Q(**{vector: exact | expansion})
    loose = _raw(" | ".join(_term(term, loose=True) for term in parsed.also))
    exact_ids = Q(**{f"{id_field}__in": _exact_ids(parsed)})
    return Q(**{vector: exact | loose}) & (exact_ids | Q(**{vector: expansion}))


# A query without words matches through the empty tsquery, which matches nothing: the queryset stays
# one that SQL can be written for (documents.facets and RankedEntries build on it), unlike none().
def match(queryset, query: str, also=()):
    return queryset.filter(match_q(parse(query, also), "search_entry__lemma_vector", "pk"))


def rank_expression(parsed: ParsedQuery, id_field: str):
    """The rank of a match (see EXACT_BONUS); `id_field` names the document id in the queryset ranked."""
    exact = exact_query(parsed)
    rank_vector = F("rank_vector" if id_field == "document_id" else "search_entry__rank_vector")
    rank = SearchRank(rank_vector, exact)
    expansion = expansion_query(parsed)
    if expansion is None:
        return rank
    # The exact matches are read from the index once (a hashed subplan), not from each match's vector.
    exact_ids = _exact_ids(parsed)
    bonus = Case(
        When(**{f"{id_field}__in": exact_ids}, then=Value(EXACT_BONUS)), default=Value(0.0), output_field=FloatField()
    )
    return rank + bonus + SearchRank(rank_vector, expansion) * Value(EXPANSION_WEIGHT)


def rank(queryset, query: str, also=(), sort: str | None = None):
    # Title hits above summary hits above text-only hits (rank 0, newest first): see SearchEntry.rank_vector.
    ranking = rank_expression(parse(query, also), "pk")
    return queryset.annotate(rank=ranking).order_by(*ordering(sort), "pk")


class RankedEntries:
    """Matching SearchEntry rows in rank() order, read a page at a time with the total.

    The rank is computed below the window that counts (OFFSET 0 keeps PostgreSQL from flattening
    the subquery), so the window buffers ids, dates and ranks, not every match's ranking vector:
    at 73,000 matches that buffer otherwise spills to disk and doubles the time.

    A caller that reads the matches anyway (documents.facets counts them) can have the first rows
    in the same statement: it reads base() once as a CTE, adds first_rows_sql() over it and hands
    the result to keep_first_rows(); rows() then answers from them without searching again.
    """

    def __init__(self, entries, query: str, also=(), sort: str | None = None):
        self.keys = ordering(sort)
        self.order = sql_ordering((*self.keys, "document_id"))
        ranking = rank_expression(parse(query, also), "document_id")
        self.ranked = entries.order_by().annotate(rank=ranking)
        self.sql, self.params = self.ranked.values_list("document_id", "date", "rank").query.sql_with_params()
        self.first: list[tuple[int, int]] | None = None
        self.first_limit = 0

    def rows(self, offset: int, limit: int) -> list[tuple[int, int]]:
        """(document id, total number of matches) for `limit` matches from `offset`."""
        if self.first is not None and offset == 0 and limit <= self.first_limit:
            return self.first[:limit]
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

    # The columns of base(), in order: the document id, the entry's `columns`, its date and rank.
    def base(self, *columns: str) -> tuple[str, list]:
        """The matches as SQL: (document id, `columns` of the entry, date, rank), to be read as one CTE."""
        sql, params = self.ranked.values_list("document_id", *columns, "date", "rank").query.sql_with_params()
        return sql, list(params)

    def first_rows_sql(self, base: str, pk: str, limit: int) -> str:
        """One row over the CTE `base` (base()'s columns, the id named `pk`): the ids of its first `limit`
        matches in rank() order, comma-separated, and the number of all its matches."""
        order = sql_ordering((*self.keys, pk))
        return (
            f"SELECT string_agg(CAST({pk} AS text), ',' ORDER BY {order}), (SELECT COUNT(*) FROM {base}) "
            f"FROM (SELECT {pk}, date, rank FROM {base} ORDER BY {order} LIMIT {int(limit)}) AS first_rows"
        )

    def keep_first_rows(self, ids: str | None, total: int, limit: int) -> None:
        """Keep the row of first_rows_sql(..., limit): rows() answers from it up to `limit` rows from the start."""
        self.first = [(int(pk), total) for pk in ids.split(",")] if ids else []
        self.first_limit = limit


def rank_entries(entries, query: str, also=(), sort: str | None = None) -> RankedEntries:
    return RankedEntries(entries, query, also, sort)


def public_entries(rule, query: str, also=()):
    return SearchEntry.objects.filter(rule, match_q(parse(query, also), "lemma_vector", "document_id"))


def safe_headline(headline: str) -> SafeString:
    return mark_safe(escape(headline).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


def highlight_query(parsed: ParsedQuery) -> SearchQuery:
    """The Snowball stems of every form of the wanted lemmas (search.lemmas.form_stems).

    ts_headline parses the text with the Russian configuration, which stems (Latin words with
    english_stem): a word is marked when its stem is one of these.
    """
    stems = sorted({stem for lemma in parsed.positive_lemmas for stem in form_stems(lemma)})
    return _raw(" | ".join(_lexeme(stem) for stem in stems))


def headline(expression, parsed: ParsedQuery) -> SearchHeadline:
    """The highlighted passage of a text expression: every wanted form's stem marked (see highlight_query)."""
    return SearchHeadline(
        expression,
        highlight_query(parsed),
        config="russian",
        start_sel=START,
        stop_sel=STOP,
        max_words=35,
        min_words=15,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def snippet_function(query: str, also=()):
    parsed = parse(query, also)

    def snippets(documents) -> dict[int, SafeString]:
        ids = [document.pk for document in documents]
        if not ids:
            return {}
        headlines = (
            SearchEntry.objects.filter(document_id__in=ids)
            .order_by()
            .annotate(headline=headline(Concat("summary", Value("\n\n"), "body", output_field=TextField()), parsed))
            .values_list("document_id", "headline")
        )
        return {pk: safe_headline(headline.strip()) for pk, headline in headlines}

    return snippets
