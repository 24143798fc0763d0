"""Covering indexes for the files a signed-in reader may download (PostgreSQL only; no schema change).

The language facet and the file languages of a delegate's or staff member's results count files by
their own audience, and a file's meeting is its document's: without these, every such search read
the whole files table (its rows carry the extracted text) and the whole documents table (both
summaries) to count two languages. With them both are index-only scans of a few MB: the delegate's
language facet of a broad search fell from about 420 ms to 150 ms on the 100,000-document bench
(docs/performance.md, "Search on the bench with lemmas and expansion"). The public reader has its
partial index since 0004.
"""

from django.db import migrations

from core.operations import RunSQLOnPostgreSQL

FORWARDS = [
    "CREATE INDEX IF NOT EXISTS documents_documentfile_reader_language ON documents_documentfile "
    "(document_id, language, audience)",
    "CREATE INDEX IF NOT EXISTS documents_document_meeting_by_id ON documents_document (id) INCLUDE (meeting_id)",
]
BACKWARDS = [
    "DROP INDEX IF EXISTS documents_documentfile_reader_language",
    "DROP INDEX IF EXISTS documents_document_meeting_by_id",
]


class Migration(migrations.Migration):
    dependencies = [("documents", "0008_index_scheduled_publication")]

    operations = [RunSQLOnPostgreSQL(FORWARDS, BACKWARDS)]
