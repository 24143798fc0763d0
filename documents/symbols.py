"""Document symbols in the manner of the United Nations: one symbol for all language versions of a document.

A symbol is components separated by slashes: the series first (``AP`` for the Almaty Process), then the
body or meeting, the year and the number, for example ``AP/SOM.3/2016/1``. A component is letters and
digits, optionally followed by a dot and more (``SOM.3``, ``WG.1``, ``L.2``). As at the UN, suffixes at the
end say how a document changes another: ``/Add.1`` (addendum), ``/Amend.1`` (amendment), ``/Corr.1``
(corrigendum), ``/Rev.1`` (revision). They combine in the order they happened, each kind once: the second
revision of the first addendum is ``AP/SOM.3/2016/1/Add.1/Rev.2``; a correction of that revision
``…/Add.1/Rev.2/Corr.1``. Symbols are compared without regard to case; they are stored as written, with the
spaces trimmed and the suffixes spelt in the UN's way (``/rev.1`` becomes ``/Rev.1``).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_LENGTH = 100
SUFFIXES = {"add": "Add", "amend": "Amend", "corr": "Corr", "rev": "Rev"}
COMPONENT = re.compile(r"^[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*$")
SERIES = re.compile(r"^[A-Z][A-Z0-9]*$")
SUFFIX = re.compile(r"^(add|amend|corr|rev)\.([1-9][0-9]*)$", re.IGNORECASE)


def normalise(value: str) -> str:
    """The symbol as stored: no spaces around it or around its slashes, suffixes spelt as the UN does."""
    parts = [part.strip() for part in (value or "").strip().split("/")]
    if parts == [""]:
        return ""
    spelt = []
    for part in parts:
        suffix = SUFFIX.match(part)
        spelt.append(f"{SUFFIXES[suffix.group(1).lower()]}.{suffix.group(2)}" if suffix else part)
    return "/".join(spelt)


def split(symbol: str) -> tuple[list[str], list[str]]:
    """The symbol's components and its suffixes (``Rev.1``…), of a normalised symbol."""
    parts = symbol.split("/")
    first_suffix = len(parts)
    while first_suffix > 0 and SUFFIX.match(parts[first_suffix - 1]):
        first_suffix -= 1
    return parts[:first_suffix], parts[first_suffix:]


def validate_symbol(value: str) -> None:
    """Refuse what is not a symbol, saying what is wrong; blank is allowed (a document without a symbol)."""
    symbol = normalise(value)
    if not symbol:
        return
    example = "AP/SOM.3/2016/1"
    if len(symbol) > MAX_LENGTH:
        raise ValidationError(
            _("A symbol has at most %(limit)d characters."), code="symbol_length", params={"limit": MAX_LENGTH}
        )
    if any(character.isspace() for character in symbol):
        raise ValidationError(
            _("A symbol has no spaces: write its parts between slashes, for example %(example)s."),
            code="symbol_spaces",
            params={"example": example},
        )
    components, suffixes = split(symbol)
    if len(components) < 2 or not all(COMPONENT.match(part) for part in components):
        raise ValidationError(
            _(
                "Write a symbol as Latin letters and digits in parts separated by single slashes, for example "
                "%(example)s, with /Rev.1, /Corr.1, /Add.1 or /Amend.1 at the end for a changed document."
            ),
            code="symbol_form",
            params={"example": example},
        )
    if not SERIES.match(components[0]):
        raise ValidationError(
            _("A symbol starts with its series in capital Latin letters, for example AP."), code="symbol_series"
        )
    misplaced = [part for part in components if SUFFIX.match(part)]
    if misplaced:
        raise ValidationError(
            _("%(suffix)s belongs at the end of the symbol."),
            code="symbol_suffix_place",
            params={"suffix": misplaced[0]},
        )
    kinds = [suffix.split(".")[0] for suffix in suffixes]
    if len(set(kinds)) != len(kinds):
        raise ValidationError(
            _("Each of /Rev., /Corr., /Add. and /Amend. appears at most once in a symbol."), code="symbol_suffix_twice"
        )
