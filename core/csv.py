"""The one CSV writer for every CSV the portal emits (catalogue exports, the meeting zip's manifest).

UTF-8 with a byte-order mark (Excel reads UTF-8, Cyrillic included, only then), CRLF line ends, and
cells that a spreadsheet would run as a formula neutralised with a leading apostrophe.
"""

import csv
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

BOM = "\ufeff"
# A cell starting with one of these is read as a formula (or, after a tab or CR, as the start of one).
FORMULA_LEADERS = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """A value as CSV text: lists joined with ";", None as empty, formula leaders behind an apostrophe.

    A number is written as it is, without an exponent: "-5" given as a number is no formula, and data
    readers (the open-data package) must read it as a number.
    """
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if value is None:
        text = ""
    elif isinstance(value, list | tuple):
        text = ";".join(str(item) for item in value)
    else:
        text = str(value)
    if text.startswith(FORMULA_LEADERS):
        return "'" + text
    return text


class _Echo:
    """A file-like object for csv.writer that hands back the line it is given."""

    def write(self, value):
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    """The header (after the BOM) and each row as one CSV line, ready to stream."""
    writer = csv.writer(_Echo(), quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    yield BOM + writer.writerow([cell(name) for name in header])
    for row in rows:
        yield writer.writerow([cell(value) for value in row])


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """A whole small CSV file as UTF-8 bytes."""
    return "".join(csv_lines(header, rows)).encode("utf-8")
