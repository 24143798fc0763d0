"""Signing delegates in and out; password resets are Django's own views with our templates."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render

from accounts.forms import SignInForm


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


def locked_out(request, response, credentials):
    """django-axes' answer to a locked-out sign-in: a page in the reader's language."""
    hours = settings.AXES_COOLOFF_TIME
    return render(request, "accounts/locked_out.html", {"cooloff_hours": hours}, status=429)
