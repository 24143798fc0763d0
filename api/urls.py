"""The API's addresses, under /api/v1/ (outside the language prefix: every item carries both languages)."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import views

app_name = "api"

router = DefaultRouter()
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("participations", views.ParticipationViewSet, basename="participation")
router.register("paragraphs", views.StatementParagraphViewSet, basename="paragraph")
router.register("states", views.StateViewSet, basename="state")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("glossary", views.GlossaryTermViewSet, basename="term")
router.register("activities", views.ActivityViewSet, basename="activity")
router.register("indicators", views.IndicatorViewSet, basename="indicator")
router.register("indicator-values", views.IndicatorValueViewSet, basename="indicator-value")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Swagger UI from drf-spectacular-sidecar's static files, its start-up script a separate file (CSP: no inline).
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/swagger_ui.html"),
        name="docs",
    ),
    path("", include(router.urls)),
]
