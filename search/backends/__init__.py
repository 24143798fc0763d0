"""Document search with one interface over two engines.

PostgreSQL gets full-text search (weighted vectors, ranking, ts_headline); any other database,
SQLite in particular, gets Snowball stems matched with LIKE. Both are reached through
search_documents(), which returns the matching documents in relevance order and a function
that gives highlighted snippets for a page of them.
"""

from collections.abc import Callable, Iterable

from django.db import connection
from django.db.models import QuerySet
from django.utils.safestring import SafeString

from search.backends import postgres, simple

SnippetFunction = Callable[[Iterable], dict[int, SafeString]]


def backend():
    return postgres if connection.vendor == "postgresql" else simple


def match_documents(queryset: QuerySet, query: str) -> QuerySet:
    """Only the documents that match the query, in the queryset's own order."""
    return backend().match(queryset, query)


def search_documents(queryset: QuerySet, query: str, sort: str | None = None) -> tuple[QuerySet, SnippetFunction]:
    """Matching documents, most relevant first, and a function from documents to their snippets."""
    engine = backend()
    return engine.rank(engine.match(queryset, query), query, sort), engine.snippet_function(query)


def order_by_relevance(queryset: QuerySet, query: str, sort: str | None = None) -> QuerySet:
    """Order documents that already match the query by relevance."""
    return backend().rank(queryset, query, sort)


def snippet_function(query: str) -> SnippetFunction:
    return backend().snippet_function(query)
