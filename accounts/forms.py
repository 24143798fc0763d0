from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _


class SignInForm(AuthenticationForm):
    """Django's sign-in form, with labels that say what a delegate types."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The user name or password is not correct. Both are case-sensitive."),
        "inactive": _("This account is not active. Please contact the secretariat."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("User name")
        self.fields["password"].label = _("Password")


class DelegatePasswordResetForm(PasswordResetForm):
    """Django's reset form, which also reaches delegates who have not chosen a password yet.

    New delegate accounts start without a usable password; the first "reset" is their invitation.
    """

    def get_users(self, email):
        users = get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
        return (
            user
            for user in users.select_related("delegate")
            if user.email.casefold() == email.casefold() and (user.has_usable_password() or hasattr(user, "delegate"))
        )
