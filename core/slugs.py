"""Slugs from titles, Russian ones included, exactly as the admin's URLify fills them in the browser.

The admin fills the slug as the editor types (Django's ``urlify.js``, with its Russian table, and
static/js/admin_slug.js, which falls back on the Russian title while there is no English one);
a form sent with an empty slug gets the same slug here, so both paths agree.
"""

import re
import unicodedata

# Django's urlify.js RUSSIAN_MAP, letter for letter.
RUSSIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_TABLE = str.maketrans({**RUSSIAN, **{key.upper(): value.capitalize() for key, value in RUSSIAN.items()}})


def urlify(text: str, max_length: int) -> str:
    """Python's twin of URLify(text, max_length): transliterate, lower-case, hyphenate, cut."""
    text = unicodedata.normalize("NFKD", text.translate(_TABLE)).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^-\w\s]", "", text.lower())
    text = re.sub(r"[-\s]+", "-", text.strip())
    return text[:max_length].rstrip("-")


def unique_slug(model, text: str, max_length: int, exclude_pk=None) -> str:
    """A slug from the text, with -2, -3… added when another item has it already."""
    base = urlify(text, max_length)
    if not base:
        return ""
    others = model._default_manager.exclude(pk=exclude_pk) if exclude_pk else model._default_manager.all()
    slug, number = base, 1
    while others.filter(slug=slug).exists():
        number += 1
        suffix = f"-{number}"
        slug = base[: max_length - len(suffix)].rstrip("-") + suffix
    return slug
