"""RSS and Atom feeds of the news, one per language (the URL's language prefix decides)."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from core.i18n import localized
from core.seo import feed_text, start_of_day
from pages.models import NewsItem

FEED_LENGTH = 30


class NewsRssFeed(Feed):
    title = _("Almaty Process: news")
    description = _("News of the Almaty Process on refugee protection and international migration.")

    def link(self):
        return reverse("pages:news_list")

    def items(self):
        # Feed readers fetch without a session, and a feed URL gets shared: it carries only
        # what the public sees, even when a member of staff opens it.
        return NewsItem.objects.visible_to(AnonymousUser()).order_by("-date", "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        return escape(localized(item, "title").text)

    def item_description(self, item):
        # Feed readers render the description as HTML; ours is plain text, so it goes out escaped.
        return escape(feed_text(item, "lead") or feed_text(item, "body"))

    def item_pubdate(self, item):
        return start_of_day(item.date)

    # Atom requires an update time on every entry; no revision time is kept, so publication stands in.
    item_updateddate = item_pubdate


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
