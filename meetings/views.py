"""Public meeting pages: the filtered list, one meeting, and the participation matrix."""

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from django.views.generic import DetailView

from core.citations import citation_response
from core.i18n import localized
from core.structured_data import json_ld
from core.views import FilteredListView, bad_request, form_errors, page_number_errors
from documents.models import Document, DocumentFile, MeetingCompilation
from meetings.citations import meeting_citation
from meetings.filters import MatrixFilter, MeetingFilter
from meetings.models import Meeting, Participation
from meetings.structured_data import meeting_json_ld
from participants.models import State
from participants.region_map import region_map


class MeetingListView(FilteredListView):
    template_name = "meetings/meeting_list.html"
    context_object_name = "meetings"
    filterset_class = MeetingFilter
    paginate_by = 20

    def get_base_queryset(self):
        return Meeting.objects.visible_to(self.request.user).select_related("process", "host_country")


# How each attendance is shown in participant lists, the matrix and a state's timeline.
ATTENDANCE_CELLS = {
    Participation.Attendance.ATTENDED: "present",
    Participation.Attendance.DID_NOT_ATTEND: "absent",
    Participation.Attendance.CONFIRMED: "confirmed",
    Participation.Attendance.INVITED: "invited",
}


def participant_groups(participations) -> list[dict]:
    """Participations grouped by role in the order of Participation.Role, and within a role by attendance."""
    keys = ATTENDANCE_CELLS.values()
    groups = {
        role: {"role": role, "label": label, **{key: [] for key in keys}} for role, label in Participation.Role.choices
    }
    for participation in sorted(participations, key=lambda p: str(localized(p.participant, "name")).casefold()):
        groups[participation.role][ATTENDANCE_CELLS[participation.attendance]].append(participation)
    return [group for group in groups.values() if any(group[key] for key in keys)]


def attendance_map(participations) -> dict | None:
    """The region map with the states that attended highlighted; None before anyone is recorded as present.

    The participations come prefetched with their states: one more query, for the participating states.
    """
    attended = [p.state for p in participations if p.state_id and p.attendance == Participation.Attendance.ATTENDED]
    if not attended:
        return None
    states = {state.pk: state for state in State.objects.participating()}
    states.update({state.pk: state for state in attended})
    return region_map(list(states.values()), highlight={state.pk for state in attended})


def documents_with_files(documents, user):
    """Documents with only the language versions this user may download (a file can be more restricted)."""
    files = DocumentFile.objects.downloadable_by(user).order_by("language")
    return documents.prefetch_related(Prefetch("files", queryset=files)).order_by("date", "pk")


class MeetingDetailView(DetailView):
    template_name = "meetings/meeting_detail.html"
    context_object_name = "meeting"

    def get_queryset(self):
        return (
            Meeting.objects.visible_to(self.request.user)
            .select_related("process", "host_country", "outcome_statement")
            .prefetch_related(
                "organisers",
                Prefetch("participations", queryset=Participation.objects.select_related("state", "organisation")),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object
        statement = getattr(meeting, "outcome_statement", None)
        paragraphs = list(statement.paragraphs.all()) if statement else []
        user = self.request.user
        documents = list(documents_with_files(Document.objects.visible_to(user).filter(meeting=meeting), user))
        context.update(
            {
                "draft_object": meeting,
                "participant_groups": participant_groups(meeting.participations.all()),
                "attendance_map": attendance_map(meeting.participations.all()),
                "statement": statement,
                "paragraphs": paragraphs,
                "statement_only_in": language_of_whole_fallback(paragraphs, "text"),
                "documents": documents,
                # The table of contents points at the agenda among the documents; the zip holds every file shown.
                "agenda": next((document for document in documents if document.kind == Document.Kind.AGENDA), None),
                "has_files": any(file.file for document in documents for file in document.files.all()),
                "citation": meeting_citation(meeting, self.request),
                "json_ld": json_ld(meeting_json_ld(meeting, self.request)),
                "cite_url_name": "meetings:meeting_cite",
                "cite_key": meeting.slug,
                "compilations": MeetingCompilation.objects.shown_with(meeting),
            }
        )
        return context


@require_safe
def meeting_cite(request, slug, extension):
    """The meeting's citation as RIS, BibTeX or CSL-JSON; a meeting the reader may not see is a 404."""
    queryset = Meeting.objects.visible_to(request.user).select_related("process", "host_country")
    meeting = get_object_or_404(queryset.prefetch_related("organisers"), slug=slug)
    return citation_response(meeting_citation(meeting, request), extension)


def language_of_whole_fallback(objects, field) -> str | None:
    """The other language, when every object has this field only in that one language.

    A statement wholly in Russian then says so once, not beside each of its paragraphs.
    """
    texts = [localized(obj, field) for obj in objects]
    languages = {text.language for text in texts}
    if texts and all(text.is_fallback for text in texts) and len(languages) == 1:
        return languages.pop()
    return None


def matrix_picture(states, rows) -> dict:
    """Geometry of the heat-map: one column per meeting, one row per state."""
    label_width, cell_height, top = 170, 22, 24
    cell_width = max(6, min(28, 840 // max(len(rows), 1)))
    cells, years = [], []
    previous_year = None
    for column, row in enumerate(rows):
        x = label_width + column * cell_width
        # A year label only where the year changes and there is room to read it.
        if row["meeting"].year != previous_year and (not years or x - years[-1]["x"] >= 36):
            years.append({"x": x, "year": row["meeting"].year})
        previous_year = row["meeting"].year
        for line, value in enumerate(row["cells"]):
            cells.append({"x": x, "y": top + line * cell_height, "value": value, "meeting": row["meeting"]})
    labels = [{"y": top + line * cell_height + cell_height * 0.7, "state": state} for line, state in enumerate(states)]
    return {
        "cells": cells,
        "values": {cell["value"] for cell in cells},
        "labels": labels,
        "years": years,
        "cell_width": cell_width - 1,
        "cell_height": cell_height - 2,
        "width": label_width + len(rows) * cell_width + 10,
        "height": top + len(states) * cell_height + 4,
    }


# The matrix shows one period at a time: this many consecutive meetings, the latest by default, with
# links to the earlier and later periods, so that its size does not grow with the archive.
MATRIX_MEETINGS_PER_PAGE = 40


def matrix_period(request, meetings):
    """The period asked for ("page": 1, the default, is the latest); None for one past the earliest."""
    paginator = Paginator(meetings.order_by("-start_date", "-pk"), MATRIX_MEETINGS_PER_PAGE)
    page = request.GET.get("page") or "1"
    number = paginator.num_pages if page == "last" else int(page)
    if number > paginator.num_pages:
        return None
    return paginator.page(number)


def period_address(request, number: int) -> str:
    params = request.GET.copy()
    params["page"] = number
    return "?" + params.urlencode()


def participation_matrix(request):
    """Who attended which meeting, one period at a time: a table for reading and a heat-map for seeing."""
    meetings = Meeting.objects.visible_to(request.user).filter(status=Meeting.Status.HELD).select_related("process")
    matrix_filter = MatrixFilter(request.GET, queryset=meetings, request=request)
    errors = [] if matrix_filter.is_valid() else form_errors(matrix_filter.form)
    errors += page_number_errors(request)
    if errors:
        return bad_request(request, errors=errors)
    period = matrix_period(request, matrix_filter.qs)
    if period is None:
        raise Http404("No such period of the matrix.")
    meetings = list(reversed(period.object_list))  # in date order, left to right
    attendance = {
        (meeting_id, state_id): ATTENDANCE_CELLS[attendance]
        for meeting_id, state_id, attendance in Participation.objects.filter(
            meeting__in=[meeting.pk for meeting in meetings], state__isnull=False
        ).values_list("meeting_id", "state_id", "attendance")
    }
    listed_state_ids = {state_id for _meeting_id, state_id in attendance}
    states = sorted(
        State.objects.filter(Q(pk__in=listed_state_ids) | Q(pk__in=State.objects.participating())),
        key=lambda state: str(localized(state, "name")).casefold(),
    )
    rows = []
    for meeting in meetings:
        cells = []
        for state in states:
            # A held meeting whose list still says "invited" or "confirmed" has not recorded who came.
            cell = attendance.get((meeting.pk, state.pk), "unlisted")
            cells.append(cell if cell in ("present", "absent", "unlisted") else "unrecorded")
        # The same row as lists of states, for the phone's list view.
        by_value = {}
        for state, cell in zip(states, cells, strict=True):
            by_value.setdefault(cell, []).append(state)
        rows.append({"meeting": meeting, "cells": cells, "states_by_value": by_value})
    # Totals over every period the filters select, counted by the database in one query.
    counted = Participation.objects.filter(
        meeting__in=matrix_filter.qs.values("pk"),
        state__in=[state.pk for state in states],
        attendance__in=[Participation.Attendance.ATTENDED, Participation.Attendance.DID_NOT_ATTEND],
    )
    counts = {
        (state_id, attendance): number
        for state_id, attendance, number in counted.values_list("state_id", "attendance")
        .annotate(number=Count("pk"))
        .values_list("state_id", "attendance", "number")
        .order_by()
    }
    totals = [
        {
            "state": state,
            "present": counts.get((state.pk, Participation.Attendance.ATTENDED), 0),
            "absent": counts.get((state.pk, Participation.Attendance.DID_NOT_ATTEND), 0),
        }
        for state in states
    ]
    context = {
        "filter": matrix_filter,
        "states": states,
        "rows": rows,
        "totals": totals,
        "picture": matrix_picture(states, rows),
        "period": period,
        "earlier": period_address(request, period.next_page_number()) if period.has_next() else None,
        "later": period_address(request, period.previous_page_number()) if period.has_previous() else None,
    }
    return render(request, "meetings/matrix.html", context)
