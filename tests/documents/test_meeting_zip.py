"""A meeting's files as one streamed zip with a manifest, holding only what the reader may see."""

import csv
import datetime
import hashlib
import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from core.models import Publishable
from documents.models import Audience, Document, DocumentFile
from tests.documents import samples
from tests.factories import DocumentFactory, DocumentFileFactory, MeetingFactory

pytestmark = pytest.mark.django_db

DRAFT = Publishable.PublicationStatus.DRAFT
STATEMENT_RU = samples.pdf_bytes("Itogovoe zayavlenie")
STATEMENT_EN = samples.pdf_bytes("Outcome statement")
AGENDA_RU = "Повестка дня\n".encode()


@pytest.fixture
def meeting():
    meeting = MeetingFactory(slug="third-som")
    statement = DocumentFactory(
        meeting=meeting, title_ru="Итоговое заявление", title_en="Outcome statement", date=datetime.date(2016, 11, 2)
    )
    DocumentFileFactory(document=statement, language="ru", file=ContentFile(STATEMENT_RU, name="z.pdf"))
    DocumentFileFactory(document=statement, language="en", file=ContentFile(STATEMENT_EN, name="s.pdf"))
    agenda = DocumentFactory(
        meeting=meeting, title_ru="Повестка: дня?", title_en="Agenda", date=datetime.date(2016, 11, 1), kind="agenda"
    )
    DocumentFileFactory(document=agenda, language="ru", file=ContentFile(AGENDA_RU, name="a.txt"))
    draft = DocumentFactory(meeting=meeting, title_ru="Черновик", publication_status=DRAFT)
    DocumentFileFactory(document=draft, file=ContentFile(b"draft text", name="d.txt"))
    restricted = DocumentFileFactory(
        document=DocumentFactory(meeting=meeting, title_ru="Для делегатов"),
        file=ContentFile(b"delegates only", name="r.txt"),
    )
    DocumentFile.objects.filter(pk=restricted.pk).update(audience=Audience.DELEGATES)
    DocumentFileFactory(file=ContentFile(b"another meeting", name="o.txt"))
    return meeting


def open_zip(response) -> zipfile.ZipFile:
    assert response.status_code == 200
    assert response.streaming
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def manifest_rows(archive) -> list[dict]:
    text = archive.read("manifest.csv").decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def zip_url(slug, **query):
    url = reverse("documents:meeting_zip", args=[slug])
    return url + (f"?language={query['language']}" if query else "")


def test_the_zip_holds_every_visible_file_under_readable_unique_names(client, meeting):
    response = client.get(zip_url("third-som"))
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == "attachment; filename=\"third-som.zip\"; filename*=UTF-8''third-som.zip"
    archive = open_zip(response)
    assert archive.testzip() is None
    assert archive.namelist() == [
        "manifest.csv",
        "2016-11-01 Повестка_ дня_ [ru].txt",
        "2016-11-02 Итоговое заявление [en].pdf",
        "2016-11-02 Итоговое заявление [ru].pdf",
    ]
    assert archive.read("2016-11-01 Повестка_ дня_ [ru].txt") == AGENDA_RU
    assert archive.read("2016-11-02 Итоговое заявление [en].pdf") == STATEMENT_EN
    assert archive.read("2016-11-02 Итоговое заявление [ru].pdf") == STATEMENT_RU


def test_the_manifest_describes_each_file_with_its_permalink(client, meeting):
    rows = manifest_rows(open_zip(client.get(zip_url("third-som"))))
    statement_ru = DocumentFile.objects.get(document__title_ru="Итоговое заявление", language="ru")
    assert rows[2] == {
        "title": "Итоговое заявление",
        "kind": str(Document.Kind.REPORT.label),
        "language": "ru",
        "file": "2016-11-02 Итоговое заявление [ru].pdf",
        "size": str(len(STATEMENT_RU)),
        "sha256": hashlib.sha256(STATEMENT_RU).hexdigest(),
        "permalink": f"http://testserver/ru/documents/{statement_ru.document_id}/ru/",
    }
    assert [row["file"] for row in rows] == [
        "2016-11-01 Повестка_ дня_ [ru].txt",
        "2016-11-02 Итоговое заявление [en].pdf",
        "2016-11-02 Итоговое заявление [ru].pdf",
    ]


def test_one_language_can_be_chosen(client, meeting):
    response = client.get(zip_url("third-som", language="en"))
    assert 'filename="third-som-en.zip"' in response["Content-Disposition"]
    assert open_zip(response).namelist() == ["manifest.csv", "2016-11-02 Итоговое заявление [en].pdf"]


def test_pdfs_are_stored_and_text_is_compressed(client, meeting):
    archive = open_zip(client.get(zip_url("third-som")))
    methods = {info.filename: info.compress_type for info in archive.infolist()}
    assert methods["2016-11-02 Итоговое заявление [ru].pdf"] == zipfile.ZIP_STORED
    assert methods["2016-11-01 Повестка_ дня_ [ru].txt"] == zipfile.ZIP_DEFLATED


def test_staff_also_get_drafts_and_restricted_files(editor_client, meeting):
    names = open_zip(editor_client.get(zip_url("third-som"))).namelist()
    assert len(names) == 6
    assert any("Черновик" in name for name in names)
    assert any("Для делегатов" in name for name in names)


def test_documents_with_the_same_title_and_date_get_distinct_names(client):
    meeting = MeetingFactory(slug="workshop")
    for text in (b"one", b"two"):
        DocumentFileFactory(
            document=DocumentFactory(meeting=meeting, title_ru="Доклад", date=datetime.date(2020, 5, 1)),
            file=ContentFile(text, name="x.txt"),
        )
    assert open_zip(client.get(zip_url("workshop"))).namelist() == [
        "manifest.csv",
        "2020-05-01 Доклад [ru].txt",
        "2020-05-01 Доклад [ru] (2).txt",
    ]


def test_an_unknown_meeting_is_not_found(client):
    assert client.get(zip_url("no-such-meeting")).status_code == 404


def test_a_meeting_without_visible_files_is_not_found(client, meeting):
    MeetingFactory(slug="empty")
    assert client.get(zip_url("empty")).status_code == 404
    assert client.get(zip_url("third-som", language="kk")).status_code == 404


def test_a_draft_meeting_is_not_found_for_the_public(meeting):
    meeting.publication_status = DRAFT
    meeting.save()
    assert Client().get(zip_url("third-som")).status_code == 404


def test_an_unknown_language_is_a_bad_request(client, meeting):
    response = client.get(zip_url("third-som", language="xx"))
    assert response.status_code == 400


FORMULAS = ['=HYPERLINK("http://attacker.example","open")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]


def test_the_manifest_keeps_formula_like_titles_as_text(client):
    meeting = MeetingFactory(slug="formulas")
    for number, title in enumerate(FORMULAS):
        document = DocumentFactory(meeting=meeting, title_ru=title, title_en=title, date=datetime.date(2016, 11, 1))
        DocumentFileFactory(document=document, language="ru", file=ContentFile(b"text %d" % number, name="t.txt"))

    rows = manifest_rows(open_zip(client.get(zip_url("formulas"))))

    assert sorted(row["title"] for row in rows) == sorted("'" + title for title in FORMULAS)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Migration 2015/2016", "2016-11-01 Migration 2015-2016 [ru].txt"),
        ("Windows\\path\\title", "2016-11-01 Windows-path-title [ru].txt"),
        ("../../etc/passwd", "2016-11-01 ..-..-etc-passwd [ru].txt"),
        ("..", "2016-11-01 .. [ru].txt"),
    ],
)
def test_a_slash_in_a_title_is_replaced_in_the_zip_entry_name_not_cut(client, title, name):
    meeting = MeetingFactory(slug="slashes")
    document = DocumentFactory(meeting=meeting, title_ru=title, title_en=title, date=datetime.date(2016, 11, 1))
    DocumentFileFactory(document=document, language="ru", file=ContentFile(b"text", name="t.txt"))

    names = open_zip(client.get(zip_url("slashes"))).namelist()

    assert names == ["manifest.csv", name]
    assert all("/" not in entry and "\\" not in entry for entry in names)
