"""The one CSV writer: UTF-8 with a BOM for Excel, CRLF, and no cell that a spreadsheet would run."""

import csv
import io

import pytest

from core.csv import csv_bytes, csv_lines


def read(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x")'])
def test_a_cell_that_starts_like_a_formula_is_kept_as_text(value):
    assert read(csv_bytes(["title"], [[value]])) == [["title"], ["'" + value]]


@pytest.mark.parametrize("value", ["Доклад", "2016-11-02", "a=b", "1-2", "", "Q&A @ Almaty"])
def test_ordinary_cells_are_written_as_they_are(value):
    assert read(csv_bytes(["title"], [[value]])) == [["title"], [value]]


def test_lists_none_and_numbers_are_written_as_text():
    assert read(csv_bytes(["a", "b", "c"], [[["ru", "en"], None, 1024]])) == [["a", "b", "c"], ["ru;en", "", "1024"]]


def test_lines_end_in_crlf_and_quotes_survive_the_round_trip():
    lines = list(csv_lines(["title"], [['Say "hello", twice\nplease']]))

    assert lines[0] == "\ufefftitle\r\n"
    assert all(line.endswith("\r\n") for line in lines)
    assert read("".join(lines).encode()) == [["title"], ['Say "hello", twice\nplease']]


def test_rows_are_produced_one_at_a_time():
    def rows():
        yield ["first"]
        raise AssertionError("the writer read ahead")

    lines = csv_lines(["title"], rows())

    assert next(lines) == "\ufefftitle\r\n"
    assert next(lines) == "first\r\n"
