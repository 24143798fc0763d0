from django.urls import path

from actionplan import feeds, views

app_name = "actionplan"
urlpatterns = [
    path("", views.plan, name="plan"),
    path("progress.svg", views.progress_svg, name="progress_svg"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.json", views.export_json, name="export_json"),
    path("updates/feed/rss/", feeds.UpdateRssFeed(), name="feed_rss"),
    path("<int:pk>/", views.activity_detail, name="activity"),
    path("<int:pk>/propose/", views.propose, name="propose"),
]
