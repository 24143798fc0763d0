from core.sitemaps import BilingualSitemap, ListPagesSitemap
from indicators.models import Indicator


class IndicatorListSitemap(ListPagesSitemap):
    url_names = ("indicators:indicator_list",)


class IndicatorSitemap(BilingualSitemap):
    def items(self):
        return Indicator.objects.order_by("slug")


SITEMAPS = {"indicator-list": IndicatorListSitemap, "indicators": IndicatorSitemap}
