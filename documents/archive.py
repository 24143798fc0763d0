"""The document archive: the list with search and facets, and its CSV and JSON exports."""

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from core.security import rate_limit
from core.views import FilteredListView, bad_request, form_errors
from documents import symbols
from documents.exports import csv_lines, json_chunks
from documents.facets import document_facets
from documents.filters import DocumentFilter, reader
from documents.hits import hit_function
from documents.models import Document, DocumentFile
from documents.search import indexed_ranking, sees_public_only, shared_as_listed
from documents.whole_archive import is_unfiltered, prebuilt_response
from search import engine


def find_documents(filterset):
    """A valid DocumentFilter's documents in the order it asks (most relevant first), and their hits."""
    documents = filterset.qs
    query, sort = filterset.query, filterset.sort_order
    if query:
        also = filterset.expansion.also
        return engine.rank(documents, query, also, sort), hit_function(query, reader(filterset.request), also)
    return documents.order_by(*engine.ordering(sort, rank=None), "title", "pk"), None


def with_snippets(documents, hits) -> list:
    """The documents, each with its `hit` (documents.hits.Hit: snippet, its language, page) or None."""
    documents = list(documents)
    found = hits(documents) if hits else {}
    for document in documents:
        document.hit = found.get(document.pk)
    return documents


def document_by_symbol(request):
    """The visible document whose symbol is the search query, when the query is only that; else None."""
    query = request.GET.get("q", "").strip()
    others = set(request.GET) - {"q", "sort", "expand"}
    if "/" not in query or others or len(query) > symbols.MAX_LENGTH:
        return None
    return Document.objects.visible_to(request.user).with_symbol(query).only("pk").first()


def listing_files(user):
    """The languages shown beside each document: only of files this reader may download."""
    files = DocumentFile.objects.downloadable_by(user).only("id", "document_id", "language").order_by("language")
    return Prefetch("files", queryset=files)


class DocumentListView(FilteredListView):
    template_name = "documents/document_list.html"
    context_object_name = "documents"
    filterset_class = DocumentFilter
    paginate_by = 25
    paginator_class = engine.CountingPaginator

    def get_base_queryset(self):
        return Document.objects.visible_to(self.request.user)

    def get(self, request, *args, **kwargs):
        # A search for a document's exact symbol (AP/SOM.3/2016/1) opens that document.
        document = document_by_symbol(request)
        if document is not None:
            return HttpResponseRedirect(document.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def listing(self, documents):
        return documents.select_related("meeting").prefetch_related(listing_files(self.request.user))

    def get_queryset(self):
        documents, self.snippets = find_documents(self.filterset)
        # Every reader's matches are counted and ranked in the search index alone (documents.search).
        self.ranking = indexed_ranking(self.filterset)
        return self.listing(documents)

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        # The page's documents are read by id from the reader's visible documents (see CountingPaginator).
        return super().get_paginator(
            queryset,
            per_page,
            orphans,
            allow_empty_first_page,
            ranking=self.ranking,
            items=self.listing(self.filterset.queryset),
            shared_as=shared_as_listed(self.request, "page"),
            **kwargs,
        )

    def get_context_data(self, **kwargs):
        # The facets before the page: a search not counted yet is counted and ranked in one statement,
        # which keeps the first ranked ids for the paginator (documents.facets._shared_counts).
        facets = document_facets(self.filterset, self.request.GET, self.ranking)
        context = super().get_context_data(**kwargs)
        documents = with_snippets(context["documents"], self.snippets)
        params = self.request.GET.copy()
        params.pop("page", None)
        context.update(
            documents=documents,
            object_list=documents,
            query=self.filterset.query,
            expansion=self.filterset.expansion,
            query_notes=engine.parse_query(self.filterset.query, self.filterset.expansion.also).notes(),
            facets=facets,
            export_query=params.urlencode(),
            feed_url=reverse("documents:feed_search") + (f"?{params.urlencode()}" if params else ""),
            sort=self.filterset.sort_order,
            sorts=engine.Sort.choices,
        )
        return context


def _filtered_documents(request):
    filterset = DocumentFilter(request.GET, queryset=Document.objects.visible_to(request.user), request=request)
    if not filterset.is_valid():
        return None, bad_request(request, errors=form_errors(filterset.form))
    return find_documents(filterset)[0], None


def _attachment(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response


def _export(request, kind: str, filename: str, render, content_type: str):
    """The catalogue with the current filters; the whole archive comes from a built file or a bounded stream."""
    whole = is_unfiltered(request)
    public_reader = sees_public_only(request.user)
    if whole:
        # The file built in the background for this reader's access rule will do.
        response = prebuilt_response(request, kind, filename)
        if response is not None:
            return response
    documents, error = _filtered_documents(request)
    if error:
        return error
    limit = None
    if whole and not public_reader:
        # Until their rule's file is built, staff and delegates get their whole archive read, but not without end.
        limit = settings.EXPORT_SIGNED_IN_MAX_ROWS
        documents = documents[:limit]
    response = StreamingHttpResponse(render(documents, request), content_type=content_type)
    if limit:
        response["X-Export-Row-Limit"] = str(limit)
    return _attachment(response, filename)


@require_safe
@rate_limit("export")
def export_csv(request):
    """The catalogue with the current filters as CSV: UTF-8 with a BOM so that Excel reads Cyrillic."""
    return _export(request, "csv", "almaty-process-documents.csv", csv_lines, "text/csv; charset=utf-8")


@require_safe
@rate_limit("export")
def export_json(request):
    return _export(request, "json", "almaty-process-documents.json", json_chunks, "application/json; charset=utf-8")
