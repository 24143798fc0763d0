"""Searches answered from the search index alone (PostgreSQL), for every reader.

A search that matches most of the archive spends its time joining every match to its document
and meeting to check who may see it. Document.visible_q(user) reads only the document's own
columns (publication, audience, meeting id) and small uncorrelated subqueries (the published
meetings; for a delegate, the meetings their state was invited to or attended), so the same rule
is checked on the copies kept in the search index (search.models.SearchEntry), and matching,
counting and ranking touch one table: for anonymous readers, delegates and staff alike (staff's rule
admits every entry).

The rule is the archive's, passed to the engine (search.engine.public_entries), which knows none.
The documents shown are still read through the reader's Document queryset (see
search.pagination.CountingPaginator), so a stale copy could at worst miscount, never show a
hidden document; documents.indexing keeps the copies current.
"""

import json

from django.db.models import Q

from core.i18n import current_language
from documents.filters import reader
from documents.models import Document
from search import engine


def sees_public_only(user) -> bool:
    """Whether Document.visible_q(user) is the public rule: published, public, of a public meeting."""
    return Document.shows_only_public_to(user)


def entry_q(user) -> Q:
    """Document.visible_q(user), built by the same function on SearchEntry's copies of the document's fields."""
    return Document.visible_q(user)


def _other_filters(filterset) -> bool:
    # An unused meeting/state filter cleans to an empty queryset, falsy like the other empty values.
    return any(bool(value) for name, value in filterset.form.cleaned_data.items() if name not in ("q", "sort"))


def indexed_matches(filterset):
    """The entries of a valid DocumentFilter's documents, or None when that needs the join.

    Only for a query, on PostgreSQL. Other filters (kind, year, states…) are applied through the
    documents they leave: rarer, and narrower.
    """
    query = filterset.query
    if not query or not engine.ranks_in_index():
        return None
    entries = engine.public_entries(entry_q(reader(filterset.request)), query, filterset.expansion.also)
    if _other_filters(filterset):
        entries = entries.filter(document_id__in=filterset.queryset_without("q").order_by().values("pk"))
    return entries


def indexed_ranking(filterset):
    """indexed_matches() in the order of search.engine.rank(), or None."""
    entries = indexed_matches(filterset)
    if entries is None:
        return None
    return engine.rank_entries(entries, filterset.query, filterset.expansion.also, filterset.sort_order)


def indexed_search_ranking(query: str, user, also=(), sort: str | None = None):
    """The ranking for the site-wide search box (no other filters), or None; `also`: the query's expansions."""
    if not query or not engine.ranks_in_index():
        return None
    return engine.rank_entries(engine.public_entries(entry_q(user), query, also), query, also, sort)


def shared_as(user, *parts) -> str:
    """The name a search's results are shared under (core.pagecache.remember): the reader's rule,
    the language (labels, expansions) and `parts`, everything else the results depend on."""
    return json.dumps([Document.rule_key(user), current_language(), *parts], ensure_ascii=False, default=str)


def shared_as_listed(request, *ignored: str) -> str:
    """shared_as() for a list whose results are its query string, less the parameters `ignored`."""
    params = sorted((name, sorted(values)) for name, values in request.GET.lists() if name not in ignored)
    return shared_as(request.user, request.path, params)
