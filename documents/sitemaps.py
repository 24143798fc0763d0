from django.contrib.auth.models import AnonymousUser

from core.sitemaps import BilingualSitemap, ListPagesSitemap
from documents.models import Document


class DocumentListsSitemap(ListPagesSitemap):
    url_names = ("documents:document_list",)


class DocumentSitemap(BilingualSitemap):
    priority = 0.4

    def items(self):
        return Document.objects.visible_to(AnonymousUser()).order_by("-date", "pk")

    def lastmod(self, item):
        return item.date


SITEMAPS = {"document-lists": DocumentListsSitemap, "documents": DocumentSitemap}
