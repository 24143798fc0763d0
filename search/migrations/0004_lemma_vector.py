"""Lemma vectors (search.lemmas): a new column that decides what matches, and rank_vector over lemmas.

Existing entries get their lemmas from the texts they already hold (title, summary and body), in
batches; `manage.py rebuild_search_index` does the same from the documents, and check_search_index
reports entries still without lemmas.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

import core.operations

BATCH = 500


def lemmatise_entries(apps, schema_editor):
    # The current indexing functions, on purpose: they are what the search expects to find.
    from search.indexing import lemma_string, save_vectors

    SearchEntry = apps.get_model("search", "SearchEntry")
    entries = SearchEntry.objects.order_by("document_id").values("document_id", "title", "summary", "body")
    last = 0
    while batch := list(entries.filter(document_id__gt=last)[:BATCH]):
        if schema_editor.connection.vendor == "postgresql":
            save_vectors({row["document_id"]: row for row in batch})
        else:
            for row in batch:
                SearchEntry.objects.filter(document_id=row["document_id"]).update(
                    title_stems=lemma_string(row["title"]),
                    stems=lemma_string("\n".join((row["title"], row["summary"], row["body"]))),
                )
        last = batch[-1]["document_id"]


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_document_copies"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="lemma_vector",
            field=django.contrib.postgres.search.SearchVectorField(blank=True, null=True, verbose_name="lemma vector"),
        ),
        core.operations.AddIndexOnPostgreSQL(
            model_name="searchentry",
            index=django.contrib.postgres.indexes.GinIndex(fields=["lemma_vector"], name="search_entry_lemma_gin"),
        ),
        # As for `vector` (0002): the planner reads matches from the GIN index rather than each vector.
        core.operations.RunSQLOnPostgreSQL(
            "ALTER TABLE search_searchentry ALTER COLUMN lemma_vector SET STATISTICS 0",
            "ALTER TABLE search_searchentry ALTER COLUMN lemma_vector SET STATISTICS -1",
        ),
        migrations.RunPython(lemmatise_entries, migrations.RunPython.noop, elidable=True),
    ]
