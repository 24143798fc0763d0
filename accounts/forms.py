from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, UsernameField
from django.contrib.auth.hashers import make_password
from django.core.mail import EmailMultiAlternatives
from django.forms import TextInput
from django.template import loader
from django.utils.translation import gettext_lazy as _

# Django's AuthenticationForm sets max_length after the field is built, so it never validates it;
# an overlong name then reaches django-axes, whose log column holds 255 characters. Declared here, it is
# checked before authenticate() (and so axes) is called.
USERNAME_MAX_LENGTH = get_user_model()._meta.get_field(get_user_model().USERNAME_FIELD).max_length or 150


def username_field() -> UsernameField:
    return UsernameField(max_length=USERNAME_MAX_LENGTH, widget=TextInput(attrs={"autofocus": True}))


class SignInForm(AuthenticationForm):
    """Django's sign-in form, with labels that say what a delegate types."""

    username = username_field()

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The user name or password is not correct. Both are case-sensitive."),
        "inactive": _("This account is not active. Please contact the secretariat."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("User name")
        self.fields["password"].label = _("Password")


class AdminSignInForm(AdminAuthenticationForm):
    """The admin's login form, refusing overlong user names before they are authenticated (and logged)."""

    username = username_field()


class DelegatePasswordResetForm(PasswordResetForm):
    """Django's reset form, which also reaches delegates who have not chosen a password yet.

    New delegate accounts start without a usable password; the first "reset" is their invitation.

    The answer must not tell whether an address has an account, not even by its timing. So an unknown
    address costs the same work as a known one (a token and a rendered message, for a stand-in account
    that is never saved), and the message to a real account is only handed to the mail job (core.mail),
    so that the mail server's delay does not show either.
    """

    is_known_address = False

    def get_users(self, email):
        users = get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
        found = [
            user
            for user in users.select_related("delegate")
            if user.email.casefold() == email.casefold() and (user.has_usable_password() or hasattr(user, "delegate"))
        ]
        self.is_known_address = bool(found)
        return found or [self.stand_in(email)]

    @staticmethod
    def stand_in(email):
        """An unsaved account for an unknown address: the message is built for it, then dropped."""
        return get_user_model()(pk=0, email=email, password=make_password(None))

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        if self.is_known_address:
            message.send()
