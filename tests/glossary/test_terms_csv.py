"""The glossary's CSV: export, then import the same layout; idempotent, all or nothing, errors by line."""

import csv
import io

import pytest

from glossary.models import Term
from glossary.terms_csv import COLUMNS, ImportFailed, export_csv, import_csv
from tests.factories import TermFactory

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS)


def csv_file(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def row(**values) -> str:
    out = io.StringIO()
    csv.DictWriter(out, COLUMNS, lineterminator="\n").writerow({name: values.get(name, "") for name in COLUMNS})
    return out.getvalue().removesuffix("\n")


REFUGEE = row(
    label_ru="беженец",
    label_en="refugee",
    synonyms_en="refugees;displaced refugee",
    abbreviations_ru="",
    definition_ru="Лицо, ищущее защиты за пределами своей страны.",
    definition_en="A person seeking protection outside their country.",
    source_name="UNHCR Master Glossary of Terms (2006)",
    source_url="https://www.refworld.org/docid/42ce7d444.html",
)
UNHCR = row(
    slug="unhcr",
    label_ru="Управление Верховного комиссара ООН по делам беженцев",
    label_en="Office of the United Nations High Commissioner for Refugees",
    abbreviations_ru="УВКБ ООН",
    abbreviations_en="UNHCR",
    status="draft",
)


def test_an_import_creates_terms_with_their_lists_one_a_line_and_a_slug_from_the_english_label():
    result = import_csv(csv_file(REFUGEE, UNHCR))

    assert [term.slug for term in result.created] == ["refugee", "unhcr"]
    refugee = Term.objects.get(slug="refugee")
    assert refugee.synonyms_en == "refugees\ndisplaced refugee"
    assert refugee.synonym_list("en") == ["refugees", "displaced refugee"]
    assert refugee.publication_status == "published"
    assert Term.objects.get(slug="unhcr").abbreviation_list("ru") == ["УВКБ ООН"]
    assert Term.objects.get(slug="unhcr").publication_status == "draft"


def test_importing_the_same_file_twice_changes_nothing():
    import_csv(csv_file(REFUGEE, UNHCR))
    before = list(Term.objects.order_by("pk").values())

    again = import_csv(csv_file(REFUGEE, UNHCR))

    assert (again.created, again.updated, again.unchanged) == ([], [], 2)
    assert list(Term.objects.order_by("pk").values()) == before


def test_a_row_without_a_slug_updates_the_term_with_the_same_label_whatever_its_case_and_yo():
    TermFactory(label_ru="разлучённый ребёнок", label_en="separated child", slug="separated-child")

    result = import_csv(csv_file(row(label_ru="Разлученный ребенок", definition_en="New definition.")))

    assert [term.slug for term in result.updated] == ["separated-child"]
    assert Term.objects.count() == 1
    assert Term.objects.get().definition_en == "New definition."


def test_export_and_import_give_back_the_same_terms_formula_like_cells_included():
    TermFactory(
        label_ru="беженец", label_en="refugee", synonyms_en="refugees\n-displaced", abbreviations_ru="=ВВДЛ", slug="r"
    )
    TermFactory(label_ru="мигрант", label_en="", slug="migrant", publication_status="draft")
    before = list(Term.objects.order_by("pk").values())
    exported = export_csv(Term.objects.all())

    result = import_csv(exported)

    assert (result.created, result.updated, result.unchanged) == ([], [], 2)
    assert list(Term.objects.order_by("pk").values()) == before


def test_the_export_has_the_documented_columns_and_one_row_a_term():
    TermFactory(label_ru="беженец", label_en="refugee", synonyms_en="refugees\nrefugee people", slug="refugee")

    rows = list(csv.DictReader(io.StringIO(export_csv(Term.objects.all()).decode("utf-8-sig"))))

    assert list(rows[0]) == COLUMNS
    assert [(r["slug"], r["label_ru"], r["synonyms_en"], r["status"]) for r in rows] == [
        ("refugee", "беженец", "refugees;refugee people", "published")
    ]


def test_a_file_with_bad_rows_imports_nothing_and_names_each_bad_line():
    bad_status = row(label_en="migrant", status="maybe")
    no_label = row(definition_en="A definition of nothing.")
    duplicate = row(label_ru="Беженец", label_en="refugee person")

    with pytest.raises(ImportFailed) as failure:
        import_csv(csv_file(REFUGEE, bad_status, no_label, duplicate))

    assert Term.objects.count() == 0
    assert [error.line for error in failure.value.errors] == [3, 4, 4, 5]
    messages = [str(error) for error in failure.value.errors]
    assert "«published»" in messages[0]
    assert messages[3].startswith("строка 5: ")
    assert "строке 2" in messages[3]  # the line that has the label first


def test_a_label_another_term_already_has_is_refused_with_its_line():
    TermFactory(label_ru="беженец", label_en="refugee", slug="refugee")

    with pytest.raises(ImportFailed) as failure:
        import_csv(csv_file(row(slug="other", label_ru="БЕЖЕНЕЦ", label_en="refugee (other)")))

    assert [str(error) for error in failure.value.errors] == [
        "строка 2: label_ru: Такой термин уже есть: «беженец» (refugee)."
    ]


def test_a_quoted_cell_spanning_lines_keeps_the_next_row_s_line_number():
    multi = row(label_en="asylum", definition_en="First line.\nSecond line.")

    with pytest.raises(ImportFailed) as failure:
        import_csv(csv_file(multi, row(label_en="migrant", status="later")))

    assert [error.line for error in failure.value.errors] == [4]


def test_a_file_without_the_label_columns_or_with_unknown_ones_is_refused_whole():
    with pytest.raises(ImportFailed) as failure:
        import_csv(csv_file("refugee,беженец", header="english,label_ru"))

    assert [error.line for error in failure.value.errors] == [1]
    assert "label_en" in str(failure.value.errors[0])
    assert "english" in str(failure.value.errors[0])


def test_a_windows_1251_file_is_read_and_other_bytes_are_refused():
    import_csv(csv_file(REFUGEE).decode("utf-8").encode("cp1251"))

    assert Term.objects.get().label_ru == "беженец"
    with pytest.raises(ImportFailed):
        import_csv(b"\x81\x98\xff")


def test_a_synonym_cell_that_lists_one_item_twice_is_an_error():
    with pytest.raises(ImportFailed) as failure:
        import_csv(csv_file(row(label_en="refugee", synonyms_en="refugees;Refugees")))

    assert [error.line for error in failure.value.errors] == [2]
