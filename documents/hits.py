"""Where a search hit is in a document: the snippet, in the reader's language when it matches, and the page.

For the page of found documents (the archive's list, the site search page), in two queries whatever
the number of documents: one finds the first matching page of each file the reader may download (a
PDF's page is named and linked), one highlights each document's text in each language, taken from
that page when there is one. A file the reader may not download is never read, named or linked
(DocumentFile.objects.downloadable_by).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Case, Exists, OuterRef, Subquery, TextField, Value, When
from django.db.models.functions import Coalesce, Concat, Left
from django.urls import reverse
from django.utils.safestring import SafeString

from core.i18n import LANGUAGE_CODES, current_language
from core.pagecache import remember
from documents import files
from documents.models import Document, DocumentFile, FilePage
from documents.search import shared_as
from search import engine

# Of a long text, the start is highlighted (as the search index keeps the start of its text).
SNIPPET_SOURCE_CHARS = 150_000
# Of a file none of whose pages matches: enough for a snippet that only shows what the file begins with.
UNMATCHED_START_CHARS = 2_000


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
    """The text of the document's file in `language` that the reader may download, for its snippet.

    Its matching page when one matches (short, and where the page link points); else, when its pages
    are kept and none matches, only its start (nothing in it can be marked); else (a file read before
    pages were kept) the start of its whole text.
    """
    page = FilePage.objects.filter(pk__in=page_ids, file__document_id=OuterRef("pk"), file__language=language)
    readable = DocumentFile.objects.downloadable_by(user).filter(document_id=OuterRef("pk"), language=language)
    has_pages = Exists(FilePage.objects.filter(file_id=OuterRef("pk")))
    start = readable.order_by().annotate(
        start=Case(
            When(has_pages, then=Left("extracted_text", UNMATCHED_START_CHARS)),
            default=Left("extracted_text", SNIPPET_SOURCE_CHARS),
        )
    )
    return Coalesce(
        Subquery(page.order_by().values(start=Left("text", SNIPPET_SOURCE_CHARS))[:1], output_field=TextField()),
        Subquery(start.values("start")[:1], output_field=TextField()),
        _text_value(""),
    )


def _text(language: str, user, page_ids: list[int]):
    summary = Coalesce(f"summary_{language}", _text_value(""), output_field=TextField())
    return Concat(summary, _text_value("\n\n"), _file_text(language, user, page_ids), output_field=TextField())


def _highlights(ids: list[int], query: str, also, user, languages: list[str], page_ids: list[int]) -> dict[int, list]:
    """{document id: [engine Highlight per language, in `languages` order]}."""
    documents = Document.objects.filter(pk__in=ids).order_by()
    if engine.ranks_in_index():
        annotations = {
            f"headline_{code}": engine.headline_expression(_text(code, user, page_ids), query, also)
            for code in languages
        }
        rows = documents.annotate(**annotations).values_list("pk", *annotations)
        return {pk: [engine.read_headline(headline) for headline in headlines] for pk, *headlines in rows}
    annotations = {f"text_{code}": _text(code, user, page_ids) for code in languages}
    rows = documents.annotate(**annotations).values_list("pk", *annotations)
    return {pk: [engine.highlight_text(text, query, also) for text in texts] for pk, *texts in rows}


def _snippet(highlights: list, languages: list[str]) -> tuple[SafeString, str]:
    """The reader's language when it matches, else the first that does; with nothing marked, the first text."""
    chosen = next((index for index, found in enumerate(highlights) if found.matched), None)
    if chosen is None:
        chosen = next((index for index, found in enumerate(highlights) if found.html), 0)
    return highlights[chosen].html, languages[chosen]


def _matching_pages(ids: list[int], query: str, also, user) -> dict[tuple[int, str], FilePage]:
    """{(document id, language): the first page matching the query of that file, if the reader may download it}."""
    readable = DocumentFile.objects.filter(document_id__in=ids).downloadable_by(user)
    pages = (
        FilePage.objects.filter(file__in=readable.values("pk"))
        .select_related("file")
        .only("number", "text", "file__document_id", "file__language", "file__content_type")
        .order_by("file_id", "number")
    )
    return {
        (page.file.document_id, page.file.language): page
        for page in engine.matching_passages(pages, query, first_of="file_id", also=also)
    }


def hit_function(query: str, user, also=()) -> Callable[[list], dict[int, Hit]]:
    """A function from a page of found documents to their hits {document id: Hit}; `also`: the query's expansions."""

    def hits(documents) -> dict[int, Hit]:
        ids = [document.pk for document in documents]
        if not ids:
            return {}
        # The same page of the same search is highlighted once for all readers with the same rule.
        return remember(f"hits:{shared_as(user, query, also, ids)}", lambda: _hits(ids))

    def _hits(ids) -> dict[int, Hit]:
        languages = _languages()
        # The pages first: a file's snippet comes from its matching page (short) rather than its whole text.
        pages = _matching_pages(ids, query, also, user)
        highlights = _highlights(ids, query, also, user, languages, [page.pk for page in pages.values()])
        found = {}
        # Only a PDF's page is named: other files are kept as one page.
        pdf_pages = {key: page for key, page in pages.items() if page.file.content_type == files.PDF.content_type}
        for pk in ids:
            snippet, language = _snippet(highlights.get(pk) or [engine.read_headline("")], languages)
            page_language = next(
                (code for code in [language, *languages] if (pk, code) in pdf_pages),
                next((code for document_id, code in sorted(pdf_pages) if document_id == pk), None),
            )
            page = pdf_pages[(pk, page_language)].number if page_language else None
            found[pk] = Hit(
                snippet=snippet,
                other_language=language if language != languages[0] and snippet else "",
                page=page,
                page_url=f"{reverse('documents:file_download', args=[pk, page_language])}#page={page}" if page else "",
            )
        return found

    return hits
