from core.sitemaps import BilingualSitemap, ListPagesSitemap
from pages.models import NewsItem, Page


class PageListsSitemap(ListPagesSitemap):
    url_names = ("pages:home", "pages:news_list", "pages:privacy", "pages:accessibility")


class PageSitemap(BilingualSitemap):
    priority = 0.7

    def items(self):
        return Page.objects.published().order_by("position", "pk")


class NewsSitemap(BilingualSitemap):
    def items(self):
        return NewsItem.objects.published().order_by("-date", "pk")

    def lastmod(self, item):
        return item.date


SITEMAPS = {"page-lists": PageListsSitemap, "pages": PageSitemap, "news": NewsSitemap}
