"""sitemap.xml: every public page in both languages, each with its hreflang alternates."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from documents.models import Document
from meetings.models import Meeting
from pages.models import NewsItem, Page
from participants.models import Organisation, State


class BilingualSitemap(Sitemap):
    """Lists each item once per language, with links to its other language and an x-default."""

    i18n = True
    alternates = True
    x_default = True


class StaticViewSitemap(BilingualSitemap):
    priority = 0.8
    changefreq = "weekly"

    def items(self):
        return [
            "pages:home",
            "pages:news_list",
            "meetings:meeting_list",
            "meetings:matrix",
            "participants:state_list",
            "participants:organisation_list",
            "documents:document_list",
        ]

    def location(self, item):
        return reverse(item)


class PageSitemap(BilingualSitemap):
    priority = 0.7

    def items(self):
        return Page.objects.published().order_by("position", "pk")


class NewsSitemap(BilingualSitemap):
    def items(self):
        return NewsItem.objects.published().order_by("-date", "pk")

    def lastmod(self, item):
        return item.date


class MeetingSitemap(BilingualSitemap):
    def items(self):
        return Meeting.objects.published().order_by("-start_date", "pk")


class StateSitemap(BilingualSitemap):
    def items(self):
        return State.objects.order_by("slug")


class OrganisationSitemap(BilingualSitemap):
    def items(self):
        return Organisation.objects.order_by("slug")


class DocumentSitemap(BilingualSitemap):
    priority = 0.4

    def items(self):
        return Document.objects.visible_to(AnonymousUser()).order_by("-date", "pk")

    def lastmod(self, item):
        return item.date


SITEMAPS = {
    "static": StaticViewSitemap,
    "pages": PageSitemap,
    "news": NewsSitemap,
    "meetings": MeetingSitemap,
    "states": StateSitemap,
    "organisations": OrganisationSitemap,
    "documents": DocumentSitemap,
}
