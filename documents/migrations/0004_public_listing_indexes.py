"""Partial covering indexes for what the public archive counts (PostgreSQL only; indexes, no schema change).

- documents of the public (published, for everyone): the facets of the unfiltered list read id,
  kind, date and meeting from this index alone (an index-only scan of a few MB) instead of the
  whole table, whose rows carry both summaries;
- files for everyone by document: the language facet and the file languages beside each result.

They are not in the models' Meta because SQLite would build them without use, and a partial index
with INCLUDE is PostgreSQL's; see docs/performance.md for the measured effect.
"""

from django.db import migrations

from core.operations import RunSQLOnPostgreSQL

FORWARDS = [
    "CREATE INDEX IF NOT EXISTS documents_document_public_listing ON documents_document (publish_at) "
    "INCLUDE (id, kind, date, meeting_id) WHERE publication_status = 'published' AND audience = 'public'",
    "CREATE INDEX IF NOT EXISTS documents_documentfile_public_language ON documents_documentfile "
    "(document_id, language) WHERE audience = 'public'",
]
BACKWARDS = [
    "DROP INDEX IF EXISTS documents_document_public_listing",
    "DROP INDEX IF EXISTS documents_documentfile_public_language",
]


class Migration(migrations.Migration):
    dependencies = [("documents", "0003_file_checks_and_extraction")]

    operations = [RunSQLOnPostgreSQL(FORWARDS, BACKWARDS)]
