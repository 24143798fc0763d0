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
        core.operations.RemoveIndexOnPostgreSQL(
            model_name="searchentry",
            name="search_entry_vector_gin",
        ),
        migrations.RemoveField(
            model_name="searchentry",
            name="vector",
        ),
    ]
