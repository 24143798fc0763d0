"""glossary.expansion.expand: a query that names a term also searches the term's other words."""

import datetime

import pytest
from django.utils import timezone

from glossary.expansion import MAX_PHRASES, Expansion, expand, term_table
from tests.factories import TermFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def refugee():
    return TermFactory(label_ru="беженец", label_en="refugee", synonyms_en="refugees", slug="refugee")


@pytest.fixture
def stateless():
    return TermFactory(
        label_ru="лицо без гражданства",
        label_en="stateless person",
        synonyms_ru="апатрид",
        synonyms_en="stateless people",
        slug="stateless-person",
    )


@pytest.fixture
def unhcr():
    return TermFactory(
        label_ru="Управление Верховного комиссара ООН по делам беженцев",
        label_en="Office of the United Nations High Commissioner for Refugees",
        abbreviations_ru="УВКБ ООН",
        abbreviations_en="UNHCR",
        slug="unhcr",
    )


def test_a_russian_query_adds_the_english_label_first(refugee):
    expansion = expand("беженец", "ru")

    assert expansion.phrases == ("refugee",)  # "refugees" is a form of "refugee"
    assert [term.slug for term in expansion.terms] == ["refugee"]


def test_an_inflected_multi_word_query_finds_its_term(stateless):
    expansion = expand("права лиц без гражданства", "ru")

    # "stateless people" has the lemmas of "stateless person": searching it would add nothing.
    assert expansion.phrases == ("stateless person", "апатрид")


def test_an_english_query_adds_the_russian_label_and_synonyms(stateless):
    expansion = expand("Stateless persons", "en")

    assert expansion.phrases == ("лицо без гражданства", "апатрид")
    assert expansion.terms[0].label("en") == "stateless person"


def test_an_abbreviation_finds_its_term_and_adds_the_other_language_words(unhcr):
    expansion = expand("unhcr", "en")

    assert expansion.phrases == (
        "Управление Верховного комиссара ООН по делам беженцев",
        "УВКБ ООН",
        "Office of the United Nations High Commissioner for Refugees",
    )


def test_yo_and_e_are_the_same_letter():
    TermFactory(label_ru="разлучённый ребёнок", label_en="separated child")

    assert expand("разлученный ребенок", "ru").phrases == ("separated child",)


def test_a_query_naming_no_term_adds_nothing(refugee):
    expansion = expand("погода в Алматы", "ru")

    assert expansion == Expansion()
    assert not expansion


def test_an_excluded_word_is_not_expanded(refugee):
    assert expand("миграция -беженец", "ru").phrases == ()
    assert expand('миграция -"беженец"', "ru").phrases == ()


def test_a_longer_term_wins_over_a_shorter_one_inside_it(stateless):
    TermFactory(label_ru="гражданство", label_en="nationality", synonyms_en="citizenship")

    expansion = expand("лица без гражданства", "ru")

    assert [term.slug for term in expansion.terms] == ["stateless-person"]


def test_several_terms_each_get_their_other_language_label_before_any_synonym(refugee, stateless):
    expansion = expand("беженцы и лица без гражданства", "ru")

    assert expansion.phrases[:2] == ("refugee", "stateless person")
    assert [term.slug for term in expansion.terms] == ["refugee", "stateless-person"]


def test_expansion_is_bounded_and_says_how_many_phrases_it_left_out():
    for number in range(30):
        TermFactory(label_ru=f"термин{number}", label_en=f"term{number}", synonyms_en=f"synonym{number}")
    query = " ".join(f"термин{number}" for number in range(30))

    expansion = expand(query, "ru")

    assert len(expansion.phrases) == MAX_PHRASES
    assert expansion.dropped == 60 - MAX_PHRASES
    assert expansion.phrases[:3] == ("term0", "term1", "term2")


def test_drafts_and_scheduled_terms_do_not_expand_until_published(refugee):
    TermFactory(label_ru="апатрид", label_en="stateless", publication_status="draft")
    TermFactory(label_ru="мигрант", label_en="migrant", publish_at=timezone.now() + datetime.timedelta(days=1))

    assert expand("апатрид", "ru").phrases == ()
    assert expand("мигрант", "ru").phrases == ()
    assert expand("беженец", "ru").phrases == ("refugee",)


def test_the_term_table_is_cached_and_forgotten_when_a_term_is_saved(refugee, django_assert_num_queries):
    term_table()
    with django_assert_num_queries(0):
        expand("беженец", "ru")

    refugee.label_en = "refugee (person)"
    refugee.save()

    assert expand("беженец", "ru").phrases[0] == "refugee (person)"


def test_a_deleted_term_no_longer_expands(refugee):
    assert expand("беженец", "ru")

    refugee.delete()

    assert expand("беженец", "ru").phrases == ()
