"""RSS and Atom feeds of documents newly added to the archive, one per language."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from core.feeds import AtomFeed, PublicFeed
from core.seo import start_of_day
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
