"""Every form of a word finds every other: lemmas in the index and in the query, on either database."""

import pytest
from django.contrib.auth.models import AnonymousUser

from documents.models import Document
from participants.models import Organisation
from search import engine
from search.lemmas import lemmatise
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def found(query, also=()):
    documents, _snippets = engine.search_documents(Document.objects.visible_to(AnonymousUser()), query, also)
    return sorted(document.title_ru for document in documents)


@pytest.mark.parametrize(
    ("text", "lemmas"),
    [
        ("Беженцев беженцам беженцы", "беженец беженец беженец"),
        ("людей людьми человек", "человек человек человек"),
        ("детей дети ребёнок", "ребенок ребенок ребенок"),
        ("выполненных выполнили выполнить", "выполнить выполнить выполнить"),
        ("оказавшиеся оказались", "оказаться оказаться"),
        ("лиц лица лицо", "лицо лицо лицо"),
        ("Ёлки елки", "елка елка"),
        ("ВВДЛ ввдл", "ввдл ввдл"),
        ("refugees refugee", "refuge refuge"),
        ("protected protecting protects", "protect protect protect"),
        ("children child fled flee", "child child flee flee"),
        ("государства-участники", "государство участник государстваучастник"),
    ],
)
def test_forms_of_a_word_share_a_lemma(text, lemmas):
    assert lemmatise(text) == lemmas


@pytest.fixture
def statement(seeds_dir, document_with_text):
    """The Third SOM outcome statement (seed 001), under a title that names none of the words searched."""
    text = (seeds_dir / "001_f5bf1f298d79ffb4.txt").read_text(encoding="utf-8")
    document_with_text(text, title_ru="Третье СДЛ: итоговое заявление", title_en="")
    document_with_text("Повестка дня и порядок работы.", title_ru="Повестка", title_en="")


@pytest.mark.parametrize(
    "query",
    [
        "беженец",  # the statement says «беженцев», «беженцам», «беженцы»
        '"лицо без гражданства"',  # «лица без гражданства»
        '"лиц без гражданства"',
        "человек",  # «людей», «людьми»: the stem changes
        "ребенок",  # «дети»
        "подчеркнуть",  # «подчеркнули»
        "оказавшийся",  # «оказавшиеся»
        '"торговля людьми"',  # «торговли людьми», «торговле людьми»
        "государство-участник",  # «государства-участники»
        "государстваучастники",  # the hyphen left out
        "убежденность",  # ё/е: the statement writes «убежденность»
        "убеждённость",
    ],
)
def test_the_outcome_statement_is_found_by_other_forms(statement, query):
    assert found(query) == ["Третье СДЛ: итоговое заявление"]


@pytest.fixture
def archive(document_with_text):
    document_with_text("Положение беженцев в регионе.", title_ru="Беженцы", title_en="")
    document_with_text("The refugee was granted asylum.", language="en", title_ru="Убежище", title_en="")
    document_with_text("Права трудовых мигрантов и защита их семей.", title_ru="Мигранты", title_en="")
    document_with_text("Защита прав детей-мигрантов.", title_ru="Дети", title_en="")
    document_with_text("Children fled the fighting; states protected them.", language="en", title_ru="Children")


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("беженцы", ["Беженцы"]),
        ("refugees", ["Убежище"]),
        ("child", ["Children"]),
        ("flee protecting", ["Children"]),
        ('"трудовой мигрант"', ["Мигранты"]),
        ('"мигрант трудовой"', []),
        ("беженец OR asylums", ["Беженцы", "Убежище"]),
        ("мигрант -ребенок", ["Мигранты"]),
        ("мигранты -детей", ["Мигранты"]),
        ("дети-мигранты", ["Дети"]),
        ("ребёнок", ["Дети"]),
        ("и", []),
    ],
)
def test_web_search_syntax_works_with_lemmas(archive, query, titles):
    assert found(query) == titles


def test_text_q_finds_forms_whose_stem_changes():
    OrganisationFactory(name_ru="Центр защиты детей", name_en="Centre", slug="children")
    OrganisationFactory(name_ru="Торговля людьми", name_en="Trafficking", slug="trafficking")
    fields = ["name_ru", "name_en"]

    def slugs(query):
        return sorted(Organisation.objects.filter(engine.text_q(query, fields)).values_list("slug", flat=True))

    assert slugs("ребёнок") == ["children"]
    assert slugs("человек") == ["trafficking"]
    assert slugs('"торговля людьми"') == ["trafficking"]


def test_snippets_mark_forms_whose_stem_changes(document_with_text):
    document = document_with_text("Торговля людьми и права детей.", title_en="")

    _documents, snippets = engine.search_documents(Document.objects.all(), "человек ребёнок")
    snippet = snippets([document])[document.pk]

    assert "<mark>людьми</mark>" in snippet
    assert "<mark>детей</mark>" in snippet
    assert "<mark>Торговля</mark>" not in snippet
