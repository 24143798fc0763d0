"""RSS feed of approved progress on the action plan's activities: public items only."""

from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from actionplan.models import ProgressUpdate
from core.feeds import PublicFeed
from core.i18n import localized


class UpdateRssFeed(PublicFeed):
    title = _("Almaty Process: progress on the action plan")
    description = _("Approved progress updates on the activities of the action plan.")
    list_url_name = "actionplan:plan"
    description_fields = ("text",)

    def public_items(self):
        return ProgressUpdate.objects.public().select_related("activity").order_by("-date", "-pk")

    def item_title(self, item):
        return escape(localized(item.activity, "title").text)
