from core.sitemaps import BilingualSitemap, ListPagesSitemap
from meetings.models import Meeting


class MeetingListsSitemap(ListPagesSitemap):
    url_names = ("meetings:meeting_list", "meetings:matrix")


class MeetingSitemap(BilingualSitemap):
    def items(self):
        return Meeting.objects.published().order_by("-start_date", "pk")


SITEMAPS = {"meeting-lists": MeetingListsSitemap, "meetings": MeetingSitemap}
