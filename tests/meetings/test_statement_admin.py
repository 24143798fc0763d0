"""Editing an outcome statement in the admin: paragraphs are numbered without typing the numbers."""

import pytest
from django.urls import reverse
from django.utils import translation

from meetings.models import StatementParagraph
from tests.factories import OutcomeStatementFactory, StatementParagraphFactory

pytestmark = pytest.mark.django_db


def statement_form(statement, rows):
    data = {
        "meeting": statement.meeting_id,
        "title_ru": statement.title_ru,
        "title_en": statement.title_en,
        "paragraphs-TOTAL_FORMS": str(len(rows)),
        "paragraphs-INITIAL_FORMS": str(sum(1 for row in rows if row.get("id"))),
        "paragraphs-MIN_NUM_FORMS": "0",
        "paragraphs-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"paragraphs-{index}-{name}": value for name, value in row.items()})
        data[f"paragraphs-{index}-statement"] = statement.pk
    return data


def change_url(statement):
    with translation.override("en"):
        return reverse("admin:meetings_outcomestatement_change", args=[statement.pk])


def test_new_paragraphs_without_a_number_get_the_next_numbers(editor_client):
    statement = OutcomeStatementFactory()
    first = StatementParagraphFactory(statement=statement, number=1, text_en="One.")
    second = StatementParagraphFactory(statement=statement, number=2, text_en="Two.")
    rows = [
        {"id": first.pk, "number": "1", "text_en": "One.", "text_ru": first.text_ru},
        {"id": second.pk, "number": "2", "text_en": "Two.", "text_ru": second.text_ru},
        {"number": "", "text_en": "Three.", "text_ru": "Три."},
        {"number": "", "text_en": "Four.", "text_ru": "Четыре."},
        {"number": "", "text_en": "", "text_ru": ""},
    ]

    response = editor_client.post(change_url(statement), statement_form(statement, rows))

    assert response.status_code == 302
    assert list(statement.paragraphs.values_list("number", "text_en")) == [
        (1, "One."),
        (2, "Two."),
        (3, "Three."),
        (4, "Four."),
    ]


def test_a_number_typed_by_hand_is_kept_and_still_checked_for_repeats(editor_client):
    statement = OutcomeStatementFactory()
    rows = [
        {"number": "5", "text_en": "Five.", "text_ru": "Пять."},
        {"number": "", "text_en": "Six.", "text_ru": "Шесть."},
        {"number": "5", "text_en": "Again five.", "text_ru": "Снова пять."},
    ]

    response = editor_client.post(change_url(statement), statement_form(statement, rows))

    assert response.status_code == 200
    assert StatementParagraph.objects.filter(statement=statement).count() == 0
