"""Importing indicator values from the CSV files that the public sources publish.

Two layouts are read, recognised by their header row:

- the World Bank's World Development Indicators CSV (the "CSV" download of an indicator page):
  a few lines of metadata, then "Country Name","Country Code","Indicator Name","Indicator Code",
  "1960","1961",… with one row per country and indicator and one column per year; an empty cell
  (or DataBank's "..") is a year without a value. The indicator is found by its "Indicator Code".
- UNHCR's Refugee Data Finder export (population.csv): "Year","Country of origin","Country of origin
  (ISO)","Country of asylum","Country of asylum (ISO)", then one column per population type
  ("Refugees under UNHCR's mandate", "Asylum-seekers", "Stateless persons"…). A state's figure for a
  year is the sum over the countries of origin of the rows with that state as country of asylum; the
  indicators are the columns whose header is an indicator's code in the source file.

States are matched by their ISO 3166-1 alpha-3 code; rows of countries (and of the sources' regional
aggregates) that are not states of the portal are skipped and counted. Every bad row is reported by
its line number, and a file with any bad row changes nothing. Importing the same file again changes
nothing either: a value is created, updated or left as it is.
"""

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import reversion
from django.db import transaction
from django.utils.translation import gettext as _

from core.text import decode_text
from indicators.models import DECIMAL_PLACES, FIRST_YEAR, LAST_YEAR, MAX_DIGITS, Indicator, IndicatorValue
from participants.models import State

# The largest file accepted (UNHCR's whole population table is about 8 MB).
MAX_FILE_SIZE = 20 * 1024 * 1024
# A header row is looked for among the first lines only: a file without one is not one of ours.
HEADER_SEARCH_LINES = 30
# A long list of bad rows is cut: the first ones are enough to see what is wrong.
MAX_ERRORS = 50

ISO3 = re.compile(r"^[A-Z]{3}$")
YEAR = re.compile(r"^\d{4}$")
EMPTY_CELLS = {"", "-", ".."}
QUANTUM = Decimal(1).scaleb(-DECIMAL_PLACES)
LIMIT = Decimal(10) ** (MAX_DIGITS - DECIMAL_PLACES)

WDI = "wdi"
UNHCR = "unhcr"
LAYOUT_NAMES = {
    WDI: "World Bank, World Development Indicators",
    UNHCR: "UNHCR Refugee Data Finder",
}
WDI_COLUMNS = ("Country Code", "Indicator Code")
UNHCR_COLUMNS = ("Year", "Country of origin (ISO)", "Country of asylum (ISO)")


class FigureImportError(Exception):
    """The file cannot be imported; `messages` say why, bad rows by their line number."""

    def __init__(self, messages):
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))


@dataclass(frozen=True)
class Figure:
    line: int
    iso3: str
    code: str
    year: int
    value: Decimal


@dataclass
class ParsedFile:
    layout: str
    figures: list[Figure] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ImportResult:
    layout: str
    created: int
    updated: int
    unchanged: int
    # Alpha-3 codes of the rows left out because they are not states of the portal.
    skipped_codes: tuple[str, ...]

    def summary(self) -> str:
        """What the import did, in a sentence or two for the editor."""
        message = _("Figures imported. Created: %(created)d, updated: %(updated)d, unchanged: %(unchanged)d.") % {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }
        if self.skipped_codes:
            message += " " + _("Left out, not states of the portal: %(codes)s.") % {
                "codes": ", ".join(self.skipped_codes)
            }
        return message


def line_error(line: int, message: str) -> str:
    return _("Line %(line)d: %(message)s") % {"line": line, "message": message}


def decode(data: bytes) -> str:
    if not data.strip():
        raise FigureImportError([_("The file is empty.")])
    text = decode_text(data)
    # UTF-16 (what Excel calls "Unicode text") decodes as Windows-1251 full of NUL characters.
    if text is None or "\x00" in text:
        raise FigureImportError(
            [_("The file is neither UTF-8 nor Windows-1251 text. Save it as “CSV UTF-8” and try again.")]
        )
    return text


def numbered_rows(text: str):
    """Each CSV record with the number of the line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            message = _("this is not valid CSV (%(reason)s).") % {"reason": error}
            raise FigureImportError([line_error(start, message)]) from None
        yield start, [cell.strip() for cell in row]


def parse_number(cell: str) -> Decimal:
    """A figure as the sources write it: digits, a point for decimals, perhaps an exponent; no separators."""
    try:
        number = Decimal(cell)
    except InvalidOperation:
        raise ValueError(_("“%(cell)s” is not a number.") % {"cell": cell}) from None
    if not number.is_finite():
        raise ValueError(_("“%(cell)s” is not a number.") % {"cell": cell})
    number = number.quantize(QUANTUM)
    if abs(number) >= LIMIT:
        raise ValueError(_("%(cell)s is too large for a figure.") % {"cell": cell})
    return number


def parse_year(cell: str) -> int:
    if not YEAR.match(cell) or not FIRST_YEAR <= int(cell) <= LAST_YEAR:
        raise ValueError(
            _("“%(cell)s” is not a year between %(first)d and %(last)d.")
            % {"cell": cell, "first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return int(cell)


def check_iso3(cell: str) -> str:
    if not ISO3.match(cell):
        raise ValueError(_("“%(cell)s” is not an ISO 3166-1 alpha-3 country code.") % {"cell": cell})
    return cell


def short_row(line: int, row: list[str], header: list[str]) -> str | None:
    if len(row) < len(header) and any(row):
        return line_error(
            line,
            _("the row has %(found)d fields, the header %(expected)d.") % {"found": len(row), "expected": len(header)},
        )
    return None


def parse_wdi(rows, header: list[str], codes: set[str]) -> ParsedFile:
    parsed = ParsedFile(WDI)
    country, indicator = (header.index(name) for name in WDI_COLUMNS)
    years = [(index, int(name)) for index, name in enumerate(header) if YEAR.match(name)]
    seen: dict[tuple[str, str], int] = {}
    for line, row in rows:
        if not any(row):
            continue
        if error := short_row(line, row, header):
            parsed.errors.append(error)
            continue
        try:
            iso3 = check_iso3(row[country])
        except ValueError as error:
            parsed.errors.append(line_error(line, str(error)))
            continue
        code = row[indicator]
        if code not in codes:
            parsed.errors.append(
                line_error(
                    line,
                    _("no indicator has the code “%(code)s”; give an indicator this code in the source file first.")
                    % {"code": code},
                )
            )
            continue
        if (iso3, code) in seen:
            parsed.errors.append(
                line_error(
                    line,
                    _("%(country)s and %(code)s are already on line %(first)d.")
                    % {"country": iso3, "code": code, "first": seen[iso3, code]},
                )
            )
            continue
        seen[iso3, code] = line
        for index, year in years:
            cell = row[index]
            if cell in EMPTY_CELLS:
                continue
            try:
                parsed.figures.append(Figure(line, iso3, code, year, parse_number(cell)))
            except ValueError as error:
                parsed.errors.append(line_error(line, f"{header[index]}: {error}"))
    return parsed


def parse_unhcr(rows, header: list[str], codes: set[str], header_line: int) -> ParsedFile:
    parsed = ParsedFile(UNHCR)
    year_column, origin, asylum = (header.index(name) for name in UNHCR_COLUMNS)
    columns = [(index, name) for index, name in enumerate(header) if name in codes]
    if not columns:
        raise FigureImportError(
            [
                line_error(
                    header_line,
                    _(
                        "no column of this file is the code of an indicator; "
                        "give an indicator the header of its column as its code."
                    ),
                )
            ]
        )
    totals: dict[tuple[str, str, int], Decimal] = defaultdict(Decimal)
    first_lines: dict[tuple[str, str, int], int] = {}
    seen: dict[tuple[int, str, str], int] = {}
    for line, row in rows:
        if not any(row):
            continue
        if error := short_row(line, row, header):
            parsed.errors.append(error)
            continue
        try:
            year = parse_year(row[year_column])
            if row[asylum] in EMPTY_CELLS:
                raise ValueError(_("the country of asylum is missing: export the table by country of asylum."))
            iso3 = check_iso3(row[asylum])
        except ValueError as error:
            parsed.errors.append(line_error(line, str(error)))
            continue
        key = (year, row[origin], iso3)
        if key in seen:
            parsed.errors.append(
                line_error(
                    line,
                    _("%(year)d, %(origin)s to %(asylum)s is already on line %(first)d.")
                    % {"year": year, "origin": row[origin], "asylum": iso3, "first": seen[key]},
                )
            )
            continue
        seen[key] = line
        for index, code in columns:
            cell = row[index]
            if cell in EMPTY_CELLS:
                continue
            try:
                number = parse_number(cell)
            except ValueError as error:
                parsed.errors.append(line_error(line, f"{code}: {error}"))
                continue
            totals[iso3, code, year] += number
            first_lines.setdefault((iso3, code, year), line)
    parsed.figures = [Figure(first_lines[key], key[0], key[1], key[2], total) for key, total in totals.items()]
    return parsed


def parse_figures(data: bytes, codes: set[str]) -> ParsedFile:
    """The figures of a WDI or UNHCR file, for the indicators with these codes; bad rows as errors."""
    rows = numbered_rows(decode(data))
    for line, row in rows:
        if line > HEADER_SEARCH_LINES:
            break
        if all(name in row for name in WDI_COLUMNS):
            return parse_wdi(rows, row, codes)
        if all(name in row for name in UNHCR_COLUMNS):
            return parse_unhcr(rows, row, codes, line)
    raise FigureImportError(
        [
            _(
                "This is neither a World Bank WDI CSV file (with the columns “Country Code” and “Indicator Code”) "
                "nor a UNHCR Refugee Data Finder export (with “Year” and “Country of asylum (ISO)”)."
            )
        ]
    )


def cut(errors: list[str]) -> list[str]:
    if len(errors) <= MAX_ERRORS:
        return errors
    return [*errors[:MAX_ERRORS], _("… and %(count)d more.") % {"count": len(errors) - MAX_ERRORS}]


@transaction.atomic
def import_figures(data: bytes, *, retrieved: date, name: str = "", is_sample: bool = False, user=None) -> ImportResult:
    """Create or update the values in the file; nothing at all when any row is bad.

    Each value's source is the layout's name, with the file's `name` when given. The values created or
    changed are recorded in their history as one revision, by `user` when given.
    """
    if len(data) > MAX_FILE_SIZE:
        raise FigureImportError([_("The file is larger than %(size)d MB.") % {"size": MAX_FILE_SIZE // (1024 * 1024)}])
    indicators = {indicator.source_code: indicator for indicator in Indicator.objects.exclude(source_code="")}
    parsed = parse_figures(data, set(indicators))
    if parsed.errors:
        raise FigureImportError(cut(parsed.errors))
    source = f"{LAYOUT_NAMES[parsed.layout]} ({name})" if name else LAYOUT_NAMES[parsed.layout]
    codes = {figure.iso3 for figure in parsed.figures}
    states = {state.iso_alpha3: state for state in State.objects.filter(iso_alpha3__in=codes)}
    existing = {
        (value.indicator_id, value.state_id, value.year): value
        for value in IndicatorValue.objects.select_for_update().filter(
            indicator__in=indicators.values(), state__in=states.values()
        )
    }
    with reversion.create_revision(atomic=False):
        reversion.set_comment(_("Imported from %(source)s.") % {"source": source})
        if user is not None:
            reversion.set_user(user)
        counts = write_figures(parsed.figures, indicators, states, existing, source, retrieved, is_sample)
    return ImportResult(parsed.layout, *counts, tuple(sorted(codes - set(states))))


def write_figures(figures, indicators, states, existing, source, retrieved, is_sample) -> tuple[int, int, int]:
    created = updated = unchanged = 0
    for figure in figures:
        if figure.iso3 not in states:
            continue
        indicator, state = indicators[figure.code], states[figure.iso3]
        fields = {"value": figure.value, "source": source, "retrieved": retrieved, "is_sample": is_sample}
        value = existing.get((indicator.pk, state.pk, figure.year))
        if value is None:
            IndicatorValue.objects.create(indicator=indicator, state=state, year=figure.year, **fields)
            created += 1
        elif all(getattr(value, key) == new for key, new in fields.items()):
            unchanged += 1
        else:
            for key, new in fields.items():
                setattr(value, key, new)
            value.save(update_fields=list(fields))
            updated += 1
    return created, updated, unchanged


def import_figures_file(path, *, retrieved: date, is_sample: bool = False) -> ImportResult:
    """Read a file from disk and import it (see import_figures)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_SIZE + 1)
    except OSError as error:
        raise FigureImportError(
            [_("Cannot read “%(path)s”: %(reason)s") % {"path": path, "reason": error.strerror}]
        ) from None
    return import_figures(data, name=Path(path).name, retrieved=retrieved, is_sample=is_sample)
