import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection

from documents.models import DocumentFile
from documents.signals import file_text_extracted
from search.models import SearchEntry
from tests.factories import DocumentFactory, DocumentFileFactory

pytestmark = pytest.mark.django_db


def test_saving_a_document_indexes_both_titles_and_summaries():
    document = DocumentFactory(title_ru="Доклад о беженцах", title_en="Report on refugees", summary_en="Summary.")

    entry = SearchEntry.objects.get(document=document)

    assert entry.title == "Доклад о беженцах\nReport on refugees"
    assert entry.summary == "Summary."


def test_editing_a_document_refreshes_its_entry():
    document = DocumentFactory(title_ru="Старое название")
    document.title_ru = "Новое название"
    document.save()

    assert SearchEntry.objects.get(document=document).title.startswith("Новое название")


def test_extracted_text_reaches_the_index_when_extraction_finishes(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document_file = DocumentFileFactory(file=ContentFile("Права трудовых мигрантов.\n".encode(), name="note.txt"))

    document_file.refresh_from_db()
    assert document_file.extracted_text.strip() == "Права трудовых мигрантов."
    assert SearchEntry.objects.get(document=document_file.document).body.strip() == "Права трудовых мигрантов."


def test_file_text_extracted_signal_reindexes_the_document():
    document_file = DocumentFileFactory()
    DocumentFile.objects.filter(pk=document_file.pk).update(extracted_text="Readmission agreements")

    file_text_extracted.send(sender=DocumentFile, instance=document_file)

    assert SearchEntry.objects.get(document=document_file.document).body == "Readmission agreements"


def test_deleting_a_file_removes_its_text_from_the_index(document_with_text):
    document = document_with_text("Текст, который исчезнет")

    document.files.get().delete()

    assert SearchEntry.objects.get(document=document).body == ""


def test_deleting_a_document_with_files_deletes_its_entry(document_with_text):
    document = document_with_text("Текст")

    document.delete()

    assert SearchEntry.objects.count() == 0


def test_text_of_a_restricted_file_is_not_indexed(document_with_text):
    document = document_with_text("Секретные сведения", file_audience="delegates")

    assert SearchEntry.objects.get(document=document).body == ""


def test_private_use_marker_characters_are_stripped_from_indexed_text(document_with_text):
    document = document_with_text("до\ue000после\ue001")

    assert SearchEntry.objects.get(document=document).body == "допосле"


def test_rebuild_command_indexes_every_document(document_with_text):
    first = document_with_text("Беженцы")
    second = DocumentFactory(title_ru="Мигранты")
    SearchEntry.objects.all().delete()

    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))

    assert sorted(SearchEntry.objects.values_list("document_id", flat=True)) == [first.pk, second.pk]
    assert SearchEntry.objects.get(document=first).body == "Беженцы"


def test_sqlite_entries_hold_lemmas(document_with_text):
    if connection.vendor == "postgresql":
        pytest.skip("lemmas are kept as text only where PostgreSQL full-text search is unavailable")
    document = document_with_text("Беженцев и мигрантов", title_ru="Защиты", title_en="Refugees")

    entry = SearchEntry.objects.get(document=document)

    assert entry.title_stems == " защита refuge "
    assert entry.stems.endswith(" беженец и мигрант ")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search only")
def test_lemma_vectors_weight_title_above_summary_above_text(document_with_text):
    document = document_with_text("мигрантов", title_ru="беженцы", title_en="", summary_ru="защиты")

    lemmas, ranking = SearchEntry.objects.values_list("lemma_vector", "rank_vector").get(document=document)

    assert lemmas == "'беженец':1A 'защита':2B 'мигрант':3C"
    assert ranking == "'беженец':1A 'защита':2B"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search only")
def test_lemma_vector_has_a_gin_index_and_no_snowball_vector_is_kept():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_entry_lemma_gin'")
        (definition,) = cursor.fetchone()
        cursor.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'search_searchentry'")
        columns = {name for (name,) in cursor.fetchall()}

    assert "USING gin (lemma_vector)" in definition
    # Nothing reads Snowball stems any more; writing them cost most of a re-index (search/0005).
    assert "vector" not in columns
    assert {"lemma_vector", "rank_vector"} <= columns


@pytest.mark.skipif(connection.vendor != "postgresql", reason="VACUUM is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_a_whole_rebuild_leaves_no_dead_entries_behind():
    """Right after a rebuild the searches must not wade through the old row versions it left."""
    DocumentFactory.create_batch(3)

    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT last_vacuum, n_live_tup FROM pg_stat_user_tables WHERE relname = 'search_searchentry'")
        last_vacuum, live = cursor.fetchone()
    assert last_vacuum is not None
    assert live == 3
