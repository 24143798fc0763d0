"""Entries written before lemmas: the migration fills them, check_search_index finds and mends any left."""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from documents.models import Document
from search import engine
from search.models import SearchEntry

pytestmark = pytest.mark.django_db

migration = importlib.import_module("search.migrations.0004_lemma_vector")


def found(query):
    documents, _snippets = engine.search_documents(Document.objects.all(), query)
    return [document.title_ru for document in documents]


def forget_lemmas(document):
    """The entry as an index written before lemmas left it: no lemma vector, or Snowball stems."""
    if connection.vendor == "postgresql":
        SearchEntry.objects.filter(document=document).update(lemma_vector=None, rank_vector=None)
    else:
        SearchEntry.objects.filter(document=document).update(title_stems=" защит ", stems=" защит беженц ")


def test_an_entry_without_lemmas_is_reported_and_repaired(document_with_text, capsys):
    document = document_with_text("Беженцев", title_ru="Защита", title_en="")
    forget_lemmas(document)
    assert found("беженец") == []

    with pytest.raises(SystemExit):
        call_command("check_search_index")
    report = capsys.readouterr().out
    assert f"1 entry without lemmas: {document.pk}" in report or f"1 stale entry: {document.pk}" in report

    call_command("check_search_index", "--repair")
    assert found("беженец") == ["Защита"]
    call_command("check_search_index")
    assert "The search index matches the archive." in capsys.readouterr().out


def test_the_migration_gives_existing_entries_their_lemmas(document_with_text):
    document = document_with_text("Беженцев", title_ru="Защита", title_en="")
    forget_lemmas(document)

    migration.lemmatise_entries(apps, SimpleNamespace(connection=connection))

    assert found("беженец") == ["Защита"]
    assert found("защиты") == ["Защита"]
