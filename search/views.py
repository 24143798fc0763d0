"""The document archive (list with search and facets), its exports, and the site-wide search page."""

from urllib.parse import urlencode

from django import forms
from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from core.security import rate_limit
from core.views import FilteredListView, bad_request, form_errors
from documents.filters import MAX_QUERY_LENGTH, DocumentFilter
from documents.models import Document, DocumentFile
from search.backends import order_by_relevance, search_documents, snippet_function
from search.exports import csv_lines, json_chunks
from search.facets import document_facets
from search.others import search_other_content
from search.pagination import CountingPaginator
from search.ranking import public_ranking, public_search_ranking

DOCUMENTS_ON_SEARCH_PAGE = 10


def find_documents(filterset):
    """A valid DocumentFilter's documents, most relevant first when there is a query, and their snippets."""
    documents = filterset.qs
    query = filterset.query
    if query:
        return order_by_relevance(documents, query), snippet_function(query)
    return documents.order_by("-date", "title", "pk"), None


def with_snippets(documents, snippets) -> list:
    documents = list(documents)
    found = snippets(documents) if snippets else {}
    for document in documents:
        document.snippet = found.get(document.pk, "")
    return documents


def listing_files(user):
    """The languages shown beside each document: only of files this reader may download."""
    files = DocumentFile.objects.downloadable_by(user).only("id", "document_id", "language").order_by("language")
    return Prefetch("files", queryset=files)


class DocumentListView(FilteredListView):
    template_name = "documents/document_list.html"
    context_object_name = "documents"
    filterset_class = DocumentFilter
    paginate_by = 25
    paginator_class = CountingPaginator

    def get_base_queryset(self):
        return Document.objects.visible_to(self.request.user)

    def listing(self, documents):
        return documents.select_related("meeting").prefetch_related(listing_files(self.request.user))

    def get_queryset(self):
        documents, self.snippets = find_documents(self.filterset)
        # Public readers' matches are counted and ranked in the search index alone (search.ranking).
        self.ranking = public_ranking(self.filterset)
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
            **kwargs,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        documents = with_snippets(context["documents"], self.snippets)
        params = self.request.GET.copy()
        params.pop("page", None)
        context.update(
            documents=documents,
            object_list=documents,
            query=self.filterset.query,
            facets=document_facets(self.filterset, self.request.GET),
            export_query=params.urlencode(),
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


@require_safe
@rate_limit("export")
def export_csv(request):
    """The catalogue with the current filters as CSV: UTF-8 with a BOM so that Excel reads Cyrillic."""
    documents, error = _filtered_documents(request)
    if error:
        return error
    response = StreamingHttpResponse(csv_lines(documents, request), content_type="text/csv; charset=utf-8")
    return _attachment(response, "almaty-process-documents.csv")


@require_safe
@rate_limit("export")
def export_json(request):
    documents, error = _filtered_documents(request)
    if error:
        return error
    response = StreamingHttpResponse(json_chunks(documents, request), content_type="application/json; charset=utf-8")
    return _attachment(response, "almaty-process-documents.json")


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the site"), max_length=MAX_QUERY_LENGTH, required=False, strip=True)


@require_safe
@rate_limit("search")
def search(request):
    """One box for everything: documents (full text) first, then meetings, states, organisations and news."""
    form = SearchForm(request.GET)
    if not form.is_valid():
        return bad_request(request, errors=form_errors(form))
    query = form.cleaned_data["q"]
    context = {"form": form, "query": query}
    if query:
        visible = Document.objects.visible_to(request.user)
        found, snippets = search_documents(visible, query)
        items = visible.select_related("meeting").prefetch_related(listing_files(request.user))
        ranking = public_search_ranking(query, request.user)
        page = CountingPaginator(found, DOCUMENTS_ON_SEARCH_PAGE, ranking=ranking, items=items).page(1)
        context.update(
            documents=with_snippets(page.object_list, snippets),
            document_count=page.paginator.count,
            archive_url=reverse("documents:document_list") + "?" + urlencode({"q": query}),
            others=search_other_content(query, request.user),
        )
    return render(request, "search/search.html", context)
