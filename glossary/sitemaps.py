from core.sitemaps import ListPagesSitemap


class GlossarySitemap(ListPagesSitemap):
    url_names = ("glossary:glossary",)


SITEMAPS = {"glossary": GlossarySitemap}
