"""The streamed zip: every byte sent once, memory bounded by one read, and a valid archive."""

import datetime
import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from documents import downloads, files
from tests.documents import samples
from tests.factories import DocumentFactory, DocumentFileFactory, MeetingFactory

pytestmark = pytest.mark.django_db

MODIFIED = datetime.datetime(2016, 11, 2, 10, 30, 4, tzinfo=datetime.UTC)


def stored_member(name, payload):
    return {
        "name": name,
        "open": lambda: io.BytesIO(payload),
        "size": len(payload),
        "compressed": True,
        "modified": MODIFIED,
    }


def test_each_payload_is_sent_exactly_once_and_the_chunks_make_the_archive():
    big = b"".join(f"line {number:07d}\n".encode() for number in range(files.CHUNK_SIZE // 13 * 3))
    small = b"small payload that must appear once"
    members = [
        {"name": "manifest.csv", "data": b"title\r\nnote\r\n", "size": 12, "modified": MODIFIED},
        stored_member("big.txt", big),
        stored_member("small.txt", small),
    ]

    chunks = list(downloads.stream_zip(members))
    data = b"".join(chunks)

    assert data.count(small) == 1
    assert data.count(big) == 1
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.namelist() == ["manifest.csv", "big.txt", "small.txt"]
    assert archive.read("big.txt") == big
    assert archive.read("small.txt") == small
    assert archive.read("manifest.csv") == b"title\r\nnote\r\n"
    # Nothing is held back and sent again: memory stays bounded by one read of the source.
    assert max(len(chunk) for chunk in chunks) <= files.CHUNK_SIZE + 1024


def test_members_are_plain_readable_files_stored_or_deflated_as_asked():
    members = [
        stored_member("stored.pdf", b"%PDF-1.4 stored"),
        {**stored_member("deflated.txt", b"text " * 100), "compressed": False},
    ]

    archive = zipfile.ZipFile(io.BytesIO(b"".join(downloads.stream_zip(members))))

    stored, deflated = archive.infolist()
    assert stored.compress_type == zipfile.ZIP_STORED
    assert deflated.compress_type == zipfile.ZIP_DEFLATED
    assert deflated.compress_size < deflated.file_size == 500
    assert {info.external_attr >> 16 for info in archive.infolist()} == {0o644}


def test_member_dates_are_local_time_and_never_before_1980(settings):
    settings.TIME_ZONE = "Asia/Almaty"
    members = [
        stored_member("new.txt", b"new"),
        {**stored_member("old.txt", b"old"), "modified": datetime.datetime(1975, 5, 1, 12, 0)},
        {**stored_member("1980.txt", b"1980"), "modified": datetime.datetime(1980, 6, 1, 12, 0, 2)},
    ]

    archive = zipfile.ZipFile(io.BytesIO(b"".join(downloads.stream_zip(members))))

    new, old, first_year = archive.infolist()
    assert new.date_time == (2016, 11, 2, 16, 30, 4)
    assert old.date_time == (1980, 1, 1, 0, 0, 0)
    assert first_year.date_time == (1980, 6, 1, 12, 0, 2)


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        ([("Report", "pdf"), ("report", "pdf"), ("Report", "pdf")], ["Report.pdf", "report (2).pdf", "Report (3).pdf"]),
        ([("Report", "pdf"), ("Report", "docx")], ["Report.pdf", "Report.docx"]),
        ([("...", "txt"), ("   ", "txt")], ["document.txt", "document (2).txt"]),
        ([("x" * 200, "pdf")], ["x" * 120 + ".pdf"]),
        ([("X" * 119 + ".z", "pdf")], ["X" * 119 + ".pdf"]),
    ],
)
def test_zip_names_are_unique_whatever_the_case_and_never_empty(wanted, expected):
    assert downloads.unique_zip_names(wanted) == expected


def test_a_meeting_zip_over_http_holds_each_file_once(client):
    meeting = MeetingFactory()
    payloads = [samples.pdf_bytes(f"Statement {number}") for number in range(3)]
    for number, payload in enumerate(payloads):
        document = DocumentFactory(meeting=meeting, title_ru=f"Документ {number}")
        DocumentFileFactory(document=document, file=ContentFile(payload, name=f"{number}.pdf"))

    response = client.get(reverse("documents:meeting_zip", args=[meeting.slug]))
    chunks = list(response.streaming_content)
    data = b"".join(chunks)

    assert [data.count(payload) for payload in payloads] == [1, 1, 1]
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert sorted(archive.read(name) for name in archive.namelist() if name.endswith(".pdf")) == sorted(payloads)


def test_a_meeting_zip_names_each_file_by_its_type_or_else_by_its_own_extension(client):
    meeting = MeetingFactory()
    names = {}
    for title, content, original_name, content_type in [
        ("Скан", samples.pdf_bytes("Scan"), "scan", None),
        ("Данные", b"rows", "rows.v2.dat", "application/x-unknown"),
        ("Заметки", b"notes", "notes.", "application/x-unknown"),
    ]:
        document_file = DocumentFileFactory(
            document=DocumentFactory(meeting=meeting, title_ru=title, date=datetime.date(2016, 11, 2)),
            file=ContentFile(content, name="upload"),
        )
        changes = {"original_name": original_name} | ({"content_type": content_type} if content_type else {})
        type(document_file).objects.filter(pk=document_file.pk).update(**changes)
        names[title] = f"2016-11-02 {title} [ru]"

    response = client.get(reverse("documents:meeting_zip", args=[meeting.slug]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))

    assert sorted(archive.namelist()) == sorted(
        [
            "manifest.csv",
            f"{names['Скан']}.pdf",
            f"{names['Данные']}.dat",
            f"{names['Заметки']}.bin",
        ]
    )


def test_a_file_name_is_sent_whole_to_every_browser_a_slash_and_cyrillic_included():
    header = downloads.content_disposition("Доклад 2015/2016.zip")

    assert header.startswith("attachment; ")
    assert "filename*=UTF-8''%D0%94%D0%BE%D0%BA%D0%BB%D0%B0%D0%B4%202015%2F2016.zip" in header
