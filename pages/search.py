"""The site-wide search page: one box for everything public, grouped by kind.

Documents (and their files' text) are found as on the archive's list (documents.archive,
documents.search): full text, ranked, with snippets. Every other kind is a Section below: the
model's door for the reader (objects.visible_to), the fields searched in both languages (by
search.engine.text_q) and the partial that shows one hit. Adding a kind is one entry in SECTIONS
and one partial in templates/pages/search_hits/.

The overview shows each group's first LIMIT hits and its count; `kind=` shows all of one group,
page by page. Each group costs two queries on the overview (ids with the count, then the hits) and
on its own page, whatever the number of matches.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.core.paginator import EmptyPage
from django.db.models import QuerySet
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from core.i18n import LANGUAGE_CODES, current_language
from core.security import rate_limit
from core.views import bad_request, form_errors, page_number_errors
from documents.archive import document_by_symbol, listing_files, with_snippets
from documents.filters import MAX_QUERY_LENGTH
from documents.hits import hit_function
from documents.models import Document
from documents.search import indexed_search_ranking, shared_as
from glossary.expansion import EXPAND_CHOICES, Expansion, expand, expansion_wanted
from glossary.models import SEARCHED_FIELDS as GLOSSARY_FIELDS
from glossary.models import Term
from meetings.models import Meeting, StatementParagraph
from pages.models import NewsItem, Page
from participants.models import Organisation, State
from search import engine

LIMIT = 10
PER_PAGE = 25


def _in_both_languages(*fields: str) -> tuple[str, ...]:
    return tuple(f"{name}_{language}" for name in fields for language in LANGUAGE_CODES)


@dataclass(frozen=True)
class Section:
    """One kind of content on the search page."""

    kind: str
    heading: Promise
    items: Callable[[object], QuerySet]  # the reader's visible items, with what the partial reads
    fields: tuple[str, ...]
    date: str | None = None  # what "newest" and "oldest" sort by; without it the model's order stays
    order: tuple[str, ...] = field(default_factory=tuple)  # the order by relevance (the model's, if empty)

    @property
    def template(self) -> str:
        return f"pages/search_hits/{self.kind}.html"

    def matches(self, query: str, user, sort: str = "", also=()) -> QuerySet:
        """The reader's items matching the query or its expansions (`also`), in the order asked for."""
        items = self.items(user)
        condition = search_condition(query, self.fields, also)
        if condition is None:
            return items.none()
        items = items.filter(condition)
        if sort and sort != engine.Sort.RELEVANCE and self.date:
            return items.order_by(*engine.ordering(sort, date=self.date, rank=None), "pk")
        return items.order_by(*self.order, "pk") if self.order else items


def search_condition(query: str, fields: tuple[str, ...], also=()):
    """The one place a query (and its glossary expansions) becomes a condition over a section's fields."""
    return engine.text_q(query, list(fields), also)


SECTIONS = [
    Section(
        "paragraphs",
        _("Outcome statements"),
        lambda user: StatementParagraph.objects.visible_to(user).select_related("statement__meeting"),
        _in_both_languages("text"),
        date="statement__meeting__start_date",
        order=("-statement__meeting__start_date", "statement_id", "number"),
    ),
    Section(
        "meetings",
        _("Meetings"),
        lambda user: Meeting.objects.visible_to(user).select_related("process"),
        _in_both_languages("title", "summary", "city"),
        date="start_date",
    ),
    Section("news", _("News"), NewsItem.objects.visible_to, _in_both_languages("title", "lead", "body"), date="date"),
    Section("pages", _("Pages"), Page.objects.visible_to, _in_both_languages("title", "body")),
    Section(
        "states", _("States"), lambda user: State.objects.all(), _in_both_languages("name", "official_name", "profile")
    ),
    Section(
        "organisations",
        _("Organisations"),
        lambda user: Organisation.objects.all(),
        _in_both_languages("name", "acronym", "description"),
    ),
    Section("glossary", _("Glossary"), Term.objects.visible_to, tuple(GLOSSARY_FIELDS)),
]
SECTIONS_BY_KIND = {section.kind: section for section in SECTIONS}


@dataclass
class Group:
    """A section's hits on the page, how many there are in all, and where to see them all."""

    kind: str
    heading: Promise
    hits: list
    count: int
    all_url: str = ""
    template: str = ""

    @property
    def is_cut(self) -> bool:
        return self.count > len(self.hits)


def first_hits(section: Section, query: str, user, sort: str, expansion: Expansion) -> Group:
    """The first LIMIT hits and the count in two queries, however many match.

    Ids and the count come first, in one narrow query (COUNT(*) OVER () beside each id): counting
    and sorting whole rows, long texts and all, took a minute at 27,000 matching paragraphs. The
    LIMIT hits are then read by id (search.engine.CountingPaginator).
    """
    matches = section.matches(query, user, sort, expansion.also)
    shared = shared_as(user, "site", section.kind, query, sort, expansion.also)
    page = engine.CountingPaginator(matches, LIMIT, shared_as=shared).page(1)
    return Group(
        section.kind,
        section.heading,
        list(page.object_list),
        page.paginator.count,
        all_url=search_url(query, sort, kind=section.kind, expansion=expansion),
        template=section.template,
    )


def document_group(query: str, user, sort: str, expansion: Expansion, limit: int = LIMIT) -> Group:
    visible_documents = Document.objects.visible_to(user)
    found = engine.search_documents(visible_documents, query, expansion.also, sort)[0]
    items = visible_documents.select_related("meeting").prefetch_related(listing_files(user))
    ranking = indexed_search_ranking(query, user, expansion.also, sort)
    shared = shared_as(user, "site", "documents", query, sort, expansion.also)
    page = engine.CountingPaginator(found, limit, ranking=ranking, items=items, shared_as=shared).page(1)
    params = {"q": query, **({"sort": sort} if sort else {}), **_expand_param(expansion)}
    return Group(
        "documents",
        _("Documents"),
        with_snippets(page.object_list, hit_function(query, user, expansion.also)),
        page.paginator.count,
        all_url=reverse("documents:document_list") + "?" + urlencode(params),
    )


def _expand_param(expansion: Expansion) -> dict:
    """expand=0 in the addresses of a search whose reader switched the glossary's expansion off."""
    return {} if expansion.enabled else {"expand": "0"}


def search_url(query: str, sort: str = "", kind: str = "", expansion: Expansion | None = None) -> str:
    params = {"q": query, **({"kind": kind} if kind else {}), **({"sort": sort} if sort else {})}
    params.update(_expand_param(expansion) if expansion else {})
    return reverse("search:search") + "?" + urlencode(params)


def feed_url(query: str) -> str:
    """The archive's feed of this search: new documents matching it (documents.feeds)."""
    return reverse("documents:feed_search") + "?" + urlencode({"q": query})


def kind_page(matches: QuerySet, number: str | None, shared: str = ""):
    """One page of a kind's hits (ids and count in one narrow query, then the hits); past the end is 404."""
    paginator = engine.CountingPaginator(matches, PER_PAGE, shared_as=shared)
    try:
        return paginator.page(paginator.num_pages if number == "last" else number or 1)
    except EmptyPage as error:
        raise Http404 from error


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the site"), max_length=MAX_QUERY_LENGTH, required=False, strip=True)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", "")] + [(section.kind, section.heading) for section in SECTIONS]
    )
    sort = forms.ChoiceField(label=_("Sort"), required=False, choices=[("", ""), *engine.Sort.choices])
    # expand=0 switches the glossary's query expansion off.
    expand = forms.TypedChoiceField(
        label=_("Glossary equivalents"), choices=EXPAND_CHOICES, coerce=int, required=False, widget=forms.HiddenInput
    )


@require_safe
@rate_limit("search")
def search(request):
    """One box for everything: documents first, then every other kind, each with its count."""
    # A search for a document's exact symbol (AP/SOM.3/2016/1) opens that document, as on the archive's list.
    document = document_by_symbol(request)
    if document is not None:
        return HttpResponseRedirect(document.get_absolute_url())
    form = SearchForm(request.GET)
    errors = [] if form.is_valid() else form_errors(form)
    errors += page_number_errors(request)
    if errors:
        return bad_request(request, errors=errors)
    query, kind, sort = form.cleaned_data["q"], form.cleaned_data["kind"], form.cleaned_data["sort"]
    context = {"form": form, "query": query, "sort": sort, "sorts": engine.Sort.choices}
    if query:
        expansion = expand(query, current_language(), enabled=expansion_wanted(form.cleaned_data["expand"]))
        context.update(
            overview_url=search_url(query, sort, expansion=expansion),
            feed_url=feed_url(query),
            expansion=expansion,
            query_notes=engine.parse_query(query, expansion.also).notes(),
        )
        if kind:
            section = SECTIONS_BY_KIND[kind]
            matches = section.matches(query, request.user, sort, expansion.also)
            shared = shared_as(request.user, "site", kind, query, sort, expansion.also)
            page = kind_page(matches, request.GET.get("page"), shared)
            context.update(section=section, page_obj=page, hits=page.object_list)
        else:
            documents = document_group(query, request.user, sort, expansion)
            others = [first_hits(section, query, request.user, sort, expansion) for section in SECTIONS]
            context.update(documents=documents, groups=others, others_found=any(group.count for group in others))
    return render(request, "pages/search.html", context)
