"""Searches for the public reader answered from the search index alone (PostgreSQL).

A search that matches most of the archive spends its time joining every match to its document
and meeting to check who may see it. For readers who see only public documents (anonymous
visitors and accounts that are neither staff nor delegates) the same rule is checked on the copies
kept in the search index (search.models.SearchEntry), so matching, counting and ranking touch one
table. Staff and delegates, whose rules depend on meetings' participants, keep the join through
Document.objects.visible_to().

The rule is the archive's, passed to the engine (search.engine.public_entries), which knows none.
The documents shown are still read through the reader's Document queryset (see
search.pagination.CountingPaginator), so a stale copy could at worst miscount, never show a
hidden document; documents.indexing keeps the copies current.
"""

from django.db.models import Q

from documents.filters import reader
from documents.models import Document
from search import engine


def sees_public_only(user) -> bool:
    """Whether Document.visible_q(user) is the public rule: published, public, of a public meeting."""
    return Document.shows_only_public_to(user)


def public_entry_q() -> Q:
    """Document.public_q(), built by the same function on SearchEntry's copies of the document's fields."""
    return Document.public_q()


def _other_filters(filterset) -> bool:
    # An unused meeting/state filter cleans to an empty queryset, falsy like the other empty values.
    return any(bool(value) for name, value in filterset.form.cleaned_data.items() if name not in ("q", "sort"))


def public_matches(filterset):
    """The entries of a valid DocumentFilter's documents, or None when that needs the join.

    Only for a query, on PostgreSQL, for a reader who sees public documents only. Other filters
    (kind, year, states…) are applied through the documents they leave: rarer, and narrower.
    """
    query = filterset.query
    if not query or not engine.ranks_in_index() or not sees_public_only(reader(filterset.request)):
        return None
    entries = engine.public_entries(public_entry_q(), query, filterset.expansion.also)
    if _other_filters(filterset):
        entries = entries.filter(document_id__in=filterset.queryset_without("q").order_by().values("pk"))
    return entries


def public_ranking(filterset):
    """public_matches() in the order of search.engine.rank(), or None."""
    entries = public_matches(filterset)
    if entries is None:
        return None
    return engine.rank_entries(entries, filterset.query, filterset.expansion.also, filterset.sort_order)


def public_search_ranking(query: str, user, also=(), sort: str | None = None):
    """The ranking for the site-wide search box (no other filters), or None; `also`: the query's expansions."""
    if not query or not engine.ranks_in_index() or not sees_public_only(user):
        return None
    return engine.rank_entries(engine.public_entries(public_entry_q(), query, also), query, also, sort)
