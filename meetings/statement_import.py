"""Bringing an outcome statement in from the text of its PDF, one language at a time.

Text extracted from a PDF breaks every line where the page did, puts blank lines
and form feeds where it likes, and keeps page numbers as lines of their own. Only
the paragraph numbers at the start of a line are reliable, so they alone decide
where a paragraph begins; everything up to the next number is joined into one
line of text.
"""

import re
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from core.i18n import LANGUAGE_CODES
from core.text import decode_text
from meetings.models import Meeting, OutcomeStatement, StatementParagraph

# "12. Text", "12) Text" or a lone "12." whose text starts on the next line.
# Three digits at most, so a year opening a wrapped line ("2013. …") is never
# taken for a paragraph number.
PARAGRAPH_START = re.compile(r"^\s*(\d{1,3})[.)](?:\s+(.*))?$")
# A line that is only a page number: "3", "- 3 -", "– 3 –".
PAGE_NUMBER = re.compile(r"^\s*[-–—]?\s*\d{1,4}\s*[-–—]?\s*$")
# A word broken at the end of a line by a hyphen that belongs to it
# ("государств-" + "участников"): the hyphen stays, no space is added.
HYPHENS = ("-", "\u2010", "\u2011")
SOFT_HYPHEN = "\u00ad"


class StatementImportError(Exception):
    """The file or the request cannot be imported; the message says why."""


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    emptied: int
    deleted: int


def decode_statement(data: bytes) -> str:
    text = decode_text(data)
    if text is None:
        raise StatementImportError(_("The file is neither UTF-8 nor Windows-1251 text."))
    return text


def _join_lines(lines: list[str]) -> str:
    text = ""
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if not text:
            text = line
        elif text.endswith(SOFT_HYPHEN):
            # A soft hyphen only marks where the typesetter broke the word.
            text = text[:-1] + line
        elif text.endswith(HYPHENS) and len(text) > 1 and text[-2].isalpha() and line[0].isalpha():
            text += line
        else:
            text += " " + line
    return text.replace(SOFT_HYPHEN, "").strip()


@dataclass(frozen=True)
class StatementSplit:
    """A text cut into its numbered paragraphs, and what stops it from being imported as it is."""

    paragraphs: list[tuple[int, str]]
    problems: list[str]


def split_numbered_paragraphs(text: str) -> StatementSplit:
    """The numbered paragraphs of a statement as (number, text), in order, with every problem found.

    Text before the first number (a title, a heading) is left out. A number that
    does not go up is part of the text, not a new paragraph. A problem is no
    numbered paragraph at all, numbers that do not run 1, 2, 3… without a gap, or
    a paragraph without text; the paragraphs found are returned all the same, so
    that an editor can see where the text went wrong.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\u00a0", " ")
    paragraphs: list[tuple[int, list[str]]] = []
    for line in text.split("\n"):
        match = PARAGRAPH_START.match(line)
        if match and (not paragraphs or int(match.group(1)) > paragraphs[-1][0]):
            paragraphs.append((int(match.group(1)), [match.group(2) or ""]))
        elif paragraphs and not PAGE_NUMBER.match(line):
            paragraphs[-1][1].append(line)
    if not paragraphs:
        return StatementSplit(
            [],
            [_("No numbered paragraphs found: each paragraph must start on a new line with its number, as in “1. …”.")],
        )
    problems = []
    expected = 1
    for number, _lines in paragraphs:
        if number != expected:
            if expected == 1:
                problems.append(
                    _("Paragraph numbers must start at 1, but the first paragraph is numbered %(number)d.")
                    % {"number": number}
                )
            else:
                problems.append(
                    _("Paragraph %(missing)d is missing: paragraph %(previous)d is followed by paragraph %(number)d.")
                    % {"missing": expected, "previous": expected - 1, "number": number}
                )
        expected = number + 1
    result = [(number, _join_lines(lines)) for number, lines in paragraphs]
    for number, body in result:
        if not body:
            problems.append(_("Paragraph %(number)d has no text.") % {"number": number})
    return StatementSplit(result, problems)


def parse_numbered_paragraphs(text: str) -> list[tuple[int, str]]:
    """The numbered paragraphs of a statement as (number, text), in order.

    The rules are split_numbered_paragraphs'; raises StatementImportError with the
    first problem it finds.
    """
    split = split_numbered_paragraphs(text)
    if split.problems:
        raise StatementImportError(split.problems[0])
    return split.paragraphs


def check_language(language: str) -> str:
    if language not in LANGUAGE_CODES:
        raise StatementImportError(
            _("Unknown language “%(language)s”; choose one of: %(choices)s.")
            % {"language": language, "choices": ", ".join(LANGUAGE_CODES)}
        )
    return language


def find_meeting(slug: str) -> Meeting:
    try:
        return Meeting.objects.get(slug=slug)
    except Meeting.DoesNotExist:
        raise StatementImportError(_("There is no meeting with the slug “%(slug)s”.") % {"slug": slug}) from None


@transaction.atomic
def import_statement(
    meeting: Meeting, language: str, paragraphs: list[tuple[int, str]], title: str | None = None
) -> ImportResult:
    """Make the meeting's statement in `language` exactly `paragraphs`, leaving the other languages alone.

    A paragraph whose number is no longer in the file loses its text in this
    language only; once it has no text in any language it is removed.
    """
    check_language(language)
    field = f"text_{language}"
    statement, _created = OutcomeStatement.objects.get_or_create(meeting=meeting)
    if title is not None and getattr(statement, f"title_{language}") != title:
        setattr(statement, f"title_{language}", title)
        statement.save()

    new_texts = dict(paragraphs)
    existing = {paragraph.number: paragraph for paragraph in statement.paragraphs.select_for_update()}
    created = updated = emptied = deleted = 0
    for number, paragraph in existing.items():
        new_text = new_texts.get(number, "")
        if (getattr(paragraph, field) or "") == new_text:
            continue
        setattr(paragraph, field, new_text)
        if not any(getattr(paragraph, f"text_{code}") for code in LANGUAGE_CODES):
            paragraph.delete()
            deleted += 1
            continue
        paragraph.save(update_fields=[field])
        if new_text:
            updated += 1
        else:
            emptied += 1
    for number, text in paragraphs:
        if number not in existing:
            StatementParagraph.objects.create(statement=statement, number=number, **{field: text})
            created += 1
    return ImportResult(created=created, updated=updated, emptied=emptied, deleted=deleted)


def import_statement_file(path, meeting_slug: str, language: str, title: str | None = None) -> ImportResult:
    """Read a text file and import it as the meeting's statement in one language."""
    check_language(language)
    meeting = find_meeting(meeting_slug)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise StatementImportError(
            _("Cannot read “%(path)s”: %(reason)s") % {"path": path, "reason": error.strerror}
        ) from None
    return import_statement(meeting, language, parse_numbered_paragraphs(decode_statement(data)), title=title)


@transaction.atomic
def import_statement_languages(
    meeting: Meeting, paragraphs: dict[str, list[tuple[int, str]]], titles: dict[str, str] | None = None
) -> dict[str, ImportResult]:
    """Import several languages of one statement together: all of them are saved, or none.

    Paragraphs are matched by number, so paragraph 7 of the Russian text and paragraph 7 of the
    English text become one paragraph in two languages.
    """
    titles = titles or {}
    return {
        language: import_statement(meeting, language, language_paragraphs, title=titles.get(language) or None)
        for language, language_paragraphs in paragraphs.items()
    }


def compare_languages(splits: dict[str, StatementSplit]) -> list[str]:
    """Warnings about paragraphs present in one language and absent from another (both are still saved)."""
    if len(splits) < 2:
        return []
    numbers = {language: {number for number, _text in split.paragraphs} for language, split in splits.items()}
    warnings = []
    for language, own in numbers.items():
        others = set().union(*(found for code, found in numbers.items() if code != language))
        for number in sorted(own - others):
            if language == "ru":
                warnings.append(_("Paragraph %(number)d is only in the Russian text.") % {"number": number})
            else:
                warnings.append(_("Paragraph %(number)d is only in the English text.") % {"number": number})
    return warnings
