from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from accounts.forms import AdminSignInForm
from actionplan.sitemaps import SITEMAPS as ACTIONPLAN_SITEMAPS
from core.health import healthz, readyz
from core.seo import robots_txt
from core.translation_dashboard import translation_dashboard
from documents.sitemaps import SITEMAPS as DOCUMENT_SITEMAPS
from documents.views import resolve_symbol
from glossary.sitemaps import SITEMAPS as GLOSSARY_SITEMAPS
from indicators.sitemaps import SITEMAPS as INDICATOR_SITEMAPS
from meetings.sitemaps import SITEMAPS as MEETING_SITEMAPS
from monitoring.sitemaps import SITEMAPS as MONITORING_SITEMAPS
from opendata.sitemaps import SITEMAPS as OPEN_DATA_SITEMAPS
from opendata.views import oai_pmh, package_file
from pages.search import search
from pages.sitemaps import SITEMAPS as PAGE_SITEMAPS
from participants.sitemaps import SITEMAPS as PARTICIPANT_SITEMAPS
from subscriptions.sitemaps import SITEMAPS as SUBSCRIPTION_SITEMAPS

# Overlong user names are refused by the form, before django-axes logs the attempt.
admin.site.login_form = AdminSignInForm

urlpatterns = i18n_patterns(
    path("admin/translations/", translation_dashboard, name="admin_translations"),
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("meetings/", include("meetings.urls")),
    path("documents/", include("documents.urls")),
    # A document by its symbol, in the manner of the UN's (docs/api.md, "Document symbols").
    path("symbol/<path:symbol>", resolve_symbol, name="document_symbol"),
    path("action-plan/", include("actionplan.urls")),
    path("indicators/", include("indicators.urls")),
    path("glossary/", include("glossary.urls")),
    path("information-sheets/", include("monitoring.urls")),
    path("open-data/", include("opendata.urls")),
    path("subscribe/", include("subscriptions.urls")),
    path("participant-information/", include("intake.urls")),
    # The site-wide search page is the pages app's; its name stays "search:search".
    path("search/", include(([path("", search, name="search")], "search"))),
    path("", include("participants.urls")),
    path("", include("pages.urls")),
)


# Each app lists its own pages.
SITEMAPS = {
    **PAGE_SITEMAPS,
    **MEETING_SITEMAPS,
    **PARTICIPANT_SITEMAPS,
    **DOCUMENT_SITEMAPS,
    **ACTIONPLAN_SITEMAPS,
    **INDICATOR_SITEMAPS,
    **GLOSSARY_SITEMAPS,
    **MONITORING_SITEMAPS,
    **SUBSCRIPTION_SITEMAPS,
    **OPEN_DATA_SITEMAPS,
}

# Outside the language prefix: crawlers look for these at fixed addresses.
urlpatterns += [
    # An index of one file per section and page (core.sitemaps.BilingualSitemap.limit): within the
    # protocol's 50,000 addresses a file, and quick to make however large the archive grows.
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

# Outside the language prefix: harvesters and scripts keep these addresses (opendata, docs/api.md).
urlpatterns += [
    path("oai/", oai_pmh, name="oai"),
    path("open-data/almaty-process.zip", package_file, name="open_data_package"),
]
# The read-only JSON API (docs/api.md): outside the language prefix, every item carries both languages.
urlpatterns += [path("api/v1/", include("api.urls"))]

# Outside the language prefix too: load balancers and monitors ask these (core/health.py).
urlpatterns += [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
]

# Error pages in the language of the address (LocaleMiddleware has already activated it).
handler400 = "core.views.bad_request"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
