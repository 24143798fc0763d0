"""RSS and Atom feeds of the information sheets, one per language (the URL's language prefix decides)."""

from django.utils.translation import gettext_lazy as _

from core.feeds import AtomFeed, PublicFeed
from monitoring.models import InformationSheet


class SheetRssFeed(PublicFeed):
    title = _("Almaty Process: information sheets")
    description = _("Joint information sheets of the Almaty Process secretariat.")
    list_url_name = "monitoring:sheet_list"
    description_fields = ("introduction",)

    def public_items(self):
        return InformationSheet.objects.public().order_by("-period_end", "-pk")


class SheetAtomFeed(AtomFeed, SheetRssFeed):
    pass
