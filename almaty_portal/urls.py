from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.urls import include, path

from accounts.forms import AdminSignInForm
from core.seo import robots_txt
from core.sitemaps import SITEMAPS

# Overlong user names are refused by the form, before django-axes logs the attempt.
admin.site.login_form = AdminSignInForm

urlpatterns = i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("meetings/", include("meetings.urls")),
    path("documents/", include("documents.urls")),
    path("search/", include("search.urls")),
    path("", include("participants.urls")),
    path("", include("pages.urls")),
)


# Outside the language prefix: crawlers look for these at fixed addresses.
urlpatterns += [
    path("sitemap.xml", sitemap_view, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

# Error pages in the language of the address (LocaleMiddleware has already activated it).
handler400 = "core.views.bad_request"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
