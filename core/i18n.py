"""Reading translated fields with an honest fallback to the other language."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language

# The one list of the portal's language codes, in the order of settings.LANGUAGES (the default first).
LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


@dataclass(frozen=True)
class LocalizedText:
    text: str
    language: str
    is_fallback: bool

    def __str__(self):
        return self.text


def current_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def localized(obj, field: str) -> LocalizedText:
    """The field's text in the current language, else in another language, marked as such."""
    current = current_language()
    own = getattr(obj, f"{field}_{current}", None)
    if own:
        return LocalizedText(own, current, False)
    for code in LANGUAGE_CODES:
        value = getattr(obj, f"{field}_{code}", None)
        if code != current and value:
            return LocalizedText(value, code, True)
    return LocalizedText("", current, False)


def exists_in_language_q(field: str, language: str) -> Q:
    """Items whose field has text in this language (not empty, not NULL)."""
    return ~Q(**{f"{field}_{language}": ""}) & Q(**{f"{field}_{language}__isnull": False})
