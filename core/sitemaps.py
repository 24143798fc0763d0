"""The sitemap's generic parts: every page in both languages, each with its hreflang alternates.

Each app lists its own pages in its sitemaps.py (as `SITEMAPS`); the root urls.py puts them together.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse


class EachInEveryLanguage:
    """The (item, language) pairs of a sitemap, without reading every item.

    Django's i18n sitemap makes the list of all pairs to paginate it, so the index (which only needs
    the number of pages) and every file read the whole section: 90,000 documents for the index. Here
    the paginator counts with one COUNT and a file reads only its own slice of the items.
    """

    def __init__(self, items, languages):
        self.items, self.languages = items, list(languages)

    def count(self) -> int:
        items = self.items.count() if isinstance(self.items, QuerySet) else len(self.items)
        return items * len(self.languages)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1) or index.start is None or index.stop is None:
            raise TypeError("only plain slices, as Paginator takes them")
        start, stop, size = max(index.start, 0), max(index.stop, 0), len(self.languages)
        first, last = start // size, -(-stop // size)
        pairs = [(item, language) for item in self.items[first:last] for language in self.languages]
        return pairs[start - first * size : stop - first * size]


class BilingualSitemap(Sitemap):
    """Lists each item once per language, with links to its other language and an x-default."""

    i18n = True
    alternates = True
    x_default = True
    # Addresses a file (an item counts once per language), with their alternates: well within the
    # protocol's 50,000 and quick to make; the index links every page of every section.
    limit = 5000

    def _items(self):
        if type(self).get_languages_for_item is not Sitemap.get_languages_for_item:
            return super()._items()  # languages differ per item: Django's own list
        return EachInEveryLanguage(self.items(), self._languages())

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
