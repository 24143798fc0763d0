"""Validators shared by the content models."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Line and paragraph breaks, including the ones str.splitlines() knows beyond CR and LF.
LINE_BREAKS = frozenset("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def validate_single_line(value) -> None:
    """A title, name or city is one line: a pasted line break would split it in calendars, CSV and headers."""
    if value and any(character in LINE_BREAKS for character in str(value)):
        raise ValidationError(_("Enter the text on one line, without line breaks."), code="single_line")
