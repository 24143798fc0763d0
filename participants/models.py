"""Who takes part in the process: states, their focal points, organisations and partner processes."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.history import keeps_history
from core.validators import validate_single_line

iso_alpha2 = RegexValidator(r"^[A-Z]{2}$", _("Enter two capital Latin letters (ISO 3166-1 alpha-2)."))
iso_alpha3 = RegexValidator(r"^[A-Z]{3}$", _("Enter three capital Latin letters (ISO 3166-1 alpha-3)."))


class StateQuerySet(models.QuerySet):
    def participating(self):
        return self.filter(status__in=State.PARTICIPATING)


@keeps_history(follow=("focal_points",))
class State(models.Model):
    """A state: a participant of the process, or one that appears in its archive."""

    class Status(models.TextChoices):
        MEMBER = "member", _("member state")
        OBSERVER = "observer", _("observer state")
        FORMER = "former", _("former participant")
        NONE = "none", _("not participating")

    # The one answer to "is this state participating" (State.objects.participating() asks it).
    PARTICIPATING = (Status.MEMBER, Status.OBSERVER)

    name = models.CharField(_("name"), max_length=100, validators=[validate_single_line])
    official_name = models.CharField(_("official name"), max_length=200, blank=True, validators=[validate_single_line])
    slug = models.SlugField(_("slug"), unique=True, help_text=_("Used in the page address; keep it stable."))
    iso_alpha2 = models.CharField(_("ISO alpha-2 code"), max_length=2, unique=True, validators=[iso_alpha2])
    iso_alpha3 = models.CharField(_("ISO alpha-3 code"), max_length=3, unique=True, validators=[iso_alpha3])
    status = models.CharField(_("status in the process"), max_length=10, choices=Status.choices, default=Status.NONE)
    year_joined = models.PositiveSmallIntegerField(_("year joined"), null=True, blank=True)
    profile = models.TextField(_("short profile"), blank=True)

    objects = StateQuerySet.as_manager()

    class Meta:
        verbose_name = _("state")
        verbose_name_plural = _("states")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("participants:state_detail", args=[self.slug])

    def clean_fields(self, exclude=None):
        # Editors type codes in either case; the standard writes them in capitals.
        self.iso_alpha2 = (self.iso_alpha2 or "").upper()
        self.iso_alpha3 = (self.iso_alpha3 or "").upper()
        super().clean_fields(exclude)

    def clean(self):
        if self.year_joined and self.status == self.Status.NONE:
            raise ValidationError(
                {"year_joined": _("A state that does not take part in the process has no year of joining.")}
            )


class FocalPointQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


@keeps_history()
class FocalPoint(models.Model):
    """A national focal point: the state's contact person for the process."""

    state = models.ForeignKey(State, on_delete=models.CASCADE, related_name="focal_points", verbose_name=_("state"))
    name = models.CharField(_("name"), max_length=200, validators=[validate_single_line])
    position = models.CharField(_("position"), max_length=200, blank=True, validators=[validate_single_line])
    institution = models.CharField(_("institution"), max_length=300, blank=True, validators=[validate_single_line])
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True, validators=[validate_single_line])
    is_public = models.BooleanField(
        _("may be shown publicly"),
        default=False,
        help_text=_("Only contacts who agreed to it are shown on the public site."),
    )

    objects = FocalPointQuerySet.as_manager()

    class Meta:
        verbose_name = _("national focal point")
        verbose_name_plural = _("national focal points")
        ordering = ["state__name", "name"]

    def __str__(self):
        return f"{self.name} ({self.state})"

    def get_absolute_url(self):
        return self.state.get_absolute_url()


class OrganisationQuerySet(models.QuerySet):
    def processes(self):
        return self.filter(kind=Organisation.Kind.PROCESS)


@keeps_history()
class Organisation(models.Model):
    """An international organisation, an NGO or institute, or a consultative process."""

    class Kind(models.TextChoices):
        UN_AGENCY = "un_agency", _("UN agency")
        INTERNATIONAL = "international", _("international organisation")
        PROCESS = "process", _("consultative process")
        NGO = "ngo", _("NGO")
        RESEARCH = "research", _("research institute")

    class Role(models.TextChoices):
        SECRETARIAT = "secretariat", _("secretariat")
        PARTNER = "partner", _("partner")
        OBSERVER = "observer", _("observer")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=300, validators=[validate_single_line])
    acronym = models.CharField(_("acronym"), max_length=50, blank=True, validators=[validate_single_line])
    slug = models.SlugField(_("slug"), unique=True, help_text=_("Used in the page address; keep it stable."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    role = models.CharField(_("role in the process"), max_length=20, choices=Role.choices, default=Role.OTHER)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    secretariat = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="processes_served",
        verbose_name=_("secretariat"),
        help_text=_("For a consultative process: the organisation that runs its secretariat."),
    )
    # The "participant information" a partner process gives about itself.
    activities_in_central_asia = models.TextField(_("activities in Central Asia"), blank=True)
    meetings_with_central_asia = models.TextField(_("meetings with Central Asian participation"), blank=True)
    best_practices = models.TextField(_("best practices"), blank=True)
    contact_details = models.TextField(_("contact details"), blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation or process")
        verbose_name_plural = _("organisations and processes")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return reverse("participants:organisation_detail", args=[self.slug])

    def clean(self):
        if self.secretariat_id and self.kind != self.Kind.PROCESS:
            raise ValidationError({"secretariat": _("Only a consultative process has a secretariat.")})
        if self.secretariat_id and self.secretariat_id == self.pk:
            raise ValidationError({"secretariat": _("A process cannot be its own secretariat.")})

    @property
    def is_process(self) -> bool:
        return self.kind == self.Kind.PROCESS

    @property
    def short_name(self) -> str:
        return self.acronym or self.name
