from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The search engine (search.engine); the apps it serves keep their entries current."""

    name = "search"
    verbose_name = _("Search")
