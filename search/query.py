"""Reading a query: web-search syntax, lemmas, expansions and the bounds on all three.

It follows websearch_to_tsquery closely enough for people: words must all match, "quoted words"
must match as a phrase, OR between two terms accepts either, and -word excludes. Every word becomes
its lemma (search.lemmas), as the indexed text did. Both backends, and text_q, build their
conditions from the one ParsedQuery that parse() returns.

Expansions (`also`) are extra phrases (a word or a multi-word term, plain text, not web-search
syntax) searched as alternatives to the whole query and ranked below its exact matches; the glossary
passes the other-language labels, synonyms and abbreviations of the terms a query names.

Bounds: a query is read up to MAX_QUERY_CHARS, to MAX_LEMMAS lemmas, with MAX_ALSO expansions of at
most MAX_ALSO_LEMMAS lemmas each. What was left out is kept in the ParsedQuery (`dropped`,
`dropped_also`, `truncated`, `stop_words`) so that a page can say so.
"""

import re
from dataclasses import dataclass
from functools import lru_cache, reduce
from operator import and_, or_

from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext, ngettext

from search.lemmas import fold, stem_variants, word_lemmas, words
from search.transliteration import transliterated_phrases

TOKEN_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')
MAX_QUERY_CHARS = 500
MAX_LEMMAS = 32
MAX_ALSO = 20
MAX_ALSO_LEMMAS = 8

# Words too common to narrow a search; dropped from queries (outside quoted phrases) only.
STOP_WORDS = frozenset(
    "a an and are as at be by for from in is it of on or the to with "
    "и в во на не по с со к ко о об от до за из у для что как а но или же".split()
)


@dataclass(frozen=True)
class Term:
    lemmas: tuple[str, ...]  # more than one: a phrase, matched in order
    negated: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    # All clauses must hold; a clause holds when any of its terms does.
    clauses: tuple[tuple[Term, ...], ...] = ()
    # Alternatives to the whole query: a document matching any of them matches too, ranked lower.
    also: tuple[Term, ...] = ()
    dropped: tuple[str, ...] = ()  # words of the query past MAX_LEMMAS
    dropped_also: tuple[str, ...] = ()  # expansions past MAX_ALSO, or longer than MAX_ALSO_LEMMAS
    stop_words: tuple[str, ...] = ()  # lone stop words, ignored
    truncated: bool = False  # the query was longer than MAX_QUERY_CHARS

    @property
    def is_empty(self) -> bool:
        """Nothing to search for: no words, or stop words only. Expansions alone never match."""
        return not self.clauses

    @property
    def positive_lemmas(self) -> set[str]:
        """The lemmas a matching document contains (or may): what snippets highlight."""
        found = {lemma for clause in self.clauses for term in clause if not term.negated for lemma in term.lemmas}
        return found | {lemma for term in self.also for lemma in term.lemmas}

    @property
    def only_stop_words(self) -> bool:
        return not self.clauses and bool(self.stop_words)

    def notes(self) -> list[str]:
        """What a results page should tell the reader about the bounds, translated; empty when nothing was left out."""
        notes = []
        if self.only_stop_words:
            notes.append(
                gettext("“%(words)s”: these words are too common to search for. Add a more specific word.")
                % {"words": " ".join(self.stop_words)}
            )
        if self.truncated:
            notes.append(
                ngettext(
                    "Only the first %(count)d character of the query was searched.",
                    "Only the first %(count)d characters of the query were searched.",
                    MAX_QUERY_CHARS,
                )
                % {"count": MAX_QUERY_CHARS}
            )
        if self.dropped:
            notes.append(
                ngettext(
                    "A search takes up to %(count)d word; these were left out: %(words)s.",
                    "A search takes up to %(count)d words; these were left out: %(words)s.",
                    MAX_LEMMAS,
                )
                % {"count": MAX_LEMMAS, "words": " ".join(self.dropped)}
            )
        if self.dropped_also:
            notes.append(
                ngettext(
                    "Up to %(count)d related term is searched; these were not: %(words)s.",
                    "Up to %(count)d related terms are searched; these were not: %(words)s.",
                    MAX_ALSO,
                )
                % {"count": MAX_ALSO, "words": ", ".join(self.dropped_also)}
            )
        return notes


def _phrase_lemmas(text: str) -> tuple[str, ...]:
    """A phrase's lemmas, a hyphenated word as its parts: it finds "a-b" and "a b" alike, in the index
    (which keeps the parts and the joined word) and as substrings of short fields (text_q)."""
    return tuple(lemma for word in words(text) for lemma in word_lemmas(word, joined=False))


def _query_terms(query: str):
    """(term, whether OR joins it to the previous clause, its text) for each term; a lone stop word's term is None."""
    join_next = False
    for match in TOKEN_RE.finditer(query):
        minus, phrase, bare = match.groups()
        if phrase is not None:
            yield Term(_phrase_lemmas(phrase), bool(minus)), join_next, phrase
        elif bare == "OR":
            join_next = True
            continue
        else:
            negated = bare.startswith("-") and len(bare) > 1
            found = words(bare)
            if len(found) == 1 and fold(found[0]) in STOP_WORDS:
                # Lone stop words narrow nothing; inside a phrase or a hyphenated word they stay.
                yield None, False, found[0]
            else:
                yield Term(_phrase_lemmas(bare), negated), join_next, bare
        join_next = False


def _expansions(also) -> tuple[tuple[Term, ...], tuple[str, ...]]:
    terms: list[Term] = []
    dropped: list[str] = []
    for phrase in also:
        lemmas = _phrase_lemmas(phrase)
        if not lemmas or Term(lemmas) in terms:
            continue
        if len(terms) >= MAX_ALSO or len(lemmas) > MAX_ALSO_LEMMAS:
            dropped.append(phrase)
        else:
            terms.append(Term(lemmas))
    return tuple(terms), tuple(dropped)


@lru_cache(maxsize=512)
def _parse(query: str, also: tuple[str, ...]) -> ParsedQuery:
    truncated = len(query) > MAX_QUERY_CHARS
    clauses: list[list[Term]] = []
    dropped: list[str] = []
    stop_words: list[str] = []
    counted = 0
    for term, join, text in _query_terms(query[:MAX_QUERY_CHARS]):
        if term is None:
            stop_words.append(text)
            continue
        if not term.lemmas:
            continue
        if counted + len(term.lemmas) > MAX_LEMMAS:
            dropped.append(text)
            continue
        counted += len(term.lemmas)
        if join and clauses:
            clauses[-1].append(term)
        else:
            clauses.append([term])
    expansions, dropped_also = _expansions(also)
    return ParsedQuery(
        clauses=tuple(tuple(clause) for clause in clauses),
        also=expansions,
        dropped=tuple(dropped),
        dropped_also=dropped_also,
        stop_words=tuple(stop_words),
        truncated=truncated,
    )


def parse(query: str, also=()) -> ParsedQuery:
    """The query (web-search syntax) and its expansions (plain phrases), read within the bounds.

    A query typed in Latin letters is also read in Cyrillic ("Zheneva" → «женева»), a typing habit that,
    like ё for е, is always forgiven: those readings come after the caller's expansions, in the room they
    leave (search.transliteration), so they are never reported as left out.
    """
    also = tuple(also)
    readings = transliterated_phrases(query or "")[: max(0, MAX_ALSO - len(also))]
    return _parse(query or "", (*also, *readings))


def _spellings(stem: str) -> set[str]:
    """The ways a stem may be written in the text: with ё where it has е (the lemmas fold ё to е), and an
    English stem ending in -i without it (Snowball's «diplomaci» is in no form of "diplomacy")."""
    found = {stem}
    found.update(stem[:index] + "ё" + stem[index + 1 :] for index, letter in enumerate(stem) if letter == "е")
    if stem.endswith("i") and len(stem) > 3 and stem.isascii():
        found.add(stem[:-1])
    return found


def _lemma_q(lemma: str, fields: list[str]) -> Q:
    # A stem of each form is a substring of that form, so a substring search finds all forms.
    # SQLite folds only Latin letters to lower case, hence the capitalised and upper-case (abbreviations)
    # variants there.
    stems = {spelling for stem in stem_variants(lemma) for spelling in _spellings(stem)}
    if connection.vendor == "postgresql":
        variants = stems
    else:
        variants = {variant for stem in stems for variant in (stem, stem.capitalize(), stem.upper())}
    return reduce(or_, (Q(**{f"{name}__icontains": variant}) for name in fields for variant in sorted(variants)))


def _term_q(term: Term, fields: list[str]) -> Q:
    condition = reduce(and_, (_lemma_q(lemma, fields) for lemma in dict.fromkeys(term.lemmas)))
    return ~condition if term.negated else condition


def text_q(query: str, fields: list[str], also=()) -> Q | None:
    """The simpler search over a few short fields of any model: some form of every word as a substring.

    Expansions are alternatives to the whole query. None when there is nothing to search for.
    """
    parsed = parse(query, also)
    if parsed.is_empty:
        return None
    exact = reduce(and_, (reduce(or_, (_term_q(term, fields) for term in clause)) for clause in parsed.clauses))
    return reduce(or_, (_term_q(term, fields) for term in parsed.also), exact)
