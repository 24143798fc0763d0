"""Document search with one interface over two engines.

PostgreSQL gets full-text search (weighted vectors, ranking, ts_headline); any other database,
SQLite in particular, gets lemmas matched with LIKE (both read queries with search.query). Both are reached through
search_documents(), which returns the matching documents in relevance order and a function
that gives highlighted snippets for a page of them.
"""

from collections.abc import Callable, Iterable, Sequence

from django.db import connection
from django.db.models import QuerySet
from django.utils.safestring import SafeString

from search.backends import postgres, simple

SnippetFunction = Callable[[Iterable], dict[int, SafeString]]


def backend():
    return postgres if connection.vendor == "postgresql" else simple


def match_documents(queryset: QuerySet, query: str, also: Sequence[str] = ()) -> QuerySet:
    """Only the documents that match the query (or one of its expansions), in the queryset's own order."""
    return backend().match(queryset, query, also)


def search_documents(
    queryset: QuerySet, query: str, also: Sequence[str] = (), sort: str | None = None
) -> tuple[QuerySet, SnippetFunction]:
    """Matching documents, most relevant first (or in the order `sort` asks), and their snippets' function.

    `also`: expansions (plain words or multi-word terms) searched as alternatives to the query and
    ranked below its exact matches; see search.query.
    """
    engine = backend()
    return engine.rank(engine.match(queryset, query, also), query, also, sort), engine.snippet_function(query, also)


def order_by_relevance(queryset: QuerySet, query: str, also: Sequence[str] = (), sort: str | None = None) -> QuerySet:
    """Order documents that already match the query by relevance (exact matches before expansions') or `sort`."""
    return backend().rank(queryset, query, also, sort)


def snippet_function(query: str, also: Sequence[str] = ()) -> SnippetFunction:
    """Highlighted passages marking every form of the query's words and of its expansions."""
    return backend().snippet_function(query, also)
