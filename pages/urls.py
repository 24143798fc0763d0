from django.urls import path

from pages import feeds, views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("news/", views.NewsListView.as_view(), name="news_list"),
    path("news/feed/rss/", feeds.NewsRssFeed(), name="news_feed_rss"),
    path("news/feed/atom/", feeds.NewsAtomFeed(), name="news_feed_atom"),
    path("news/<slug:slug>/", views.NewsDetailView.as_view(), name="news_detail"),
    path("privacy/", views.statement, {"name": "privacy"}, name="privacy"),
    path("accessibility/", views.statement, {"name": "accessibility"}, name="accessibility"),
    path("pages/<slug:slug>/", views.page_detail, name="page_detail"),
]
