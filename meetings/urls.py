from django.urls import path, re_path

from meetings import calendar, views

app_name = "meetings"
urlpatterns = [
    path("", views.MeetingListView.as_view(), name="meeting_list"),
    path("matrix/", views.participation_matrix, name="matrix"),
    path("calendar.ics", calendar.calendar_feed, name="calendar"),
    path("<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    re_path(r"^(?P<slug>[-a-zA-Z0-9_]+)/cite\.(?P<extension>ris|bib|json)$", views.meeting_cite, name="meeting_cite"),
    path("<slug:slug>/calendar.ics", calendar.meeting_ics, name="meeting_ics"),
]
