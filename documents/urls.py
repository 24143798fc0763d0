from django.urls import path, re_path

from core.security import rate_limit_when_searching
from documents import archive, feeds, views

app_name = "documents"
urlpatterns = [
    path(
        "",
        rate_limit_when_searching("archive_search")(archive.DocumentListView.as_view()),
        name="document_list",
    ),
    path("export.csv", archive.export_csv, name="export_csv"),
    path("export.json", archive.export_json, name="export_json"),
    path("feed/rss/", feeds.DocumentRssFeed(), name="feed_rss"),
    path("feed/atom/", feeds.DocumentAtomFeed(), name="feed_atom"),
    path(
        "feed/search/",
        rate_limit_when_searching("archive_search")(feeds.DocumentSearchFeed()),
        name="feed_search",
    ),
    path("<int:pk>/", views.DocumentDetailView.as_view(), name="document_detail"),
    re_path(r"^(?P<pk>[0-9]+)/cite\.(?P<extension>ris|bib|json)$", views.document_cite, name="document_cite"),
    path("<int:pk>/<str:language>/", views.file_download, name="file_download"),
    path("meeting/<slug:slug>/zip/", views.meeting_zip, name="meeting_zip"),
    path(
        "meeting/<slug:slug>/compilation-<str:language>.pdf",
        views.meeting_compilation,
        name="meeting_compilation",
    ),
]
