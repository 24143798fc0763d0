"""Latin spellings of Russian words, read back into Cyrillic: a typing habit of readers without a Russian keyboard.

A reader types "Almaty", "Dushanbe" or "Almatinskiy" where the text says «Алматы», «Душанбе» or
«Алматинский». cyrillic_variants() reads one Latin word the ways the usual romanisations write it
(BGN/PCGN, GOST 7.79 and the informal spellings in between: "kh" or "h" for «х», "y" for «ы» or «й»,
"iy" for «ий»), and gives the few most likely Cyrillic forms. Place names whose Russian form is not a
letter-by-letter reading of the Latin one (Ashgabat → Ашхабад, Istanbul → Стамбул) come from a short
table. The search offers the query read this way as extra phrases (transliterated_phrases, added to the
expansions by search.query.parse), only when a word reads as a Russian word, and never more than a few.
"""

import re
from functools import lru_cache

from search.lemmas import is_russian_word

# At most this many Cyrillic forms of one word, and phrases for one query.
MAX_VARIANTS_PER_WORD = 3
MAX_PHRASES = 2
# A longer query is not a name typed in Latin letters; its reading would be too long an expansion anyway.
MAX_WORDS = 8
# Shorter Latin words are too often English ("on", "the", "and") and read back as nothing useful.
MIN_WORD_LENGTH = 4

# Web-search syntax that a plain phrase cannot carry: an excluded word, or OR between two words.
OPERATOR_RE = re.compile(r"(?:^|\s)-\S|\bOR\b")
LATIN_WORD_RE = re.compile(r"[a-z]+(?:['’][a-z]+)*(?:-[a-z]+(?:['’][a-z]+)*)*", re.IGNORECASE)

# Place names of the region and of the archive whose Russian name is not a reading of the Latin one.
EXONYMS = {
    "ashgabat": ("ашхабад",),
    "ashkhabad": ("ашхабад",),
    "istanbul": ("стамбул",),
    "geneva": ("женева",),
    "vienna": ("вена",),
    "moscow": ("москва",),
    "kyiv": ("киев",),
    "kiev": ("киев",),
    "tehran": ("тегеран",),
    "beijing": ("пекин",),
    "sofia": ("софия",),
    "nevsehir": ("невшехир",),
    "alma-ata": ("алма-ата",),
}

VOWELS = set("aeiouy")

# Latin letter groups, longest first, each with its Cyrillic readings (most likely first).
RULES = [
    ("shch", ("щ",)),
    ("sch", ("щ", "ш")),
    ("zh", ("ж",)),
    ("kh", ("х",)),
    ("ts", ("ц", "тс")),
    ("tz", ("ц",)),
    ("ch", ("ч",)),
    ("sh", ("ш",)),
    ("yu", ("ю",)),
    ("ya", ("я",)),
    ("yo", ("ё", "йо")),
    ("a", ("а",)),
    ("b", ("б",)),
    ("c", ("к", "ц")),
    ("d", ("д",)),
    ("e", ("е", "э")),
    ("f", ("ф",)),
    ("g", ("г",)),
    ("h", ("х", "г")),
    ("i", ("и",)),
    ("j", ("дж", "й")),
    ("k", ("к",)),
    ("l", ("л",)),
    ("m", ("м",)),
    ("n", ("н",)),
    ("o", ("о",)),
    ("p", ("п",)),
    ("q", ("к",)),
    ("r", ("р",)),
    ("s", ("с",)),
    ("t", ("т",)),
    ("u", ("у",)),
    ("v", ("в",)),
    ("w", ("в",)),
    ("x", ("кс",)),
    ("z", ("з",)),
    ("'", ("ь",)),
    ("’", ("ь",)),
]


def _readings(word: str, position: int) -> tuple[str, tuple[str, ...]]:
    """The Latin group at `position` and its Cyrillic readings, most likely first."""
    rest = word[position:]
    before = word[position - 1] if position else ""
    # Adjective endings: -iy, -yy, -y after a consonant at the end (Almatinskiy, Almatinsky).
    if rest in ("iy", "yy", "ij"):
        return rest, ("ий", "ый")
    # Russian writes no «ы» after «к», «г» or «х»: Almatinsky, Kyrgyz is the exception that keeps ы.
    if rest == "y" and before in ("k", "g", "h"):
        return "y", ("ий", "ы")
    if rest == "y" and before and before not in VOWELS:
        return "y", ("ы", "ий", "й")
    # "ye" and "e" at the start of a word or after a vowel: Yerevan, Ekibastuz.
    if rest.startswith("ye") and (not before or before in VOWELS):
        return "ye", ("е", "э")
    if rest.startswith(("ya", "yu", "yo")):
        return rest[:2], dict(RULES)[rest[:2]]
    if rest.startswith("y"):
        return "y", ("й", "ы") if before in VOWELS else ("ы", "й")
    if rest.startswith("e") and not before:
        return "e", ("э", "е")
    for latin, cyrillic in RULES:
        if rest.startswith(latin):
            return latin, cyrillic
    return rest[0], (rest[0],)


def _read(word: str) -> list[str]:
    """Readings of one hyphen-free Latin word: the most likely one, then one with a single other choice each."""
    groups = []
    position = 0
    while position < len(word):
        latin, cyrillic = _readings(word, position)
        groups.append(cyrillic)
        position += len(latin)
    first = "".join(choices[0] for choices in groups)
    found = [first]
    for index, choices in enumerate(groups):
        for other in choices[1:]:
            found.append("".join(other if at == index else group[0] for at, group in enumerate(groups)))
    return found


def cyrillic_variants(word: str) -> list[str]:
    """The likely Cyrillic spellings of one Latin word, most likely first, in lower case; [] for anything else.

    >>> cyrillic_variants("Almaty")[0]
    'алматы'
    """
    word = word.strip().lower()
    if not LATIN_WORD_RE.fullmatch(word):
        return []
    found = list(EXONYMS.get(word, ()))
    parts = [_read(part) for part in word.split("-")]
    found.append("-".join(part[0] for part in parts))
    for index, readings in enumerate(parts):
        for other in readings[1:]:
            found.append("-".join(other if at == index else part[0] for at, part in enumerate(parts)))
    unique = list(dict.fromkeys(found))
    return unique[:MAX_VARIANTS_PER_WORD]


def _known_reading(word: str) -> str | None:
    """The likeliest reading of a Latin word that is a Russian word or a place name of the table, if any."""
    readings = cyrillic_variants(word)
    if word.lower() in EXONYMS:
        return readings[0]
    return next((reading for reading in readings if is_russian_word(reading)), None)


def transliterated_phrases(query: str) -> list[str]:
    """The query with its Latin words read in Cyrillic, to be searched as well; at most MAX_PHRASES.

    Only for a query of MAX_WORDS words or fewer without an excluded word or OR, and only when at least
    one word reads as a Russian word (or a place name of the table): most English queries get nothing.
    The first phrase replaces only the words that read as Russian words ("refugees in Almaty" →
    "refugees in алматы"); the second replaces every word of MIN_WORD_LENGTH letters or more, the others
    by their likeliest reading ("Almatinskiy protsess" → "алматинский процесс": adjectives and rare
    words are often missing from the dictionary, and the search still stems them).
    """
    return list(_phrases(query))


@lru_cache(maxsize=1024)
def _phrases(query: str) -> tuple[str, ...]:
    if len(query.split()) > MAX_WORDS or OPERATOR_RE.search(query):
        return ()
    words = [match for match in LATIN_WORD_RE.finditer(query) if len(match.group()) >= MIN_WORD_LENGTH]
    known = {match.start(): _known_reading(match.group()) for match in words}
    if not any(known.values()):
        return ()
    likeliest = {match.start(): cyrillic_variants(match.group())[0] for match in words}
    choices = [
        {start: reading for start, reading in known.items() if reading},
        {start: known[start] or likeliest[start] for start in known},
    ]
    phrases = []
    for chosen in choices:
        phrase = _replace(query, words, chosen)
        if phrase not in phrases and phrase != query:
            phrases.append(phrase)
    return tuple(phrases[:MAX_PHRASES])


def _replace(query: str, words, chosen: dict[int, str]) -> str:
    pieces, position = [], 0
    for match in words:
        pieces.append(query[position : match.start()])
        pieces.append(chosen.get(match.start(), match.group()))
        position = match.end()
    pieces.append(query[position:])
    return " ".join("".join(pieces).split())
