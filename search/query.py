"""A small reading of web-search syntax for the backend without PostgreSQL (and for short fields).

It follows websearch_to_tsquery closely enough for people: words must all match, "quoted words"
must match as a phrase, OR between two terms accepts either, and -word excludes.
"""

import re
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.db.models import Q

from search.stemming import STOP_WORDS, normalise, stem, words

TOKEN_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Term:
    stems: tuple[str, ...]  # more than one: a phrase, matched in order
    negated: bool = False


@dataclass
class ParsedQuery:
    # All clauses must hold; a clause holds when any of its terms does.
    clauses: list[list[Term]] = field(default_factory=list)

    @property
    def positive_stems(self) -> set[str]:
        return {stem for clause in self.clauses for term in clause if not term.negated for stem in term.stems}

    @property
    def is_empty(self) -> bool:
        return not self.clauses


def parse(query: str) -> ParsedQuery:
    parsed = ParsedQuery()
    join_next = False
    for match in TOKEN_RE.finditer(query):
        minus, phrase, bare = match.groups()
        if phrase is not None:
            negated, found = bool(minus), words(phrase)
            stems = tuple(stem(word) for word in found)
        else:
            if bare == "OR" or normalise(bare) == "or" and bare.isupper():
                join_next = bool(parsed.clauses)
                continue
            negated = bare.startswith("-") and len(bare) > 1
            found = words(bare)
            # Lone stop words narrow nothing; inside a phrase or a hyphenated word they stay.
            if len(found) == 1 and normalise(found[0]) in STOP_WORDS:
                join_next = False
                continue
            stems = tuple(stem(word) for word in found)
        if not stems:
            continue
        term = Term(stems, negated)
        if join_next:
            parsed.clauses[-1].append(term)
        else:
            parsed.clauses.append([term])
        join_next = False
    return parsed


def _stem_q(stem: str, fields: list[str]) -> Q:
    # A stem is the start of every form of its word, so a substring search finds all forms.
    # SQLite folds only Latin letters to lower case, hence the capitalised variant.
    variants = {stem, stem.capitalize()}
    return reduce(or_, (Q(**{f"{name}__icontains": variant}) for name in fields for variant in variants))


def _term_q(term: Term, fields: list[str]) -> Q:
    condition = reduce(and_, (_stem_q(stem, fields) for stem in term.stems))
    return ~condition if term.negated else condition


def text_q(query: str, fields: list[str]) -> Q | None:
    """The simpler search over a few short fields of any model: every word's stem as a substring."""
    parsed = parse(query)
    if parsed.is_empty:
        return None
    return reduce(and_, (reduce(or_, (_term_q(term, fields) for term in clause)) for clause in parsed.clauses))
