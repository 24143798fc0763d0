from django.views.generic import DetailView, ListView

from participants.models import Organisation, State


class StateListView(ListView):
    template_name = "participants/state_list.html"
    context_object_name = "states"

    def get_queryset(self):
        return State.objects.participating()


class StateDetailView(DetailView):
    model = State
    template_name = "participants/state_detail.html"
    context_object_name = "state"


class OrganisationListView(ListView):
    model = Organisation
    template_name = "participants/organisation_list.html"
    context_object_name = "organisations"


class OrganisationDetailView(DetailView):
    model = Organisation
    template_name = "participants/organisation_detail.html"
    context_object_name = "organisation"
