"""Editors manage glossary terms in the admin: ru/en tabs, search, CSV import and export."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from lxml import html
from reversion.models import Version

from glossary.models import Term
from glossary.terms_csv import COLUMNS
from tests.factories import TermFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/en/admin/glossary/term/"


def upload(content: bytes, name="glossary.csv"):
    return {"file": SimpleUploadedFile(name, content, content_type="text/csv")}


def test_the_term_form_has_russian_and_english_tabs_for_every_translated_field(editor_client):
    tree = html.fromstring(editor_client.get(CHANGELIST + "add/").content.decode())

    names = set(tree.xpath("//form//*[@name]/@name"))
    for field in ("label", "synonyms", "abbreviations", "definition"):
        assert {f"{field}_ru", f"{field}_en"} <= names


def test_saving_a_term_in_the_admin_keeps_its_history(editor_client):
    response = editor_client.post(
        CHANGELIST + "add/",
        {
            "label_ru": "беженец",
            "label_en": "refugee",
            "slug": "",
            "publication_status": "published",
            "synonyms_en": "refugees",
            "definition_en": "A person who fled.",
        },
    )

    assert response.status_code == 302
    term = Term.objects.get()
    assert term.slug == "refugee"
    history = editor_client.get(f"{CHANGELIST}{term.pk}/history/")
    assert len(html.fromstring(history.content.decode()).xpath('//table[@id="change-history"]/tbody/tr')) == 1


def test_a_second_term_with_the_same_label_gets_a_clear_form_error(editor_client):
    TermFactory(label_ru="беженец", label_en="refugee", slug="refugee")

    response = editor_client.post(
        CHANGELIST + "add/",
        {"label_ru": "Беженец", "label_en": "", "slug": "other", "publication_status": "published"},
    )

    assert response.status_code == 200
    errors = html.fromstring(response.content.decode()).xpath('//ul[@class="errorlist"]/li/text()')
    assert errors == ["Another term already has this label: “беженец” (refugee)."]
    assert Term.objects.count() == 1


def test_the_changelist_searches_synonyms_and_abbreviations_and_links_import_and_export(editor_client):
    TermFactory(label_en="Office of the UN High Commissioner for Refugees", abbreviations_ru="УВКБ ООН", slug="u")
    TermFactory(label_en="migrant", slug="m")

    tree = html.fromstring(editor_client.get(CHANGELIST, {"q": "УВКБ"}).content.decode())

    assert tree.xpath('//*[@id="result_list"]//tbody/tr//a//text()')[:1] != []
    assert len(tree.xpath('//*[@id="result_list"]//tbody/tr')) == 1
    assert set(tree.xpath('//ul[@class="object-tools"]//a/@href')) >= {
        CHANGELIST + "import/",
        CHANGELIST + "export/",
    }


def test_the_export_is_a_csv_of_every_term_in_the_documented_layout(editor_client):
    TermFactory(label_ru="беженец", label_en="refugee", slug="refugee")
    TermFactory(label_ru="мигрант", label_en="migrant", slug="migrant", publication_status="draft")

    response = editor_client.get(CHANGELIST + "export/")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(row["slug"], row["status"]) for row in rows] == [("migrant", "draft"), ("refugee", "published")]


def test_the_import_page_documents_the_layout(editor_client):
    tree = html.fromstring(editor_client.get(CHANGELIST + "import/").content.decode())

    assert tree.get_element_by_id("csv-columns").text_content() == ",".join(COLUMNS)


def test_an_import_adds_the_terms_and_reports_the_counts(editor_client):
    content = "label_ru,label_en,abbreviations_en\nмигрант,migrant,\nУВКБ ООН,UNHCR office,UNHCR\n".encode()

    response = editor_client.post(CHANGELIST + "import/", upload(content), follow=True)

    assert sorted(Term.objects.values_list("label_en", flat=True)) == ["UNHCR office", "migrant"]
    messages = [str(message) for message in response.context["messages"]]
    assert messages == ["2 terms added. 0 terms changed. 0 terms were already up to date."]
    version = Version.objects.get_for_object(Term.objects.get(label_en="migrant")).get()
    assert (version.revision.user.username, version.revision.comment) == ("editor", "Imported from CSV.")


def test_an_import_with_a_bad_row_changes_nothing_and_lists_the_line(editor_client):
    content = "label_ru,label_en,status\nмигрант,migrant,\n,,published\n".encode()

    response = editor_client.post(CHANGELIST + "import/", upload(content))

    assert response.status_code == 200
    assert Term.objects.count() == 0
    problems = html.fromstring(response.content.decode()).xpath('//*[@id="import-errors"]//li/text()')
    assert problems and all(problem.startswith("line 3:") for problem in problems)


def test_a_reader_without_the_permission_to_change_terms_cannot_import(client, django_user_model):
    user = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    client.force_login(user)

    assert client.get(CHANGELIST + "import/").status_code == 403
    assert client.get(CHANGELIST + "export/").status_code == 403
