"""manage.py import_documents: folders and CSV manifests, idempotent, all or nothing."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import translation

from documents.models import Document, DocumentFile, ExtractionStatus
from tests.documents import samples
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

MANIFEST_HEADER = "title_ru,title_en,kind,date,meeting,language,file\n"


@pytest.fixture(autouse=True)
def _english():
    # The report speaks the active language; these tests read it in English.
    with translation.override("en"):
        yield


def run(*args) -> list[str]:
    out = io.StringIO()
    call_command("import_documents", *[str(arg) for arg in args], stdout=out)
    return out.getvalue().splitlines()


def stored_files() -> list[Path]:
    folder = Path(settings.MEDIA_ROOT) / "documents"
    return sorted(folder.iterdir()) if folder.exists() else []


@pytest.fixture
def seeds(seeds_dir):
    return seeds_dir


def test_the_seed_documents_import_with_their_text(seeds, django_capture_on_commit_callbacks):
    MeetingFactory(slug="third-som")
    with django_capture_on_commit_callbacks(execute=True):
        lines = run(seeds, "--meeting", "third-som")
    seed_files = sorted(path.name for path in seeds.glob("*.txt"))
    assert [line.split(": ")[0:2] for line in lines[:-1]] == [["skipped", "README.md"]] + [
        ["created", name] for name in seed_files
    ]
    assert lines[-1] == f"{len(seed_files)} file(s) imported, 1 skipped."
    assert DocumentFile.objects.count() == len(seed_files)
    assert set(DocumentFile.objects.values_list("extraction_status", flat=True)) == {ExtractionStatus.DONE}
    statement = DocumentFile.objects.get(original_name=seed_files[1])
    # The outcome statement of the Third Senior Officials Meeting is in Russian, the "About" page in English.
    assert statement.language == "ru"
    assert statement.document.title_ru == Path(seed_files[1]).stem.replace("_", " ")
    assert DocumentFile.objects.get(original_name=seed_files[0]).language == "en"
    assert statement.extracted_text == (seeds / seed_files[1]).read_text(encoding="utf-8").strip()
    assert statement.document.meeting.slug == "third-som"
    assert statement.document.publication_status == Document.PublicationStatus.DRAFT


def test_importing_the_same_folder_again_changes_nothing(seeds):
    run(seeds)
    before = list(DocumentFile.objects.values_list("pk", "sha256"))
    lines = run(seeds)
    assert DocumentFile.objects.count() == len(before)
    assert list(DocumentFile.objects.values_list("pk", "sha256")) == before
    assert all(line.startswith("skipped: ") for line in lines[:-1])
    first = DocumentFile.objects.order_by("original_name").first()
    assert (
        f"skipped: {first.original_name}: already in the archive as “{first.document.title}” [{first.language}], "
        f"document {first.document_id}" in lines
    )


def test_a_manifest_imports_language_versions_into_one_document(tmp_path):
    MeetingFactory(slug="third-som")
    (tmp_path / "ru.pdf").write_bytes(samples.pdf_bytes("Itogovoe"))
    (tmp_path / "en.docx").write_bytes(samples.docx_bytes("Outcome statement"))
    (tmp_path / "manifest.csv").write_text(
        MANIFEST_HEADER
        + "Итоговое заявление,Outcome statement,outcome_statement,2016-11-02,third-som,ru,ru.pdf\n"
        + "Итоговое заявление,Outcome statement,outcome_statement,2016-11-02,third-som,en,en.docx\n",
        encoding="utf-8-sig",
    )
    lines = run(tmp_path / "manifest.csv", "--publish")
    document = Document.objects.get()
    assert lines == [
        f"created: line 2 (ru.pdf): document {document.pk} “Outcome statement” [ru]",
        f"created: line 3 (en.docx): document {document.pk} “Outcome statement” [en]",
        "2 file(s) imported, 0 skipped.",
    ]
    assert sorted(document.files.values_list("language", flat=True)) == ["en", "ru"]
    assert document.kind == Document.Kind.OUTCOME_STATEMENT
    assert document.title_en == "Outcome statement"
    assert document.is_published


def test_a_bad_row_is_reported_by_line_and_nothing_is_imported(tmp_path):
    MeetingFactory(slug="third-som")
    (tmp_path / "good.pdf").write_bytes(samples.pdf_bytes())
    (tmp_path / "program.pdf").write_bytes(b"MZ\x90\x00" + b"\x00" * 100)
    (tmp_path / "manifest.csv").write_text(
        MANIFEST_HEADER
        + "Доклад,Report,report,2016-11-02,third-som,ru,good.pdf\n"
        + "Повестка,Agenda,minutes,02/11/2016,no-such-meeting,xx,missing.pdf\n"
        + "Программа,Program,report,2016-11-02,,en,program.pdf\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_documents", str(tmp_path / "manifest.csv"), stdout=out)
    assert str(raised.value) == "Nothing was imported: 2 row(s) have errors (listed above)."
    assert out.getvalue().splitlines() == [
        "error: line 3 (missing.pdf): unknown kind “minutes”; date “02/11/2016” is not YYYY-MM-DD; "
        f"unknown meeting “no-such-meeting”; unknown language “xx”; file not found: {tmp_path / 'missing.pdf'}",
        "error: line 4 (program.pdf): This file is not accepted: its contents are a Windows program, not a document. "
        "Upload a PDF, Word (DOCX or DOC), Excel (XLSX), PowerPoint (PPTX), OpenDocument text (ODT) "
        "or plain-text file.",
    ]
    assert Document.objects.count() == 0
    assert stored_files() == []


def test_a_failure_while_writing_leaves_no_rows_and_no_stored_files(tmp_path, monkeypatch):
    (tmp_path / "one.txt").write_text("Первый документ", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Второй документ", encoding="utf-8")
    original_save = DocumentFile.save
    calls = []

    def failing_save(self, *args, **kwargs):
        calls.append(self)
        original_save(self, *args, **kwargs)
        if len(calls) == 2:
            raise OSError("disk full")

    monkeypatch.setattr(DocumentFile, "save", failing_save)
    with pytest.raises(OSError):
        run(tmp_path, "--language", "ru")
    assert len(calls) == 2
    assert Document.objects.count() == 0
    assert stored_files() == []


def test_the_same_file_twice_in_one_manifest_is_imported_once(tmp_path):
    (tmp_path / "a.txt").write_text("Один и тот же текст", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        MANIFEST_HEADER + "Первый,,report,2020-01-01,,ru,a.txt\nВторой,,report,2020-01-02,,ru,a.txt\n",
        encoding="utf-8",
    )
    lines = run(tmp_path / "manifest.csv")
    assert lines[1] == "skipped: line 3 (a.txt): the same file as line 2 (a.txt)"
    assert Document.objects.get().title_ru == "Первый"


def test_a_manifest_without_the_needed_columns_is_refused(tmp_path):
    (tmp_path / "manifest.csv").write_text("title,file\nДоклад,a.pdf\n", encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        run(tmp_path / "manifest.csv")
    assert str(raised.value) == "The manifest lacks the columns: title_ru, title_en, kind, date, meeting, language."


def test_an_unknown_meeting_option_is_refused(tmp_path):
    with pytest.raises(CommandError) as raised:
        run(tmp_path, "--meeting", "nowhere")
    assert str(raised.value) == "Unknown meeting: nowhere"
