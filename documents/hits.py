"""Where a search hit is in a document: the snippet, in the reader's language when it matches, and the page.

For the page of found documents (the archive's list, the site search page), in two queries whatever
the number of documents: one highlights each document's text in each language, one finds the first
matching page of each PDF file the reader may download. A file the reader may not download is
never read, named or linked (DocumentFile.objects.downloadable_by).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat, Left
from django.urls import reverse
from django.utils.safestring import SafeString

from core.i18n import LANGUAGE_CODES, current_language
from documents import files
from documents.models import Document, DocumentFile, FilePage
from search import engine

# Of a long file, the start is highlighted (as the search index keeps the start of its text).
SNIPPET_SOURCE_CHARS = 150_000


@dataclass(frozen=True)
class Hit:
    snippet: SafeString
    # The language of the snippet's text; set only when it is not the reader's (shown with its lang).
    other_language: str = ""
    page: int | None = None
    page_url: str = ""


def _languages() -> list[str]:
    reader = current_language()
    return [reader, *(code for code in LANGUAGE_CODES if code != reader)]


def _text_value(text: str) -> Value:
    return Value(text, output_field=TextField())


def _file_text(language: str, user, page_ids: list[int]):
    """The text of the document's file in `language` the reader may download: its matching page, else its start."""
    page = FilePage.objects.filter(pk__in=page_ids, file__document_id=OuterRef("pk"), file__language=language)
    readable = DocumentFile.objects.downloadable_by(user).filter(document_id=OuterRef("pk"), language=language)
    start = readable.order_by().values(text=Left("extracted_text", SNIPPET_SOURCE_CHARS))[:1]
    return Coalesce(
        Subquery(page.order_by().values("text")[:1], output_field=TextField()),
        Subquery(start, output_field=TextField()),
        _text_value(""),
    )


def _text(language: str, user, page_ids: list[int]):
    summary = Coalesce(f"summary_{language}", _text_value(""), output_field=TextField())
    return Concat(summary, _text_value("\n\n"), _file_text(language, user, page_ids), output_field=TextField())


def _highlights(ids: list[int], query: str, user, languages: list[str], page_ids: list[int]) -> dict[int, list]:
    """{document id: [engine Highlight per language, in `languages` order]}."""
    documents = Document.objects.filter(pk__in=ids).order_by()
    if engine.ranks_in_index():
        annotations = {
            f"headline_{code}": engine.headline_expression(_text(code, user, page_ids), query) for code in languages
        }
        rows = documents.annotate(**annotations).values_list("pk", *annotations)
        return {pk: [engine.read_headline(headline) for headline in headlines] for pk, *headlines in rows}
    annotations = {f"text_{code}": _text(code, user, page_ids) for code in languages}
    rows = documents.annotate(**annotations).values_list("pk", *annotations)
    return {pk: [engine.highlight_text(text, query) for text in texts] for pk, *texts in rows}


def _snippet(highlights: list, languages: list[str]) -> tuple[SafeString, str]:
    """The reader's language when it matches, else the first that does; with nothing marked, the first text."""
    chosen = next((index for index, found in enumerate(highlights) if found.matched), None)
    if chosen is None:
        chosen = next((index for index, found in enumerate(highlights) if found.html), 0)
    return highlights[chosen].html, languages[chosen]


def _matching_pages(ids: list[int], query: str, user) -> dict[tuple[int, str], FilePage]:
    """{(document id, language): the first page of that PDF file matching the query}."""
    pdfs = DocumentFile.objects.filter(document_id__in=ids, content_type=files.PDF.content_type).downloadable_by(user)
    pages = (
        FilePage.objects.filter(file__in=pdfs.values("pk"))
        .select_related("file")
        .only("number", "text", "file__document_id", "file__language")
        .order_by("file_id", "number")
    )
    return {
        (page.file.document_id, page.file.language): page
        for page in engine.matching_passages(pages, query, first_of="file_id")
    }


def hit_function(query: str, user) -> Callable[[list], dict[int, Hit]]:
    """A function from a page of found documents to their hits {document id: Hit}."""

    def hits(documents) -> dict[int, Hit]:
        ids = [document.pk for document in documents]
        if not ids:
            return {}
        languages = _languages()
        # The pages first: a file's snippet comes from its matching page (short) rather than its whole text.
        pages = _matching_pages(ids, query, user)
        highlights = _highlights(ids, query, user, languages, [page.pk for page in pages.values()])
        found = {}
        for pk in ids:
            snippet, language = _snippet(highlights.get(pk) or [engine.read_headline("")], languages)
            page_language = next(
                (code for code in [language, *languages] if (pk, code) in pages),
                next((code for document_id, code in sorted(pages) if document_id == pk), None),
            )
            page = pages[(pk, page_language)].number if page_language else None
            found[pk] = Hit(
                snippet=snippet,
                other_language=language if language != languages[0] and snippet else "",
                page=page,
                page_url=f"{reverse('documents:file_download', args=[pk, page_language])}#page={page}" if page else "",
            )
        return found

    return hits
