"""The home page, the process's standing pages, and news."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe
from django.views.generic import DetailView

from core.i18n import current_language
from core.views import FilteredListView
from documents.models import Document
from meetings.models import Meeting
from pages.filters import NewsFilter
from pages.models import NewsItem, Page

ABOUT_SLUG = "about"

# The site's own statements: fixed texts written once per language (templates/pages/statements/<name>.<language>.html).
STATEMENTS = ("privacy", "accessibility")


def home(request):
    today = timezone.localdate()
    user = request.user
    meetings = Meeting.objects.visible_to(user).select_related("process", "host_country")
    context = {
        "about": Page.objects.visible_to(user).filter(slug=ABOUT_SLUG).first(),
        "upcoming_meetings": meetings.upcoming(today)[:3],
        "latest_meetings": meetings.past(today).order_by("-start_date", "pk")[:5],
        "latest_documents": Document.objects.visible_to(user).select_related("meeting").order_by("-date", "-pk")[:5],
        "news": NewsItem.objects.visible_to(user).order_by("-date", "-pk")[:3],
    }
    return render(request, "pages/home.html", context)


def page_detail(request, slug):
    page = get_object_or_404(Page.objects.visible_to(request.user), slug=slug)
    return render(request, "pages/page_detail.html", {"page": page, "draft_object": page})


@require_safe
def statement(request, name):
    """The privacy or the accessibility statement, in the reader's language."""
    return render(request, f"pages/statements/{name}.{current_language()}.html", {"statement": name})


class NewsListView(FilteredListView):
    template_name = "pages/news_list.html"
    context_object_name = "news"
    filterset_class = NewsFilter
    paginate_by = 20

    def get_base_queryset(self):
        return NewsItem.objects.visible_to(self.request.user).order_by("-date", "-pk")


class NewsDetailView(DetailView):
    template_name = "pages/news_detail.html"
    context_object_name = "item"

    def get_queryset(self):
        return NewsItem.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(draft_object=self.object, **kwargs)
