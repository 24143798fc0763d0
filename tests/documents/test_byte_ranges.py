"""Byte ranges of a download: exactly the bytes asked for, clamped to the file, or 416 / the whole file."""

import io

import pytest
from django.core.files.base import ContentFile

from documents import downloads
from tests.factories import DocumentFileFactory

pytestmark = pytest.mark.django_db

# 160 bytes in which no stretch of ten repeats: a range read from the wrong place cannot pass.
PAYLOAD = "".join(f"{number:03d}," for number in range(40)).encode()
SIZE = len(PAYLOAD)


@pytest.fixture
def text_file():
    return DocumentFileFactory(file=ContentFile(PAYLOAD, name="numbers.txt"))


def get_range(client, document_file, header):
    return client.get(document_file.get_absolute_url(), headers={"Range": header})


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [
        ("bytes=10-19", 10, 19),
        ("bytes=5-5", 5, 5),
        ("bytes=0-0", 0, 0),
        (f"bytes={SIZE - 1}-", SIZE - 1, SIZE - 1),
        (f"bytes={SIZE - 1}-{SIZE - 1}", SIZE - 1, SIZE - 1),
        ("bytes=150-9999", 150, SIZE - 1),
        ("bytes=-1", SIZE - 1, SIZE - 1),
        ("bytes=-10", SIZE - 10, SIZE - 1),
        (f"bytes=-{SIZE}", 0, SIZE - 1),
        ("bytes=-5000", 0, SIZE - 1),
        (" bytes = 10 - 19 ", 10, 19),
    ],
)
def test_a_satisfiable_range_gets_exactly_those_bytes(client, text_file, header, first, last):
    response = get_range(client, text_file, header)

    assert response.status_code == 206
    assert body(response) == PAYLOAD[first : last + 1]
    assert response["Content-Range"] == f"bytes {first}-{last}/{SIZE}"
    assert response["Content-Length"] == str(last - first + 1)


@pytest.mark.parametrize("header", [f"bytes={SIZE}-", f"bytes={SIZE}-{SIZE + 10}", "bytes=9999-", "bytes=-0"])
def test_a_range_that_selects_nothing_gets_416_naming_the_size(client, text_file, header):
    response = get_range(client, text_file, header)

    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{SIZE}"
    assert body(response) == b""


@pytest.mark.parametrize("header", ["bytes=-", "bytes=20-10", "bytes=a-b", "pages=0-9", "bytes=0-9,20-29", ""])
def test_a_range_we_ignore_gets_the_whole_file(client, text_file, header):
    response = get_range(client, text_file, header)

    assert response.status_code == 200
    assert body(response) == PAYLOAD
    assert "Content-Range" not in response


def test_a_range_longer_than_one_read_is_sent_whole_and_no_further(client):
    payload = PAYLOAD * (3 * downloads.RANGE_CHUNK_SIZE // SIZE)
    document_file = DocumentFileFactory(file=ContentFile(payload, name="long.txt"))
    first, last = 7, 2 * downloads.RANGE_CHUNK_SIZE + 99

    response = get_range(client, document_file, f"bytes={first}-{last}")

    assert response.status_code == 206
    assert body(response) == payload[first : last + 1]


def test_reading_a_range_yields_only_its_bytes_in_bounded_chunks_and_closes_the_file():
    data = bytes(range(256)) * (3 * downloads.RANGE_CHUNK_SIZE // 256)
    source = io.BytesIO(data)
    first, last = 3, 2 * downloads.RANGE_CHUNK_SIZE + 10

    chunks = list(downloads.read_range(source, first, last))

    assert b"".join(chunks) == data[first : last + 1]
    assert max(len(chunk) for chunk in chunks) == downloads.RANGE_CHUNK_SIZE
    assert source.closed


def test_reading_a_range_stops_at_the_end_of_a_file_shorter_than_expected():
    source = io.BytesIO(b"0123456789")

    assert b"".join(downloads.read_range(source, 4, 99)) == b"456789"
    assert source.closed
