"""Writing search entries: texts prepared for either backend, vectors computed in the database.

What an entry contains is decided by the app whose objects are searched (documents.indexing);
this module only stores it: the texts, their lemmas (search.lemmas) between spaces without
PostgreSQL, the weighted vectors with it, and the copied fields the caller passes (see SearchEntry).
"""

from django.db import connection

from search.lemmas import lemmatise
from search.models import SearchEntry

# A tsvector is limited to 1 MB; text past this point of a very long file adds little to a search.
MAX_BODY_CHARS = 300_000
# Private-use characters mark highlighted words in headlines; they must never come from the text.
_MARKERS = ("\ue000", "\ue001")
TEXT_FIELDS = ("title", "summary", "body", "title_stems", "stems")
# The object's own fields copied into its entry, so that public searches read this table alone.
COPIED_FIELDS = ("publication_status", "publish_at", "audience", "kind", "date", "meeting_id")


def uses_postgresql() -> bool:
    return connection.vendor == "postgresql"


def lemma_string(text: str) -> str:
    """Lemmas between single spaces, with a space at each end so that ' lemma ' matches whole lemmas."""
    found = lemmatise(text)
    return f" {found} " if found else ""


# One statement writes both vectors of a batch of entries (each row is rewritten once, its GIN entries
# inserted once). `lemma_vector`: the lemmas, computed here and sent with the statement, not stored;
# `simple` keeps them as they are. It decides what matches; `rank_vector`, its title and summary part,
# orders the matches. (A third vector of Snowball stems in two configurations, which nothing read any
# more, cost about three times these two: search/0005 dropped it.)
VECTORS_SQL = """
UPDATE {table} AS entry SET
    lemma_vector = setweight(to_tsvector('simple', lemmas.title), 'A')
        || setweight(to_tsvector('simple', lemmas.summary), 'B')
        || setweight(to_tsvector('simple', lemmas.body), 'C'),
    rank_vector = setweight(to_tsvector('simple', lemmas.title), 'A')
        || setweight(to_tsvector('simple', lemmas.summary), 'B')
FROM (VALUES {rows}) AS lemmas (id, title, summary, body)
WHERE entry.document_id = lemmas.id
"""
ROWS_PER_STATEMENT = 200


def save_vectors(rows: dict[int, dict]) -> None:
    """Compute and store the vectors of stored entries (PostgreSQL): {document id: entry_fields()}."""
    items = list(rows.items())
    table = connection.ops.quote_name(SearchEntry._meta.db_table)
    for start in range(0, len(items), ROWS_PER_STATEMENT):
        chunk = items[start : start + ROWS_PER_STATEMENT]
        params = []
        for pk, fields in chunk:
            params += [pk, lemmatise(fields["title"]), lemmatise(fields["summary"]), lemmatise(fields["body"])]
        values = ", ".join(["(%s::integer, %s::text, %s::text, %s::text)"] * len(chunk))
        with connection.cursor() as cursor:
            cursor.execute(VECTORS_SQL.format(table=table, rows=values), params)


def _without_markers(text: str) -> str:
    # str.replace, not str.translate: translate looks every character up in a dict (a second per 9,000 texts).
    for marker in _MARKERS:
        text = text.replace(marker, "")
    return text


def entry_fields(titles, summaries, texts, copies: dict) -> dict:
    """The stored fields of one entry: its texts (several parts each, empty ones skipped) and copies.

    The texts share MAX_BODY_CHARS between them, so that every file of a document counts.
    """
    title = "\n".join(part for part in titles if part)
    summary = "\n\n".join(part for part in summaries if part)
    texts = [text for text in texts if text]
    share = MAX_BODY_CHARS // max(len(texts), 1)
    body = "\n\n".join(text[:share] for text in texts)
    fields = {
        "title": _without_markers(title),
        "summary": _without_markers(summary),
        "body": _without_markers(body),
        "title_stems": "",
        "stems": "",
        **{name: copies[name] for name in COPIED_FIELDS},
    }
    if not uses_postgresql():
        fields["title_stems"] = lemma_string(fields["title"])
        fields["stems"] = lemma_string("\n".join((fields["title"], fields["summary"], fields["body"])))
    return fields


def save_entry(document_id: int, fields: dict, create: bool = True) -> bool:
    """Store one entry (created if missing unless `create` is false); whether there is one now."""
    if create:
        SearchEntry.objects.update_or_create(document_id=document_id, defaults=fields)
    elif not SearchEntry.objects.filter(document_id=document_id).update(**fields):
        return False
    if uses_postgresql():
        save_vectors({document_id: fields})
    return True


def save_entries(rows: dict[int, dict]) -> None:
    """Create or replace the entries of many objects at once: {document id: entry_fields()}."""
    entries = [SearchEntry(document_id=pk, **fields) for pk, fields in rows.items()]
    SearchEntry.objects.bulk_create(
        entries,
        update_conflicts=True,
        unique_fields=["document"],
        update_fields=[*TEXT_FIELDS, *COPIED_FIELDS],
    )
    if uses_postgresql() and rows:
        save_vectors(rows)


def delete_entries(ids) -> int:
    return SearchEntry.objects.filter(document_id__in=list(ids)).delete()[0]


def entry_values(ids, fields) -> dict[int, tuple]:
    """{document id: (the given fields of its entry)} for the entries that exist."""
    rows = SearchEntry.objects.filter(document_id__in=list(ids)).values_list("document_id", *fields)
    return {row[0]: row[1:] for row in rows}
