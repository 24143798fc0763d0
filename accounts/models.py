"""Delegate accounts and the log of restricted downloads."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.history import keeps_history
from core.validators import validate_single_line
from participants.models import State


class DelegateQuerySet(models.QuerySet):
    def for_access(self):
        """Delegates whose account counts for access: active user, participating state."""
        return self.filter(user__is_active=True, state__in=State.objects.participating())


@keeps_history()
class Delegate(models.Model):
    """A member of a state's delegation: a user account linked to a participating state."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="delegate", verbose_name=_("user account")
    )
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="delegates", verbose_name=_("state"))
    position = models.CharField(_("position"), max_length=200, blank=True, validators=[validate_single_line])
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = DelegateQuerySet.as_manager()

    class Meta:
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        ordering = ["state__name", "user__last_name", "user__username"]

    def __str__(self):
        name = self.user.get_full_name() or self.user.get_username()
        return f"{name} ({self.state})"

    def get_absolute_url(self):
        return self.state.get_absolute_url()


_NOT_ASKED = object()


def stand_in_delegate(state_id: int):
    """An unsaved, active user whom every access rule reads as a delegate of the state.

    For work done once for all the state's delegates (documents.whole_archive builds their export).
    """
    user = get_user_model()(is_active=True, is_staff=False)
    user._delegate_state_id = state_id
    return user


def delegate_state_id(user) -> int | None:
    """The id of the participating state the user is a delegate of, or None.

    Cached on the user object: a request asks at most once.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    cached = getattr(user, "_delegate_state_id", _NOT_ASKED)
    if cached is _NOT_ASKED:
        cached = Delegate.objects.for_access().filter(user=user).values_list("state_id", flat=True).first()
        user._delegate_state_id = cached
    return cached


class RestrictedDownload(models.Model):
    """One download of a file that is not for everyone: who, which file, when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="restricted_downloads",
        verbose_name=_("user"),
    )
    # Copied so the record still says who and what after an account or a file is deleted.
    username = models.CharField(_("user name"), max_length=150)
    document_file = models.ForeignKey(
        "documents.DocumentFile",
        on_delete=models.SET_NULL,
        null=True,
        related_name="restricted_downloads",
        verbose_name=_("file"),
    )
    file_label = models.CharField(_("file"), max_length=600)
    audience = models.CharField(_("audience"), max_length=20)
    state = models.ForeignKey(
        State,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="restricted_downloads",
        verbose_name=_("delegate's state"),
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    downloaded_at = models.DateTimeField(_("downloaded at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("restricted download")
        verbose_name_plural = _("restricted downloads")
        ordering = ["-downloaded_at"]

    def __str__(self):
        return f"{self.username}: {self.file_label}"
