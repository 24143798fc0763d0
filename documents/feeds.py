"""RSS and Atom feeds of documents newly added to the archive, one per language."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from core.i18n import localized
from core.seo import feed_text, start_of_day
from documents.models import Document

FEED_LENGTH = 30


class DocumentRssFeed(Feed):
    title = _("Almaty Process: new documents")
    description = _("Documents newly published in the archive of the Almaty Process.")

    def link(self):
        return reverse("documents:document_list")

    def items(self):
        # Only what the public sees, even for staff: feed URLs are fetched without a session and shared.
        # Newest additions first (by id, not by the document's date): an old report added to the archive
        # today is news for a subscriber, and would otherwise never enter the feed's window.
        return Document.objects.visible_to(AnonymousUser()).order_by("-pk")[:FEED_LENGTH]

    def item_title(self, item):
        return escape(localized(item, "title").text)

    def item_description(self, item):
        # Feed readers render the description as HTML; ours is plain text, so it goes out escaped.
        return escape(feed_text(item, "summary") or item.get_kind_display())

    def item_pubdate(self, item):
        return item.publish_at or start_of_day(item.date)

    # Atom requires an update time on every entry; no revision time is kept, so publication stands in.
    item_updateddate = item_pubdate

    def item_categories(self, item):
        return [item.get_kind_display()]


class DocumentAtomFeed(DocumentRssFeed):
    feed_type = Atom1Feed
    subtitle = DocumentRssFeed.description
