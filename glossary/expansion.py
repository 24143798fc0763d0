"""Query expansion: a query that names a glossary term also searches the term's other words.

``expand("беженцев", "ru")`` finds the term «беженец» / "refugee" and returns "refugee" (and the
term's synonyms and abbreviations) as extra phrases for the search engine's ``also=``. Matching is
on word forms: the query and the term's words are reduced by ``word_key`` (the lemmatiser's, swappable)
before they are compared, so «лиц без гражданства» finds «лицо без гражданства».

The public terms are read once into a small table kept in the cache and dropped whenever a term
is saved or deleted. Extra phrases are bounded (MAX_PHRASES); the expansion says how many it left out.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from core.i18n import LANGUAGE_CODES
from glossary.models import Term
from search.lemmas import lemma

MAX_PHRASES = 20
CACHE_KEY = "glossary:expansion-table"
logger = logging.getLogger(__name__)
CACHE_SECONDS = 60 * 60
WORD_RE = re.compile(r"\w+")
# Words the reader excludes (-word, -"a phrase") are not expanded.
NEGATED_RE = re.compile(r'(?:^|\s)-(?:"[^"]*"?|\S+)')

# How a word is reduced before terms and queries are compared: its lemma, as the search index has it.
word_key: Callable[[str], str] = lemma


def words_of(text: str) -> tuple[str, ...]:
    return tuple(word_key(word) for word in WORD_RE.findall(text))


@dataclass(frozen=True)
class Phrase:
    text: str
    language: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class GlossaryTerm:
    """A public term as the expansion sees it: its slug, labels and every phrase that names it."""

    slug: str
    labels: dict[str, str]
    phrases: tuple[Phrase, ...]
    publish_at: float | None = None

    def label(self, language: str) -> str:
        """The label in this language, else in another."""
        return self.labels.get(language) or next((text for text in self.labels.values() if text), self.slug)


@dataclass(frozen=True)
class Expansion:
    """What a query adds: extra phrases to search, the terms they come from, how many phrases were left out.

    With `enabled` False the reader has switched the expansion off: the phrases are still known (the
    page offers them), but `also`, what the search engine is given, is empty.
    """

    phrases: tuple[str, ...] = ()
    terms: tuple[GlossaryTerm, ...] = ()
    dropped: int = 0
    languages: tuple[str, ...] = ()  # each phrase's language
    enabled: bool = True
    language: str = ""  # the reader's, in which the terms are named

    def __bool__(self):
        return bool(self.phrases)

    @property
    def also(self) -> tuple[str, ...]:
        return self.phrases if self.enabled else ()

    @property
    def phrases_with_languages(self) -> list[tuple[str, str]]:
        return list(zip(self.phrases, self.languages, strict=True))

    @property
    def named_terms(self) -> list[dict[str, str]]:
        """The terms the query names, each with its anchor on the glossary page and its label for the reader."""
        return [{"slug": term.slug, "label": term.label(self.language)} for term in self.terms]


def glossary_term(term: Term) -> GlossaryTerm:
    phrases = [Phrase(text, code, words_of(text)) for code in LANGUAGE_CODES for text in term.phrases(code)]
    return GlossaryTerm(
        slug=term.slug,
        labels={code: getattr(term, f"label_{code}") or "" for code in LANGUAGE_CODES},
        phrases=tuple(phrase for phrase in phrases if phrase.words),
        publish_at=term.publish_at.timestamp() if term.publish_at else None,
    )


def term_table() -> list[GlossaryTerm]:
    """The published terms (scheduled ones included, checked at use), from the cache when it has them."""
    table = _cached(cache.get, CACHE_KEY)
    if table is None:
        terms = Term.objects.filter(publication_status=Term.PublicationStatus.PUBLISHED)
        table = [glossary_term(term) for term in terms.order_by("pk")]
        _cached(cache.set, CACHE_KEY, table, CACHE_SECONDS)
    now = timezone.now().timestamp()
    return [term for term in table if term.publish_at is None or term.publish_at <= now]


def _cached(operation, *args):
    """A cache operation that a stopped cache server turns into a miss (the table is then read each time)."""
    try:
        return operation(*args)
    except Exception:
        logger.warning("The glossary's cache does not answer", exc_info=True)
        return None


def forget_term_table(**kwargs) -> None:
    _cached(cache.delete, CACHE_KEY)
    # A save inside a transaction: drop again once it commits, in case a reader refilled it meanwhile.
    transaction.on_commit(lambda: _cached(cache.delete, CACHE_KEY))


@receiver(post_save, sender=Term, dispatch_uid="glossary-forget-on-save")
@receiver(post_delete, sender=Term, dispatch_uid="glossary-forget-on-delete")
def _term_changed(sender, **kwargs):
    forget_term_table()


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    size = len(needle)
    return any(haystack[start : start + size] == needle for start in range(len(haystack) - size + 1))


def _matches(query_words: tuple[str, ...], terms: Iterable[GlossaryTerm]) -> list[tuple[GlossaryTerm, Phrase]]:
    """The terms the query names, in the query's order; a longer phrase wins over a shorter one inside it."""
    by_first_word: dict[str, list[tuple[GlossaryTerm, Phrase]]] = {}
    for term in terms:
        for phrase in term.phrases:
            by_first_word.setdefault(phrase.words[0], []).append((term, phrase))
    found = []
    for start, word in enumerate(query_words):
        for term, phrase in by_first_word.get(word, ()):
            if query_words[start : start + len(phrase.words)] == phrase.words:
                found.append((start, len(phrase.words), term, phrase))
    taken: set[int] = set()
    chosen = []
    for start, size, term, phrase in sorted(found, key=lambda match: (-match[1], match[0])):
        span = set(range(start, start + size))
        if span & taken:
            continue
        taken |= span
        chosen.append((start, term, phrase))
    return [(term, phrase) for _start, term, phrase in sorted(chosen, key=lambda match: match[0])]


def _extra_phrases(term: GlossaryTerm, matched: Phrase) -> list[Phrase]:
    """The term's other phrases: its labels in the other languages first, then abbreviations and synonyms."""
    labels = {term.labels.get(code) for code in LANGUAGE_CODES}
    others = [phrase for phrase in term.phrases if phrase.language != matched.language]
    own = [phrase for phrase in term.phrases if phrase.language == matched.language]
    ordered = [phrase for phrase in others if phrase.text in labels]
    ordered += [phrase for phrase in others if phrase.text not in labels]
    ordered += own
    return ordered


def expand(
    query: str, language: str, terms: Iterable[GlossaryTerm] | None = None, *, enabled: bool = True
) -> Expansion:
    """The glossary's extra phrases for this query (at most MAX_PHRASES), and the terms it names.

    `language` is the reader's: the terms are named in it. `terms` defaults to the public glossary.
    `enabled` False: the reader switched the expansion off (see Expansion).
    """
    positive = NEGATED_RE.sub(" ", query)
    query_words = words_of(positive)
    if not query_words:
        return Expansion(enabled=enabled)
    matches = _matches(query_words, term_table() if terms is None else terms)
    if not matches:
        return Expansion(enabled=enabled)
    # One phrase from each term in turn, so that every named term gets its other-language label in.
    queues = [_extra_phrases(term, phrase) for term, phrase in matches]
    phrases, seen = [], set()
    while any(queues):
        for queue in queues:
            while queue:
                phrase = queue.pop(0)
                # A phrase whose words the query already has, or another phrase has, adds nothing.
                key = phrase.words
                if key in seen or _contains(query_words, phrase.words):
                    continue
                seen.add(key)
                phrases.append(phrase)
                break
    unique_terms = tuple({term.slug: term for term, _phrase in matches}.values())
    kept = phrases[:MAX_PHRASES]
    return Expansion(
        phrases=tuple(phrase.text for phrase in kept),
        terms=unique_terms,
        dropped=len(phrases) - len(kept),
        languages=tuple(phrase.language for phrase in kept),
        enabled=enabled,
        language=language,
    )


# The address parameter that switches the expansion off (expand=0), as a form field understands it.
EXPAND_PARAMETER = "expand"
EXPAND_CHOICES = [("0", "0"), ("1", "1")]


def expansion_wanted(value) -> bool:
    """A cleaned `expand` value (0, 1 or empty) as a yes or no: only 0 switches the expansion off."""
    return value != 0
