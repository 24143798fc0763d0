"""Key figures about the states: indicators (what is measured, by whom) and their values by state and year."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.history import keeps_history
from core.validators import validate_single_line
from participants.models import State

FIRST_YEAR = 1950
LAST_YEAR = 2100
# Wide enough for a world population in persons, and for a share to four decimal places.
MAX_DIGITS = 20
DECIMAL_PLACES = 4


@keeps_history()
class Indicator(models.Model):
    """What is measured (refugees hosted, remittances as a share of GDP…), in which unit, and by whom."""

    name = models.CharField(_("name"), max_length=200, validators=[validate_single_line])
    slug = models.SlugField(_("slug"), unique=True, help_text=_("Used in the page address; keep it stable."))
    definition = models.TextField(_("definition"), blank=True)
    unit = models.CharField(
        _("unit"), max_length=50, blank=True, validators=[validate_single_line], help_text=_("For example: persons.")
    )
    decimal_places = models.PositiveSmallIntegerField(
        _("decimal places shown"), default=0, validators=[MaxValueValidator(DECIMAL_PLACES)]
    )
    source_name = models.CharField(_("source"), max_length=200, validators=[validate_single_line])
    source_url = models.URLField(_("source address"), blank=True)
    source_licence = models.CharField(
        _("licence of the source"), max_length=100, blank=True, validators=[validate_single_line]
    )
    source_code = models.CharField(
        _("code in the source file"),
        max_length=100,
        blank=True,
        validators=[validate_single_line],
        help_text=_(
            "How an imported file names this indicator: the “Indicator Code” of a World Bank WDI file "
            "(such as SM.POP.TOTL) or the column of a UNHCR Refugee Data Finder export "
            "(such as Asylum-seekers)."
        ),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Lower numbers come first."))

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["position", "slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_code"],
                condition=~Q(source_code=""),
                name="indicator_source_code_unique",
                violation_error_message=_("Another indicator already has this code in the source file."),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("indicators:indicator_detail", args=[self.slug])


class IndicatorValueQuerySet(models.QuerySet):
    def of_participating_states(self):
        return self.filter(state__status__in=State.PARTICIPATING)


@keeps_history()
class IndicatorValue(models.Model):
    """One figure: an indicator's value for a state in a year, with where and when it was taken from."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("indicator")
    )
    state = models.ForeignKey(State, on_delete=models.CASCADE, related_name="indicator_values", verbose_name=_("state"))
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    value = models.DecimalField(_("value"), max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES)
    source = models.CharField(
        _("source"),
        max_length=300,
        validators=[validate_single_line],
        help_text=_("The publication or file the figure was taken from."),
    )
    retrieved = models.DateField(_("retrieved on"))
    note = models.TextField(_("note"), blank=True)
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_(
            "An illustrative figure, not a published statistic: every page that shows it labels it as sample data."
        ),
    )

    objects = IndicatorValueQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator__position", "indicator__slug", "state__name", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "state", "year"],
                name="one_value_per_indicator_state_and_year",
                violation_error_message=_("This indicator already has a value for this state and year."),
            )
        ]

    def __str__(self):
        return f"{self.indicator} · {self.state} · {self.year}"

    def get_absolute_url(self):
        return self.state.get_absolute_url()

    @property
    def shown_value(self) -> Decimal:
        """The value rounded to the indicator's decimal places, for pages and charts."""
        return round(self.value, self.indicator.decimal_places)
