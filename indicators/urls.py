from django.urls import path

from indicators import views

app_name = "indicators"
urlpatterns = [
    path("", views.indicator_list, name="indicator_list"),
    path("<slug:slug>/", views.indicator_detail, name="indicator_detail"),
    path("<slug:slug>/csv/", views.indicator_csv, name="indicator_csv"),
]
