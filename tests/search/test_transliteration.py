"""Latin spellings of Russian words read back into Cyrillic (search.transliteration): a typing habit."""

import pytest

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


def test_a_query_is_read_whole_with_its_likeliest_readings_first():
    assert transliterated_phrases("Almatinskiy protsess")[0] == "алматинский процесс"
    assert transliterated_phrases("Zheneva 2005")[0] == "женева 2005"


def test_short_words_and_cyrillic_stay_as_typed():
    assert transliterated_phrases("UN in Almaty")[0] == "UN in алматы"
    assert transliterated_phrases("беженцы") == []
    assert transliterated_phrases("of the") == []


def test_a_long_latin_query_gives_no_more_than_a_few_phrases():
    query = " ".join(["Kyrgyzstan Tajikistan Turkmenistan Uzbekistan Kazakhstan"] * 40)
    phrases = transliterated_phrases(query)
    assert 1 <= len(phrases) <= MAX_PHRASES
    assert phrases[0].startswith("кыргызстан таджикистан туркменистан")
