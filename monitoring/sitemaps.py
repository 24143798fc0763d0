from core.sitemaps import BilingualSitemap, ListPagesSitemap
from monitoring.models import InformationSheet


class SheetListsSitemap(ListPagesSitemap):
    url_names = ("monitoring:sheet_list",)


class SheetSitemap(BilingualSitemap):
    def items(self):
        return InformationSheet.objects.public().order_by("-period_end", "pk")

    def lastmod(self, item):
        return item.period_end


SITEMAPS = {"information-sheet-lists": SheetListsSitemap, "information-sheets": SheetSitemap}
