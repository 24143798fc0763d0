from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.generic import DetailView, ListView

from documents.models import Document
from meetings.models import Meeting
from pages.models import NewsItem, Page


def home(request):
    today = timezone.localdate()
    meetings = Meeting.objects.visible_to(request.user).for_listing()
    context = {
        "about": Page.objects.visible_to(request.user).filter(slug="about").first(),
        "upcoming_meetings": meetings.upcoming(today)[:3],
        "latest_meetings": meetings.past(today)[:5],
        "latest_documents": Document.objects.visible_to(request.user).select_related("meeting")[:5],
        "news": NewsItem.objects.visible_to(request.user)[:3],
    }
    return render(request, "pages/home.html", context)


def page_detail(request, slug):
    page = get_object_or_404(Page.objects.visible_to(request.user), slug=slug)
    return render(request, "pages/page_detail.html", {"page": page})


class NewsListView(ListView):
    template_name = "pages/news_list.html"
    context_object_name = "news"
    paginate_by = 20

    def get_queryset(self):
        return NewsItem.objects.visible_to(self.request.user)


class NewsDetailView(DetailView):
    template_name = "pages/news_detail.html"
    context_object_name = "item"

    def get_queryset(self):
        return NewsItem.objects.visible_to(self.request.user)
