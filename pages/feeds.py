"""RSS and Atom feeds of the news, one per language (the URL's language prefix decides)."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from core.feeds import AtomFeed, PublicFeed
from pages.models import NewsItem


class NewsRssFeed(PublicFeed):
    title = _("Almaty Process: news")
    description = _("News of the Almaty Process on refugee protection and international migration.")
    list_url_name = "pages:news_list"
    description_fields = ("lead", "body")

    def public_items(self):
        return NewsItem.objects.visible_to(AnonymousUser()).order_by("-date", "-pk")


class NewsAtomFeed(AtomFeed, NewsRssFeed):
    pass
