"""Snowball stems for the search that works without PostgreSQL (SQLite, the quick-start default)."""

import re
from functools import lru_cache

import snowballstemmer

WORD_RE = re.compile(r"\w+")
CYRILLIC_RE = re.compile(r"[а-яё]")
_russian = snowballstemmer.stemmer("russian")
_english = snowballstemmer.stemmer("english")

# Words too common to narrow a search; dropped from queries (outside quoted phrases) only.
STOP_WORDS = frozenset(
    "a an and are as at be by for from in is it of on or the to with "
    "и в во на не по с со к ко о об от до за из у для что как а но или же".split()
)


def normalise(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one word: Russian rules for Cyrillic, English rules otherwise."""
    word = normalise(word)
    if CYRILLIC_RE.search(word):
        return _russian.stemWord(word)
    return _english.stemWord(word)


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def stems(text: str) -> list[str]:
    return [stem(word) for word in WORD_RE.findall(text)]


def stem_string(text: str) -> str:
    """Stems between single spaces, with a space at each end so that ' stem ' matches whole stems."""
    found = stems(text)
    return f" {' '.join(found)} " if found else ""
