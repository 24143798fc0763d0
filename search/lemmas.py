"""Words to their dictionary forms, so that every inflected form of a word finds every other.

Russian words go to their normal form with pymorphy3 and its OpenCorpora dictionary («беженцев» →
«беженец», «людей» → «человек», «выполненных» → «выполнить»). A Cyrillic word the dictionary does not
know (an abbreviation such as «ВВДЛ», a rare coinage) gets its Snowball stem instead: pymorphy3's
guesses for unknown words differ from one form to the next. Latin words get their Snowball English stem
(Porter 2), which makes singular and plural and the regular forms of a verb meet («refugees» →
«refuge», «protected» → «protect»); IRREGULAR_ENGLISH first brings the irregular forms common in
the field's texts to their base form («children» → «child», «fled» → «flee»). ё is folded to е everywhere.

A hyphenated word gives its parts and then the parts joined («дети-мигранты» → «ребенок мигрант
детимигрант»), so that «трудовых мигрантов» and a missing hyphen both find it.

The index (search.indexing) and the query (search.query) use the same functions, which is what makes
a form match; the result is stored in a `simple`-configuration tsvector on PostgreSQL and between
spaces elsewhere.
"""

import re
from functools import lru_cache

import pymorphy3
import snowballstemmer
from pymorphy3.units import DictionaryAnalyzer

# A word: letters and digits, hyphenated parts kept together (the underscore is no word character here).
WORD_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
PART_RE = re.compile(r"[^\W_]+")
CYRILLIC_RE = re.compile(r"[а-яё]")
# Enough for the vocabulary of a large archive; each entry costs a few hundred bytes.
CACHE_SIZE = 100_000
# Substrings of the forms of one lemma that text_q looks for (see stem_variants); the shortest are kept.
MAX_VARIANTS = 12

# Irregular plurals and verb forms that Snowball cannot bring together, as written in migration texts.
IRREGULAR_ENGLISH = {
    "children": "child",
    "women": "woman",
    "men": "man",
    "people": "person",
    "persons": "person",
    "ran": "run",
    "went": "go",
    "gone": "go",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "made": "make",
    "held": "hold",
    "met": "meet",
    "sought": "seek",
    "fled": "flee",
    "brought": "bring",
    "chose": "choose",
    "chosen": "choose",
    "spoke": "speak",
    "spoken": "speak",
    "wrote": "write",
    "written": "write",
    "began": "begin",
    "begun": "begin",
}

_morph = pymorphy3.MorphAnalyzer()
_russian = snowballstemmer.stemmer("russian")
_english = snowballstemmer.stemmer("english")


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


def _known(parse) -> bool:
    # FakeDictionary (the guesser) is a subclass: only the real dictionary counts.
    return type(parse.methods_stack[0][0]) is DictionaryAnalyzer


@lru_cache(maxsize=CACHE_SIZE)
def lemma(word: str) -> str:
    """The dictionary form of one word (no hyphen): see the module's docstring."""
    word = fold(word)
    if not CYRILLIC_RE.search(word):
        return _english.stemWord(IRREGULAR_ENGLISH.get(word, word))
    parse = _morph.parse(word)[0]
    if _known(parse):
        return fold(parse.normal_form)
    return _russian.stemWord(word)


def word_lemmas(word: str, joined: bool = True) -> list[str]:
    """The lemmas of one word of WORD_RE: its parts', then (if hyphenated and `joined`) the whole's."""
    parts = PART_RE.findall(word)
    found = [lemma(part) for part in parts]
    if joined and len(parts) > 1:
        found.append(lemma("".join(parts)))
    return found


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def lemma_list(text: str) -> list[str]:
    return [found for word in WORD_RE.findall(text) for found in word_lemmas(word)]


@lru_cache(maxsize=CACHE_SIZE)
def _word_lemma_string(word: str) -> str:
    # One cache look-up per word of a text: re-indexing meets the same words again and again.
    return " ".join(word_lemmas(word))


def lemmatise(text: str) -> str:
    """The text's lemmas in order, between single spaces (the words of lemma_list(text), joined)."""
    return " ".join(map(_word_lemma_string, WORD_RE.findall(text)))


@lru_cache(maxsize=4096)
def form_stems(found: str) -> tuple[str, ...]:
    """The Snowball stems of every form of a lemma («человек» → «люд», «людьм», «человек», …).

    For PostgreSQL's headlines, whose parser stems words with Snowball: a word is marked when its
    stem is one of these.
    """
    if not CYRILLIC_RE.search(found):
        return (found,)  # an English lemma is a Snowball stem already
    forms = {found}
    for parse in _morph.parse(found):
        if _known(parse) and fold(parse.normal_form) == found:
            forms.update(fold(form.word) for form in parse.lexeme)
    return tuple(sorted({_russian.stemWord(form) for form in forms}))


@lru_cache(maxsize=4096)
def stem_variants(found: str) -> tuple[str, ...]:
    """Substrings that every form of a lemma contains, for searches that cannot lemmatise the text.

    search.query.text_q looks for them in short fields: «человек» gives «люд» and «человек», so
    «людей» and «людьми» are found by one or the other. Stems contained in a shorter one are left
    out, and those under three letters unless that is the whole lemma.
    """
    stems = sorted(
        (stem for stem in form_stems(found) if len(stem) >= 3 or stem == found), key=lambda stem: (len(stem), stem)
    )
    kept: list[str] = []
    for stem in stems:
        if not any(shorter in stem for shorter in kept):
            kept.append(stem)
    return tuple(kept[:MAX_VARIANTS]) or (found,)


@lru_cache(maxsize=CACHE_SIZE)
def is_russian_word(word: str) -> bool:
    """Whether the Russian dictionary knows this word, in any of its forms (search.transliteration asks)."""
    return any(_known(parse) for parse in _morph.parse(fold(word)))
