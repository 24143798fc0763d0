"""The sitemap's generic parts: every page in both languages, each with its hreflang alternates.

Each app lists its own pages in its sitemaps.py (as `SITEMAPS`); the root urls.py puts them together.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class BilingualSitemap(Sitemap):
    """Lists each item once per language, with links to its other language and an x-default."""

    i18n = True
    alternates = True
    x_default = True
    # Addresses a file (an item counts once per language), with their alternates: well within the
    # protocol's 50,000 and quick to make; the index links every page of every section.
    limit = 5000

    def get_latest_lastmod(self):
        # Django's default reads every item to find the newest; the index asks once per section.
        return None


class ListPagesSitemap(BilingualSitemap):
    """An app's fixed pages (its lists), given by URL name."""

    priority = 0.8
    changefreq = "weekly"
    url_names: tuple[str, ...] = ()

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)
