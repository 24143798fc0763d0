"""Building search entries from documents and their files."""

import operator
from functools import reduce

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import Prefetch

from documents.models import Audience, Document, DocumentFile
from search.models import SearchEntry
from search.stemming import stem_string

# Both configurations: Russian stems Cyrillic words (and English ones through english_stem), English
# drops English stop words and keeps unstemmed Cyrillic forms; together they match either language.
CONFIGURATIONS = ("russian", "english")
WEIGHTS = (("title", "A"), ("summary", "B"), ("body", "C"))
# A tsvector is limited to 1 MB; text past this point of a very long file adds little to a search.
MAX_BODY_CHARS = 300_000
# Private-use characters mark highlighted words in headlines; they must never come from the text.
_MARKERS = str.maketrans("", "", "\ue000\ue001")


def uses_postgresql() -> bool:
    return connection.vendor == "postgresql"


def weighted_vector():
    """title A, summary B, body C; each in every configuration, concatenated with ||."""
    parts = [
        SearchVector(field, config=config, weight=weight) for field, weight in WEIGHTS for config in CONFIGURATIONS
    ]
    return reduce(operator.add, parts)


def vectors() -> dict:
    # The ranking vector needs only the Russian configuration, which stems Latin words with
    # english_stem too: half the size, and it is read for every match.
    rank_parts = [SearchVector(field, config="russian", weight=weight) for field, weight in WEIGHTS[:2]]
    return {"vector": weighted_vector(), "rank_vector": reduce(operator.add, rank_parts)}


def searchable_files():
    # Only files anyone may download are indexed: a restricted file's text must never surface
    # in a snippet of a public document.
    return DocumentFile.objects.filter(audience=Audience.PUBLIC).exclude(extracted_text="").order_by("language")


# Copied from the document so that anonymous searches need no join (see SearchEntry).
COPIED_FIELDS = ("publication_status", "publish_at", "audience", "kind", "date", "meeting_id")
DOCUMENT_FIELDS = ("title_ru", "title_en", "summary_ru", "summary_en", *COPIED_FIELDS)


def entry_fields(document: Document, files) -> dict:
    title = "\n".join(part for part in (document.title_ru, document.title_en) if part)
    summary = "\n\n".join(part for part in (document.summary_ru, document.summary_en) if part)
    texts = [file.extracted_text for file in files if file.extracted_text]
    share = MAX_BODY_CHARS // max(len(texts), 1)
    body = "\n\n".join(text[:share] for text in texts)
    fields = {
        "title": title.translate(_MARKERS),
        "summary": summary.translate(_MARKERS),
        "body": body.translate(_MARKERS),
        "title_stems": "",
        "stems": "",
        **{name: getattr(document, name) for name in COPIED_FIELDS},
    }
    if not uses_postgresql():
        fields["title_stems"] = stem_string(fields["title"])
        fields["stems"] = stem_string("\n".join((fields["title"], fields["summary"], fields["body"])))
    return fields


def index_document(document, create: bool = True) -> None:
    """Bring one document's entry up to date; `document` is a Document or its primary key."""
    pk = document.pk if isinstance(document, Document) else document
    document = Document.objects.filter(pk=pk).only(*DOCUMENT_FIELDS).first()
    if document is None:
        return
    fields = entry_fields(document, searchable_files().filter(document_id=pk).only("extracted_text"))
    if create:
        SearchEntry.objects.update_or_create(document_id=pk, defaults=fields)
    elif not SearchEntry.objects.filter(document_id=pk).update(**fields):
        return
    if uses_postgresql():
        SearchEntry.objects.filter(document_id=pk).update(**vectors())


def rebuild_index(queryset=None, batch_size: int = 1000, progress=None) -> int:
    """Rebuild the entries of `queryset` (all documents by default) in batches; returns how many."""
    queryset = (queryset if queryset is not None else Document.objects.all()).order_by("pk")
    queryset = queryset.only(*DOCUMENT_FIELDS).prefetch_related(
        Prefetch("files", queryset=searchable_files().only("document_id", "extracted_text"), to_attr="indexed_files")
    )
    done = 0
    last_pk = 0
    while True:
        batch = list(queryset.filter(pk__gt=last_pk)[:batch_size])
        if not batch:
            return done
        entries = [SearchEntry(document_id=doc.pk, **entry_fields(doc, doc.indexed_files)) for doc in batch]
        SearchEntry.objects.bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["document"],
            update_fields=["title", "summary", "body", "title_stems", "stems", *COPIED_FIELDS],
        )
        ids = [doc.pk for doc in batch]
        if uses_postgresql():
            SearchEntry.objects.filter(document_id__in=ids).update(**vectors())
        done += len(batch)
        last_pk = ids[-1]
        if progress:
            progress(done)
