"""A hostile file fails its own extraction with a clear status; it takes down nothing else."""

import io
import zipfile

from documents.models import DocumentFile, ExtractionStatus
from tests.documents import samples
from tests.documents.test_uploads import add_document


def xlsx_bomb(cells: int = 3_000_000) -> bytes:
    """A small XLSX whose shared strings expand to millions of XML elements (about 50 MB of XML)."""
    real = samples.xlsx_bytes("x")
    strings = "<si><t>x</t></si>" * cells
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(real)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/sharedStrings.xml":
                data = data.replace(b"<si><t>x</t></si>", strings.encode())
            bomb.writestr(item.filename, data)
    return out.getvalue()


def test_a_decompression_bomb_fails_with_a_reason_and_the_next_upload_is_read(
    editor_client, settings, django_capture_on_commit_callbacks
):
    settings.EXTRACTION_MEMORY_LIMIT_MB = 150
    settings.EXTRACTION_TIME_LIMIT = 20
    bomb = xlsx_bomb()
    assert len(bomb) < 1024 * 1024  # small on the wire

    with django_capture_on_commit_callbacks(execute=True):
        response = add_document(editor_client, samples.upload("figures.xlsx", bomb))
    assert response.status_code == 302

    hostile = DocumentFile.objects.get()
    assert hostile.extraction_status == ExtractionStatus.FAILED
    assert hostile.extraction_error == "stopped: reading the text needed more than 150 MB"
    assert hostile.file.size == len(bomb)  # the upload itself is kept

    # The same process reads the next, ordinary file as usual.
    hostile.document.files.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        add_document(editor_client, samples.upload("ok.docx", samples.docx_bytes("Смешанные миграционные потоки")))
    ordinary = DocumentFile.objects.get(original_name="ok.docx")
    assert ordinary.extraction_status == ExtractionStatus.DONE
    assert ordinary.extracted_text == "Смешанные миграционные потоки"
