from django.urls import path

from monitoring import feeds, views

app_name = "monitoring"
urlpatterns = [
    path("", views.SheetListView.as_view(), name="sheet_list"),
    path("feed/rss/", feeds.SheetRssFeed(), name="feed_rss"),
    path("feed/atom/", feeds.SheetAtomFeed(), name="feed_atom"),
    path("<slug:slug>.pdf", views.sheet_pdf, name="sheet_pdf"),
    path("<slug:slug>/", views.sheet_detail, name="sheet_detail"),
]
