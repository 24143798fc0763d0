"""The search engine's one door: everything the apps above it call, and nothing else.

The engine knows search entries (search.models.SearchEntry, one per document), how to fill them
(texts, lemmas, vectors), how to match, rank and highlight a query on PostgreSQL (full text over
lemmas) or elsewhere (lemmas between spaces), and how to page through ranked matches. It knows no rule about who may
see what: the caller passes its rule in (see public_entries) and reads the page's objects through
its own visibility rules. It imports no app above core.

    documents.indexing  → COPIED_FIELDS, index_entry, index_entries, entry_fields, entry_values,
                          orphan_entries, entries_without_lemmas, delete_entries, clear_index,
                          tidy_index (rebuild_search_index, check_search_index)
    documents.filters   → match
    documents.archive   → rank, snippets, CountingPaginator
    documents.search    → ranks_in_index, public_entries, rank_entries
    pages.search        → search_documents, snippets, CountingPaginator, and text_q (the simpler
                          search over the titles and summaries of other content)
    documents.hits      → matching_passages, headline_expression, read_headline,
                          highlight_text (which page, which language version matches: search.passages)

Every search function takes `also`: expansions (each a word or a multi-word term, plain text, not
web-search syntax) searched as alternatives to the query and ranked below its exact matches; the
snippets mark them too. parse_query() tells a page what the bounds left out (too many words or
expansions, stop words only, a query cut at MAX_QUERY_CHARS): see search.query.
"""

from collections.abc import Sequence

from django.db import connection
from django.db.models import Q

from search.backends import match_documents as match
from search.backends import order_by_relevance as rank
from search.backends import postgres, search_documents
from search.backends import snippet_function as snippets
from search.backends.postgres import rank_entries
from search.indexing import COPIED_FIELDS, delete_entries, entry_fields, entry_values, save_entries, save_entry
from search.models import SearchEntry
from search.pagination import CountingPaginator
from search.passages import headline_expression, highlight_text, index_passages, matching_passages, read_headline
from search.query import MAX_ALSO, MAX_LEMMAS, MAX_QUERY_CHARS, ParsedQuery, text_q
from search.query import parse as parse_query
from search.sorting import Sort, ordering

__all__ = [
    "COPIED_FIELDS",
    "MAX_ALSO",
    "MAX_LEMMAS",
    "MAX_QUERY_CHARS",
    "ParsedQuery",
    "CountingPaginator",
    "Sort",
    "clear_index",
    "tidy_index",
    "delete_entries",
    "entries_without_lemmas",
    "entry_fields",
    "entry_values",
    "headline_expression",
    "highlight_text",
    "index_entries",
    "index_entry",
    "index_passages",
    "match",
    "ordering",
    "matching_passages",
    "orphan_entries",
    "parse_query",
    "public_entries",
    "rank",
    "rank_entries",
    "read_headline",
    "ranks_in_index",
    "search_documents",
    "snippets",
    "text_q",
]


def index_entry(document_id: int, titles, summaries, texts, copies: dict, create: bool = True) -> bool:
    """Store one document's entry; with create=False only refresh an existing one."""
    return save_entry(document_id, entry_fields(titles, summaries, texts, copies), create=create)


def index_entries(rows) -> int:
    """Store many entries at once: rows of (document id, titles, summaries, texts, copies)."""
    fields = {pk: entry_fields(titles, summaries, texts, copies) for pk, titles, summaries, texts, copies in rows}
    save_entries(fields)
    return len(fields)


def ranks_in_index() -> bool:
    """Whether a search can be matched, counted and ranked in the index alone (PostgreSQL)."""
    return connection.vendor == "postgresql"


def public_entries(rule: Q, query: str, also: Sequence[str] = ()):
    """Entries matching `query` (or one of `also`) among those `rule` (a Q over the copied fields) admits.

    The rule is the caller's: the engine does not know who may see what (see documents.search).
    PostgreSQL only (see ranks_in_index).
    """
    return postgres.public_entries(rule, query, also)


def entries_without_lemmas() -> list[int]:
    """Ids of entries written before lemmas (search 0004 fills them; rebuild_search_index does too).

    PostgreSQL: no lemma vector. Elsewhere an old entry holds stems where lemmas belong, which
    documents.indexing finds by comparing title_stems (see COMPARED there).
    """
    if connection.vendor != "postgresql":
        return []
    return list(SearchEntry.objects.filter(lemma_vector__isnull=True).values_list("document_id", flat=True))


def orphan_entries(existing) -> list[int]:
    """Ids of entries whose document is not among `existing` (a queryset of ids)."""
    return list(SearchEntry.objects.exclude(document_id__in=existing).values_list("document_id", flat=True))


def clear_index() -> None:
    SearchEntry.objects.all().delete()


def tidy_index() -> bool:
    """VACUUM ANALYZE the index after a whole rebuild (PostgreSQL, outside a transaction); whether it ran.

    A rebuild deletes every entry, inserts it again and then writes its vectors: it leaves four dead
    row versions per entry, which every search then wades through (its GIN index returns them, its
    bitmap scans visit their pages) until autovacuum comes. On the 100,000-document bench a delegate's
    search took 500 ms instead of 95 ms right after a rebuild.
    """
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return False
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(SearchEntry._meta.db_table)}")
    return True
