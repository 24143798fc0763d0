from core.sitemaps import BilingualSitemap, ListPagesSitemap
from participants.models import Organisation, State


class ParticipantListsSitemap(ListPagesSitemap):
    url_names = ("participants:state_list", "participants:organisation_list")


class StateSitemap(BilingualSitemap):
    # Every state has a page, participating or not: it shows the meetings the state attended.
    def items(self):
        return State.objects.order_by("slug")


class OrganisationSitemap(BilingualSitemap):
    def items(self):
        return Organisation.objects.order_by("slug")


SITEMAPS = {
    "participant-lists": ParticipantListsSitemap,
    "states": StateSitemap,
    "organisations": OrganisationSitemap,
}
