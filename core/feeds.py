"""The one base of the portal's RSS and Atom feeds: public items only, in the language of the address."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from core.i18n import localized
from core.seo import feed_text, start_of_day


class PublicFeed(Feed):
    """An RSS feed of the newest public items; `AtomFeed` below turns a subclass into its Atom twin.

    A subclass names the list page it mirrors (`list_url_name`), the public items (`public_items()`),
    the fields whose text describes an item, first non-empty wins (`description_fields`), and the
    date an item was published (`item_date()`). The channel's language is the active one, set by
    the URL's language prefix.
    """

    length = 30
    list_url_name = ""
    description_fields: tuple[str, ...] = ()

    def public_items(self):
        # Feed readers fetch without a session, and a feed URL gets shared: a feed carries only
        # what the public sees, even when a member of staff opens it.
        raise NotImplementedError

    def item_date(self, item):
        return item.date

    def link(self):
        return reverse(self.list_url_name)

    def items(self):
        return self.public_items()[: self.length]

    def item_title(self, item):
        return escape(localized(item, "title").text)

    def item_description(self, item):
        # Feed readers render the description as HTML; ours is plain text, so it goes out escaped.
        for field in self.description_fields:
            if text := feed_text(item, field):
                return escape(text)
        return escape(self.item_default_description(item))

    def item_default_description(self, item):
        return ""

    def item_pubdate(self, item):
        return start_of_day(self.item_date(item))

    def item_updateddate(self, item):
        # Atom requires an update time on every entry; no revision time is kept, so publication stands in.
        return self.item_pubdate(item)


class AtomFeed:
    """Mixed in before a PublicFeed subclass: the same feed as Atom, its description as the subtitle."""

    feed_type = Atom1Feed

    def subtitle(self):
        return self.description
