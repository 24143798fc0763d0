"""The site-wide search page: documents (full text) first, then meetings, states, organisations and news.

Documents are found as on the archive's list (documents.archive, documents.search); the other
content by a simpler search over titles and summaries (search.engine.text_q).
"""

from urllib.parse import urlencode

from django import forms
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from core.i18n import LANGUAGE_CODES
from core.security import rate_limit
from core.views import bad_request, form_errors
from documents.archive import listing_files, with_snippets
from documents.filters import MAX_QUERY_LENGTH
from documents.models import Document
from documents.search import indexed_search_ranking
from meetings.models import Meeting
from pages.models import NewsItem
from participants.models import Organisation, State
from search import engine

DOCUMENTS_ON_SEARCH_PAGE = 10
LIMIT = 10


def _in_both_languages(*fields: str) -> list[str]:
    return [f"{name}_{language}" for name in fields for language in LANGUAGE_CODES]


SECTIONS = {
    "meetings": (Meeting, _in_both_languages("title", "summary", "city")),
    "states": (State, _in_both_languages("name", "official_name", "profile")),
    "organisations": (Organisation, _in_both_languages("name", "acronym", "description")),
    "news": (NewsItem, _in_both_languages("title", "lead")),
}


def visible(model, user):
    if model in (Meeting, NewsItem):
        return model.objects.visible_to(user)
    return model.objects.all()


def search_other_content(query: str, user) -> dict[str, list]:
    """Up to LIMIT meetings, states, organisations and news items matching the query."""
    results = {}
    for section, (model, fields) in SECTIONS.items():
        condition = engine.text_q(query, fields)
        queryset = visible(model, user)
        if model is Meeting:
            queryset = queryset.select_related("process")
        results[section] = list(queryset.filter(condition)[:LIMIT]) if condition is not None else []
    return results


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
        visible_documents = Document.objects.visible_to(request.user)
        found, snippets = engine.search_documents(visible_documents, query)
        items = visible_documents.select_related("meeting").prefetch_related(listing_files(request.user))
        ranking = indexed_search_ranking(query, request.user)
        page = engine.CountingPaginator(found, DOCUMENTS_ON_SEARCH_PAGE, ranking=ranking, items=items).page(1)
        context.update(
            documents=with_snippets(page.object_list, snippets),
            document_count=page.paginator.count,
            archive_url=reverse("documents:document_list") + "?" + urlencode({"q": query}),
            others=search_other_content(query, request.user),
        )
    return render(request, "pages/search.html", context)
