from django.urls import path

from participants import views

app_name = "participants"
urlpatterns = [
    path("states/", views.StateListView.as_view(), name="state_list"),
    path("states/<slug:slug>/", views.StateDetailView.as_view(), name="state_detail"),
    path("organisations/", views.OrganisationListView.as_view(), name="organisation_list"),
    path("organisations/<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation_detail"),
]
