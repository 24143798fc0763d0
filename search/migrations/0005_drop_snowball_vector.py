"""Drop `vector`, the Snowball stems of the entry's texts: since lemmas (0004) nothing reads it.

Writing it cost about three times the two lemma vectors (two configurations over the same texts)
and one more GIN index per entry on every save and re-index. Going back restores an empty column
and its index; `manage.py rebuild_search_index` fills it with that older code.
"""

from django.db import migrations

import core.operations


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_lemma_vector"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.RemoveIndex(model_name="searchentry", name="search_entry_vector_gin")],
            database_operations=[
                # Created on PostgreSQL only (0001), but SQLite has it too once a table remake (0003, 0004)
                # copied the model's indexes: drop it wherever it is.
                migrations.RunSQL("DROP INDEX IF EXISTS search_entry_vector_gin", reverse_sql=migrations.RunSQL.noop),
                core.operations.RunSQLOnPostgreSQL(
                    migrations.RunSQL.noop,
                    reverse_sql="CREATE INDEX IF NOT EXISTS search_entry_vector_gin ON search_searchentry USING gin (vector)",
                ),
            ],
        ),
        migrations.RemoveField(
            model_name="searchentry",
            name="vector",
        ),
    ]
