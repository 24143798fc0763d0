"""A glossary term: its validation, its words in each language, and how a site search finds it."""

import pytest
from django.core.exceptions import ValidationError

from glossary.models import SEARCHED_FIELDS, Term
from search import engine
from tests.factories import TermFactory

pytestmark = pytest.mark.django_db


def errors_of(term) -> dict:
    with pytest.raises(ValidationError) as error:
        term.full_clean()
    return error.value.message_dict


def test_a_term_needs_a_label_in_at_least_one_language():
    errors = errors_of(Term(slug="nothing"))

    assert errors["label_ru"] == errors["label_en"] == ["Укажите термин на русском, на английском или на обоих языках."]


def test_labels_are_unique_per_language_whatever_the_case_spacing_and_yo():
    TermFactory(label_ru="разлучённый ребёнок", label_en="separated child", slug="separated-child")

    errors = errors_of(Term(label_ru="Разлученный  ребенок", label_en="separated children", slug="other"))

    assert errors == {"label_ru": ["Такой термин уже есть: «разлучённый ребёнок» (separated-child)."]}
    Term(label_ru="несопровождаемый ребёнок", label_en="separated child (2)", slug="unaccompanied").full_clean()


def test_synonyms_are_one_a_line_without_semicolons_or_repeats():
    term = Term(label_en="refugee", synonyms_en="refugees; displaced", abbreviations_ru="УВКБ\nувкб", slug="r")

    errors = errors_of(term)

    assert errors == {
        "synonyms_en": ["Пишите каждый вариант на отдельной строке, а не через «;»: refugees; displaced"],
        "abbreviations_ru": ["«увкб» указано дважды."],
    }


def test_a_term_names_itself_in_each_language_label_then_abbreviations_then_synonyms():
    term = TermFactory(label_en="refugee", abbreviations_en=" ", synonyms_en="refugees\n\n displaced person ")

    assert term.phrases("en") == ["refugee", "refugees", "displaced person"]
    assert term.get_absolute_url() == f"/ru/glossary/#{term.slug}"
    assert str(TermFactory(label_ru="", label_en="pushback")) == "pushback"


def test_a_site_search_finds_a_public_term_by_an_abbreviation_or_a_form_of_a_synonym():
    TermFactory(label_en="Office of the UN High Commissioner for Refugees", abbreviations_ru="УВКБ ООН", slug="u")
    TermFactory(label_ru="лицо без гражданства", synonyms_ru="апатрид", slug="s")
    TermFactory(label_ru="апатрид (черновик)", slug="d", publication_status="draft")

    def found(query):
        return sorted(
            Term.objects.public().filter(engine.text_q(query, SEARCHED_FIELDS)).values_list("slug", flat=True)
        )

    assert found("УВКБ") == ["u"]
    assert found("апатриды") == ["s"]
