"""The simpler search over meetings, states, organisations and news: words in titles and summaries."""

from functools import reduce
from operator import and_, or_

from django.db.models import Q

from core.i18n import LANGUAGE_CODES
from meetings.models import Meeting
from pages.models import NewsItem
from participants.models import Organisation, State
from search.query import Term, parse

LIMIT = 10


def _in_both_languages(*fields: str) -> list[str]:
    return [f"{name}_{language}" for name in fields for language in LANGUAGE_CODES]


SECTIONS = {
    "meetings": (Meeting, _in_both_languages("title", "summary", "city")),
    "states": (State, _in_both_languages("name", "official_name", "profile")),
    "organisations": (Organisation, _in_both_languages("name", "acronym", "description")),
    "news": (NewsItem, _in_both_languages("title", "lead")),
}


def _stem_q(stem: str, fields: list[str]) -> Q:
    # A stem is the start of every form of its word, so a substring search finds all forms.
    # SQLite folds only Latin letters to lower case, hence the capitalised variant.
    variants = {stem, stem.capitalize()}
    return reduce(or_, (Q(**{f"{name}__icontains": variant}) for name in fields for variant in variants))


def _term_q(term: Term, fields: list[str]) -> Q:
    condition = reduce(and_, (_stem_q(stem, fields) for stem in term.stems))
    return ~condition if term.negated else condition


def text_q(query: str, fields: list[str]) -> Q | None:
    parsed = parse(query)
    if parsed.is_empty:
        return None
    return reduce(and_, (reduce(or_, (_term_q(term, fields) for term in clause)) for clause in parsed.clauses))


def visible(model, user):
    if model in (Meeting, NewsItem):
        return model.objects.visible_to(user)
    return model.objects.all()


def search_other_content(query: str, user) -> dict[str, list]:
    """Up to LIMIT meetings, states, organisations and news items matching the query."""
    results = {}
    for section, (model, fields) in SECTIONS.items():
        condition = text_q(query, fields)
        queryset = visible(model, user)
        if model is Meeting:
            queryset = queryset.select_related("process")
        results[section] = list(queryset.filter(condition)[:LIMIT]) if condition is not None else []
    return results
