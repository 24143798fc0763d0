"""Search without PostgreSQL: lemmas (search.lemmas) stored between spaces, matched with LIKE.

Expansions (`also`) are alternatives to the whole query, ranked below its exact matches.
"""

from functools import reduce
from operator import and_, or_

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.lemmas import PART_RE, lemma
from search.models import SearchEntry
from search.query import ParsedQuery, Term, parse
from search.sorting import ordering

# How far into a long text a snippet may look for the first matching word.
MAX_SCAN_CHARS = 200_000
SNIPPET_WORDS = 40
WORDS_BEFORE_MATCH = 12


def _term_q(term: Term, field: str) -> Q:
    condition = Q(**{f"{field}__contains": f" {' '.join(term.lemmas)} "})
    return ~condition if term.negated else condition


def exact_q(parsed: ParsedQuery, field: str = "search_entry__stems") -> Q:
    return reduce(and_, (reduce(or_, (_term_q(term, field) for term in clause)) for clause in parsed.clauses))


def match(queryset, query: str, also=()):
    parsed = parse(query, also)
    if parsed.is_empty:
        return queryset.none()
    condition = reduce(or_, (_term_q(term, "search_entry__stems") for term in parsed.also), exact_q(parsed))
    return queryset.filter(search_entry__isnull=False).filter(condition)


def _flag(condition: Q):
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def rank(queryset, query: str, also=(), sort: str | None = None):
    """Exact matches first (when there are expansions), then those with a wanted word in the title, then the
    newest; or in the order `sort` asks, with that relevance as the tie-breaker."""
    parsed = parse(query, also)
    lemmas = parsed.positive_lemmas
    if parsed.is_empty or not lemmas:
        return queryset.order_by(*ordering(sort, rank=None), "pk")
    in_title = reduce(or_, (Q(search_entry__title_stems__contains=f" {found} ") for found in sorted(lemmas)))
    relevance = _flag(in_title)
    if parsed.also:
        relevance = _flag(exact_q(parsed)) * 2 + relevance
    return queryset.annotate(relevance=relevance).order_by(*ordering(sort, rank="relevance"), "pk")


def highlight(text: str, wanted: set[str]) -> SafeString:
    """A passage of `text` around the first wanted word, escaped, with wanted words in <mark>."""
    tokens = list(PART_RE.finditer(text[:MAX_SCAN_CHARS]))
    if not tokens:
        return SafeString("")
    first = next((index for index, token in enumerate(tokens) if lemma(token.group()) in wanted), 0)
    begin = max(0, first - WORDS_BEFORE_MATCH)
    shown = tokens[begin : begin + SNIPPET_WORDS]
    start, end = shown[0].start(), shown[-1].end()
    pieces = ["… " if start > 0 else ""]
    position = start
    for token in shown:
        if lemma(token.group()) in wanted:
            pieces.append(escape(text[position : token.start()]))
            pieces.append(f"<mark>{escape(token.group())}</mark>")
            position = token.end()
    pieces.append(escape(text[position:end]))
    pieces.append(" …" if end < len(text) else "")
    return mark_safe(" ".join("".join(pieces).split()))  # noqa: S308 (every piece of text is escaped above)


def snippet_function(query: str, also=()):
    wanted = parse(query, also).positive_lemmas

    def snippets(documents) -> dict[int, SafeString]:
        ids = [document.pk for document in documents]
        entries = SearchEntry.objects.filter(document_id__in=ids).values_list("document_id", "summary", "body")
        return {pk: highlight(f"{summary}\n\n{body}".strip(), wanted) for pk, summary, body in entries}

    return snippets
