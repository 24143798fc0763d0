"""RSS and Atom feeds of documents newly added to the archive, one per language, and of any search of it."""

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.feeds import AtomFeed, PublicFeed
from core.seo import start_of_day
from core.views import bad_request, form_errors
from documents.filters import DocumentFilter
from documents.models import Document


class DocumentRssFeed(PublicFeed):
    title = _("Almaty Process: new documents")
    description = _("Documents newly published in the archive of the Almaty Process.")
    list_url_name = "documents:document_list"
    description_fields = ("summary",)

    def public_items(self):
        # Newest additions first (by id, not by the document's date): an old report added to the archive
        # today is news for a subscriber, and would otherwise never enter the feed's window.
        return Document.objects.visible_to(AnonymousUser()).order_by("-pk")

    def item_default_description(self, item):
        return item.get_kind_display()

    def item_pubdate(self, item):
        return item.publish_at or start_of_day(item.date)

    def item_categories(self, item):
        return [item.get_kind_display()]


class DocumentAtomFeed(AtomFeed, DocumentRssFeed):
    pass


class DocumentSearchFeed(AtomFeed, DocumentRssFeed):
    """Subscribe to this search: the newest additions among the documents a list address shows.

    The address's parameters are read by the archive list's own FilterSet (documents.filters) for an
    anonymous reader, whoever asks: a feed carries only what the public sees. A bad value answers 400
    naming it, as the list does. Newest additions come first whatever the list's sort: a subscriber
    wants what is new.
    """

    description = _("Documents newly published in the archive of the Almaty Process that match a search.")

    def __call__(self, request, *args, **kwargs):
        filterset = public_filterset(request)
        if not filterset.is_valid():
            return bad_request(request, errors=form_errors(filterset.form))
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return public_filterset(request)

    def title(self, filterset):
        if filterset.query:
            return _("Almaty Process: documents matching “%(query)s”") % {"query": filterset.query}
        return _("Almaty Process: documents of a list")

    def link(self, filterset):
        params = filterset.data.copy()
        params.pop("page", None)
        encoded = params.urlencode()
        return reverse("documents:document_list") + (f"?{encoded}" if encoded else "")

    def items(self, filterset):
        return filterset.qs.order_by("-pk")[: self.length]


def public_filterset(request) -> DocumentFilter:
    # No request: the FilterSet's reader is then anonymous (documents.filters.reader), for the
    # meetings it accepts and the files the language filter counts as well as for the documents.
    return DocumentFilter(request.GET, queryset=Document.objects.visible_to(AnonymousUser()), request=None)
