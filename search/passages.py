"""Passages: the engine's matching and highlighting for texts other than a search entry.

A search entry says which documents match; an app sometimes needs to know which part of a
document does (which page of a file, which language version). It passes a queryset and the name
of its text field or a text expression; the engine matches and highlights it as it does entries:
on PostgreSQL with lemma vectors (search.lemmas, the `simple` configuration) and ts_headline,
elsewhere with the same lemmas in Python. Like the rest of the engine it knows no app.
"""

from dataclasses import dataclass

from django.db import connection
from django.utils.safestring import SafeString

from search.backends.postgres import START, headline, safe_headline, web_query
from search.backends.simple import MAX_SCAN_CHARS, highlight
from search.lemmas import lemma_list, lemmatise
from search.query import parse

ROWS_PER_STATEMENT = 200


def uses_postgresql() -> bool:
    return connection.vendor == "postgresql"


def index_passages(queryset, text: str = "text", vector: str = "vector") -> None:
    """Store the lemma vector of each row's passage (PostgreSQL; elsewhere the text is matched as is)."""
    if not uses_postgresql():
        return
    model = queryset.model
    table = connection.ops.quote_name(model._meta.db_table)
    pk = connection.ops.quote_name(model._meta.pk.column)
    column = connection.ops.quote_name(model._meta.get_field(vector).column)
    rows = list(queryset.order_by().values_list("pk", text))
    for start in range(0, len(rows), ROWS_PER_STATEMENT):
        chunk = rows[start : start + ROWS_PER_STATEMENT]
        params = [value for key, passage in chunk for value in (key, lemmatise(passage or ""))]
        values = ", ".join(["(%s::integer, %s::text)"] * len(chunk))
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} AS passage SET {column} = to_tsvector('simple', lemmas.text) "
                f"FROM (VALUES {values}) AS lemmas (id, text) WHERE passage.{pk} = lemmas.id",
                params,
            )


def _wanted(query: str, also=()) -> set[str]:
    return parse(query, also).positive_lemmas


def matching_passages(
    queryset, query: str, first_of: str = "", vector: str = "vector", text: str = "text", also=()
) -> list:
    """The rows of `queryset` whose passage matches the query (or an expansion), in the queryset's order.

    On PostgreSQL the stored `vector` field is matched; elsewhere the `text` field's lemmas. With
    `first_of` (a field the queryset is ordered by first) only the first match of each value is kept.
    """
    if uses_postgresql():
        matches = queryset.filter(**{vector: web_query(query, also)})
        return list(matches.distinct(first_of) if first_of else matches)
    wanted = _wanted(query, also)
    rows, seen = [], set()
    for row in queryset:
        key = getattr(row, first_of) if first_of else object()
        if key not in seen and wanted & set(lemma_list(getattr(row, text)[:MAX_SCAN_CHARS])):
            rows.append(row)
            seen.add(key)
    return rows


@dataclass(frozen=True)
class Highlight:
    html: SafeString
    matched: bool  # whether a query word is marked in it


def headline_expression(expression, query: str, also=()):
    """An annotation: the highlighted passage of a text expression (read it with read_headline)."""
    return headline(expression, parse(query, also))


def read_headline(headline: str | None) -> Highlight:
    headline = (headline or "").strip()
    return Highlight(safe_headline(headline), START in headline)


def highlight_text(text: str, query: str, also=()) -> Highlight:
    """The passage of `text` around the query's first word, without PostgreSQL."""
    wanted = _wanted(query, also)
    return Highlight(highlight(text.strip(), wanted), bool(wanted & set(lemma_list(text[:MAX_SCAN_CHARS]))))
