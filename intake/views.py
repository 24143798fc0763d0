"""The partner's form, reached through its secret link only."""

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.security import is_rate_limited
from intake import review
from intake.forms import ParticipantInformationForm
from intake.models import Invitation, Submission


def _private(response):
    # The address is the secret: no search engine, no Referer header to the sites linked from the page.
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _closed(request, invitation):
    state = invitation.state() if invitation is not None else "unknown"
    status = 404 if invitation is None else 410
    return _private(render(request, "intake/link_closed.html", {"state": state}, status=status))


@never_cache
@require_http_methods(["GET", "POST"])
def participant_form(request, token):
    invitation = Invitation.objects.for_token(token)
    if invitation is None or not invitation.is_open:
        return _closed(request, invitation)
    submission = Submission.objects.filter(invitation=invitation).prefetch_related("attachments").first()
    if submission is not None and not submission.is_editable_by_partner:
        return _private(render(request, "intake/received.html", {"invitation": invitation, "submission": submission}))
    status = 200
    if request.method == "POST":
        limited, retry_after = is_rate_limited(request, "participant_form")
        if limited:
            response = render(request, "429.html", {"retry_after": retry_after}, status=429)
            response.headers["Retry-After"] = str(retry_after)
            return _private(response)
        form = ParticipantInformationForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                review.submit(invitation, form.cleaned_data, form.cleaned_data["attachments"])
            except review.NotOpen:
                return _closed(request, Invitation.objects.get(pk=invitation.pk))
            return redirect(request.path)
        status = 400
    else:
        form = ParticipantInformationForm(
            initial=ParticipantInformationForm.initial_from(submission, invitation.organisation)
        )
    context = {"invitation": invitation, "submission": submission, "form": form}
    return _private(render(request, "intake/form.html", context, status=status))
