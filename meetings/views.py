from django.views.generic import DetailView, ListView

from meetings.models import Meeting


class MeetingListView(ListView):
    template_name = "meetings/meeting_list.html"
    context_object_name = "meetings"
    paginate_by = 25

    def get_queryset(self):
        return Meeting.objects.visible_to(self.request.user).for_listing()


class MeetingDetailView(DetailView):
    template_name = "meetings/meeting_detail.html"
    context_object_name = "meeting"

    def get_queryset(self):
        return (
            Meeting.objects.visible_to(self.request.user)
            .select_related("process", "host_country", "outcome_statement")
            .prefetch_related("organisers", "participations__state", "participations__organisation", "outcome_statement__paragraphs")
        )
