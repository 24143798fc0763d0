"""CSV and JSON exports of the catalogue, with the current filters applied."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse
from django.utils import translation

from core.models import Publishable
from documents.models import Audience, Document
from tests.factories import DocumentFactory, DocumentFileFactory, MeetingFactory, ProcessFactory

pytestmark = pytest.mark.django_db


def url(name):
    with translation.override("ru"):
        return reverse(f"documents:{name}")


def body(response):
    return b"".join(response.streaming_content)


def csv_rows(response):
    return list(csv.reader(io.StringIO(body(response).decode("utf-8-sig"))))


@pytest.fixture
def catalogue():
    process = ProcessFactory(name_ru="Алматинский процесс", name_en="Almaty Process", acronym_ru="", acronym_en="")
    meeting = MeetingFactory(title_ru="Третье совещание", title_en="Third meeting", process=process)
    report = DocumentFactory(
        title_ru='Доклад, «беженцы» и "кавычки"',
        title_en="Report on refugees",
        kind=Document.Kind.REPORT,
        date=datetime.date(2016, 11, 2),
        meeting=meeting,
    )
    DocumentFileFactory(document=report, language="ru")
    DocumentFileFactory(document=report, language="en")
    DocumentFactory(title_ru="Повестка дня", title_en="Agenda", kind=Document.Kind.AGENDA, meeting=None)
    DocumentFactory(title_ru="Черновик", publication_status=Publishable.PublicationStatus.DRAFT)
    DocumentFactory(title_ru="Для делегатов", audience=Audience.DELEGATES)
    return report


def test_csv_starts_with_a_bom_and_keeps_cyrillic(client, catalogue):
    response = client.get(url("export_csv"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="almaty-process-documents.csv"'
    content = body(response)
    assert content.startswith(
        b"\xef\xbb\xbfid,title_ru,title_en,kind,date,meeting,process,languages,permalink,symbol\r\n"
    )
    assert 'Доклад, «беженцы» и ""кавычки""'.encode() in content


def test_csv_lists_only_visible_documents_with_every_column(client, catalogue):
    rows = csv_rows(client.get(url("export_csv")))

    assert rows[0] == [
        *("id", "title_ru", "title_en", "kind", "date", "meeting", "process", "languages", "permalink", "symbol")
    ]
    assert rows[1:] == [
        [
            str(catalogue.pk),
            'Доклад, «беженцы» и "кавычки"',
            "Report on refugees",
            "report",
            "2016-11-02",
            "Третье совещание",
            "Алматинский процесс",
            "en;ru",
            f"http://testserver/ru/documents/{catalogue.pk}/",
            "",
        ],
        [
            str(Document.objects.get(title_ru="Повестка дня").pk),
            "Повестка дня",
            "Agenda",
            "agenda",
            "2016-11-02",
            "",
            "",
            "",
            f"http://testserver/ru/documents/{Document.objects.get(title_ru='Повестка дня').pk}/",
            "",
        ],
    ]


def test_csv_applies_the_current_filters_and_search(client, catalogue):
    assert [row[1] for row in csv_rows(client.get(url("export_csv"), {"kind": "agenda"}))[1:]] == ["Повестка дня"]
    assert [row[0] for row in csv_rows(client.get(url("export_csv"), {"q": "беженцев"}))[1:]] == [str(catalogue.pk)]


def test_csv_keeps_a_title_that_looks_like_a_formula_as_text(client):
    DocumentFactory(title_ru='=HYPERLINK("http://evil")', title_en="+1")

    row = csv_rows(client.get(url("export_csv")))[1]

    assert row[1:3] == ['\'=HYPERLINK("http://evil")', "'+1"]


def test_json_is_a_list_of_objects_with_unescaped_cyrillic(client, catalogue):
    response = client.get(url("export_json"), {"kind": "report"})

    assert response["Content-Type"] == "application/json; charset=utf-8"
    content = body(response).decode()
    assert "Третье совещание" in content
    assert json.loads(content) == [
        {
            "id": catalogue.pk,
            "title_ru": 'Доклад, «беженцы» и "кавычки"',
            "title_en": "Report on refugees",
            "kind": "report",
            "date": "2016-11-02",
            "meeting": "Третье совещание",
            "process": "Алматинский процесс",
            "languages": ["en", "ru"],
            "permalink": f"http://testserver/ru/documents/{catalogue.pk}/",
            "symbol": "",
        }
    ]


def test_json_of_an_empty_selection_is_an_empty_list(client, catalogue):
    assert json.loads(body(client.get(url("export_json"), {"year": "1999"}))) == []


def test_staff_exports_include_drafts(client, editor, catalogue):
    client.force_login(editor)

    titles = [item["title_ru"] for item in json.loads(body(client.get(url("export_json"))))]

    assert sorted(titles) == sorted(['Доклад, «беженцы» и "кавычки"', "Повестка дня", "Черновик", "Для делегатов"])


@pytest.mark.parametrize("name", ["export_csv", "export_json"])
def test_exports_answer_bad_filters_with_400(client, name):
    assert client.get(url(name), {"year": "soon"}).status_code == 400


def test_export_reads_a_large_catalogue_in_bounded_queries(client, django_assert_max_num_queries):
    for number in range(120):
        DocumentFileFactory(document=DocumentFactory(title_ru=f"Документ {number}"))

    with django_assert_max_num_queries(6):
        rows = csv_rows(client.get(url("export_csv")))

    assert len(rows) == 121


def test_export_leaves_out_the_language_of_a_file_the_reader_may_not_download(client, editor):
    document = DocumentFactory(title_ru="Доклад")
    DocumentFileFactory(document=document, language="ru")
    DocumentFileFactory(document=document, language="en", audience=Audience.DELEGATES)

    public = json.loads(body(client.get(url("export_json"))))
    client.force_login(editor)
    staff = json.loads(body(client.get(url("export_json"))))

    assert public[0]["languages"] == ["ru"]
    assert staff[0]["languages"] == ["en", "ru"]
