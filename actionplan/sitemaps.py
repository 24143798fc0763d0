from actionplan.models import Activity
from core.sitemaps import BilingualSitemap, ListPagesSitemap


class ActionPlanListsSitemap(ListPagesSitemap):
    url_names = ("actionplan:plan",)


class ActivitySitemap(BilingualSitemap):
    def items(self):
        return Activity.objects.public().order_by("pk")


SITEMAPS = {"action-plan": ActionPlanListsSitemap, "activities": ActivitySitemap}
