"""Public pages of the action plan: the plan by priority, one activity, the picture and the exports."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from actionplan import exports
from actionplan.filters import ActivityFilter
from actionplan.forms import ProposalForm
from actionplan.models import Activity, ProgressUpdate
from actionplan.progress import progress_picture, progress_table
from actionplan.proposals import propose_update
from core.i18n import current_language
from core.security import rate_limit
from core.views import bad_request, form_errors
from documents.models import Document
from meetings.models import Meeting, StatementParagraph


def shown_paragraphs(user):
    """The outcome-statement paragraphs an activity comes from, of meetings this reader may see."""
    paragraphs = StatementParagraph.objects.filter(statement__meeting__in=Meeting.objects.visible_to(user))
    return Prefetch("paragraphs", queryset=paragraphs.select_related("statement__meeting"), to_attr="shown_paragraphs")


def plan_activities(queryset, user):
    """Activities with everything the plan, the picture and the exports show, in a fixed number of queries."""
    return queryset.select_related("priority__plan").prefetch_related(
        "lead_states", "partner_states", "lead_organisations", "partner_organisations", shown_paragraphs(user)
    )


def filtered_activities(request):
    """(activities, filterset, None) for a valid filter; (None, None, a 400 response) otherwise."""
    filterset = ActivityFilter(request.GET, queryset=Activity.objects.visible_to(request.user), request=request)
    if not filterset.is_valid():
        return None, None, bad_request(request, errors=form_errors(filterset.form))
    return list(plan_activities(filterset.qs, request.user)), filterset, None


def by_plan_and_priority(activities) -> list[dict]:
    """Activities (in plan order) grouped under their plan, then under their priority."""
    plans = []
    for activity in activities:
        priority = activity.priority
        if not plans or plans[-1]["plan"].pk != priority.plan_id:
            plans.append({"plan": priority.plan, "priorities": []})
        priorities = plans[-1]["priorities"]
        if not priorities or priorities[-1]["priority"].pk != priority.pk:
            priorities.append({"priority": priority, "activities": []})
        priorities[-1]["activities"].append(activity)
    return plans


@require_safe
def plan(request):
    activities, filterset, error = filtered_activities(request)
    if error:
        return error
    table = progress_table(activities)
    context = {
        "filter": filterset,
        "plans": by_plan_and_priority(activities),
        "table": table,
        "picture": progress_picture(table),
        "is_filtered": any(value not in (None, "") for value in filterset.form.cleaned_data.values()),
        "query": request.GET.urlencode(),
    }
    return render(request, "actionplan/plan.html", context)


@require_safe
def progress_svg(request):
    activities, _filterset, error = filtered_activities(request)
    if error:
        return error
    table = progress_table(activities)
    context = {"table": table, "picture": progress_picture(table), "standalone": True}
    response = render(request, "actionplan/progress.svg", context, content_type="image/svg+xml; charset=utf-8")
    response["X-Robots-Tag"] = "noindex"
    return response


def _attachment(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
@rate_limit("export")
def export_csv(request):
    activities, _filterset, error = filtered_activities(request)
    if error:
        return error
    content = "".join(exports.csv_lines(activities, request))
    return _attachment(HttpResponse(content, content_type="text/csv; charset=utf-8"), "action-plan.csv")


@require_safe
@rate_limit("export")
def export_json(request):
    activities, _filterset, error = filtered_activities(request)
    if error:
        return error
    content = exports.json_text(activities, request)
    return _attachment(HttpResponse(content, content_type="application/json; charset=utf-8"), "action-plan.json")


def visible_activity(request, pk) -> Activity:
    """The activity, or a 404 for a reader who may not see it."""
    return get_object_or_404(
        Activity.objects.visible_to(request.user)
        .select_related("priority__plan")
        .prefetch_related("lead_states", "partner_states", "lead_organisations", "partner_organisations"),
        pk=pk,
    )


def activity_page(request, activity, form=None, status=200):
    user = request.user
    can_propose = activity.accepts_updates_from(user)
    context = {
        "activity": activity,
        "draft_object": activity,
        "updates": ProgressUpdate.objects.visible_to(user).filter(activity=activity).order_by("date", "pk"),
        "paragraphs": StatementParagraph.objects.filter(
            activities=activity, statement__meeting__in=Meeting.objects.visible_to(user)
        ).select_related("statement__meeting"),
        "meetings": Meeting.objects.visible_to(user).filter(reported_activities=activity).select_related("process"),
        "documents": Document.objects.visible_to(user).filter(reported_activities=activity).order_by("-date", "pk"),
        "can_propose": can_propose,
        "form": form if form is not None else (ProposalForm() if can_propose else None),
        # The proposer sees that their proposals arrived; nobody else sees them before approval.
        "my_proposals": (
            ProgressUpdate.objects.filter(
                activity=activity, proposed_by=user, status=ProgressUpdate.Status.PROPOSED
            ).order_by("-created_at")
            if user.is_authenticated
            else []
        ),
    }
    return render(request, "actionplan/activity_detail.html", context, status=status)


@require_safe
def activity_detail(request, pk):
    return activity_page(request, visible_activity(request, pk))


@require_POST
@rate_limit("progress_update")
def propose(request, pk):
    activity = visible_activity(request, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(activity.get_absolute_url())
    if not activity.accepts_updates_from(request.user):
        raise PermissionDenied("Only delegates of the states that lead or join this activity may propose progress.")
    form = ProposalForm(request.POST)
    if not form.is_valid():
        return activity_page(request, activity, form=form, status=400)
    propose_update(
        activity,
        request.user,
        date=form.cleaned_data["date"],
        text=form.cleaned_data["text"],
        language=current_language(),
    )
    return redirect(activity.get_absolute_url() + "#propose")
