"""Meetings of the process and of its partners, who attended them, and what they adopted."""

import reversion
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.history import keeps_history
from core.models import Publishable, PublishableQuerySet
from core.validators import validate_single_line
from participants.models import Organisation, State


class MeetingQuerySet(PublishableQuerySet):
    def upcoming(self, today):
        return self.filter(end_date__gte=today).exclude(status=Meeting.Status.CANCELLED).order_by("start_date")

    def past(self, today):
        return self.filter(end_date__lt=today)


@keeps_history(follow=("participations",))
class Meeting(Publishable):
    """A meeting: senior officials, ministers, a working group, experts or a workshop."""

    class Kind(models.TextChoices):
        SENIOR_OFFICIALS = "som", _("senior officials meeting")
        MINISTERIAL = "ministerial", _("ministerial conference")
        WORKING_GROUP = "working_group", _("working group meeting")
        THEMATIC = "thematic", _("thematic or expert meeting")
        WORKSHOP = "workshop", _("workshop or training")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        POSTPONED = "postponed", _("postponed")
        CANCELLED = "cancelled", _("cancelled")

    title = models.CharField(_("title"), max_length=300, validators=[validate_single_line])
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, help_text=_("Used in the page address; keep it stable.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(
        _("number in its series"),
        null=True,
        blank=True,
        help_text=_("For example 3 for the Third Senior Officials Meeting."),
    )
    process = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="meetings",
        limit_choices_to={"kind": Organisation.Kind.PROCESS},
        verbose_name=_("process"),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), help_text=_("The same as the start date for a one-day meeting."))
    city = models.CharField(_("city"), max_length=100, blank=True, validators=[validate_single_line])
    host_country = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_meetings",
        verbose_name=_("host country"),
    )
    chair = models.CharField(_("chair"), max_length=300, blank=True, validators=[validate_single_line])
    organisers = models.ManyToManyField(
        Organisation, blank=True, related_name="organised_meetings", verbose_name=_("organisers")
    )
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.HELD)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-start_date", "title"]
        indexes = [models.Index(fields=["start_date"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:meeting_detail", args=[self.slug])

    # Addresses under /meetings/ that are pages of their own, not meetings.
    RESERVED_SLUGS = {"matrix", "calendar"}

    def clean(self):
        if self.slug in self.RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is taken by another page; choose another slug.")})
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date cannot be before the start date.")})
        if self.process_id and self.process.kind != Organisation.Kind.PROCESS:
            raise ValidationError({"process": _("Choose a consultative process.")})

    @property
    def year(self) -> int:
        return self.start_date.year

    @property
    def is_multi_day(self) -> bool:
        return self.end_date != self.start_date


@keeps_history()
class Participation(models.Model):
    """One state's or organisation's place at one meeting: invited, confirmed, attended or not."""

    class Attendance(models.TextChoices):
        INVITED = "invited", _("invited")
        CONFIRMED = "confirmed", _("participation confirmed")
        ATTENDED = "attended", _("attended")
        DID_NOT_ATTEND = "did_not_attend", _("did not attend")

    # Only a meeting that has taken place can say who came.
    OUTCOMES = (Attendance.ATTENDED, Attendance.DID_NOT_ATTEND)

    class Role(models.TextChoices):
        CHAIR = "chair", _("chair")
        MEMBER = "member", _("member")
        OBSERVER = "observer", _("observer")
        ORGANISATION = "organisation", _("international organisation")
        GUEST = "guest", _("guest")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="participations", verbose_name=_("meeting")
    )
    state = models.ForeignKey(
        State, on_delete=models.PROTECT, null=True, blank=True, related_name="participations", verbose_name=_("state")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    attendance = models.CharField(
        _("attendance"), max_length=20, choices=Attendance.choices, default=Attendance.INVITED
    )

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["meeting", "role", "state__name", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "state"],
                name="one_participation_per_state",
                violation_error_message=_("This state is already listed at this meeting."),
            ),
            models.UniqueConstraint(
                fields=["meeting", "organisation"],
                name="one_participation_per_organisation",
                violation_error_message=_("This organisation is already listed at this meeting."),
            ),
            models.CheckConstraint(
                condition=Q(state__isnull=False, organisation__isnull=True)
                | Q(state__isnull=True, organisation__isnull=False),
                name="participation_is_state_or_organisation",
                violation_error_message=_("Choose either a state or an organisation."),
            ),
        ]

    def __str__(self):
        return f"{self.participant} — {self.meeting}"

    def get_absolute_url(self):
        return self.meeting.get_absolute_url()

    @property
    def participant(self):
        return self.state or self.organisation

    def clean(self):
        meeting = getattr(self, "meeting", None)  # unset until the admin's inline attaches it
        if meeting is not None and meeting.status != Meeting.Status.HELD and self.attendance in self.OUTCOMES:
            raise ValidationError(
                {
                    "attendance": _(
                        "Only a meeting that has been held can record who attended; choose “invited” or "
                        "“participation confirmed”."
                    )
                }
            )


@keeps_history(follow=("paragraphs",))
class OutcomeStatement(models.Model):
    """The text a meeting adopted, as numbered paragraphs."""

    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, related_name="outcome_statement", verbose_name=_("meeting")
    )
    title = models.CharField(_("title"), max_length=300, blank=True, validators=[validate_single_line])
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)

    class Meta:
        verbose_name = _("outcome statement")
        verbose_name_plural = _("outcome statements")
        ordering = ["-meeting__start_date"]

    def __str__(self):
        return self.title or str(self.meeting)

    def get_absolute_url(self):
        return self.meeting.get_absolute_url() + "#statement"

    def renumber(self, order: list[int] | None = None) -> int:
        """Number the paragraphs 1, 2, 3… in their present order, or in ``order`` (paragraph ids).

        Ids missing from ``order`` keep their place after the ones named. Returns how many paragraphs
        got a new number; within a django-reversion revision the statement and its paragraphs are
        recorded as they are afterwards. One renumbering of a statement at a time (a row lock).
        """
        with transaction.atomic():
            OutcomeStatement.objects.select_for_update().filter(pk=self.pk).exists()
            paragraphs = list(self.paragraphs.order_by("number"))
            if order is not None:
                position = {pk: index for index, pk in enumerate(order)}
                paragraphs.sort(key=lambda paragraph: position.get(paragraph.pk, len(position)))
            changed = [paragraph for number, paragraph in enumerate(paragraphs, start=1) if paragraph.number != number]
            if changed:
                # Out of the way first: a number is unique within its statement at every step.
                top = max(paragraph.number for paragraph in paragraphs)
                for offset, paragraph in enumerate(changed, start=1):
                    paragraph.number = top + offset
                StatementParagraph.objects.bulk_update(changed, ["number"])
                for number, paragraph in enumerate(paragraphs, start=1):
                    paragraph.number = number
                StatementParagraph.objects.bulk_update(changed, ["number"])
        if changed and reversion.is_active():
            reversion.add_to_revision(self)
        return len(changed)

    def move_paragraph(self, paragraph: "StatementParagraph", steps: int) -> bool:
        """Move a paragraph up (negative steps) or down and renumber; False when it cannot go further."""
        with transaction.atomic():
            OutcomeStatement.objects.select_for_update().filter(pk=self.pk).exists()
            ids = list(self.paragraphs.order_by("number").values_list("pk", flat=True))
            index = ids.index(paragraph.pk)
            target = index + steps
            if steps == 0 or not 0 <= target < len(ids):
                return False
            ids.insert(target, ids.pop(index))
            self.renumber(ids)
        return True


class StatementParagraphQuerySet(models.QuerySet):
    """A paragraph is as visible as its statement's meeting: the meeting's rule, not a copy of it."""

    def public(self):
        return self.filter(Meeting.public_q(prefix="statement__meeting__"))

    def visible_to(self, user):
        return self.filter(Meeting.visible_q(user, prefix="statement__meeting__"))


@keeps_history()
class StatementParagraph(models.Model):
    """One numbered paragraph; its number is its address (#p7)."""

    statement = models.ForeignKey(
        OutcomeStatement, on_delete=models.CASCADE, related_name="paragraphs", verbose_name=_("outcome statement")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"), blank=True)

    objects = StatementParagraphQuerySet.as_manager()

    class Meta:
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        ordering = ["statement", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "number"],
                name="paragraph_number_unique_in_statement",
                violation_error_message=_("This number is already used in this statement."),
            )
        ]

    def __str__(self):
        return f"{self.statement} §{self.number}"

    def get_absolute_url(self):
        return self.statement.meeting.get_absolute_url() + f"#{self.anchor}"

    @property
    def anchor(self) -> str:
        return f"p{self.number}"
