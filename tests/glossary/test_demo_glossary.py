"""The demo's glossary: more than a hundred terms of the field, loaded through the CSV import."""

import pytest

from demo.loading import GLOSSARY_CSV, load_glossary
from glossary.expansion import expand
from glossary.models import Term
from glossary.terms_csv import import_csv

pytestmark = pytest.mark.django_db

PAIRS = [
    ("refugee", "беженец"),
    ("stateless person", "лицо без гражданства"),
    ("trafficking in persons", "торговля людьми"),
    ("mixed migration", "смешанные миграционные потоки"),
    ("asylum-seeker", "лицо, ищущее убежища"),
    ("labour migration", "трудовая миграция"),
    ("readmission", "реадмиссия"),
    ("Senior Officials' Meeting", "встреча высших должностных лиц"),
]
ABBREVIATIONS = [("UNHCR", "УВКБ ООН"), ("IOM", "МОМ"), ("SOM", "ВВДЛ")]


@pytest.fixture
def glossary():
    load_glossary()
    return list(Term.objects.all())


def test_the_demo_brings_over_a_hundred_published_terms_each_complete_in_both_languages(glossary):
    assert len(glossary) >= 100
    incomplete = [
        term.slug
        for term in glossary
        if not (term.label_ru and term.label_en and term.definition_ru and term.definition_en and term.source_name)
        or not term.is_published
    ]
    assert incomplete == []


def test_the_demo_has_the_issue_s_pairs_and_abbreviations(glossary):
    pairs = {(term.label_en, term.label_ru) for term in glossary}
    assert [pair for pair in PAIRS if pair not in pairs] == []
    abbreviations = {(tuple(term.abbreviation_list("en")), tuple(term.abbreviation_list("ru"))) for term in glossary}
    assert [pair for pair in ABBREVIATIONS if ((pair[0],), (pair[1],)) not in abbreviations] == []
    stateless = Term.objects.get(label_en="stateless person")
    assert "апатрид" in stateless.synonym_list("ru")
    mixed = Term.objects.get(label_en="mixed migration")
    assert "смешанная миграция" in mixed.synonym_list("ru")


def test_the_demo_cites_the_public_glossaries_it_follows(glossary):
    sources = {term.source_name for term in glossary}

    assert {"IOM Glossary on Migration (2019)", "UNHCR Master Glossary of Terms (2006)"} <= sources


def test_loading_the_demo_glossary_again_changes_nothing(glossary):
    result = import_csv(GLOSSARY_CSV.read_bytes())

    assert (len(result.created), len(result.updated), result.unchanged) == (0, 0, len(glossary))


@pytest.mark.parametrize(
    ("query", "language", "first"),
    [
        ("stateless", "en", "лицо без гражданства"),
        ("лиц без гражданства", "ru", "stateless person"),
        ("беженцев", "ru", "refugee"),
        ("УВКБ ООН", "ru", "Office of the United Nations High Commissioner for Refugees"),
        ("ВВДЛ", "ru", "Senior Officials' Meeting"),
        ("IOM", "en", "Международная организация по миграции"),
        ("торговли людьми", "ru", "trafficking in persons"),
        ("смешанная миграция", "ru", "mixed migration"),
    ],
)
def test_the_demo_glossary_expands_the_issue_s_queries_into_the_other_language(glossary, query, language, first):
    assert expand(query, language).phrases[0] == first
