"""The glossary as CSV: one layout for export and import.

The layout (documented to editors on the admin's import page) is one term a row, with the columns
of COLUMNS. Synonyms and abbreviations are separated by «;» within their cell, as core.csv writes
lists. The import is idempotent (a row finds its term by slug, else by either label) and all or
nothing: every row is checked first, and only when all are sound is anything written, in one
transaction; otherwise each bad row is reported with its line number.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.csv import FORMULA_LEADERS, csv_bytes
from core.i18n import LANGUAGE_CODES
from core.slugs import urlify
from core.text import decode_text
from glossary.models import LIST_SEPARATOR, Term, label_key

LIST_FIELDS = ("synonyms", "abbreviations")
TRANSLATED = ("label", "synonyms", "abbreviations", "definition")
COLUMNS = [
    "slug",
    *(f"{name}_{code}" for name in TRANSLATED for code in LANGUAGE_CODES),
    "source_name",
    "source_url",
    "status",
]
REQUIRED_COLUMNS = [f"label_{code}" for code in LANGUAGE_CODES]
# Fields an import writes (the columns, less the status, which is the publication status).
WRITTEN = [name for name in COLUMNS if name != "status"] + ["publication_status"]
MAX_ROWS = 5000


@dataclass
class LineError:
    line: int
    message: str

    def __str__(self):
        return _("line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


class ImportFailed(Exception):
    """Nothing was imported; `errors` says why, line by line."""

    def __init__(self, errors: list[LineError]):
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors


@dataclass
class ImportResult:
    created: list[Term] = field(default_factory=list)
    updated: list[Term] = field(default_factory=list)
    unchanged: int = 0


# --- Export --------------------------------------------------------------------------------------------------------


def term_row(term: Term) -> list:
    values = {"slug": term.slug, "source_name": term.source_name, "source_url": term.source_url}
    for code in LANGUAGE_CODES:
        values[f"label_{code}"] = getattr(term, f"label_{code}")
        values[f"definition_{code}"] = getattr(term, f"definition_{code}")
        values[f"synonyms_{code}"] = term.synonym_list(code)
        values[f"abbreviations_{code}"] = term.abbreviation_list(code)
    values["status"] = term.publication_status
    return [values[name] for name in COLUMNS]


def export_csv(terms) -> bytes:
    """The terms as one CSV file in the import's layout (UTF-8 with a BOM, for Excel)."""
    return csv_bytes(COLUMNS, (term_row(term) for term in terms.order_by("slug")))


# --- Import --------------------------------------------------------------------------------------------------------


def _cell(value: str | None) -> str:
    value = (value or "").strip()
    # core.csv puts an apostrophe before text a spreadsheet would run as a formula; take it off again.
    if value.startswith("'") and value[1:2].startswith(FORMULA_LEADERS) and value[1:2]:
        return value[1:]
    return value


def _status(value: str) -> str | None:
    if not value:
        return Term.PublicationStatus.PUBLISHED
    for code, label in Term.PublicationStatus.choices:
        if value.casefold() in {code.casefold(), str(label).casefold()}:
            return code
    return None


def _records(text: str):
    """(line number where the record starts, record) for each record of the CSV text."""
    reader = csv.DictReader(text.splitlines(keepends=True))
    reader.fieldnames  # noqa: B018  (reads the header line, so that line_num counts from it)
    while True:
        start = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        yield start, record


def _read_header(text: str) -> list[str]:
    return next(csv.reader(text.splitlines()[:1]), [])


def _values(record: dict) -> dict[str, str]:
    values = {name: _cell(record.get(name)) for name in COLUMNS}
    for name in LIST_FIELDS:
        for code in LANGUAGE_CODES:
            key = f"{name}_{code}"
            values[key] = "\n".join(item.strip() for item in values[key].split(LIST_SEPARATOR) if item.strip())
    return values


class _Planner:
    """Finds each row's term (by slug, else by a label) and keeps slugs and labels unique across the file."""

    def __init__(self):
        self.terms = list(Term.objects.all())
        self.by_slug = {term.slug: term for term in self.terms}
        self.by_label = {
            (code, label_key(label)): term
            for term in self.terms
            for code in LANGUAGE_CODES
            if (label := getattr(term, f"label_{code}"))
        }
        self.slugs_in_file: dict[str, int] = {}
        self.labels_in_file: dict[tuple[str, str], int] = {}
        self.claimed: dict[int, int] = {}  # term pk -> line

    def find(self, values: dict) -> Term | None:
        if values["slug"]:
            return self.by_slug.get(values["slug"])
        for code in LANGUAGE_CODES:
            label = values[f"label_{code}"]
            if label and (term := self.by_label.get((code, label_key(label)))) is not None:
                return term
        return None

    def new_slug(self, values: dict) -> str:
        text = next((values[f"label_{code}"] for code in ("en", *LANGUAGE_CODES) if values.get(f"label_{code}")), "")
        base = urlify(text, Term._meta.get_field("slug").max_length - 4) or "term"
        slug, number = base, 1
        while slug in self.by_slug or slug in self.slugs_in_file:
            number += 1
            slug = f"{base}-{number}"
        return slug

    def claim(self, line: int, term: Term, values: dict) -> list[str]:
        """Errors when another row of the file already took this term, its slug or one of its labels."""
        problems = []
        if term.pk is not None:
            if term.pk in self.claimed:
                problems.append(_("the same term as line %(line)d") % {"line": self.claimed[term.pk]})
            self.claimed.setdefault(term.pk, line)
        if term.slug in self.slugs_in_file and term.pk is None:
            problems.append(
                _("slug “%(slug)s” is also on line %(line)d")
                % {"slug": term.slug, "line": self.slugs_in_file[term.slug]}
            )
        self.slugs_in_file.setdefault(term.slug, line)
        for code in LANGUAGE_CODES:
            label = values[f"label_{code}"]
            if not label:
                continue
            key = (code, label_key(label))
            if key in self.labels_in_file:
                problems.append(
                    _("the term “%(label)s” is also on line %(line)d")
                    % {"label": label, "line": self.labels_in_file[key]}
                )
            self.labels_in_file.setdefault(key, line)
        return problems


def _messages(error: ValidationError) -> list[str]:
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    return [f"{name}: {message}" for name, messages in error.message_dict.items() for message in messages]


def _changed(term: Term, values: dict) -> bool:
    # Translation fields left empty are NULL; an empty cell is the same.
    return term.pk is None or any((getattr(term, name) or "") != value for name, value in values.items())


def check_rows(text: str) -> tuple[list[tuple[Term, bool]], list[LineError]]:
    """Each row's term with its new values set (and whether anything changed), or the errors found."""
    header = [name.strip() for name in _read_header(text)]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    unknown = [name for name in header if name and name not in COLUMNS]
    if missing or unknown:
        message = _("The first line must name the columns: %(columns)s.") % {"columns": ", ".join(COLUMNS)}
        if missing:
            message += " " + _("Missing: %(columns)s.") % {"columns": ", ".join(missing)}
        if unknown:
            message += " " + _("Unknown: %(columns)s.") % {"columns": ", ".join(unknown)}
        return [], [LineError(1, message)]
    planner = _Planner()
    planned, errors = [], []
    for line, record in _records(text):
        if len(planned) + len(errors) >= MAX_ROWS:
            errors.append(LineError(line, _("a file holds at most %(count)d terms") % {"count": MAX_ROWS}))
            break
        if None in record:
            errors.append(LineError(line, _("more cells than columns")))
            continue
        values = _values(record)
        if not any(values.values()):
            continue  # an empty line in a spreadsheet
        status = _status(values.pop("status"))
        if status is None:
            errors.append(LineError(line, _("status must be “published” or “draft”")))
            continue
        values["publication_status"] = status
        term = planner.find(values)
        if term is None:
            term = Term(slug=values["slug"] or planner.new_slug(values))
        if not values["slug"]:
            values["slug"] = term.slug
        changed = _changed(term, values)
        for name, value in values.items():
            setattr(term, name, value)
        problems = planner.claim(line, term, values)
        try:
            term.full_clean()
        except ValidationError as error:
            problems += _messages(error)
        errors += [LineError(line, problem) for problem in problems]
        planned.append((term, changed))
    return planned, errors


def import_csv(data: bytes, user=None) -> ImportResult:
    """Create or update the file's terms, all or none; raises ImportFailed naming each bad line.

    The changes are one revision in each term's history, under `user`'s name when given.
    """
    text = decode_text(data)
    if text is None:
        raise ImportFailed([LineError(1, _("the file is neither UTF-8 nor Windows-1251 text"))])
    planned, errors = check_rows(text)
    if errors:
        raise ImportFailed(errors)
    result = ImportResult()
    with transaction.atomic(), reversion.create_revision():
        reversion.set_comment(_("Imported from CSV."))
        if user is not None:
            reversion.set_user(user)
        for term, changed in planned:
            if not changed:
                result.unchanged += 1
                continue
            (result.updated if term.pk else result.created).append(term)
            term.save()
    return result
