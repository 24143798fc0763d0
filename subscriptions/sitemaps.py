from core.sitemaps import ListPagesSitemap


class SubscribeSitemap(ListPagesSitemap):
    url_names = ("subscriptions:subscribe",)


SITEMAPS = {"subscriptions": SubscribeSitemap}
