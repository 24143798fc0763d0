"""Latin spellings of Russian words read back into Cyrillic (search.transliteration): a typing habit."""

import pytest
from django.contrib.auth.models import AnonymousUser

from documents.models import Document
from search import engine
from search.transliteration import (
    MAX_PHRASES,
    MAX_VARIANTS_PER_WORD,
    cyrillic_variants,
    transliterated_phrases,
)


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("Almaty", "алматы"),
        ("Bishkek", "бишкек"),
        ("Dushanbe", "душанбе"),
        ("Ashgabat", "ашхабад"),
        ("Ashkhabad", "ашхабад"),
        ("Tashkent", "ташкент"),
        ("Kazakhstan", "казахстан"),
        ("Kyrgyzstan", "кыргызстан"),
        ("Tadzhikistan", "таджикистан"),
        ("Khujand", "худжанд"),
        ("Zheneva", "женева"),
        ("Stambul", "стамбул"),
        ("Istanbul", "стамбул"),
        ("Sofiya", "софия"),
        ("Yerevan", "ереван"),
        ("Alma-Ata", "алма-ата"),
        ("protsess", "процесс"),
        ("bezhentsy", "беженцы"),
    ],
)
def test_a_place_name_typed_in_latin_letters_reads_as_its_russian_name_first(latin, cyrillic):
    assert cyrillic_variants(latin)[0] == cyrillic


@pytest.mark.parametrize(("latin", "cyrillic"), [("Almatinskiy", "алматинский"), ("Almatinsky", "алматинский")])
def test_an_adjective_ending_reads_as_russian_writes_it(latin, cyrillic):
    assert cyrillic_variants(latin)[0] == cyrillic


def test_an_ambiguous_letter_offers_its_other_reading_too():
    # "e" is «е» or «э»; "h" is «х» or «г».
    assert cyrillic_variants("Ekibastuz")[:2] == ["экибастуз", "екибастуз"]
    assert cyrillic_variants("Helsinki")[:2] == ["хелсинки", "гелсинки"]


@pytest.mark.parametrize("word", ["беженец", "Almaty2", "", "UN/IOM", "São"])
def test_anything_but_a_latin_word_has_no_reading(word):
    assert cyrillic_variants(word) == []


def test_a_word_has_a_few_readings_at_most():
    assert 1 <= len(cyrillic_variants("Yekaterinburgskiy")) <= MAX_VARIANTS_PER_WORD


def test_a_query_is_read_in_cyrillic_where_its_words_read_as_russian_words():
    assert transliterated_phrases("Zheneva 2005") == ["женева 2005"]
    assert transliterated_phrases("refugees in Almaty") == ["refugees in алматы", "рефугеес in алматы"]
    # «алматинский» is not in the dictionary, «процесс» is: the second phrase reads every word.
    assert transliterated_phrases("Almatinskiy protsess") == ["Almatinskiy процесс", "алматинский процесс"]


def test_an_english_query_short_words_and_cyrillic_get_no_reading():
    assert transliterated_phrases("refugees") == []
    assert transliterated_phrases("trafficking in persons") == []
    assert transliterated_phrases("UN in Almaty") == ["UN in алматы"]
    assert transliterated_phrases("беженцы") == []
    assert transliterated_phrases("of the") == []


def test_a_query_with_an_excluded_word_or_an_alternative_is_not_read():
    # Expansions are plain phrases: «алматы бишкек» would ask for Bishkek instead of excluding it.
    assert transliterated_phrases("Almaty -Bishkek") == []
    assert transliterated_phrases("Almaty OR Bishkek") == []
    assert transliterated_phrases('"Almaty" meeting')[0].startswith('"алматы" ')


def test_a_long_query_is_not_read_and_a_short_one_gives_a_few_phrases_at_most():
    names = "Kyrgyzstan Tajikistan Turkmenistan Uzbekistan Kazakhstan"
    assert transliterated_phrases(" ".join([names] * 40)) == []
    phrases = transliterated_phrases(f"{names} Almaty Dushanbe Bishkek")
    assert phrases[0] == "кыргызстан таджикистан туркменистан узбекистан казахстан алматы душанбе бишкек"
    assert len(phrases) <= MAX_PHRASES


def test_the_readings_are_searched_after_the_callers_expansions():
    parsed = engine.parse_query("Zheneva", also=["Geneva"])
    assert [term.lemmas for term in parsed.also] == [("geneva",), ("женева",)]
    assert engine.parse_query("refugees").also == ()


@pytest.mark.django_db
def test_a_place_name_typed_in_latin_letters_finds_the_russian_text(document_with_text):
    document_with_text("Встреча прошла в Женеве.", title_ru="Доклад из Женевы", title_en="")
    document_with_text("Встреча прошла в Минске.", title_ru="Доклад из Минска", title_en="")
    document_with_text("The meeting was held in Geneva.", language="en", title_ru="Report", title_en="")

    documents, _snippets = engine.search_documents(Document.objects.visible_to(AnonymousUser()), "Zheneva")
    assert [document.title_ru for document in documents] == ["Доклад из Женевы"]


def test_the_readings_take_only_the_room_the_callers_expansions_leave():
    expansions = [f"термин{number}" for number in range(engine.MAX_ALSO)]
    parsed = engine.parse_query("Zheneva", also=expansions)
    assert len(parsed.also) == engine.MAX_ALSO
    assert ("женева",) not in [term.lemmas for term in parsed.also]
    # Nothing the reader typed or the glossary offered was left out, so the page has nothing to say.
    assert parsed.dropped_also == ()
