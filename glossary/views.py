"""The public glossary page: every published term, in the order of the reader's alphabet."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from core.i18n import LANGUAGE_CODES, current_language, localized
from core.structured_data import json_ld
from glossary.models import Term, label_key
from glossary.structured_data import glossary_json_ld

ALPHABETS = {
    # «Ё» is sorted and filed with «Е», as dictionaries do.
    "ru": "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
    "en": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
}


def sort_key(text: str, language: str) -> tuple:
    """Terms of the page's alphabet first, in its order (ё as е), then the others."""
    key = label_key(text)
    first = key[:1].upper()
    return (0 if first in ALPHABETS.get(language, "") else 1, key)


def letter_of(text: str) -> str:
    return label_key(text)[:1].upper() or "#"


@dataclass
class Entry:
    """A term as the page shows it: its words in each language and links to search for it."""

    term: Term
    words: list[dict]
    archive_url: str
    search_url: str


def entry(term: Term, language: str) -> Entry:
    label = str(localized(term, "label"))
    query = urlencode({"q": label})
    # The reader's language first; each language's words carry its lang.
    languages = [language, *(code for code in LANGUAGE_CODES if code != language)]
    words = [
        {
            "language": code,
            "label": getattr(term, f"label_{code}") if code != language else "",
            "abbreviations": term.abbreviation_list(code),
            "synonyms": term.synonym_list(code),
        }
        for code in languages
    ]
    return Entry(
        term=term,
        words=[word for word in words if word["label"] or word["abbreviations"] or word["synonyms"]],
        archive_url=reverse("documents:document_list") + "?" + query,
        search_url=reverse("search:search") + "?" + query,
    )


@dataclass
class Letter:
    letter: str
    anchor: str
    terms: list = field(default_factory=list)


def glossary_letters(terms, language: str) -> list[Letter]:
    """The terms grouped under their first letter, in the language's order."""
    ordered = sorted(terms, key=lambda term: sort_key(str(localized(term, "label")), language))
    letters: dict[str, Letter] = {}
    for term in ordered:
        letter = letter_of(str(localized(term, "label")))
        letters.setdefault(letter, Letter(letter, f"letter-{letter}")).terms.append(entry(term, language))
    return list(letters.values())


@require_safe
def glossary(request):
    language = current_language()
    terms = list(Term.objects.public())
    letters = glossary_letters(terms, language)
    present = {letter.letter for letter in letters}
    alphabet = [
        {"letter": letter, "anchor": f"letter-{letter}", "present": letter in present}
        for letter in ALPHABETS.get(language, "")
    ]
    alphabet += [
        {"letter": letter.letter, "anchor": letter.anchor, "present": True}
        for letter in letters
        if letter.letter not in ALPHABETS.get(language, "")
    ]
    other_languages = [code for code in LANGUAGE_CODES if code != language]
    return render(
        request,
        "glossary/glossary.html",
        {
            "letters": letters,
            "alphabet": alphabet,
            "term_count": len(terms),
            "other_languages": other_languages,
            "json_ld": json_ld(glossary_json_ld(terms, request)),
        },
    )
