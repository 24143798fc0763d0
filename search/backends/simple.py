"""Search without PostgreSQL: Snowball stems stored between spaces, matched with LIKE."""

from functools import reduce
from operator import and_, or_

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.models import SearchEntry
from search.query import Term, parse
from search.sorting import ordering
from search.stemming import WORD_RE, stem

# How far into a long text a snippet may look for the first matching word.
MAX_SCAN_CHARS = 200_000
SNIPPET_WORDS = 40
WORDS_BEFORE_MATCH = 12


def _term_q(term: Term, field: str) -> Q:
    condition = Q(**{f"{field}__contains": f" {' '.join(term.stems)} "})
    return ~condition if term.negated else condition


def match(queryset, query: str):
    parsed = parse(query)
    if parsed.is_empty:
        return queryset.none()
    clauses = [reduce(or_, (_term_q(term, "search_entry__stems") for term in clause)) for clause in parsed.clauses]
    return queryset.filter(search_entry__isnull=False).filter(reduce(and_, clauses))


def rank(queryset, query: str, sort: str | None = None):
    """Documents with a query word in the title first, then the newest (or in the order `sort` asks)."""
    stems = parse(query).positive_stems
    if not stems:
        return queryset.order_by(*ordering(sort, rank=None), "pk")
    in_title = reduce(or_, (Q(search_entry__title_stems__contains=f" {stem} ") for stem in sorted(stems)))
    return queryset.annotate(
        title_hit=Case(When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField())
    ).order_by(*ordering(sort, rank="title_hit"), "pk")


def highlight(text: str, wanted: set[str]) -> SafeString:
    """A passage of `text` around the first wanted word, escaped, with wanted words in <mark>."""
    tokens = list(WORD_RE.finditer(text[:MAX_SCAN_CHARS]))
    if not tokens:
        return SafeString("")
    first = next((index for index, token in enumerate(tokens) if stem(token.group()) in wanted), 0)
    begin = max(0, first - WORDS_BEFORE_MATCH)
    shown = tokens[begin : begin + SNIPPET_WORDS]
    start, end = shown[0].start(), shown[-1].end()
    pieces = ["… " if start > 0 else ""]
    position = start
    for token in shown:
        if stem(token.group()) in wanted:
            pieces.append(escape(text[position : token.start()]))
            pieces.append(f"<mark>{escape(token.group())}</mark>")
            position = token.end()
    pieces.append(escape(text[position:end]))
    pieces.append(" …" if end < len(text) else "")
    return mark_safe(" ".join("".join(pieces).split()))  # noqa: S308 (every piece of text is escaped above)


def snippet_function(query: str):
    wanted = parse(query).positive_stems

    def snippets(documents) -> dict[int, SafeString]:
        ids = [document.pk for document in documents]
        entries = SearchEntry.objects.filter(document_id__in=ids).values_list("document_id", "summary", "body")
        return {pk: highlight(f"{summary}\n\n{body}".strip(), wanted) for pk, summary, body in entries}

    return snippets
