"""Reading a pasted list of addresses and headlines: every line checked, all saved or none."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from monitoring.models import MonitoringItem
from monitoring.pasting import MAX_LINES, PastedLine, create_items, read_pasted_list
from monitoring.tasks import build_sheet_pdfs

pytestmark = pytest.mark.django_db


def messages(text):
    with pytest.raises(ValidationError) as raised:
        read_pasted_list(text)
    return raised.value.messages


def test_each_layout_gives_the_address_and_the_headline():
    text = (
        "https://a.example.org/1\tTab after the address\n"
        "Dash before the address — https://a.example.org/2\n"
        "Tab before the address\thttps://a.example.org/3\n"
        "https://a.example.org/4 - Hyphen after the address\n"
    )

    assert read_pasted_list(text) == [
        PastedLine(1, "https://a.example.org/1", "Tab after the address"),
        PastedLine(2, "https://a.example.org/2", "Dash before the address"),
        PastedLine(3, "https://a.example.org/3", "Tab before the address"),
        PastedLine(4, "https://a.example.org/4", "Hyphen after the address"),
    ]


def test_too_many_lines_are_refused_with_the_limit_in_correct_russian():
    text = "".join(f"https://a.example.org/{number}\tHeadline\n" for number in range(MAX_LINES + 1))

    with translation.override("ru"):
        assert messages(text) == ["Вставляйте не более 200 строк за раз."]


def test_an_overlong_headline_is_named_by_its_line():
    # Russian is the active language in tests (tests/conftest.py).
    assert messages("https://a.example.org/1\t" + "x" * 501) == ["Строка 1: заголовок длиннее 500 символов."]


def test_a_record_that_fails_validation_leaves_none_of_the_list_saved():
    entries = [
        PastedLine(1, "https://a.example.org/1", "Fine"),
        PastedLine(2, "https://a.example.org/2", "Two\nlines"),
    ]

    with pytest.raises(ValidationError):
        create_items(entries, date=datetime.date(2022, 4, 1), language="en")

    assert MonitoringItem.objects.count() == 0


def test_the_pdf_job_of_a_deleted_sheet_does_nothing():
    assert build_sheet_pdfs.call(123456) == "gone"
