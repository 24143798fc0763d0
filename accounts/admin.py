from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin

from accounts.forms import DelegatePasswordResetForm
from accounts.models import Delegate, RestrictedDownload
from core.history import HistoryCompareMixin


class DelegateCreationForm(forms.ModelForm):
    """A new delegate: the account is created here, and its owner chooses the password by email."""

    email = forms.EmailField(label=_("email"), help_text=_("Also the user name the delegate signs in with."))
    first_name = forms.CharField(label=_("first name"), max_length=150)
    last_name = forms.CharField(label=_("last name"), max_length=150)

    class Meta:
        model = Delegate
        fields = ["email", "first_name", "last_name", "state", "position"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(username__iexact=email).exists():
            raise forms.ValidationError(_("An account with this email already exists."))
        return email

    def save(self, commit=True):
        delegate = super().save(commit=False)
        user = get_user_model()(
            username=self.cleaned_data["email"],
            email=self.cleaned_data["email"],
            first_name=self.cleaned_data["first_name"],
            last_name=self.cleaned_data["last_name"],
        )
        # Nobody knows a password until the delegate sets one through the emailed link.
        user.set_unusable_password()
        user.save()
        delegate.user = user
        if commit:
            delegate.save()
        return delegate


def send_password_email(request, delegate) -> bool:
    form = DelegatePasswordResetForm({"email": delegate.user.email})
    if not form.is_valid():
        return False
    form.save(
        request=request,
        use_https=request.is_secure(),
        subject_template_name="accounts/password_reset_subject.txt",
        email_template_name="accounts/password_reset_email.txt",
    )
    return True


@admin.register(Delegate)
class DelegateAdmin(HistoryCompareMixin, VersionAdmin):
    list_display = ["__str__", "email", "state", "position", "is_active", "created_at"]
    list_filter = ["state", "user__is_active"]
    search_fields = ["user__username", "user__email", "user__first_name", "user__last_name", "position"]
    autocomplete_fields = ["state"]
    list_select_related = ["user", "state"]
    actions = ["send_password_emails", "deactivate"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = DelegateCreationForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["email", "first_name", "last_name", "state", "position"]
        return ["user", "state", "position"]

    def get_readonly_fields(self, request, obj=None):
        return ["user"] if obj else []

    @admin.display(description=_("email"), ordering="user__email")
    def email(self, obj):
        return obj.user.email

    @admin.display(description=_("active"), boolean=True, ordering="user__is_active")
    def is_active(self, obj):
        return obj.user.is_active

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
        if not change and send_password_email(request, obj):
            message = _("An email to choose a password was sent to %(email)s.") % {"email": obj.user.email}
            self.message_user(request, message)

    @admin.action(description=_("Send an email to choose a new password"))
    def send_password_emails(self, request, queryset):
        sent = sum(send_password_email(request, delegate) for delegate in queryset.select_related("user"))
        self.message_user(
            request,
            ngettext("%(count)d email was sent.", "%(count)d emails were sent.", sent) % {"count": sent},
            messages.SUCCESS,
        )

    @admin.action(description=_("Deactivate the selected delegates' accounts"))
    def deactivate(self, request, queryset):
        count = get_user_model().objects.filter(delegate__in=queryset).update(is_active=False)
        self.message_user(
            request,
            ngettext("%(count)d account was deactivated.", "%(count)d accounts were deactivated.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(RestrictedDownload)
class RestrictedDownloadAdmin(admin.ModelAdmin):
    """A log: read only, so that nobody can tidy away a download."""

    list_display = ["downloaded_at", "username", "state", "file_label", "audience", "ip_address"]
    list_filter = ["audience", "state", "downloaded_at"]
    search_fields = ["username", "file_label"]
    date_hierarchy = "downloaded_at"
    list_select_related = ["state"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- The sign-in logs of django-axes: a "Security" section of the index, not among the editors' lists ---------


class SecuritySectionAdmin:
    """Left out of the index's list of apps; templates/admin/index.html links it under "Security"."""

    def has_module_permission(self, request):
        return False


def move_sign_in_logs_to_the_security_section():
    import axes.admin  # noqa: F401  (registers the logs first, whatever the order of INSTALLED_APPS)
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        if admin.site.is_registered(model):
            registered = type(admin.site.get_model_admin(model))
            admin.site.unregister(model)
            admin.site.register(model, type(registered.__name__, (SecuritySectionAdmin, registered), {}))


move_sign_in_logs_to_the_security_section()
