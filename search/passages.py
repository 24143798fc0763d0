"""Passages: the engine's matching and highlighting for texts other than a search entry.

A search entry says which documents match; an app sometimes needs to know which part of a
document does (which page of a file, which language version). It passes a queryset and the name
of its text field or a text expression; the engine matches and highlights it as it does entries:
on PostgreSQL with the configurations of search.indexing and ts_headline, elsewhere with Snowball
stems in Python. Like the rest of the engine it knows no app.
"""

import operator
from dataclasses import dataclass
from functools import reduce

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchVector
from django.db import connection
from django.utils.safestring import SafeString

from search.backends.postgres import START, STOP, safe_headline, web_query
from search.backends.simple import MAX_SCAN_CHARS, highlight
from search.indexing import CONFIGURATIONS
from search.query import parse
from search.stemming import stems


def uses_postgresql() -> bool:
    return connection.vendor == "postgresql"


def index_passages(queryset, text: str = "text", vector: str = "vector") -> None:
    """Store the full-text vector of each row's passage (PostgreSQL; elsewhere the text is matched as is)."""
    if uses_postgresql():
        queryset.update(**{vector: reduce(operator.add, (SearchVector(text, config=c) for c in CONFIGURATIONS))})


def _wanted(query: str) -> set[str]:
    return parse(query).positive_stems


def matching_passages(queryset, query: str, first_of: str = "", vector: str = "vector", text: str = "text") -> list:
    """The rows of `queryset` whose passage matches the query, in the queryset's order.

    On PostgreSQL the stored `vector` field is matched; elsewhere the `text` field's stems. With
    `first_of` (a field the queryset is ordered by first) only the first match of each value is kept.
    """
    if uses_postgresql():
        matches = queryset.filter(**{vector: web_query(query)})
        return list(matches.distinct(first_of) if first_of else matches)
    wanted = _wanted(query)
    rows, seen = [], set()
    for row in queryset:
        key = getattr(row, first_of) if first_of else object()
        if key not in seen and wanted & set(stems(getattr(row, text))):
            rows.append(row)
            seen.add(key)
    return rows


@dataclass(frozen=True)
class Highlight:
    html: SafeString
    matched: bool  # whether a query word is marked in it


def headline_expression(expression, query: str):
    """An annotation: the highlighted passage of a text expression (read it with read_headline)."""
    return SearchHeadline(
        expression,
        # As in search.backends.postgres.snippet_function: the Russian configuration stems Latin words too.
        SearchQuery(query, config="russian", search_type="websearch"),
        config="russian",
        start_sel=START,
        stop_sel=STOP,
        max_words=35,
        min_words=15,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def read_headline(headline: str | None) -> Highlight:
    headline = (headline or "").strip()
    return Highlight(safe_headline(headline), START in headline)


def highlight_text(text: str, query: str) -> Highlight:
    """The passage of `text` around the query's first word, without PostgreSQL."""
    wanted = _wanted(query)
    return Highlight(highlight(text.strip(), wanted), bool(wanted & set(stems(text[:MAX_SCAN_CHARS]))))
