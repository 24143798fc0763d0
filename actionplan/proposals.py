"""Progress proposed by the states: who may propose, and how a proposal is recorded and approved."""

import reversion
from django.db import transaction
from django.utils.translation import gettext

from accounts.models import delegate_state_id
from actionplan.models import Activity, ProgressUpdate


@transaction.atomic
def propose_update(activity: Activity, user, *, date, text: str, language: str) -> ProgressUpdate:
    """Record a delegate's update as a proposal, in the history; nobody sees it until it is approved."""
    if not activity.accepts_updates_from(user):
        raise PermissionError("Only a delegate of a lead or partner state may propose progress.")
    update = ProgressUpdate(
        activity=activity,
        date=date,
        status=ProgressUpdate.Status.PROPOSED,
        proposed_by=user,
        proposed_for_id=delegate_state_id(user),
        **{f"text_{language}": text},
    )
    update.full_clean()
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(gettext("Proposed from the public site."))
        update.save()
    return update


@transaction.atomic
def decide_updates(queryset, user, status: str) -> int:
    """Approve or reject the proposed updates among these, in the history; others stay as they are."""
    decided = 0
    comments = {
        ProgressUpdate.Status.APPROVED: gettext("Approved."),
        ProgressUpdate.Status.REJECTED: gettext("Rejected."),
    }
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(comments[status])
        proposed = queryset.filter(status=ProgressUpdate.Status.PROPOSED).select_for_update(of=("self",))
        for update in proposed:
            update.status = status
            update.save()
            decided += 1
    return decided
