from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = i18n_patterns(
    path("admin/", admin.site.urls),
    path("meetings/", include("meetings.urls")),
    path("documents/", include("documents.urls")),
    path("", include("participants.urls")),
    path("", include("pages.urls")),
)

