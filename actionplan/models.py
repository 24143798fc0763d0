"""The action plan: priorities, their activities, and the progress the states report on them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import delegate_state_id
from core.access import is_staff
from core.filters import FIRST_YEAR, LAST_YEAR
from core.history import keeps_history
from core.i18n import LANGUAGE_CODES
from core.models import Publishable, PublishableQuerySet
from core.validators import validate_single_line
from documents.models import Document
from meetings.models import Meeting, StatementParagraph
from participants.models import Organisation, State


@keeps_history(follow=("priorities",))
class ActionPlan(Publishable):
    """A plan adopted (or drafted) by the process for a period of years."""

    title = models.CharField(_("title"), max_length=300, validators=[validate_single_line])
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    description = models.TextField(_("description"), blank=True)
    is_illustrative = models.BooleanField(
        _("illustrative example"),
        default=False,
        help_text=_("Tick for a teaching or sample plan that no meeting adopted: the site labels it as such."),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-start_year", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("actionplan:plan")

    def clean(self):
        for name in ("start_year", "end_year"):
            year = getattr(self, name)
            if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
                raise ValidationError({name: _("Enter a year between 1990 and 2100, such as 2016.")})
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The last year cannot be before the first year.")})


@keeps_history()
class Priority(models.Model):
    """A heading of the plan; its activities are listed under it, in its order."""

    plan = models.ForeignKey(
        ActionPlan, on_delete=models.CASCADE, related_name="priorities", verbose_name=_("action plan")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = models.CharField(_("title"), max_length=300, validators=[validate_single_line])
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("priority")
        verbose_name_plural = _("priorities")
        ordering = ["plan", "position", "pk"]

    def __str__(self):
        return f"{self.position}. {self.title}"


class ActivityQuerySet(PublishableQuerySet):
    def led_or_joined_by(self, state):
        """Activities this state leads or joins, each once."""
        state_id = getattr(state, "pk", state)
        return self.filter(
            Q(pk__in=Activity.lead_states.through.objects.filter(state_id=state_id).values("activity_id"))
            | Q(pk__in=Activity.partner_states.through.objects.filter(state_id=state_id).values("activity_id"))
        )

    def with_organisation(self, organisation):
        organisation_id = getattr(organisation, "pk", organisation)
        through = (Activity.lead_organisations.through, Activity.partner_organisations.through)
        return self.filter(
            Q(pk__in=through[0].objects.filter(organisation_id=organisation_id).values("activity_id"))
            | Q(pk__in=through[1].objects.filter(organisation_id=organisation_id).values("activity_id"))
        )

    def in_year(self, year: int):
        """Activities under way at some time in this year (an activity with no end is still going on)."""
        return self.filter(start_date__year__lte=year).filter(Q(end_date__isnull=True) | Q(end_date__year__gte=year))


@keeps_history(follow=("updates",))
class Activity(Publishable):
    """One thing the plan means to do, who leads it and who joins, and where it came from."""

    class Status(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("activity status", "planned")
        IN_PROGRESS = "in_progress", pgettext_lazy("activity status", "in progress")
        COMPLETED = "completed", pgettext_lazy("activity status", "completed")
        SUSPENDED = "suspended", pgettext_lazy("activity status", "suspended")
        CANCELLED = "cancelled", pgettext_lazy("activity status", "cancelled")

    priority = models.ForeignKey(
        Priority, on_delete=models.PROTECT, related_name="activities", verbose_name=_("priority")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = models.CharField(_("title"), max_length=300, validators=[validate_single_line])
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True, help_text=_("Leave empty while it has no end date."))
    lead_states = models.ManyToManyField(
        State, blank=True, related_name="led_activities", verbose_name=_("lead states")
    )
    partner_states = models.ManyToManyField(
        State, blank=True, related_name="joined_activities", verbose_name=_("partner states")
    )
    lead_organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="led_activities", verbose_name=_("lead organisations")
    )
    partner_organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="joined_activities", verbose_name=_("partner organisations")
    )
    paragraphs = models.ManyToManyField(
        StatementParagraph,
        blank=True,
        related_name="activities",
        verbose_name=_("outcome-statement paragraphs"),
        help_text=_("The paragraphs this activity comes from; each shows the activity on its meeting's page."),
    )
    meetings = models.ManyToManyField(
        Meeting, blank=True, related_name="reported_activities", verbose_name=_("meetings that report on it")
    )
    documents = models.ManyToManyField(
        Document, blank=True, related_name="reported_activities", verbose_name=_("documents that report on it")
    )
    is_illustrative = models.BooleanField(
        _("illustrative example"),
        default=False,
        help_text=_("Tick when this activity illustrates the tracker rather than records a real decision."),
    )

    publication_parent_field = "plan"
    publication_parent_lookup = "priority__plan"

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["priority__plan", "priority__position", "position", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("actionplan:activity", args=[self.pk])

    @property
    def plan(self):
        return self.priority.plan

    # The plan's publication hides its activities too.
    @classmethod
    def public_q(cls, prefix: str = "") -> Q:
        return super().public_q(prefix) & ActionPlan.public_q(f"{prefix}priority__plan__")

    def is_visible_to(self, user) -> bool:
        return is_staff(user) or (self.is_published and self.plan.is_published)

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end cannot be before the start.")})

    def state_ids(self) -> set[int]:
        """The states that lead or join this activity."""
        # Through .all(): the states prefetched for the page are not asked for again.
        return {state.pk for state in self.lead_states.all()} | {state.pk for state in self.partner_states.all()}

    def accepts_updates_from(self, user) -> bool:
        """A signed-in delegate of a state that leads or joins this activity may propose progress."""
        state_id = delegate_state_id(user)
        return state_id is not None and state_id in self.state_ids()


class ProgressUpdateQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=ProgressUpdate.Status.APPROVED)

    def public(self):
        """Approved updates of activities the public may see."""
        return self.approved().filter(Activity.public_q("activity__"))

    def visible_to(self, user):
        """Approved updates of activities this user may see: a proposal is seen only in the admin."""
        return self.approved().filter(Activity.visible_q(user, "activity__"))


@keeps_history()
class ProgressUpdate(models.Model):
    """A dated report of progress on one activity; one proposed by a delegate waits for approval."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", pgettext_lazy("progress update status", "proposed")
        APPROVED = "approved", pgettext_lazy("progress update status", "approved")
        REJECTED = "rejected", pgettext_lazy("progress update status", "rejected")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="updates", verbose_name=_("activity"))
    date = models.DateField(_("date"))
    text = models.TextField(_("text"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposed_progress_updates",
        verbose_name=_("proposed by"),
    )
    proposed_for = models.ForeignKey(
        State,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="progress_updates",
        verbose_name=_("on behalf of"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ProgressUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.activity} — {self.date}"

    def get_absolute_url(self):
        return self.activity.get_absolute_url() + f"#update-{self.pk}"

    def clean(self):
        if not any(getattr(self, f"text_{code}", "") for code in LANGUAGE_CODES):
            raise ValidationError(_("Write the update in at least one language."))
