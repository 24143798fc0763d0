"""One file by its stable address: safe headers, validators, byte ranges, counting, and who may have it."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils.http import http_date

from core.models import Publishable
from documents.models import Audience, DocumentFile
from tests.documents import samples
from tests.factories import DocumentFactory, DocumentFileFactory

pytestmark = pytest.mark.django_db

PDF = samples.pdf_bytes("Outcome statement", pages=2)


@pytest.fixture
def pdf_file():
    return DocumentFileFactory(language="ru", file=ContentFile(PDF, name="Итоговое заявление.pdf"))


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_file_is_sent_as_an_attachment_with_safe_headers(client, pdf_file):
    response = client.get(pdf_file.get_absolute_url())
    assert response.status_code == 200
    assert body(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(PDF))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Accept-Ranges"] == "bytes"
    assert response["ETag"] == f'"{pdf_file.sha256}"'
    assert response["Last-Modified"] == http_date(int(pdf_file.uploaded_at.timestamp()))


def test_a_cyrillic_file_name_survives_in_content_disposition(client, pdf_file):
    response = client.get(pdf_file.get_absolute_url())
    assert response["Content-Disposition"] == (
        'attachment; filename="Itogovoe zayavlenie.pdf"; '
        "filename*=UTF-8''%D0%98%D1%82%D0%BE%D0%B3%D0%BE%D0%B2%D0%BE%D0%B5%20"
        "%D0%B7%D0%B0%D1%8F%D0%B2%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5.pdf"
    )


def test_the_address_is_the_document_and_the_language(pdf_file):
    assert pdf_file.get_absolute_url() == f"/ru/documents/{pdf_file.document_id}/ru/"


def test_a_matching_etag_gets_304_and_is_not_counted(client, pdf_file):
    response = client.get(pdf_file.get_absolute_url(), headers={"If-None-Match": f'"{pdf_file.sha256}"'})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == f'"{pdf_file.sha256}"'
    pdf_file.refresh_from_db()
    assert pdf_file.download_count == 0


def test_an_unchanged_file_since_a_date_gets_304(client, pdf_file):
    since = http_date(int(pdf_file.uploaded_at.timestamp()) + 60)
    response = client.get(pdf_file.get_absolute_url(), headers={"If-Modified-Since": since})
    assert response.status_code == 304


def test_a_stale_etag_gets_the_file(client, pdf_file):
    response = client.get(pdf_file.get_absolute_url(), headers={"If-None-Match": '"0000"'})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("range_header", "first", "last"),
    [("bytes=0-9", 0, 9), ("bytes=100-", 100, len(PDF) - 1), ("bytes=-16", len(PDF) - 16, len(PDF) - 1)],
)
def test_a_byte_range_gets_206_with_just_those_bytes(client, pdf_file, range_header, first, last):
    response = client.get(pdf_file.get_absolute_url(), headers={"Range": range_header})
    assert response.status_code == 206
    assert body(response) == PDF[first : last + 1]
    assert response["Content-Range"] == f"bytes {first}-{last}/{len(PDF)}"
    assert response["Content-Length"] == str(last - first + 1)
    assert response["Content-Disposition"].startswith("attachment; ")


def test_a_range_past_the_end_gets_416(client, pdf_file):
    response = client.get(pdf_file.get_absolute_url(), headers={"Range": f"bytes={len(PDF)}-"})
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(PDF)}"


def test_several_ranges_get_the_whole_file(client, pdf_file):
    response = client.get(pdf_file.get_absolute_url(), headers={"Range": "bytes=0-9,20-29"})
    assert response.status_code == 200
    assert body(response) == PDF


def test_a_range_for_another_version_gets_the_whole_file(client, pdf_file):
    response = client.get(pdf_file.get_absolute_url(), headers={"Range": "bytes=0-9", "If-Range": '"old"'})
    assert response.status_code == 200
    assert body(response) == PDF


def test_downloads_are_counted_once_per_download_not_per_range(client, pdf_file):
    client.get(pdf_file.get_absolute_url())
    client.get(pdf_file.get_absolute_url(), headers={"Range": "bytes=0-99"})
    client.get(pdf_file.get_absolute_url(), headers={"Range": "bytes=100-199"})
    pdf_file.refresh_from_db()
    assert pdf_file.download_count == 2


def test_a_draft_documents_file_is_not_found_for_the_public_but_sent_to_staff(editor_client):
    draft = DocumentFactory(publication_status=Publishable.PublicationStatus.DRAFT)
    document_file = DocumentFileFactory(document=draft)
    assert Client().get(document_file.get_absolute_url()).status_code == 404
    response = editor_client.get(document_file.get_absolute_url())
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"


def test_a_restricted_file_of_a_public_document_is_not_found_for_the_public(client):
    document_file = DocumentFileFactory()
    DocumentFile.objects.filter(pk=document_file.pk).update(audience=Audience.DELEGATES)
    assert client.get(document_file.get_absolute_url()).status_code == 404


def test_a_public_file_may_be_kept_by_proxies_but_is_checked_again_each_time(client, pdf_file):
    first = client.get(pdf_file.get_absolute_url())
    assert first["Cache-Control"] == "public, no-cache"
    assert client.get(pdf_file.get_absolute_url(), headers={"If-None-Match": first["ETag"]}).status_code == 304


def test_a_withdrawn_file_is_gone_for_a_proxy_that_asks_again(client, pdf_file):
    etag = client.get(pdf_file.get_absolute_url())["ETag"]
    pdf_file.document.publication_status = "draft"
    pdf_file.document.save()
    assert client.get(pdf_file.get_absolute_url(), headers={"If-None-Match": etag}).status_code == 404


def test_a_language_without_a_file_is_not_found(client, pdf_file):
    assert client.get(f"/ru/documents/{pdf_file.document_id}/en/").status_code == 404
    assert client.get(f"/ru/documents/{pdf_file.document_id}/xx/").status_code == 404


def test_a_post_is_refused(client, pdf_file):
    assert client.post(pdf_file.get_absolute_url()).status_code == 405


def test_nginx_sends_the_bytes_when_configured(client, pdf_file, settings):
    settings.DOCUMENT_SENDFILE = "x-accel-redirect"
    settings.DOCUMENT_SENDFILE_PREFIX = "/protected-media/"
    response = client.get(pdf_file.get_absolute_url())
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-media/{pdf_file.file.name}"
    assert response.content == b""
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="Itogovoe zayavlenie.pdf"')


def test_apache_sends_the_bytes_when_configured(client, pdf_file, settings):
    settings.DOCUMENT_SENDFILE = "x-sendfile"
    response = client.get(pdf_file.get_absolute_url())
    assert response["X-Sendfile"] == pdf_file.file.path
    assert response.content == b""


def test_a_head_request_is_answered_but_not_counted(client, pdf_file):
    response = client.head(pdf_file.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Length"] == str(len(PDF))
    pdf_file.refresh_from_db()
    assert pdf_file.download_count == 0


@pytest.mark.parametrize(
    ("range_header", "status"),
    [
        ("bytes=" + "9" * 5000 + "-", 416),
        ("bytes=" + "0" * 5000 + "-", 206),
        ("bytes=0-" + "9" * 5000, 206),
        ("bytes=-" + "9" * 5000, 206),
        ("bytes=" + "9" * 19 + "-" + "9" * 20, 416),
    ],
    ids=["huge start", "zero with many digits", "huge end", "huge suffix", "beyond 64 bits"],
)
def test_a_range_with_thousands_of_digits_gets_416_or_the_whole_file_never_an_error(
    client, pdf_file, range_header, status
):
    client.raise_request_exception = False

    response = client.get(pdf_file.get_absolute_url(), headers={"Range": range_header})

    assert response.status_code == status
    if status == 206:
        assert response["Content-Range"] == f"bytes 0-{len(PDF) - 1}/{len(PDF)}"
        assert b"".join(response.streaming_content) == PDF
    else:
        assert response["Content-Range"] == f"bytes */{len(PDF)}"
