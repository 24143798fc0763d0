import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.security import is_rate_limited
from subscriptions import mailing
from subscriptions.forms import SubscribeForm
from subscriptions.models import Subscription


@require_http_methods(["GET", "POST"])
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST":
        limited, retry_after = is_rate_limited(request, "subscribe")
        if limited:
            response = render(request, "429.html", {"retry_after": retry_after}, status=429)
            response.headers["Retry-After"] = str(retry_after)
            return response
        if form.is_valid():
            email = form.cleaned_data["email"].lower()
            if is_rate_limited(request, "subscribe_address", identity=hashlib.sha256(email.encode()).hexdigest())[0]:
                form.add_error("email", _("Too many requests for this address. Please try again later."))
            else:
                data = form.cleaned_data
                mailing.request_subscription(email, get_language(), data["topic"], data["query"], request.user)
                return render(request, "subscriptions/requested.html", {"email": email})
        return render(request, "subscriptions/subscribe.html", _context(form), status=400)
    return render(request, "subscriptions/subscribe.html", _context(form))


def _context(form):
    return {"form": form, "days": settings.SUBSCRIPTION_CONFIRM_DAYS}


def confirm(request, token):
    pk = mailing.read_confirm_token(token)
    subscription = Subscription.objects.filter(pk=pk).first() if pk is not None else None
    if subscription is None:
        return render(request, "subscriptions/invalid_link.html", status=404)
    mailing.confirm(subscription, timezone.now())
    return render(request, "subscriptions/confirmed.html", {"subscription": subscription})


# Exempt from CSRF by design (RFC 8058): a mail program posts "List-Unsubscribe=One-Click" to this address
# without any cookie or form token. The signed token in the address is the authorisation, and the only thing
# a forged request could do is end a subscription whose link it already holds.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    pk = mailing.read_unsubscribe_token(token)
    if pk is None:
        return render(request, "subscriptions/invalid_link.html", status=404)
    if request.method == "GET":
        # A GET only asks: link checkers and mail scanners open links, and must not unsubscribe anyone.
        get_object_or_404(Subscription, pk=pk)
        return render(request, "subscriptions/unsubscribe.html", {"token": token})
    Subscription.objects.filter(pk=pk).delete()
    if request.POST.get("List-Unsubscribe") == "One-Click":
        return HttpResponse(status=200)
    return render(request, "subscriptions/unsubscribed.html")
