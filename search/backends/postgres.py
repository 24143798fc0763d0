"""PostgreSQL full-text search over the weighted vectors of search.SearchEntry."""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import F, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.indexing import CONFIGURATIONS
from search.models import SearchEntry

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


def rank(queryset, query: str):
    # Title hits above summary hits above text-only hits (rank 0, newest first): see SearchEntry.rank_vector.
    return queryset.annotate(rank=SearchRank(F("search_entry__rank_vector"), web_query(query))).order_by(
        "-rank", "-date", "pk"
    )


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
                    web_query(query),
                    # The Russian configuration stems Latin words with english_stem too.
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
