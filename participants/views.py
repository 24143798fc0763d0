"""Public pages of the process's participants: states with their map, organisations and partner processes."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from core.i18n import localized
from core.structured_data import json_ld
from documents.models import Document
from indicators.charts import state_figures
from meetings.models import Meeting, Participation
from meetings.views import documents_with_files
from participants.models import FocalPoint, Organisation, State
from participants.region_map import region_map
from participants.structured_data import country, organization


def by_local_name(items, field="name"):
    return sorted(items, key=lambda item: str(localized(item, field)).casefold())


class StateListView(ListView):
    template_name = "participants/state_list.html"
    context_object_name = "states"

    def get_queryset(self):
        return State.objects.participating()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        states = by_local_name(context["states"])
        context["groups"] = [
            {"status": status, "label": label, "states": [state for state in states if state.status == status]}
            for status, label in State.Status.choices
            if status in State.PARTICIPATING
        ]
        context["map"] = region_map(states)
        return context


# A state's or an organisation's page shows this many latest meetings and documents, with their counts
# and a link to the filtered list that has them all: the page stays the same size as the archive grows.
LATEST_SHOWN = 10


class StateDetailView(DetailView):
    model = State
    template_name = "participants/state_detail.html"
    context_object_name = "state"
    shown = LATEST_SHOWN

    def get_queryset(self):
        return State.objects.prefetch_related(Prefetch("focal_points", queryset=FocalPoint.objects.public()))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        visible_meetings = Meeting.objects.visible_to(user)
        participations = Participation.objects.filter(state=self.object, meeting__in=visible_meetings)
        context["timeline"] = participations.select_related("meeting", "meeting__process").order_by(
            "-meeting__start_date", "meeting__pk"
        )[: self.shown]
        context["timeline_count"] = participations.count()
        documents = Document.objects.visible_to(user).filter(states=self.object)
        context["documents"] = documents_with_files(documents.select_related("meeting"), user).order_by("-date", "pk")[
            : self.shown
        ]
        context["document_count"] = documents.count()
        context["shown"] = self.shown
        context["figures"] = state_figures(self.object)
        context["json_ld"] = json_ld(country(self.object, self.request, full=True))
        return context


class OrganisationListView(ListView):
    template_name = "participants/organisation_list.html"
    context_object_name = "organisations"

    def get_queryset(self):
        return Organisation.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisations = by_local_name(context["organisations"])
        # Consultative processes first: they are the partners a delegate looks for.
        kinds = sorted(Organisation.Kind.choices, key=lambda choice: choice[0] != Organisation.Kind.PROCESS)
        context["groups"] = [
            {"kind": kind, "label": KIND_HEADINGS.get(kind, label), "organisations": members}
            for kind, label in kinds
            if (members := [organisation for organisation in organisations if organisation.kind == kind])
        ]
        return context


# Group headings name the kind in the plural («Учреждения ООН»); the choice labels are singular.
KIND_HEADINGS = {
    Organisation.Kind.PROCESS: _("Consultative processes"),
    Organisation.Kind.UN_AGENCY: _("UN agencies"),
    Organisation.Kind.INTERNATIONAL: _("International organisations"),
    Organisation.Kind.NGO: _("NGOs"),
    Organisation.Kind.RESEARCH: _("Research institutes"),
}


class OrganisationDetailView(DetailView):
    model = Organisation
    template_name = "participants/organisation_detail.html"
    context_object_name = "organisation"
    meetings_shown = 20
    documents_shown = LATEST_SHOWN

    def get_queryset(self):
        return Organisation.objects.select_related("secretariat").prefetch_related("processes_served")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.object
        user = self.request.user
        meetings = Meeting.objects.visible_to(user).select_related("process", "host_country")
        # The latest few; the meeting list, filtered by process, has them all.
        if organisation.is_process:
            context["process_meetings"] = meetings.filter(process=organisation)[: self.meetings_shown]
            context["process_meeting_count"] = meetings.filter(process=organisation).count()
        context["organised_meetings"] = meetings.filter(organisers=organisation)[: self.meetings_shown]
        # One participation per organisation and meeting, so this join repeats no meeting.
        context["attended_meetings"] = meetings.filter(
            participations__organisation=organisation, participations__attendance=Participation.Attendance.ATTENDED
        )[: self.meetings_shown]
        documents = Document.objects.visible_to(user).filter(organisations=organisation)
        context["documents"] = documents_with_files(documents.select_related("meeting"), user).order_by("-date", "pk")[
            : self.documents_shown
        ]
        context["document_count"] = documents.count()
        context["documents_shown"] = self.documents_shown
        context["json_ld"] = json_ld(organization(organisation, self.request, full=True))
        return context
