from core.sitemaps import ListPagesSitemap


class OpenDataSitemap(ListPagesSitemap):
    url_names = ("opendata:open_data",)


SITEMAPS = {"open-data": OpenDataSitemap}
